import { parseInstant as readInstant } from '../model/instant';
import { assertTimeZone, offsetAt } from '../model/zone';
import type { TimeGrain } from './types';

export { assertTimeZone };

/** The time grains from finest to coarsest. */
export const TIME_GRAINS: readonly TimeGrain[] = [
  'hour',
  'day',
  'week',
  'month',
  'quarter',
  'year',
];

/** Most trend buckets one report may have (choose a coarser grain beyond). */
export const MAX_TREND_BUCKETS = 20_000;

const HOUR = 3_600_000;

/**
 * Epoch milliseconds of a time given as epoch ms or an ISO 8601 date-time with a zone; NaN when invalid.
 *
 * A date-time without a zone (`2026-11-22T10:00`) is invalid: its meaning would depend on the machine. A date
 * alone (`2026-11-22`) means midnight UTC, as ISO 8601 and JavaScript define it.
 *
 * @example
 * ```ts
 * parseInstant('2026-11-22T10:00:00Z'); // 1795341600000
 * parseInstant('2026-11-22T10:00'); // NaN
 * ```
 */
export function parseInstant(time: unknown): number {
  if (typeof time === 'number') return Number.isFinite(time) ? time : Number.NaN;
  return readInstant(time);
}

interface Wall {
  y: number;
  mo: number;
  d: number;
  h: number;
  /** 0 = Monday … 6 = Sunday */
  wd: number;
}

function wallUtc(t: number): Wall {
  const date = new Date(t);
  return {
    y: date.getUTCFullYear(),
    mo: date.getUTCMonth(),
    d: date.getUTCDate(),
    h: date.getUTCHours(),
    wd: (date.getUTCDay() + 6) % 7,
  };
}

function wall(t: number, timeZone: string): Wall {
  if (timeZone === 'UTC') return wallUtc(t);
  return wallUtc(t + offsetAt(t, timeZone));
}

/**
 * The instant at which the wall clock of `timeZone` shows the given fields: the first occurrence when the clock
 * goes back (an overlap), and the moment the clock jumps when that time does not exist (a gap: where a zone moves
 * its clocks at midnight, the day starts at 01:00, not at 23:00 the day before).
 */
function fromWall(y: number, mo: number, d: number, h: number, timeZone: string): number {
  const guess = Date.UTC(y, mo, d, h);
  if (timeZone === 'UTC') return guess;
  const first = guess - offsetAt(guess, timeZone);
  const second = guess - offsetAt(first, timeZone);
  if (second === first) return first;
  const shows = (t: number) => t + offsetAt(t, timeZone) === guess;
  if (shows(first) && shows(second)) return Math.min(first, second);
  if (shows(first)) return first;
  if (shows(second)) return second;
  // In the gap: the first instant after it.
  return Math.max(first, second);
}

/**
 * Start of the calendar bucket of `grain` holding instant `t` (epoch ms) in `timeZone` (weeks start Monday).
 *
 * @example
 * ```ts
 * floorToGrain(Date.parse('2026-11-22T10:30:00Z'), 'day'); // Date.parse('2026-11-22T00:00:00Z')
 * ```
 */
export function floorToGrain(t: number, grain: TimeGrain, timeZone = 'UTC'): number {
  const w = wall(t, timeZone);
  switch (grain) {
    case 'hour': {
      // Absolute hours: a repeated or skipped local hour still gives buckets of one hour.
      const offset = timeZone === 'UTC' ? 0 : offsetAt(t, timeZone);
      return t - ((((t + offset) % HOUR) + HOUR) % HOUR);
    }
    case 'day':
      return fromWall(w.y, w.mo, w.d, 0, timeZone);
    case 'week':
      return fromWall(w.y, w.mo, w.d - w.wd, 0, timeZone);
    case 'month':
      return fromWall(w.y, w.mo, 1, 0, timeZone);
    case 'quarter':
      return fromWall(w.y, w.mo - (w.mo % 3), 1, 0, timeZone);
    case 'year':
      return fromWall(w.y, 0, 1, 0, timeZone);
  }
}

