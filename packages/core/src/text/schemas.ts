// zod schemas for text, re-exported from @rapport/core/schemas.
export {};
