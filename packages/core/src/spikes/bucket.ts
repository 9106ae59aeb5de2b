import type { Mention } from '../model/schemas';
import { RapportInputError, type Rejected } from '../model/errors';
import { parseInstant } from '../model/instant';
import { scoped } from '../model/ties';
import { detectSpikes } from './batch';
import { bucketSizeMs } from './options';
import type {
  BucketMentionsOptions,
  MentionBuckets,
  SeriesBucket,
  Spike,
  SpikeOptions,
} from './types';

/** Most buckets one call builds (about 114 years of hours): beyond that, pass `from`. */
const MAX_BUCKETS = 1_000_000;
const WEEK = 7 * 24 * 3_600_000;

/** Counts of one series, sparse: only buckets with mentions take memory. */
interface Tally {
  total: number;
  buckets: Map<number, { count: number; negative: number; authors: Set<string> }>;
}

function tally(): Tally {
  return { total: 0, buckets: new Map() };
}

/**
 * Name of the series that gathers the keys beyond `maxKeys` in `bucketMentions`.
 *
 * @example
 * ```ts
 * const rest = bucketMentions(mentions, { bucket: 'hour', now, by: topicOf }).byKey[OTHER_KEY];
 * ```
 */
export const OTHER_KEY = '(other)';

function toMsOrThrow(value: string | number, what: string): number {
  const ms = typeof value === 'number' ? value : parseInstant(value);
  if (!Number.isFinite(ms)) {
    // A RangeError, as every other `now` Rapport reads (the README promises one).
    throw new RangeError(
      `${what} must be an ISO 8601 date-time with a zone (Z or +hh:mm) or epoch milliseconds, got ${JSON.stringify(value)}.`,
    );
  }
  return ms;
}

/**
 * Counts mentions per time bucket, overall and per key (department or topic): the input of `detectSpikes`.
 *
 * Buckets are aligned to the epoch (whole UTC hours for 'hour', UTC midnights for 'day') unless `from` sets
 * another start. Only complete buckets are returned: the series ends where the bucket containing `now` (ISO 8601
 * or epoch ms) begins. By default inbound mentions are counted (the brand's own posts are not customer attention).
 * Every bucket between the first and the last is present (zero when nothing came in), except buckets outside
 * `coverage`, which are left out as collection gaps. `authors` counts distinct author ids per bucket; `negative`
 * is counted when a `negative` function is given. Every mention not counted is in `rejected` with the reason.
 * Mentions whose key function returns undefined are counted overall only. At most `maxKeys` (default 100) key
 * series are built: the busiest keys get their own, the rest share one series named `'(other)'`.
 *
 * @example
 * ```ts
 * const buckets = bucketMentions(mentions, {
 *   bucket: 'hour',
 *   now: '2026-11-22T12:00:00Z',
 *   by: 'department',
 *   departmentOf: (m) => myRouter(m), // e.g. the triage router's department id
 *   negative: (m) => myScorer(m) < 0, // e.g. the sentiment scorer
 * });
 * const spikes = detectSpikesByKey(buckets);
 * ```
 */
