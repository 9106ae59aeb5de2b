// Structural stand-ins for core types that are not exported from @rapport/core yet.
// They are subsets of the core's own types, so the core's objects can be passed as they are.

/** Mentions counted in one time bucket (a subset of the core's `SeriesBucket`). */
export interface VolumeBucket {
  /** Bucket start, ISO 8601. */
  start: string;
  count: number;
  negative?: number;
  authors?: number;
}

/** A word that stands out in a spike (the core's `SpikeTerm`). */
export interface SpikeTermLike {
  term: string;
  count: number;
  lift: number;
}

/** An unusual rise in mentions (a subset of the core's `Spike`). */
export interface SpikeLike {
  kind: 'volume' | 'negative_share';
  start: string;
  end: string;
  severity: number;
  expected: number;
  observed: number;
  reasons: string[];
  authors?: number;
  negativeShare?: number;
  expectedNegativeShare?: number;
  key?: string;
  department?: string;
  topTerms?: SpikeTermLike[];
  sampleMentionIds?: string[];
}
