import type { Mention } from '../model/schemas';
import type { Rejected } from '../model/parse';

/**
 * Mentions counted in one time bucket: the input of spike detection.
 *
 * `start` is the bucket's start (ISO 8601 with a zone). Buckets have one fixed size (an hour, 15 minutes, a day…)
 * and a series may skip buckets: a missing bucket is a collection gap, not a zero, unless the detector is told
 * the series is zero-filled. `count` is a whole number of mentions; `negative` (how many of them were negative)
 * and `authors` (how many distinct people wrote them) are optional and at most `count`.
 *
 * @example
 * ```ts
 * const bucket: SeriesBucket = { start: '2026-11-17T10:00:00Z', count: 312, negative: 140, authors: 251 };
 * ```
 */
export interface SeriesBucket {
  start: string;
  count: number;
  negative?: number;
  authors?: number;
}

/**
 * What made a spike: an unusual number of mentions, or an unusual share of negative ones (a slow burn).
 *
 * @example
 * ```ts
 * const label = spike.kind === 'volume' ? 'Mention spike' : 'Rising negativity';
 * ```
 */
export type SpikeKind = 'volume' | 'negative_share';

/**
 * A word that stands out in a spike: how often it appeared, and how many times more often than usual.
 *
 * @example
 * ```ts
 * const term: SpikeTerm = { term: 'refund', count: 41, lift: 12.5 };
 * ```
 */
export interface SpikeTerm {
  term: string;
  /** Mentions in the spike that contain the term. */
  count: number;
  /** How many times more frequent the term is in the spike than in the baseline mentions (smoothed). */
  lift: number;
}

/**
 * An unusual rise in mentions (or in their negative share), with the evidence in plain words.
 *
 * - `start`: start of the first unusual bucket of the episode (ISO 8601, UTC).
 * - `end`: end (exclusive) of the bucket in which the spike was confirmed, i.e. when it was raised. The batch and
 *   streaming forms raise a spike at the same bucket, so they return equal objects.
 * - `severity`: whole number 1 (barely unusual) to 10 (many times normal, overwhelmingly unlikely by chance).
 * - `expected` / `observed`: for `volume`, mentions in the confirming bucket; for `negative_share`, negative
 *   mentions over the burn window (`start`..`end`). `expected` is rounded to 0.1.
 * - `reasons`: sentences a community manager can read, e.g. "312 mentions in the hour from 10:00 vs about 40
 *   expected for a Tuesday 10:00".
 * - `key`: the series the spike was found in (a department or topic) when it came from a per-key series.
 * - `department`: who should look, from the key or from the dominant department of the mentions (`explainSpike`).
 * - `topTerms`, `sampleMentionIds`: filled by `explainSpike` when it is given the mentions.
 *
 * @example
 * ```ts
 * for (const spike of detectSpikes(series)) console.log(spike.severity, spike.reasons.join(' '));
 * ```
 */
export interface Spike {
  kind: SpikeKind;
  start: string;
  end: string;
  severity: number;
  expected: number;
  observed: number;
  reasons: string[];
  /** Distinct authors in the confirming bucket (`volume`) or summed over the window (`negative_share`), when known. */
  authors?: number;
  /** Negative share observed (0..1) in the confirming bucket or window, when negatives are known. */
  negativeShare?: number;
  /** The usual negative share (0..1) it is compared with, when known. */
  expectedNegativeShare?: number;
  key?: string;
  department?: string;
  topTerms?: SpikeTerm[];
  sampleMentionIds?: string[];
}

/**
 * Settings of the negative-share (slow burn) test. See `DEFAULT_SPIKE_OPTIONS` for the defaults and why.
 *
 * @example
 * ```ts
 * detectSpikes(series, { negativeShare: { shift: 0.15, threshold: 8 } });
 * ```
 */
export interface NegativeShareOptions {
  /** Run the test at all (needs `negative` in the buckets). */
  enabled: boolean;
  /** The rise in negative share (0..1) the CUSUM is tuned to detect, e.g. 0.2 = from 12% to 32%. */
  shift: number;
  /** CUSUM decision limit, in log-likelihood-ratio units (higher: fewer false alarms, later detection). */
  threshold: number;
  /** Fewest negative mentions above the usual share (over the burn) for an alarm. */
  minExcess: number;
  /** Longest stretch the burn is accumulated over, in milliseconds. */
  windowMs: number;
  /** How far back the usual share is measured (before the window), in milliseconds. */
  baselineMs: number;
  /** Fewest negative mentions in the burn window for an alarm. */
  minNegative: number;
  /** Fewest negative mentions in the baseline for the usual share to be trusted (coverage). */
  minBaselineNegative: number;
  /** The window's authors per mention must be at least this fraction of the usual ratio (one angry thread is not a crisis). */
  minAuthorRatio: number;
  /** No new negative-share spike until the burn has been quiet this long, in milliseconds. */
  cooldownMs: number;
}

