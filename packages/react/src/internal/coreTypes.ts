import type { SeriesBucket, Spike, SpikeTerm } from '@rapport/core';

/** @deprecated Use the core's `SeriesBucket`. Kept as an alias for early adopters. */
export type VolumeBucket = SeriesBucket;
/** @deprecated Use the core's `SpikeTerm`. */
export type SpikeTermLike = SpikeTerm;
/** @deprecated Use the core's `Spike`. */
export type SpikeLike = Spike;
