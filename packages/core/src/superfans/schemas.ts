// zod schemas for superfans, re-exported from @rapport/core/schemas.
export {};