/**
 * Every threshold of spike detection, resolved (all fields present). See `DEFAULT_SPIKE_OPTIONS` for defaults.
 *
 * Durations are in milliseconds and converted to whole buckets (rounded up, at least one).
 *
 * @example
 * ```ts
 * const options: ResolvedSpikeOptions = resolveSpikeOptions({ cooldownMs: 12 * 3_600_000 });
 * ```
 */
export interface ResolvedSpikeOptions {
  /** Bucket size in milliseconds, or 'hour' / 'day'. Batch detection infers it from the series when absent. */
  bucket?: 'hour' | 'day' | number;
  /** Treat buckets missing from the series as zero mentions instead of collection gaps. */
  zeroFilled: boolean;
  /** Offset from UTC, in minutes, of the clock used for hour-of-week seasonality and for the words in reasons. */
  utcOffsetMinutes: number;
  /**
   * The IANA time zone of that clock (`Europe/London`), in place of `utcOffsetMinutes`: it follows daylight saving,
   * so after the clocks change each hour is still compared with the same local hour of earlier weeks (a fixed
   * offset compares 09:00 with 08:00 for half the year, and every office morning then looks like a spike).
   */
  timeZone?: string;
  /** Weeks of history kept per hour-of-week slot (the ring buffer length). */
  historyWeeks: number;
  /** Fewest previous weeks with data in the same slot before the weekly baseline is used. */
  minHistoryWeeks: number;
  /** Fewest previous days with data at the same time of day for the daily fallback baseline. */
  minHistoryDays: number;
  /** Recent buckets whose busiest is the last-resort baseline when there is little history. */
  recentBuckets: number;
  /** Fewest recent buckets with data for the last-resort baseline. */
  minRecentBuckets: number;
  /** Robust z-score (vs median and MAD) a bucket must reach to count as unusual. */
  zThreshold: number;
  /** Poisson upper-tail probability a bucket must fall below to count as unusual. */
  pThreshold: number;
  /** The expected count is never taken below this (a quiet night is not "impossible to disturb"). */
  minExpected: number;
  /** The spread used for the z-score is at least this fraction of the expected count. */
  minRelativeScale: number;
  /** Fewest mentions in a bucket for it to count as unusual. */
  minCount: number;
  /** Fewest mentions above expected for a bucket to count as unusual. */
  minExcess: number;
  /** Persistence: a spike needs `k` unusual buckets out of the last `n`. */
  persistence: { k: number; n: number };
  /** A bucket this far out (z and p both) raises a spike at once, without waiting for persistence. */
  immediate: { z: number; p: number };
  /** Fewest distinct authors above the usual number for a bucket to count (when authors are known). */
  minAuthors: number;
  /** Extra authors must be at least this fraction of the extra mentions (when authors are known). */
  minAuthorShare: number;
  /** Previous buckets that must have data before a bucket can be called unusual (a gap is not a crisis). */
  coverageBuckets: number;
  /** A zero where at least this many mentions were expected is treated as a likely collection gap. */
  gapZeroExpected: number;
  /** No new volume spike until no bucket has qualified for this long, in milliseconds. */
  cooldownMs: number;
  /** The slow-burn test on the share of negative mentions. */
  negativeShare: NegativeShareOptions;
}

/**
 * Spike detection settings as the caller writes them: every field optional, nested ones partially. Unknown keys
 * are rejected. Defaults: `DEFAULT_SPIKE_OPTIONS`.
 *
 * @example
 * ```ts
 * const options: SpikeOptions = { utcOffsetMinutes: 60, persistence: { k: 3 }, minAuthors: 10 };
 * ```
 */
export type SpikeOptions = Partial<
  Omit<ResolvedSpikeOptions, 'negativeShare' | 'persistence' | 'immediate'>
> & {
  persistence?: Partial<ResolvedSpikeOptions['persistence']>;
  immediate?: Partial<ResolvedSpikeOptions['immediate']>;
  negativeShare?: Partial<NegativeShareOptions>;
};

/**
 * The whole state of a streaming spike detector as plain JSON: save it, restore it, or merge it with the state of
 * another shard that counted other mentions over the same buckets.
 *
 * The ring arrays hold the last `ring` buckets by absolute bucket index (`index mod ring`); `-1` marks a bucket
 * with no data (gap) or an unknown `negative`/`authors`.
 *
 * @example
 * ```ts
 * localStorage.setItem('spikes', JSON.stringify(detector.getState()));
 * ```
 */
export interface SpikeDetectorState {
  version: 1;
  options: ResolvedSpikeOptions;
  /** Bucket size in milliseconds. */
  bucketMs: number;
  /** Bucket starts are `phaseMs + index * bucketMs` (epoch ms); `phaseMs` is in [0, bucketMs). */
  phaseMs: number;
  /** Absolute index of the last bucket pushed, or null before the first push. */
  last: number | null;
  ring: number;
  count: number[];
  negative: number[];
  authors: number[];
}

