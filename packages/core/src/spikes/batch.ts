import { RapportInputError, type InputIssue } from '../model/errors';
import { checkBucket, createDetectorOnGrid } from './detector';
import { bucketSizeMs, resolveSpikeOptions } from './options';
import type { SeriesBucket, Spike, SpikeOptions } from './types';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/** "23 hours", "1 day", "15 minutes", "1.5 seconds": a length of time in the largest unit that divides it. */
function durationWords(ms: number): string {
  for (const [unit, name] of [
    [DAY, 'day'],
    [HOUR, 'hour'],
    [MINUTE, 'minute'],
    [SECOND, 'second'],
  ] as const) {
    if (ms % unit === 0) return `${ms / unit} ${name}${ms === unit ? '' : 's'}`;
  }
  return `${ms / SECOND} seconds`;
}

/**
 * The bucket size of a series in milliseconds: the greatest common divisor of the gaps between bucket starts.
 *
 * A series with fewer than two distinct starts is taken as hourly. Throws `RapportInputError` (pass
 * `options.bucket` then) when the starts are not on a grid of at least one second, or when that divisor is not how
 * far apart the starts usually are: when most consecutive starts are further apart, nearly every bucket would sit
 * alone between missing buckets and spike detection could not work. Daily buckets stamped at local midnight across a
 * daylight-saving change do this (days of 23 and 24 hours have a divisor of 1 hour): stamp every bucket with one
 * fixed UTC offset instead.
 *
 * @example
 * ```ts
 * inferBucketMs([{ start: '2026-11-17T10:00:00Z', count: 3 }, { start: '2026-11-17T10:15:00Z', count: 5 }]); // 900000
 * ```
 */
export function inferBucketMs(series: readonly SeriesBucket[]): number {
  const times = series.map((b, i) => checkBucket(b, `${i}.`));
  if (times.length === 0) return HOUR;
  const first = times.reduce((m, t) => (t < m ? t : m), Infinity);
  let g = 0;
  for (const t of times) g = gcd(g, t - first);
  if (g === 0) return HOUR;
  if (g < 1000) {
    throw new RapportInputError(
      `The bucket starts are not on a regular grid (they are ${g} ms apart at the least); pass options.bucket.`,
      [
        {
          path: 'start',
          message: 'bucket starts must be whole multiples of one bucket size apart',
        },
      ],
    );
  }
  // The divisor must also be the usual step between consecutive starts.
  const distinct = [...new Set(times)].sort((a, b) => a - b);
  const steps = new Map<number, number>();
  for (let k = 1; k < distinct.length; k++) {
    const step = distinct[k]! - distinct[k - 1]!;
    steps.set(step, (steps.get(step) ?? 0) + 1);
  }
  const total = distinct.length - 1;
  const longer = total - (steps.get(g) ?? 0);
  if (longer * 2 > total) {
    const usual = [...steps]
      .sort(([x, nx], [y, ny]) => ny - nx || x - y)
      .slice(0, 3)
      .map(([step, n]) => `${durationWords(step)} ×${n}`)
      .join(', ');
    throw new RapportInputError(
      `Cannot infer the bucket size: the only grid that fits every start is ${durationWords(g)}, but ${longer} of the ` +
        `${total} steps between consecutive starts are longer (mostly ${usual}), so almost every bucket would sit ` +
        `alone between missing buckets and spike detection could not work. Daily buckets stamped at local midnight do this across a ` +
        `daylight-saving change: stamp every bucket with one fixed UTC offset (e.g. midnight UTC) and pass ` +
        `options.bucket ('day'), or pass options.bucket if ${durationWords(g)} is the real bucket size.`,
      [
        {
          path: 'start',
          message: `most bucket starts are more than one inferred bucket (${durationWords(g)}) apart; pass options.bucket`,
        },
      ],
    );
  }
  return g;
}

