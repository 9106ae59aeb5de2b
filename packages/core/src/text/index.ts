export * from './types';
export { analyzeText, DEFAULT_MAX_LENGTH, SENTIMENT_THRESHOLD } from './analyze';
export {
  analyzeMentionsAsync,
  completeSignals,
  createLexiconAnalyzer,
  type AnalyzeMentionsOptions,
} from './analyzer';
