// Ingestion, schemas entry (`@rapport/core/schemas`): the platform normalisers, which validate outside data with
// zod at the boundary, their payload schemas, and the CSV reader. Each normaliser returns
// `{ accepted, rejected }`: nothing is dropped silently.
export * from './payloads';
export { mentionsFromX, type IngestOptions } from './x';
export { mentionsFromMastodon } from './mastodon';
export { mentionsFromBluesky } from './bluesky';
export { mentionsFromReddit } from './reddit';
export { mentionsFromRecords, mentionsFromCsv, mentionsFromJsonLines } from './records';
export { parseCsv, csvRecords, type CsvOptions } from './csv';
export { htmlToText, decodeHtmlEntities } from './html';
export { parseTwitterDate, toIsoDate, type DateFormat } from './dates';
export { TWCS_MAPPING, type ColumnMapping, type ColumnNames } from './mapping';
export type { BrandIdentity } from './brand';
