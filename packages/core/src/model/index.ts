export * from './constants';
export * from './conversations';
export type * from './schemas';
export type { InputIssue, Rejected, ParseResult } from './parse';
