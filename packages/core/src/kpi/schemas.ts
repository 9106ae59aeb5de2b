// zod schemas for kpi, re-exported from @rapport/core/schemas.
export {};
