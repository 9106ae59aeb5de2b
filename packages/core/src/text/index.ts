export * from './types';
export { analyzeText, DEFAULT_MAX_LENGTH, SENTIMENT_THRESHOLDS } from './analyze';
export {
  analyzeMentionsAsync,
  completeSignals,
  createLexiconAnalyzer,
  type AnalyzeMentionsOptions,
} from './analyzer';
