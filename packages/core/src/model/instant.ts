// Instants as the core reads them (triage, scoring, superfans): `Date.parse` for strings that say where they are in
// time, with a shortcut for the form almost every feed uses, and the digit and calendar arithmetic behind it.

const DAY = 86_400_000;

/**
 * Ends with a zone (`Z`, `+01`, `+0100`, `+01:00`, `GMT`, `UTC`), or is a date alone (`2026-11-23`, which means
 * midnight UTC): a string `Date.parse` reads the same on every machine.
 */
const PLACED_IN_TIME =
  /(?:[zZ]|[+-]\d{2}(?::?\d{2})?|\b(?:GMT|UTC))$|^(?:\d{4}|[+-]\d{6})(?:-\d{2}){0,2}$/;

/**
 * `Date.parse(s)` for a string that names its zone or is a date alone, and NaN for a date-time without a zone
 * (`2026-11-23 10:00`, `Nov 23 2026`), which `Date.parse` would read in the machine's own time zone, so results
 * would depend on where the code runs. Faster for `YYYY-MM-DDTHH:MM:SSZ` and `YYYY-MM-DDTHH:MM:SS.sssZ` (the form
 * of `toISOString()`): those are read digit by digit.
 *
 * @example
 * ```ts
 * parseInstant('2026-11-23T10:00:00.000Z') === Date.parse('2026-11-23T10:00:00.000Z'); // true
 * parseInstant('2026-11-23 10:00'); // NaN: which 10:00?
 * ```
 */
export function parseInstant(s: string): number {
  const n = s.length;
  if (
    (n === 24 || n === 20) &&
    s.charCodeAt(n - 1) === 90 && // Z
    s.charCodeAt(4) === 45 && // -
    s.charCodeAt(7) === 45 &&
    s.charCodeAt(10) === 84 && // T
    s.charCodeAt(13) === 58 && // :
    s.charCodeAt(16) === 58 &&
    (n === 20 || s.charCodeAt(19) === 46) // .
  ) {
    const year = digits(s, 0, 4);
    const month = digits(s, 5, 2);
    const day = digits(s, 8, 2);
    const hour = digits(s, 11, 2);
    const minute = digits(s, 14, 2);
    const second = digits(s, 17, 2);
    const ms = n === 24 ? digits(s, 20, 3) : 0;
    // Days past the end of a month roll over as Date.parse does (30 February is 2 March); hour 24 and leap
    // seconds are left to Date.parse.
    if (clockInRange(year, month, day, hour, minute, second) && ms >= 0) {
      return (
        daysFromCivil(year, month, day) * DAY +
        hour * 3_600_000 +
        minute * 60_000 +
        second * 1000 +
        ms
      );
    }
  }
  return PLACED_IN_TIME.test(s) ? Date.parse(s) : Number.NaN;
}

/**
 * Whether date and time fields read with `digits` are all digits (not -1) and in range: month 1–12, day 1–31 (a
 * day past the month's end is the caller's to judge), hour 0–23, minute and second 0–59.
 */
export function clockInRange(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
): boolean {
  return (
    year >= 0 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= 31 &&
    hour >= 0 &&
    hour <= 23 &&
    minute >= 0 &&
    minute <= 59 &&
    second >= 0 &&
    second <= 59
  );
}

/** The decimal number in `s[from, from + count)`, or -1 when a character is not a digit. */
export function digits(s: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (day may run past the month's end), as Date.UTC counts. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}
