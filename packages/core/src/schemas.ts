/**
 * @rapport/core/schemas: zod schemas and parsers for every boundary that takes outside data.
 * Kept apart from the main entry so that code which only scores does not pay for the schema library.
 */
export * from './model/schemas';
export * from './model/parse';
export * from './text/schemas';
export * from './scoring/schemas';
export * from './ingest/schemas';
export * from './triage/schemas';
export * from './superfans/schemas';
export * from './kpi/schemas';
export * from './spikes/schemas';
