// zod schemas for scoring, re-exported from @rapport/core/schemas.
export {};
