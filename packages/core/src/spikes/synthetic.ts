// Seeded synthetic mention-count series with injected incidents, for tests, the benchmark and the evaluation.
// Internal: not part of the public API.
import type { SeriesBucket } from './types';
import { prng } from '../sample/random';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function normal(rand: () => number): number {
  const u = Math.max(rand(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

/** A Poisson draw: exact (Knuth) below 30, normal approximation above. */
export function poisson(rand: () => number, lambda: number): number {
  if (lambda <= 0) return 0;
  if (lambda < 30) {
    const l = Math.exp(-lambda);
    let k = 0;
    let p = 1;
    do {
      k++;
      p *= rand();
    } while (p > l);
    return k - 1;
  }
  return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * normal(rand)));
}

/** A binomial draw (normal approximation for large n). */
export function binomial(rand: () => number, n: number, p: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (n < 60) {
    let k = 0;
    for (let i = 0; i < n; i++) if (rand() < p) k++;
    return k;
  }
  const x = Math.round(n * p + Math.sqrt(n * p * (1 - p)) * normal(rand));
  return Math.min(n, Math.max(0, x));
}

/** What was injected, and whether a good detector should raise a spike for it. */
export interface SyntheticIncident {
  kind: 'sharp' | 'slow_burn' | 'thread' | 'gap';
  start: number;
  end: number;
  shouldAlarm: boolean;
}

/** How to generate a series. Rates are mentions per hour at the busiest time of a weekday. */
export interface SyntheticOptions {
  seed: number;
  start?: string;
  weeks: number;
  peak: number;
  /** Weekend traffic as a share of weekday traffic. */
  weekend?: number;
  /** Day-to-day multiplicative noise (standard deviation of its log). */
  dayNoise?: number;
  negativeShare?: number;
  /** Share of mentions in a bucket that come from someone who already wrote in it. */
  repeatShare?: number;
  incidents?: ('sharp' | 'slow_burn' | 'thread' | 'gap')[];
  /** Leave incidents out of the first weeks, so the detector has history. */
  warmupWeeks?: number;
}

/**
 * Generates an hourly series with hour-of-week seasonality, weekends, day-to-day noise and injected incidents,
 * each placed in its own week after the warm-up.
 */
export function syntheticSeries(options: SyntheticOptions): {
  series: SeriesBucket[];
  incidents: SyntheticIncident[];
} {
  const rand = prng(options.seed);
  const start = Date.parse(options.start ?? '2026-01-05T00:00:00Z');
  const hours = options.weeks * 168;
  const weekend = options.weekend ?? 0.6;
  const dayNoise = options.dayNoise ?? 0.1;
  const negShare = options.negativeShare ?? 0.12;
  const repeat = options.repeatShare ?? 0.1;
  const warmup = options.warmupWeeks ?? 3;
  const rate = new Float64Array(hours);
  const negRate = new Float64Array(hours).fill(negShare);
  const extraThread = new Float64Array(hours);
  const missing = new Uint8Array(hours);
  let dayFactor = 1;
  for (let h = 0; h < hours; h++) {
    const t = start + h * HOUR;
    if (h % 24 === 0) dayFactor = Math.exp(dayNoise * normal(rand));
    const hod = new Date(t).getUTCHours();
    const dow = new Date(t).getUTCDay();
    const daily = 0.08 + 0.92 * Math.pow((1 - Math.cos((2 * Math.PI * (hod - 3)) / 24)) / 2, 1.5);
    rate[h] = options.peak * daily * (dow === 0 || dow === 6 ? weekend : 1) * dayFactor;
  }
  const incidents: SyntheticIncident[] = [];
  const kinds = options.incidents ?? [];
  kinds.forEach((kind, n) => {
    const week = warmup + n;
    if (week >= options.weeks) return;
    const at = week * 168 + Math.floor(rand() * 150);
    if (kind === 'sharp') {
      const length = 2 + Math.floor(rand() * 6);
      const factor = 3 + rand() * 5;
      for (let h = at; h < at + length && h < hours; h++) {
        rate[h] = rate[h]! * factor + 15;
        negRate[h] = 0.5;
      }
      incidents.push({ kind, start: at, end: at + length, shouldAlarm: true });
    } else if (kind === 'slow_burn') {
      const length = 24 + Math.floor(rand() * 24);
      for (let h = at; h < at + length && h < hours; h++) {
        const ramp = Math.min(1, (h - at) / 6);
        negRate[h] = Math.min(0.95, negShare + 0.3 * ramp);
        rate[h] = rate[h]! * 1.15;
      }
      incidents.push({ kind, start: at, end: at + length, shouldAlarm: true });
    } else if (kind === 'thread') {
      const length = 1 + Math.floor(rand() * 3);
      const messages = 20 + Math.floor(rand() * 40);
      for (let h = at; h < at + length && h < hours; h++) extraThread[h] = messages / length;
      incidents.push({ kind, start: at, end: at + length, shouldAlarm: false });
    } else {
      const length = 3 + Math.floor(rand() * 22);
      for (let h = at; h < at + length && h < hours; h++) missing[h] = 1;
      // The collector catches up: the backlog lands in the first bucket after the gap.
      let backlog = 0;
      for (let h = at; h < at + length && h < hours; h++) backlog += rate[h]!;
      if (at + length < hours) rate[at + length] = rate[at + length]! + backlog;
      incidents.push({ kind, start: at, end: at + length + 1, shouldAlarm: false });
    }
  });
  const series: SeriesBucket[] = [];
  for (let h = 0; h < hours; h++) {
    if (missing[h]) continue;
    const count = poisson(rand, rate[h]!);
    const repeats = binomial(rand, count, repeat);
    const thread = Math.round(extraThread[h]!);
    const threadAuthors = thread > 0 ? 1 + Math.floor(rand() * 2) : 0;
    const negative = binomial(rand, count, negRate[h]!) + thread;
    series.push({
      start: new Date(start + h * HOUR).toISOString(),
      count: count + thread,
      negative,
      authors: Math.max(count > 0 ? 1 : 0, count - repeats) + threadAuthors,
    });
  }
  return { series, incidents };
}

/** Epoch ms of hour index h in a series that starts at `start`. */
export function hourMs(start: string, h: number): number {
  return Date.parse(start) + h * HOUR;
}

export { DAY, HOUR };