export function bucketMentions(
  mentions: readonly Mention[],
  options: BucketMentionsOptions,
): MentionBuckets {
  const bucketMs = bucketSizeMs(options.bucket);
  if (!Number.isInteger(bucketMs) || bucketMs < 1000) {
    throw new RapportInputError('bucket must be a whole number of milliseconds, at least 1000.', [
      { path: 'bucket', message: "must be 'hour', 'day' or at least 1000 ms" },
    ]);
  }
  const nowMs = toMsOrThrow(options.now, 'now');
  const fromMs = options.from === undefined ? undefined : toMsOrThrow(options.from, 'from');
  const phase = fromMs === undefined ? 0 : ((fromMs % bucketMs) + bucketMs) % bucketMs;
  const indexOf = (t: number) => Math.floor((t - phase) / bucketMs);
  const startOf = (i: number) => phase + i * bucketMs;
  const current = indexOf(nowMs);
  let keyOf: ((m: Mention) => string | undefined) | undefined;
  let by: MentionBuckets['by'];
  if (options.by === 'department') {
    if (!options.departmentOf) {
      throw new RapportInputError("by: 'department' needs a departmentOf function.", [
        { path: 'departmentOf', message: "is required with by: 'department'" },
      ]);
    }
    keyOf = options.departmentOf;
    by = 'department';
  } else if (typeof options.by === 'function') {
    keyOf = options.by;
    by = 'custom';
  }
  const include = options.include ?? ((m: Mention) => m.direction === 'inbound');
  const coverage = (options.coverage ?? []).map((c, i) => ({
    start: toMsOrThrow(c.start, `coverage.${i}.start`),
    end: toMsOrThrow(c.end, `coverage.${i}.end`),
  }));
  const isCovered = (i: number) =>
    coverage.length === 0 ||
    coverage.some((c) => startOf(i) >= c.start && startOf(i) + bucketMs <= c.end);

  const rejected: Rejected<Mention>[] = [];
  const reject = (index: number, m: Mention, path: string, message: string) =>
    rejected.push({ index, input: m, issues: [{ path, message }] });
  const accepted: { index: number; bucket: number; m: Mention }[] = [];
  const seen = new Map<string, number>();
  let first = fromMs === undefined ? Infinity : indexOf(fromMs);
  mentions.forEach((m, index) => {
    // Read by hand, never Date.parse: a time without a zone would be read in the server's zone.
    const t = parseInstant(m.createdAt);
    if (!Number.isFinite(t))
      return reject(
        index,
        m,
        'createdAt',
        'is not an ISO 8601 date-time with a zone (Z or +hh:mm)',
      );
    if (!include(m)) {
      return reject(
        index,
        m,
        'direction',
        m.direction === 'outbound'
          ? "not counted: the brand's own messages are not customer attention"
          : 'not counted: excluded by the include filter',
      );
    }
    if (t > nowMs) return reject(index, m, 'createdAt', 'is after now');
    const b = indexOf(t);
    if (b >= current) {
      return reject(
        index,
        m,
        'createdAt',
        'falls in the bucket still in progress at now; counted once it is complete',
      );
    }
    if (fromMs !== undefined && t < fromMs) return reject(index, m, 'createdAt', 'is before from');
    if (!isCovered(b)) {
      return reject(
        index,
        m,
        'createdAt',
        'falls in a bucket outside the collection coverage (a gap)',
      );
    }
    // The same mention twice (a retried import, overlapping exports) is counted once.
    const key = scoped(m.platform, m.id);
    const earlier = seen.get(key);
    if (earlier !== undefined)
      return reject(
        index,
        m,
        'id',
        `repeats the mention at index ${earlier} (same platform and id); counted once`,
      );
    seen.set(key, index);
    if (fromMs === undefined && b < first) first = b;
    accepted.push({ index, bucket: b, m });
  });
  if (first === Infinity || first >= current) {
    return { bucketMs, from: null, to: null, ...(by && { by }), overall: [], byKey: {}, rejected };
  }
  const n = current - first;
  if (n > MAX_BUCKETS) {
    throw new RapportInputError(
      `The mentions span ${n} buckets (more than ${MAX_BUCKETS}); pass a later 'from' or a larger bucket.`,
      [{ path: 'from', message: `the series would have more than ${MAX_BUCKETS} buckets` }],
    );
  }
  const overall = tally();
  const keyed = new Map<string, Tally>();
  const negative = options.negative;
  const add = (t: Tally, i: number, m: Mention, isNegative: boolean) => {
    let b = t.buckets.get(i);
    if (!b) t.buckets.set(i, (b = { count: 0, negative: 0, authors: new Set() }));
    b.count++;
    t.total++;
    if (isNegative) b.negative++;
    b.authors.add(m.author.id);
  };
  const keyOfAccepted: (string | undefined)[] = [];
  for (const { bucket, m } of accepted) {
    const i = bucket - first;
    const isNegative = negative ? negative(m) : false;
    add(overall, i, m, isNegative);
    const key = keyOf?.(m);
    keyOfAccepted.push(key);
    if (key === undefined) continue;
    let t = keyed.get(key);
    if (!t) keyed.set(key, (t = tally()));
    add(t, i, m, isNegative);
  }
  // Keep the busiest keys; the rest share one series, so many small topics cannot blow up memory.
  const maxKeys = options.maxKeys ?? 100;
  if (keyed.size > maxKeys) {
    const keep = new Set(
      [...keyed]
        .sort(([a, x], [b, y]) => y.total - x.total || (a < b ? -1 : 1))
        .slice(0, Math.max(0, maxKeys - 1))
        .map(([k]) => k),
    );
    const other = tally();
    accepted.forEach(({ bucket, m }, k) => {
      const key = keyOfAccepted[k];
      if (key !== undefined && !keep.has(key))
        add(other, bucket - first, m, negative ? negative(m) : false);
    });
    for (const key of [...keyed.keys()]) if (!keep.has(key)) keyed.delete(key);
    keyed.set(OTHER_KEY, other);
  }
  // Without a declared coverage, a week or more with no mention at all is read as a gap, not as zeros: a mention
  // dated long before the rest (or collection that was off) would otherwise give the detector weeks of "nothing
  // usual", and every ordinary hour after them would look like a spike.
  const silent = new Uint8Array(n);
  if (options.coverage === undefined) {
    const longest = Math.ceil(WEEK / bucketMs);
    const filled = [...overall.buckets.keys()].sort((a, b) => a - b);
    let previous = -1;
    for (const i of [...filled, n]) {
      if (i - previous - 1 >= longest) silent.fill(1, previous + 1, i);
      previous = i;
    }
  }
  const toSeries = (t: Tally): SeriesBucket[] => {
    const out: SeriesBucket[] = [];
    for (let i = 0; i < n; i++) {
      if (!isCovered(first + i) || silent[i] === 1) continue;
      const b = t.buckets.get(i);
      out.push({
        start: new Date(startOf(first + i)).toISOString(),
        count: b?.count ?? 0,
        ...(negative && { negative: b?.negative ?? 0 }),
        authors: b?.authors.size ?? 0,
      });
    }
    return out;
  };
  const byKey: Record<string, SeriesBucket[]> = {};
  for (const key of [...keyed.keys()].sort()) byKey[key] = toSeries(keyed.get(key)!);
  rejected.sort((a, b) => a.index - b.index);
  return {
    bucketMs,
    from: new Date(startOf(first)).toISOString(),
    to: new Date(startOf(current)).toISOString(),
    ...(by && { by }),
    overall: toSeries(overall),
    byKey,
    rejected,
  };
}

