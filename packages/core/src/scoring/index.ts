export * from './bands';
export * from './types';
export { scoreMention } from './score';
export { scoreContent, type ContentReason, type ContentScore } from './content';
export { DEFAULT_SCORING_WEIGHTS, type ScoringWeights, type ScoringWeightsInput } from './weights';
