// Business-time arithmetic over working calendars, exact to the millisecond and correct across DST changes.
// Zone offsets come from Intl.DateTimeFormat (available in every runtime) and are cached per UTC day; working
// time per local date is turned into UTC ranges once and cached, so deadline arithmetic is a few array reads.
import type { Calendar, Weekday, WorkingInterval } from './types';
import { zoneFormatter } from '../model/zone';

const MINUTE = 60_000;
const DAY = 86_400_000;
/** How far ahead deadline search looks before deciding the calendar has no working time left (about 3 years). */
const SEARCH_DAYS = 1100;
const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** A UTC day's offset: constant, or switching once at `at` (ms since the epoch). Offsets in ms (local − UTC). */
interface DayOffset {
  before: number;
  at: number;
  after: number;
}

interface CompiledCalendar {
  readonly calendar: Calendar;
  readonly alwaysOpen: boolean;
  /** Working minutes per weekday (Monday first) as flat [start, end, start, end, …] pairs. */
  readonly week: number[][];
  readonly holidays: Set<number>;
  readonly overrides: Map<number, number[]>;
  readonly offsets: Map<number, DayOffset>;
  readonly ranges: Map<number, number[]>;
  readonly formatter: Intl.DateTimeFormat;
}

/** A local time of day as calendars write it: HH:MM from 00:00 to 24:00. */
export const HHMM = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** Whether the runtime knows `zone` as an IANA time zone (Europe/London). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
const DATE = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/;

/**
 * What is wrong with a calendar, in words, or undefined when it can be used: an unknown time zone, a time that is
 * not HH:MM, an interval that does not end after it starts (an overnight shift must be split at midnight), or a
 * holiday or override date that is not YYYY-MM-DD. Checked when a triage is created, so a typo is an error there
 * and never a throw in the middle of an ingest.
 *
 * @example
 * ```ts
 * calendarProblem({ id: 'uk', timeZone: 'Europe/Londn' }); // 'time zone "Europe/Londn" is not an IANA time zone such as Europe/London'
 * ```
 */
export function calendarProblem(calendar: Calendar): string | undefined {
  if (!isTimeZone(calendar.timeZone))
    return `time zone ${JSON.stringify(calendar.timeZone)} is not an IANA time zone such as Europe/London`;
  const interval = (i: WorkingInterval, where: string): string | undefined => {
    if (!HHMM.test(String(i?.start)) || !HHMM.test(String(i?.end)))
      return `${where} ${JSON.stringify(i?.start)}–${JSON.stringify(i?.end)}: times must be HH:MM between 00:00 and 24:00`;
    if (!(i.start < i.end))
      return `${where} ${i.start}–${i.end} does not end after it starts (split an overnight shift at midnight: ${i.start}–24:00 and 00:00–${i.end} the next day)`;
    return undefined;
  };
  for (const day of WEEKDAYS) {
    for (const i of calendar.week?.[day] ?? []) {
      const problem = interval(i, day);
      if (problem) return problem;
    }
  }
  for (const date of calendar.holidays ?? []) {
    if (!DATE.test(String(date))) return `holiday ${JSON.stringify(date)} is not a YYYY-MM-DD date`;
  }
  for (const o of calendar.overrides ?? []) {
    if (!DATE.test(String(o?.date)))
      return `override date ${JSON.stringify(o?.date)} is not a YYYY-MM-DD date`;
    for (const i of o.intervals ?? []) {
      const problem = interval(i, o.date);
      if (problem) return problem;
    }
  }
  return undefined;
}

/** A 24/7 calendar in UTC: business time is wall time. */
export const ALWAYS_OPEN: Calendar = { id: '24/7', timeZone: 'UTC', alwaysOpen: true };

const compiledCache = new WeakMap<Calendar, CompiledCalendar>();
/** Formatters and offsets per time zone, shared by every calendar in that zone (offsets never change). */
const zones = new Map<
  string,
  { formatter: Intl.DateTimeFormat; offsets: Map<number, DayOffset> }
>();

function zoneOf(timeZone: string) {
  let z = zones.get(timeZone);
  if (!z) {
    z = { formatter: zoneFormatter(timeZone), offsets: new Map() };
    zones.set(timeZone, z);
  }
  return z;
}

function compile(calendar: Calendar): CompiledCalendar {
  let c = compiledCache.get(calendar);
  if (c) return c;
  const zone = zoneOf(calendar.timeZone);
  const overrides = new Map<number, number[]>();
  for (const o of calendar.overrides ?? [])
    overrides.set(dateIndex(o.date), toMinutes(o.intervals));
  c = {
    calendar,
    alwaysOpen: calendar.alwaysOpen === true,
    week: WEEKDAYS.map((d) => toMinutes(calendar.week?.[d] ?? [])),
    holidays: new Set((calendar.holidays ?? []).map(dateIndex)),
    overrides,
    offsets: zone.offsets,
    ranges: new Map(),
    formatter: zone.formatter,
  };
  compiledCache.set(calendar, c);
  return c;
}

