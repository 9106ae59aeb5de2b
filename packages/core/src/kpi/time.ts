import { parseInstant as readInstant } from '../model/instant';
import type { TimeGrain } from './types';

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

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw new RangeError(
        `Unknown time zone "${timeZone}": use an IANA name such as Europe/Berlin, or UTC.`,
      );
    }
    formatters.set(timeZone, f);
  }
  return f;
}

/**
 * Checks that a time zone is known to this runtime's Intl; throws a RangeError with a clear message otherwise.
 *
 * @example
 * ```ts
 * assertTimeZone('Europe/Berlin');
 * ```
 */
export function assertTimeZone(timeZone: string): void {
  if (timeZone !== 'UTC') formatter(timeZone);
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

/** Offset of the zone from UTC at instant t, in ms (local − UTC). */
function offsetAt(t: number, timeZone: string): number {
  const parts = formatter(timeZone).formatToParts(new Date(t));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const local = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return local - (t - (((t % 1000) + 1000) % 1000));
}

function wall(t: number, timeZone: string): Wall {
  if (timeZone === 'UTC') return wallUtc(t);
  return wallUtc(t + offsetAt(t, timeZone));
}

/** The instant at which the wall clock of `timeZone` shows the given fields (first occurrence in DST overlaps). */
function fromWall(y: number, mo: number, d: number, h: number, timeZone: string): number {
  const guess = Date.UTC(y, mo, d, h);
  if (timeZone === 'UTC') return guess;
  let t = guess - offsetAt(guess, timeZone);
  const second = guess - offsetAt(t, timeZone);
  if (second !== t) t = Math.min(t, second);
  return t;
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
  const when = new Date(wallTarget);
  const base = fromWall(when.getUTCFullYear(), when.getUTCMonth(), when.getUTCDate(), 0, timeZone);
  return (
    base + (wallTarget - Date.UTC(when.getUTCFullYear(), when.getUTCMonth(), when.getUTCDate()))
  );
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