/**
 * Finds spikes in every series of `bucketMentions`: overall, then per key.
 *
 * Spikes from a key's series carry `key`, and `department` too when the keys are departments. The result is
 * ordered by when each spike was raised (`end`), overall before keys, then by key.
 *
 * @example
 * ```ts
 * const spikes = detectSpikesByKey(bucketMentions(mentions, { bucket: 'hour', now, by: 'department', departmentOf }));
 * const forLogistics = spikes.filter((s) => s.department === 'logistics');
 * ```
 */
export function detectSpikesByKey(buckets: MentionBuckets, options: SpikeOptions = {}): Spike[] {
  const o: SpikeOptions = { ...options, bucket: buckets.bucketMs, zeroFilled: false };
  const all: Spike[] = detectSpikes(buckets.overall, o);
  for (const [key, series] of Object.entries(buckets.byKey)) {
    for (const spike of detectSpikes(series, o)) {
      all.push({ ...spike, key, ...(buckets.by === 'department' && { department: key }) });
    }
  }
  const rank = (s: Spike) => (s.key === undefined ? '' : `\u0001${s.key}`);
  return all.sort((a, b) =>
    a.end < b.end ? -1 : a.end > b.end ? 1 : rank(a) < rank(b) ? -1 : rank(a) > rank(b) ? 1 : 0,
  );
}
