import { assertTimeZone } from '../model/zone';
import { RapportInputError, type InputIssue } from '../model/errors';
import type { ResolvedSpikeOptions, SpikeOptions } from './types';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * The default thresholds of spike detection, and why each was chosen.
 *
 * - `historyWeeks: 4`, `minHistoryWeeks: 2`: the baseline for Tuesday 10:00 is the median of up to four previous
 *   Tuesdays 10:00; a median of two is already robust to one odd week, and four weeks follow growth within a month.
 * - `minHistoryDays: 3`, `recentBuckets: 12`, `minRecentBuckets: 6`: with less than two weeks of history the
 *   baseline falls back to the same time on previous days, then to the busiest of the last 12 buckets (the daily
 *   rhythm is not known yet, so the morning rise must not look like a spike), so a new account can still be
 *   watched; spikes found that way say so in their reasons.
 * - `zThreshold: 4` and `pThreshold: 1e-4`: both tests must agree. The robust z-score (median and MAD of the same
 *   slot) copes with busy, noisy series where Poisson is too strict; the exact Poisson tail copes with quiet
 *   series where a z-score is meaningless. 1 in 10,000 per bucket, with persistence, keeps false alarms well
 *   under one a month for hourly buckets.
 * - `minExpected: 2`: a slot that was (nearly) always empty is not treated as impossible to disturb: a median of
 *   four quiet weeks is a shaky estimate, so a few people writing at 3 a.m. are not a crisis.
 * - `minRelativeScale: 0.1`: the spread is at least 10% of the expected count, because day-to-day swings of a busy
 *   series are wider than four weeks of history can show.
 * - `minCount: 8`, `minExcess: 5`: a handful of mentions is never a crisis, whatever the statistics say.
 * - `persistence: { k: 2, n: 3 }`: two unusual buckets out of three (one may dip back) before raising, so a
 *   single blip does not page anyone; `immediate: { z: 8, p: 1e-8 }` raises at once when waiting would be negligent.
 * - `minAuthors: 5`, `minAuthorShare: 0.25`: at least five more people than usual, and one extra person per four
 *   extra mentions, so one angry thread (a few people posting a lot) is not a crisis.
 * - `coverageBuckets: 2`, `gapZeroExpected: 8`: the two buckets before must have data, and a zero where eight were
 *   expected (Poisson chance 3 in 10,000) is taken as a collection gap: the backlog that arrives when collection
 *   resumes is not a crisis.
 * - `cooldownMs: 6 h`: one alert per incident; a new one only after six quiet hours.
 * - `negativeShare`: a one-sided Bernoulli CUSUM (log-likelihood ratio of "the share rose by 20 points", `shift`,
 *   against "the share is as usual") over at most 72 hours (`windowMs`), the usual share measured over the 14 days
 *   before (`baselineMs`). It alarms at a log-likelihood ratio of 6 (`threshold`: about 400 times likelier
 *   under a real rise than as noise; tuned on seeded synthetic series for under one false alarm a month) with at least 10 negative mentions (`minNegative`), 8 more than usual
 *   (`minExcess`), and the window's authors per mention at least half the usual ratio (`minAuthorRatio`); then it
 *   waits 24 quiet hours (`cooldownMs`). Being a likelihood ratio, it works the same for 3 mentions an hour or
 *   3,000.
 *
 * @example
 * ```ts
 * const spikes = detectSpikes(series, { ...DEFAULT_SPIKE_OPTIONS, zThreshold: 5 });
 * ```
 */
export const DEFAULT_SPIKE_OPTIONS: Readonly<ResolvedSpikeOptions> = /* @__PURE__ */ Object.freeze({
  zeroFilled: false,
  utcOffsetMinutes: 0,
  historyWeeks: 4,
  minHistoryWeeks: 2,
  minHistoryDays: 3,
  recentBuckets: 12,
  minRecentBuckets: 6,
  zThreshold: 4,
  pThreshold: 1e-4,
  minExpected: 2,
  minRelativeScale: 0.1,
  minCount: 8,
  minExcess: 5,
  persistence: /* @__PURE__ */ Object.freeze({ k: 2, n: 3 }),
  immediate: /* @__PURE__ */ Object.freeze({ z: 8, p: 1e-8 }),
  minAuthors: 5,
  minAuthorShare: 0.25,
  coverageBuckets: 2,
  gapZeroExpected: 8,
  cooldownMs: 6 * HOUR,
  negativeShare: /* @__PURE__ */ Object.freeze({
    enabled: true,
    shift: 0.2,
    threshold: 6,
    minExcess: 8,
    windowMs: 72 * HOUR,
    baselineMs: 14 * DAY,
    minNegative: 10,
    minBaselineNegative: 20,
    minAuthorRatio: 0.5,
    cooldownMs: 24 * HOUR,
  }),
});