/**
 * Moves instant `t` by `count` calendar units of `grain` in `timeZone` (negative counts move back).
 *
 * Hours are absolute (3,600,000 ms); days and longer follow the wall clock, so a day across a DST change is
 * 23 or 25 hours. Month ends clamp like JavaScript dates (31 Jan + 1 month = 3 Mar).
 *
 * @example
 * ```ts
 * addCalendar(Date.parse('2026-11-22T00:00:00Z'), 'week', -1); // Date.parse('2026-11-15T00:00:00Z')
 * ```
 */
export function addCalendar(t: number, grain: TimeGrain, count: number, timeZone = 'UTC'): number {
  if (grain === 'hour') return t + count * HOUR;
  const local = t + (timeZone === 'UTC' ? 0 : offsetAt(t, timeZone));
  const date = new Date(local);
  const y = date.getUTCFullYear();
  const mo = date.getUTCMonth();
  const d = date.getUTCDate();
  const rest = local - Date.UTC(y, mo, d);
  let shifted: number;
  switch (grain) {
    case 'day':
      shifted = Date.UTC(y, mo, d + count);
      break;
    case 'week':
      shifted = Date.UTC(y, mo, d + 7 * count);
      break;
    case 'month':
      shifted = Date.UTC(y, mo + count, d);
      break;
    case 'quarter':
      shifted = Date.UTC(y, mo + 3 * count, d);
      break;
    case 'year':
      shifted = Date.UTC(y + count, mo, d);
      break;
  }
  const wallTarget = shifted + rest;
  if (timeZone === 'UTC') return wallTarget;
  // The same wall-clock hour on the target day (12:00 the day after 12:00, across a clock change too), then the
  // minutes and seconds within it.
  const when = new Date(wallTarget);
  const hourStart = Date.UTC(
    when.getUTCFullYear(),
    when.getUTCMonth(),
    when.getUTCDate(),
    when.getUTCHours(),
  );
  const base = fromWall(
    when.getUTCFullYear(),
    when.getUTCMonth(),
    when.getUTCDate(),
    when.getUTCHours(),
    timeZone,
  );
  return base + (wallTarget - hourStart);
}

/**
 * Boundaries of the calendar buckets that cover [from, to): b₀ ≤ from < b₁ < … < bₖ ≥ to (epoch ms).
 *
 * Throws a RangeError when there would be more than `MAX_TREND_BUCKETS` buckets.
 *
 * @example
 * ```ts
 * bucketBoundaries(Date.parse('2026-11-01T00:00:00Z'), Date.parse('2026-11-03T00:00:00Z'), 'day');
 * // [Nov 1, Nov 2, Nov 3]
 * ```
 */
export function bucketBoundaries(
  from: number,
  to: number,
  grain: TimeGrain,
  timeZone = 'UTC',
): number[] {
  if (!(to > from)) return [from, from];
  const out = [floorToGrain(from, grain, timeZone)];
  let b = out[0]!;
  while (b < to) {
    let next = grain === 'hour' ? b + HOUR : addCalendar(b, grain, 1, timeZone);
    if (grain !== 'hour') next = floorToGrain(next + HOUR * 2, grain, timeZone);
    if (!(next > b)) next = b + HOUR;
    b = next;
    out.push(b);
    if (out.length > MAX_TREND_BUCKETS + 1)
      throw new RangeError(
        `The window holds more than ${MAX_TREND_BUCKETS} ${grain} buckets: choose a coarser grain.`,
      );
  }
  return out;
}

/**
 * Index i with boundaries[i] ≤ t < boundaries[i + 1], or −1 when t is outside (binary search).
 *
 * @example
 * ```ts
 * bucketIndex([0, 10, 20], 15); // 1
 * ```
 */
export function bucketIndex(boundaries: ArrayLike<number>, t: number): number {
  let lo = 0;
  let hi = boundaries.length - 1;
  if (hi < 1 || t < boundaries[0]! || t >= boundaries[hi]!) return -1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (boundaries[mid]! <= t) lo = mid;
    else hi = mid;
  }
  return lo;
}
