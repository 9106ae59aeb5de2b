// spikes: crisis and spike detection over mention counts per time bucket. Public API, re-exported by src/index.ts.
export type * from './types';
export { DEFAULT_SPIKE_OPTIONS, resolveSpikeOptions, bucketSizeMs } from './options';
