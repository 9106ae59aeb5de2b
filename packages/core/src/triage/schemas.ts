// zod schemas for triage, re-exported from @rapport/core/schemas.
export {};
