export * from './constants';
export * from './conversations';
export type * from './schemas';
export { RapportInputError, type InputIssue, type Rejected, type ParseResult } from './errors';