/**
 * A streaming spike detector: push buckets in time order; each push may raise a spike. `subscribe` and
 * `getSnapshot` fit React's `useSyncExternalStore` (both are plain closures, safe to pass unbound).
 *
 * @example
 * ```ts
 * const detector: SpikeDetector = createSpikeDetector();
 * const unsubscribe = detector.subscribe(() => render(detector.getSnapshot().spikes));
 * ```
 */
export interface SpikeDetector {
  /**
   * Adds the next bucket (strictly after the previous one; skipped buckets are gaps unless `zeroFilled`) and
   * returns the spike it confirms, if any. Throws `RapportInputError` on an invalid or out-of-order bucket.
   */
  push(bucket: SeriesBucket): Spike | undefined;
  /** The detector's state as JSON-serialisable data (a copy). */
  getState(): SpikeDetectorState;
  /** The spikes raised so far by this detector instance (latest last, at most `maxKept`), for UIs. */
  getSnapshot(): SpikeSnapshot;
  /** Calls `listener` after every push; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

/**
 * What a UI shows of a streaming detector: its last 100 spikes and the last bucket seen. Replaced after every
 * push, never mutated (so identity comparison tells a UI when to re-render).
 *
 * @example
 * ```ts
 * const { spikes, lastBucket } = detector.getSnapshot();
 * ```
 */
export interface SpikeSnapshot {
  spikes: readonly Spike[];
  /** Start of the last bucket pushed, as it was given, if any. */
  lastBucket?: string;
}

/**
 * Mention counts per bucket overall and per key (department or topic), from `bucketMentions`.
 *
 * @example
 * ```ts
 * const { overall, byKey } = bucketMentions(mentions, { bucket: 'hour', now });
 * ```
 */
export interface MentionBuckets {
  /** Bucket size in milliseconds. */
  bucketMs: number;
  /** Start of the first bucket and end (exclusive) of the last complete bucket (ISO 8601), or null when empty. */
  from: string | null;
  to: string | null;
  /** How the keys were made: 'department', 'custom' (a function) or undefined when there are no keys. */
  by?: 'department' | 'custom';
  overall: SeriesBucket[];
  /** One series per key, on the same buckets as `overall` (zeros where a key had no mentions). */
  byKey: Record<string, SeriesBucket[]>;
  /** Mentions not counted, each with the reason (outbound, after `now`, in the unfinished bucket, bad date). */
  rejected: Rejected<Mention>[];
}

/**
 * How `bucketMentions` counts. `now` is an ISO 8601 string or epoch milliseconds.
 *
 * @example
 * ```ts
 * const options: BucketMentionsOptions = { bucket: 'hour', now: Date.parse(nowIso), by: (m) => m.tags?.[0] };
 * ```
 */
export interface BucketMentionsOptions {
  bucket: 'hour' | 'day' | number;
  now: string | number;
  /** Split into one series per key: 'department' (needs `departmentOf`) or a function of the mention. */
  by?: 'department' | ((mention: Mention) => string | undefined);
  departmentOf?: (mention: Mention) => string | undefined;
  /** Which mentions are negative (e.g. from the sentiment scorer); without it `negative` is not counted. */
  negative?: (mention: Mention) => boolean;
  /** Which mentions count. Default: inbound mentions (customers), not the brand's own posts. */
  include?: (mention: Mention) => boolean;
  /** Start of the first bucket (ISO 8601 or epoch ms). Default: the bucket of the earliest counted mention. */
  from?: string | number;
  /**
   * When collection was running: buckets outside these intervals are left out of the series (gaps). Default:
   * collection ran the whole time, so buckets without mentions are zeros, except a week or more without a single
   * counted mention, which is read as a gap (a mention dated long before the rest, or collection that was off).
   */
  coverage?: { start: string | number; end: string | number }[];
  /** Most key series to build (default 100); the rest share one series named '(other)'. */
  maxKeys?: number;
}

/**
 * What `explainSpike` may use to explain a spike. Functions come from the caller (router, sentiment scorer), so
 * spike detection does not depend on them.
 *
 * @example
 * ```ts
 * const options: ExplainSpikeOptions = { departmentOf: (m) => myRouter(m), maxSamples: 3 };
 * ```
 */
export interface ExplainSpikeOptions {
  /** The key of each mention, to keep only the mentions of the spike's series (when the spike has a `key`). */
  keyOf?: (mention: Mention) => string | undefined;
  /** The department each mention belongs to (e.g. the router); the dominant one becomes `department`. */
  departmentOf?: (mention: Mention) => string | undefined;
  /** Which mentions are negative; used to pick samples for negative-share spikes. */
  isNegative?: (mention: Mention) => boolean;
  /** Which mentions count (must match what was counted). Default: inbound mentions. */
  include?: (mention: Mention) => boolean;
  /** How far before the spike the baseline mentions reach, in milliseconds. Default 7 days. */
  baselineMs?: number;
  /** Most terms to return. Default 8. */
  maxTerms?: number;
  /** Most sample mentions to return. Default 5. */
  maxSamples?: number;
}
