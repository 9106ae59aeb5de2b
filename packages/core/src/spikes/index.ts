// spikes: crisis and spike detection over mention counts per time bucket. Public API, re-exported by src/index.ts.
export type * from './types';
export { DEFAULT_SPIKE_OPTIONS, resolveSpikeOptions, bucketSizeMs } from './options';
export { createSpikeDetector, restoreSpikeDetector, mergeSpikeStates } from './detector';
export { detectSpikes, inferBucketMs } from './batch';
export { bucketMentions, detectSpikesByKey, OTHER_KEY } from './bucket';
export { explainSpike, tokenizeForTerms } from './explain';
export { logPoissonUpperTail } from './stats';
