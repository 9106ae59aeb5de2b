// zod schemas for ingest, re-exported from @rapport/core/schemas.
export {};