/** Sorted, merged working minutes of one day. */
function toMinutes(intervals: readonly WorkingInterval[]): number[] {
  const pairs = intervals
    .map((i) => [hhmm(i.start), hhmm(i.end)] as const)
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  for (const [s, e] of pairs) {
    if (out.length && s <= out[out.length - 1]!)
      out[out.length - 1] = Math.max(out[out.length - 1]!, e);
    else out.push(s, e);
  }
  return out;
}

function hhmm(value: string): number {
  const [h, m] = value.split(':');
  const minutes = Number(h) * 60 + Number(m);
  if (!Number.isFinite(minutes) || minutes < 0 || minutes > 1440) {
    throw new RangeError(`Calendar: "${value}" is not a local time HH:MM between 00:00 and 24:00.`);
  }
  return minutes;
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` date. */
function dateIndex(date: string): number {
  const ms = Date.parse(`${date}T00:00:00Z`);
  if (!Number.isFinite(ms)) throw new RangeError(`Calendar: "${date}" is not a date YYYY-MM-DD.`);
  return Math.floor(ms / DAY);
}

/** Offset (local − UTC, ms) of the calendar's zone at instant `t`, straight from Intl. */
function rawOffset(c: CompiledCalendar, t: number): number {
  const seconds = Math.floor(t / 1000) * 1000;
  let y = 0,
    mo = 0,
    d = 0,
    h = 0,
    mi = 0,
    s = 0;
  for (const part of c.formatter.formatToParts(seconds)) {
    switch (part.type) {
      case 'year':
        y = Number(part.value);
        break;
      case 'month':
        mo = Number(part.value);
        break;
      case 'day':
        d = Number(part.value);
        break;
      case 'hour':
        h = Number(part.value);
        break;
      case 'minute':
        mi = Number(part.value);
        break;
      case 'second':
        s = Number(part.value);
        break;
    }
  }
  return Date.UTC(y, mo - 1, d, h, mi, s) - seconds;
}

function dayOffset(c: CompiledCalendar, utcDay: number): DayOffset {
  let o = c.offsets.get(utcDay);
  if (o) return o;
  const start = utcDay * DAY;
  const before = c.offsets.get(utcDay - 1)?.after ?? rawOffset(c, start);
  const after = rawOffset(c, start + DAY);
  if (before === after) o = { before, at: start + DAY, after };
  else {
    // One change inside this day: binary search for the first second with the new offset.
    let lo = start / 1000;
    let hi = (start + DAY) / 1000;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (rawOffset(c, mid * 1000) === before) lo = mid;
      else hi = mid;
    }
    o = { before, at: hi * 1000, after };
  }
  c.offsets.set(utcDay, o);
  return o;
}

function offsetAt(c: CompiledCalendar, t: number): number {
  const o = dayOffset(c, Math.floor(t / DAY));
  return t < o.at ? o.before : o.after;
}

/** The local date (days since 1970-01-01) of instant `t` in the calendar's zone. */
function localDate(c: CompiledCalendar, t: number): number {
  return Math.floor((t + offsetAt(c, t)) / DAY);
}

function workingMinutes(c: CompiledCalendar, date: number): number[] {
  const override = c.overrides.get(date);
  if (override) return override;
  if (c.holidays.has(date)) return [];
  // 1970-01-01 was a Thursday (index 3 when Monday is 0).
  return c.week[(((date + 3) % 7) + 7) % 7]!;
}

/** Working time of one local date as sorted UTC ranges [start, end, …] (ms). The repeated hour counts twice. */
function dateRanges(c: CompiledCalendar, date: number): number[] {
  let r = c.ranges.get(date);
  if (r) return r;
  const minutes = workingMinutes(c, date);
  const pieces: number[] = [];
  for (let i = 0; i < minutes.length; i += 2) {
    const ls = date * DAY + minutes[i]! * MINUTE;
    const le = date * DAY + minutes[i + 1]! * MINUTE;
    // Instants whose local time falls in [ls, le): within each constant-offset stretch local = t + offset.
    for (let day = Math.floor(ls / DAY) - 2; day <= Math.floor(le / DAY) + 1; day++) {
      const o = dayOffset(c, day);
      const start = day * DAY;
      const stretches: [number, number, number][] =
        o.at >= start + DAY
          ? [[start, start + DAY, o.before]]
          : [
              [start, o.at, o.before],
              [o.at, start + DAY, o.after],
            ];
      for (const [a, b, off] of stretches) {
        const s = Math.max(a, ls - off);
        const e = Math.min(b, le - off);
        if (e > s) pieces.push(s, e);
      }
    }
  }
  r = mergeRanges(pieces);
  c.ranges.set(date, r);
  return r;
}

function mergeRanges(pieces: number[]): number[] {
  if (pieces.length <= 2) return pieces;
  const pairs: [number, number][] = [];
  for (let i = 0; i < pieces.length; i += 2) pairs.push([pieces[i]!, pieces[i + 1]!]);
  pairs.sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  for (const [s, e] of pairs) {
    if (out.length && s <= out[out.length - 1]!)
      out[out.length - 1] = Math.max(out[out.length - 1]!, e);
    else out.push(s, e);
  }
  return out;
}

/**
 * Whether instant `t` (ms since the epoch) is working time in `calendar`.
 *
 * @example
 * ```ts
 * isWorkingTime({ id: 'uk', timeZone: 'Europe/London', week: { mon: [{ start: '09:00', end: '17:00' }] } }, Date.parse('2026-11-23T10:00:00Z')); // true
 * ```
 */
export function isWorkingTime(calendar: Calendar, t: number): boolean {
  const c = compile(calendar);
  if (c.alwaysOpen) return true;
  const d = localDate(c, t);
  const r = dateRanges(c, d);
  for (let i = 0; i < r.length; i += 2) if (t >= r[i]! && t < r[i + 1]!) return true;
  return false;
}

/**
 * Milliseconds of working time in `[from, to)` (both ms since the epoch); 0 when `to <= from`.
 *
 * @example
 * ```ts
 * const uk = { id: 'uk', timeZone: 'Europe/London', week: { fri: [{ start: '09:00', end: '17:00' }] } };
 * businessTimeBetween(uk, Date.parse('2026-11-20T16:00:00Z'), Date.parse('2026-11-23T10:00:00Z')); // 3_600_000
 * ```
 */
export function businessTimeBetween(calendar: Calendar, from: number, to: number): number {
  if (!(to > from)) return 0;
  const c = compile(calendar);
  if (c.alwaysOpen) return to - from;
  let total = 0;
  const last = localDate(c, to) + 1;
  for (let d = localDate(c, from) - 1; d <= last; d++) {
    const r = dateRanges(c, d);
    for (let i = 0; i < r.length; i += 2) {
      const s = Math.max(r[i]!, from);
      const e = Math.min(r[i + 1]!, to);
      if (e > s) total += e - s;
    }
  }
  return total;
}

/**
 * The first instant by which `duration` ms of working time have passed since `from` (ms since the epoch).
 *
 * Returns `from` for a duration of 0 or less, and `undefined` when the calendar has no working time in the next
 * three years (for example every day closed).
 *
 * @example
 * ```ts
 * const uk = { id: 'uk', timeZone: 'Europe/London', week: { mon: [{ start: '09:00', end: '17:00' }], fri: [{ start: '09:00', end: '17:00' }] } };
 * new Date(addBusinessTime(uk, Date.parse('2026-11-20T16:30:00Z'), 3_600_000)!).toISOString(); // '2026-11-23T09:30:00.000Z'
 * ```
 */
export function addBusinessTime(
  calendar: Calendar,
  from: number,
  duration: number,
): number | undefined {
  if (!(duration > 0)) return from;
  const c = compile(calendar);
  if (c.alwaysOpen) return from + duration;
  let remaining = duration;
  const first = localDate(c, from) - 1;
  for (let d = first; d < first + SEARCH_DAYS; d++) {
    const r = dateRanges(c, d);
    for (let i = 0; i < r.length; i += 2) {
      const s = Math.max(r[i]!, from);
      const e = r[i + 1]!;
      if (e <= s) continue;
      if (e - s >= remaining) return s + remaining;
      remaining -= e - s;
    }
  }
  return undefined;
}

/**
 * Offset of `timeZone` from UTC at instant `t`, in minutes (local − UTC): 60 for London in summer.
 *
 * @example
 * ```ts
 * zoneOffsetMinutes('America/New_York', Date.parse('2026-07-01T12:00:00Z')); // -240
 * ```
 */
export function zoneOffsetMinutes(timeZone: string, t: number): number {
  return offsetAt(compile(zoneCalendar(timeZone)), t) / MINUTE;
}

const zoneCalendars = new Map<string, Calendar>();
function zoneCalendar(timeZone: string): Calendar {
  let c = zoneCalendars.get(timeZone);
  if (!c) {
    c = { id: timeZone, timeZone };
    zoneCalendars.set(timeZone, c);
  }
  return c;
}
