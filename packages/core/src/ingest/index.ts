// Ingestion, main entry: the helpers that need no schema library. The normalisers (mentionsFromX,
// mentionsFromMastodon, mentionsFromBluesky, mentionsFromReddit, mentionsFromCsv, mentionsFromJsonLines,
// mentionsFromRecords) and parseCsv validate outside data with zod, so they live in `@rapport/core/schemas`.
export { htmlToText, decodeHtmlEntities } from './html';
export { parseTwitterDate, toIsoDate, type DateFormat } from './dates';
export { TWCS_MAPPING, type ColumnMapping, type ColumnNames } from './mapping';
export type { BrandIdentity } from './brand';
export type { IngestOptions } from './x';
export type { CsvOptions } from './csv';