/**
 * Bucket size in milliseconds for 'hour', 'day' or a number of milliseconds (returned as is).
 *
 * @example
 * ```ts
 * bucketSizeMs('hour'); // 3600000
 * ```
 */
export function bucketSizeMs(bucket: 'hour' | 'day' | number): number {
  if (bucket === 'hour') return HOUR;
  if (bucket === 'day') return DAY;
  return bucket;
}

type Check = [path: string, ok: boolean, message: string];

/**
 * Fills in defaults and checks every threshold, without zod (the main entry does not load it).
 *
 * Throws `RapportInputError` listing every bad field. Unknown fields are rejected (a typo would otherwise be
 * silently ignored); use `SpikeOptionsSchema` from `@rapport/core/schemas` to validate outside data.
 *
 * @example
 * ```ts
 * const options = resolveSpikeOptions({ zThreshold: 5 });
 * options.persistence.k; // 2
 * ```
 */
export function resolveSpikeOptions(options: SpikeOptions = {}): ResolvedSpikeOptions {
  const d = DEFAULT_SPIKE_OPTIONS;
  const issues: InputIssue[] = [];
  unknownKeys(options, d, '', issues, ['bucket', 'timeZone']);
  if (options.persistence) unknownKeys(options.persistence, d.persistence, 'persistence.', issues);
  if (options.immediate) unknownKeys(options.immediate, d.immediate, 'immediate.', issues);
  if (options.negativeShare)
    unknownKeys(options.negativeShare, d.negativeShare, 'negativeShare.', issues);
  const r: ResolvedSpikeOptions = {
    ...d,
    ...stripUndefined(options),
    persistence: { ...d.persistence, ...stripUndefined(options.persistence ?? {}) },
    immediate: { ...d.immediate, ...stripUndefined(options.immediate ?? {}) },
    negativeShare: { ...d.negativeShare, ...stripUndefined(options.negativeShare ?? {}) },
  };
  if (r.bucket === undefined) delete r.bucket;
  if (r.timeZone === undefined) delete r.timeZone;
  const n = r.negativeShare;
  const int = (v: number, min: number) => Number.isInteger(v) && v >= min;
  const num = (v: number, min: number, max = Infinity) =>
    typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max;
  const zoneKnown = r.timeZone !== undefined && knownZone(r.timeZone);
  const checks: Check[] = [
    [
      'bucket',
      r.bucket === undefined ||
        r.bucket === 'hour' ||
        r.bucket === 'day' ||
        (Number.isInteger(r.bucket) && (r.bucket as number) >= 1000),
      "must be 'hour', 'day' or a whole number of milliseconds, at least 1000",
    ],
    ['zeroFilled', typeof r.zeroFilled === 'boolean', 'must be true or false'],
    [
      'utcOffsetMinutes',
      Number.isInteger(r.utcOffsetMinutes) && Math.abs(r.utcOffsetMinutes) <= 14 * 60,
      'must be a whole number of minutes between -840 and 840',
    ],
    [
      'timeZone',
      r.timeZone === undefined || (zoneKnown && r.utcOffsetMinutes === 0),
      zoneKnown
        ? 'takes the place of utcOffsetMinutes: give one of them, not both'
        : 'must be an IANA time zone such as Europe/London',
    ],
    [
      'historyWeeks',
      int(r.historyWeeks, 1) && r.historyWeeks <= 52,
      'must be a whole number from 1 to 52',
    ],
    [
      'minHistoryWeeks',
      int(r.minHistoryWeeks, 1) && r.minHistoryWeeks <= r.historyWeeks,
      'must be from 1 to historyWeeks',
    ],
    [
      'minHistoryDays',
      int(r.minHistoryDays, 1) && r.minHistoryDays <= 7,
      'must be a whole number from 1 to 7',
    ],
    [
      'recentBuckets',
      int(r.recentBuckets, 1) && r.recentBuckets <= 10_000,
      'must be a whole number from 1 to 10000',
    ],
    [
      'minRecentBuckets',
      int(r.minRecentBuckets, 1) && r.minRecentBuckets <= r.recentBuckets,
      'must be from 1 to recentBuckets',
    ],
    ['zThreshold', num(r.zThreshold, 0), 'must be a number ≥ 0'],
    [
      'pThreshold',
      num(r.pThreshold, 0, 1) && r.pThreshold > 0,
      'must be a probability above 0 and at most 1',
    ],
    ['minExpected', num(r.minExpected, 0) && r.minExpected > 0, 'must be a number above 0'],
    ['minRelativeScale', num(r.minRelativeScale, 0), 'must be a number ≥ 0'],
    ['minCount', num(r.minCount, 0), 'must be a number ≥ 0'],
    ['minExcess', num(r.minExcess, 0), 'must be a number ≥ 0'],
    [
      'persistence.n',
      int(r.persistence.n, 1) && r.persistence.n <= 100,
      'must be a whole number from 1 to 100',
    ],
    [
      'persistence.k',
      int(r.persistence.k, 1) && r.persistence.k <= r.persistence.n,
      'must be from 1 to persistence.n',
    ],
    ['immediate.z', num(r.immediate.z, 0), 'must be a number ≥ 0'],
    ['immediate.p', num(r.immediate.p, 0, 1), 'must be a probability from 0 to 1'],
    ['minAuthors', num(r.minAuthors, 0), 'must be a number ≥ 0'],
    ['minAuthorShare', num(r.minAuthorShare, 0, 1), 'must be a number from 0 to 1'],
    [
      'coverageBuckets',
      int(r.coverageBuckets, 0) && r.coverageBuckets <= 1000,
      'must be a whole number from 0 to 1000',
    ],
    ['gapZeroExpected', num(r.gapZeroExpected, 0), 'must be a number ≥ 0 (Infinity turns it off)'],
    [
      'cooldownMs',
      num(r.cooldownMs, 0, 365 * DAY),
      'must be a number of milliseconds from 0 to a year',
    ],
    ['negativeShare.enabled', typeof n.enabled === 'boolean', 'must be true or false'],
    ['negativeShare.shift', num(n.shift, 0.001, 0.999), 'must be a share above 0 and below 1'],
    ['negativeShare.threshold', num(n.threshold, 0) && n.threshold > 0, 'must be a number above 0'],
    ['negativeShare.minExcess', num(n.minExcess, 0), 'must be a number ≥ 0'],
    [
      'negativeShare.windowMs',
      num(n.windowMs, 1, 365 * DAY),
      'must be a number of milliseconds up to a year',
    ],
    [
      'negativeShare.baselineMs',
      num(n.baselineMs, 1, 365 * DAY),
      'must be a number of milliseconds up to a year',
    ],
    ['negativeShare.minNegative', num(n.minNegative, 0), 'must be a number ≥ 0'],
    ['negativeShare.minBaselineNegative', num(n.minBaselineNegative, 0), 'must be a number ≥ 0'],
    ['negativeShare.minAuthorRatio', num(n.minAuthorRatio, 0, 1), 'must be a number from 0 to 1'],
    [
      'negativeShare.cooldownMs',
      num(n.cooldownMs, 0, 365 * DAY),
      'must be a number of milliseconds from 0 to a year',
    ],
  ];
  // gapZeroExpected may be Infinity (turned off); num() rejects it, so accept it here.
  for (const [path, ok, message] of checks) {
    if (ok) continue;
    if (path === 'gapZeroExpected' && r.gapZeroExpected === Infinity) continue;
    issues.push({ path, message });
  }
  if (issues.length) {
    throw new RapportInputError(
      `Invalid spike options: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}.`,
      issues,
    );
  }
  return r;
}

function unknownKeys(
  given: object,
  known: object,
  prefix: string,
  issues: InputIssue[],
  extra: string[] = [],
): void {
  for (const key of Object.keys(given)) {
    if (!Object.hasOwn(known, key) && !extra.includes(key)) {
      issues.push({ path: prefix + key, message: 'is not a spike option (typo?)' });
    }
  }
}

function stripUndefined<T extends object>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out as T;
}

/** Whether this runtime knows the IANA time zone. */
function knownZone(timeZone: unknown): boolean {
  if (typeof timeZone !== 'string' || timeZone === '') return false;
  try {
    assertTimeZone(timeZone);
    return true;
  } catch {
    return false;
  }
}
