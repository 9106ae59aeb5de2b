import { clockInRange, daysFromCivil, digits } from '../model/instant';

/** One day in milliseconds. */
export const DAY_MS = 86_400_000;
/** One week in milliseconds. */
export const WEEK_MS = 7 * DAY_MS;

/**
 * Milliseconds since the epoch for an ISO 8601 date-time with a zone; NaN when it cannot be read.
 *
 * The common shapes (`2026-11-22T09:30:00Z`, with fractions or a `+01:00` offset) are read by hand, which is
 * several times faster than `Date.parse` on a million rows; anything else falls back to `Date.parse`.
 *
 * @example
 * ```ts
 * isoToMs('2026-11-22T09:30:00Z'); // 1795253400000
 * ```
 */
export function isoToMs(iso: string): number {
  const n = iso.length;
  if (
    n >= 20 &&
    n <= 35 &&
    iso.charCodeAt(4) === 45 &&
    iso.charCodeAt(7) === 45 &&
    iso.charCodeAt(10) === 84 &&
    iso.charCodeAt(13) === 58 &&
    iso.charCodeAt(16) === 58
  ) {
    const year = digits(iso, 0, 4);
    const month = digits(iso, 5, 2);
    const day = digits(iso, 8, 2);
    const hour = digits(iso, 11, 2);
    const minute = digits(iso, 14, 2);
    const second = digits(iso, 17, 2);
    if (clockInRange(year, month, day, hour, minute, second)) {
      let i = 19;
      let ms = 0;
      if (iso.charCodeAt(i) === 46) {
        i++;
        let scale = 100;
        const start = i;
        while (i < n) {
          const c = iso.charCodeAt(i) - 48;
          if (c < 0 || c > 9) break;
          ms += c * scale;
          scale /= 10;
          i++;
        }
        if (i === start) return Date.parse(iso);
        ms = Math.floor(ms);
      }
      let offset = 0;
      const z = iso.charCodeAt(i);
      if (z === 90 && i === n - 1) {
        // UTC: no offset.
      } else if ((z === 43 || z === 45) && i === n - 6 && iso.charCodeAt(i + 3) === 58) {
        const oh = digits(iso, i + 1, 2);
        const om = digits(iso, i + 4, 2);
        if (oh < 0 || om < 0) return Date.parse(iso);
        offset = (z === 43 ? 1 : -1) * (oh * 60 + om) * 60_000;
      } else return Date.parse(iso);
      const days = daysInMonth(year, month);
      if (day > days) return NaN;
      // Date.UTC reads years 0..99 as 1900..1999; those keep its reading.
      if (year < 100) return Date.UTC(year, month - 1, day, hour, minute, second, ms) - offset;
      return (
        (((daysFromCivil(year, month, day) * 24 + hour) * 60 + minute) * 60 + second) * 1000 +
        ms -
        offset
      );
    }
  }
  return Date.parse(iso);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** ISO 8601 (UTC, `Z`) for epoch milliseconds. */
export function msToIso(ms: number): string {
  return new Date(ms).toISOString();
}

/** Reads `now` (ISO 8601 or epoch ms) and throws a RangeError a caller can act on when it is not a date. */
export function readNow(now: string | number): number {
  const ms = typeof now === 'number' ? now : isoToMs(now);
  if (!Number.isFinite(ms))
    throw new RangeError(`now must be an ISO 8601 date-time or epoch ms, got ${String(now)}`);
  return ms;
}

/** "3 days", "5 weeks", "2 years": a rough duration in words, for reasons. */
export function durationWords(ms: number): string {
  const days = Math.max(0, Math.floor(ms / DAY_MS));
  if (days < 14) return days === 1 ? '1 day' : `${days} days`;
  if (days < 60) return `${Math.floor(days / 7)} weeks`;
  if (days < 730) return `${Math.floor(days / 30.44)} months`;
  return `${Math.floor(days / 365.25)} years`;
}