/**
 * Finds spikes in a whole series of mention counts per bucket (the batch form of `createSpikeDetector`).
 *
 * Buckets may come in any order; buckets with the same start are added up (counts from several shards). Missing
 * buckets are collection gaps, never zeros, unless `zeroFilled: true`. The bucket size is inferred from the starts
 * unless `options.bucket` is given. Returns the spikes in time order, equal to what a streaming detector raises
 * when pushed the same buckets. Throws `RapportInputError` listing every invalid bucket (nothing is dropped
 * silently); validate outside data with `parseSpikeSeries` first to keep the good buckets.
 *
 * Method: the expected count is the median of the same hour-of-week over the previous weeks (falling back to the
 * same time on previous days, then to the busiest recent bucket); a bucket is unusual when both its robust z-score
 * (median and MAD) and its exact Poisson tail probability pass the thresholds; a spike needs persistence, enough
 * distinct authors, data before it (coverage) and no spike just before (cooldown). A CUSUM on the negative share finds
 * slow burns. See `DEFAULT_SPIKE_OPTIONS`.
 *
 * @example
 * ```ts
 * const spikes = detectSpikes(series, { utcOffsetMinutes: 60 });
 * for (const s of spikes) console.log(`${s.start} severity ${s.severity}: ${s.reasons[0]}`);
 * ```
 */
export function detectSpikes(series: readonly SeriesBucket[], options: SpikeOptions = {}): Spike[] {
  if (!Array.isArray(series)) {
    throw new RapportInputError('Expected an array of series buckets.');
  }
  const o = resolveSpikeOptions(options);
  const issues: InputIssue[] = [];
  const times: number[] = [];
  series.forEach((b, i) => {
    try {
      times.push(checkBucket(b, `${i}.`));
    } catch (e) {
      if (e instanceof RapportInputError) issues.push(...e.issues);
      else throw e;
    }
  });
  if (issues.length) {
    throw new RapportInputError(
      `Invalid series: ${issues
        .slice(0, 5)
        .map((i) => `${i.path} ${i.message}`)
        .join('; ')}${issues.length > 5 ? ` and ${issues.length - 5} more` : ''}.`,
      issues,
    );
  }
  if (series.length === 0) return [];
  const bucketMs = o.bucket !== undefined ? bucketSizeMs(o.bucket) : inferBucketMs(series);
  const first = times.reduce((m, t) => (t < m ? t : m), Infinity);
  const phaseMs = ((first % bucketMs) + bucketMs) % bucketMs;
  // Sum buckets that share a start (shards); an unknown negative or authors in any of them stays unknown.
  const byIndex = new Map<number, SeriesBucket & { negative: number; authors: number }>();
  const misaligned: InputIssue[] = [];
  series.forEach((b, i) => {
    const offset = times[i]! - phaseMs;
    if (offset % bucketMs !== 0) {
      misaligned.push({ path: `${i}.start`, message: `is not on the ${bucketMs} ms bucket grid` });
      return;
    }
    const index = offset / bucketMs;
    const seen = byIndex.get(index);
    const negative = b.negative ?? -1;
    const authors = b.authors ?? -1;
    if (!seen) {
      byIndex.set(index, { start: b.start, count: b.count, negative, authors });
      return;
    }
    seen.count += b.count;
    seen.negative = seen.negative < 0 || negative < 0 ? -1 : seen.negative + negative;
    seen.authors = seen.authors < 0 || authors < 0 ? -1 : seen.authors + authors;
  });
  if (misaligned.length) {
    const i = Number(misaligned[0]!.path.split('.')[0]);
    const r = (((times[i]! - phaseMs) % bucketMs) + bucketMs) % bucketMs;
    const off = Math.min(r, bucketMs - r);
    const dst =
      bucketMs % DAY === 0 && off % (30 * MINUTE) === 0
        ? ' Buckets stamped at local midnight move by an hour at a daylight-saving change: stamp every bucket with one fixed UTC offset (e.g. midnight UTC).'
        : '';
    throw new RapportInputError(
      `${misaligned.length} bucket(s) do not start on the grid of the earliest bucket (${new Date(first).toISOString()}, ` +
        `one bucket every ${durationWords(bucketMs)}), e.g. ${misaligned[0]!.path} ${series[i]!.start} is ${durationWords(off)} off.${dst}`,
      misaligned,
    );
  }
  const push = createDetectorOnGrid(o, bucketMs, phaseMs);
  const spikes: Spike[] = [];
  for (const index of [...byIndex.keys()].sort((x, y) => x - y)) {
    const b = byIndex.get(index)!;
    const bucket: SeriesBucket = {
      start: b.start,
      count: b.count,
      ...(b.negative >= 0 && { negative: b.negative }),
      ...(b.authors >= 0 && { authors: b.authors }),
    };
    const spike = push(index, bucket);
    if (spike) spikes.push(spike);
  }
  return spikes;
}
