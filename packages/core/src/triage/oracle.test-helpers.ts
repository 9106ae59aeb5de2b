// A brute-force oracle for business time: steps minute by minute, reading each minute's local wall time
// straight from Intl. Slow and obviously right; used only by property tests.
import fc from 'fast-check';
import type { Calendar, WorkingInterval } from './types';

export const MIN = 60_000;
const DAY = 86_400_000;
const QUARTER = 15 * MIN;
const WEEK = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, Map<number, number>>();

/** Local − UTC in ms at `t`, from Intl (cached per UTC quarter hour: every zone tested changes on quarters). */
let lastZone = '';
let lastQuarter = NaN;
let lastOffset = 0;
export function oracleOffset(zone: string, t: number): number {
  const q0 = Math.floor(t / QUARTER);
  if (zone === lastZone && q0 === lastQuarter) return lastOffset;
  lastZone = zone;
  lastQuarter = q0;
  return (lastOffset = offsetOf(zone, t));
}

function offsetOf(zone: string, t: number): number {
  let cache = offsets.get(zone);
  if (!cache) offsets.set(zone, (cache = new Map()));
  const q = Math.floor(t / QUARTER);
  let off = cache.get(q);
  if (off === undefined) {
    let f = formatters.get(zone);
    if (!f) {
      f = new Intl.DateTimeFormat('en-GB', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
      });
      formatters.set(zone, f);
    }
    const p = Object.fromEntries(f.formatToParts(q * QUARTER).map((x) => [x.type, x.value]));
    off = Date.UTC(+p.year!, +p.month! - 1, +p.day!, +p.hour!, +p.minute!) - q * QUARTER;
    cache.set(q, off);
  }
  return off;
}

const toMin = (s: string) => +s.slice(0, 2) * 60 + +s.slice(3, 5);

const dayCache = new WeakMap<Calendar, Map<number, number[]>>();

/** Working minutes [start, end, …] of the local date starting at `dayStart` (local ms), from the raw calendar. */
let lastCal: Calendar | undefined;
let lastDayStart = NaN;
let lastDay: number[] = [];
function oracleDay(cal: Calendar, dayStart: number): number[] {
  if (cal === lastCal && dayStart === lastDayStart) return lastDay;
  lastCal = cal;
  lastDayStart = dayStart;
  return (lastDay = dayOf(cal, dayStart));
}

function dayOf(cal: Calendar, dayStart: number): number[] {
  let cache = dayCache.get(cal);
  if (!cache) dayCache.set(cal, (cache = new Map()));
  let out = cache.get(dayStart);
  if (!out) {
    const date = new Date(dayStart).toISOString().slice(0, 10);
    const override = cal.overrides?.findLast((o) => o.date === date);
    let intervals: WorkingInterval[];
    if (override) intervals = override.intervals;
    else if (cal.holidays?.includes(date)) intervals = [];
    else intervals = cal.week?.[WEEK[new Date(dayStart).getUTCDay()]!] ?? [];
    out = intervals.flatMap((i) => [toMin(i.start), toMin(i.end)]);
    cache.set(dayStart, out);
  }
  return out;
}

/** Whether the minute starting at `t` is working time: its local wall time falls in one of its date's intervals. */
export function oracleOpen(cal: Calendar, t: number): boolean {
  if (cal.alwaysOpen) return true;
  const local = t + oracleOffset(cal.timeZone, t);
  const dayStart = Math.floor(local / DAY) * DAY;
  const minute = (local - dayStart) / MIN;
  const day = oracleDay(cal, dayStart);
  for (let i = 0; i < day.length; i += 2)
    if (minute >= day[i]! && minute < day[i + 1]!) return true;
  return false;
}

/** Whether minute `t` counts: working time and not inside any pause [from, to). */
export function oracleCounts(
  cal: Calendar,
  t: number,
  pauses: readonly [number, number][] = [],
): boolean {
  for (const [a, b] of pauses) if (t >= a && t < b) return false;
  return oracleOpen(cal, t);
}

/** DST changes in 2026 (UTC) for the zones tested: random instants are drawn around them. */
export const TRANSITIONS = [
  '2026-03-29T01:00:00Z', // London spring forward
  '2026-10-25T01:00:00Z', // London fall back
  '2026-03-08T07:00:00Z', // New York
  '2026-11-01T06:00:00Z',
  '2026-04-04T16:00:00Z', // Sydney
  '2026-10-03T16:00:00Z',
  '2026-04-04T15:00:00Z', // Lord Howe (half-hour shift)
  '2026-10-03T15:30:00Z',
].map(Date.parse);

export const ZONES = [
  'Europe/London',
  'America/New_York',
  'Australia/Sydney',
  'Australia/Lord_Howe',
  'Asia/Kathmandu',
  'UTC',
];

const hhmm = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const interval = fc
  .tuple(fc.integer({ min: 0, max: 1440 }), fc.integer({ min: 0, max: 1440 }))
  .filter(([a, b]) => a !== b)
  .map(([a, b]): WorkingInterval => ({ start: hhmm(Math.min(a, b)), end: hhmm(Math.max(a, b)) }));
const dayIntervals = fc.array(interval, { maxLength: 3 });
const dateNear = fc
  .tuple(fc.constantFrom(...TRANSITIONS), fc.integer({ min: -4, max: 4 }))
  .map(([t, d]) => new Date(t + d * DAY).toISOString().slice(0, 10));

/** Random calendars: any zone tested, up to three (possibly overlapping) intervals a day, holidays, overrides. */
export const arbCalendar: fc.Arbitrary<Calendar> = fc
  .record({
    timeZone: fc.constantFrom(...ZONES),
    alwaysOpen: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
    week: fc.record({
      mon: dayIntervals,
      tue: dayIntervals,
      wed: dayIntervals,
      thu: dayIntervals,
      fri: dayIntervals,
      sat: dayIntervals,
      sun: dayIntervals,
    }),
    holidays: fc.array(dateNear, { maxLength: 3 }),
    overrides: fc.array(fc.record({ date: dateNear, intervals: dayIntervals }), { maxLength: 2 }),
  })
  .map((c) => ({ id: 'random', ...c }));

/** A minute-aligned instant within a few days of a DST change. */
export const arbInstant = fc
  .tuple(fc.constantFrom(...TRANSITIONS), fc.integer({ min: -3 * 1440, max: 3 * 1440 }))
  .map(([t, m]) => t + m * MIN);
