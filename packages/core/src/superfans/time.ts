import { shownValue } from '../model/errors';
import { parseInstant } from '../model/instant';

/** One day in milliseconds. */
export const DAY_MS = 86_400_000;
/** One week in milliseconds. */
export const WEEK_MS = 7 * DAY_MS;

/** The core's one reader of times (`parseInstant`), under the name the superfan code uses. */
export { parseInstant as isoToMs };

/** ISO 8601 (UTC, `Z`) for epoch milliseconds. */
export function msToIso(ms: number): string {
  return new Date(ms).toISOString();
}

/**
 * Reads `now` (epoch ms, or an ISO 8601 date-time with a zone or a date alone; see `isoToMs`) and throws a
 * RangeError naming the value as passed when it is missing or not such a time.
 *
 * @example
 * ```ts
 * readNow('2026-11-22T00:00:00Z'); // 1795305600000
 * readNow(undefined); // RangeError: now must be an ISO 8601 date-time or epoch ms, got undefined
 * ```
 */
export function readNow(now: unknown): number {
  const ms =
    typeof now === 'number' ? (Number.isFinite(now) ? now : Number.NaN) : parseInstant(now);
  if (ms !== ms)
    throw new RangeError(
      `now must be an ISO 8601 date-time or epoch ms, got ${shownValue(now)}${
        typeof now === 'string' ? hint(now) : now instanceof Date ? HINT_DATE : ''
      }`,
    );
  return ms;
}

const HINT_DATE = ' (pass date.toISOString() or date.getTime())';

/** Why a string `now` could not be read, when the reason is a common one. */
function hint(now: string): string {
  if (!Number.isNaN(parseInstant(`${now}Z`)))
    return ' (no time zone: add Z for UTC or an offset such as +01:00)';
  return '';
}

/** "3 days", "5 weeks", "2 years": a rough duration in words, for reasons. */
export function durationWords(ms: number): string {
  const days = Math.max(0, Math.floor(ms / DAY_MS));
  if (days === 0) return 'less than a day';
  if (days < 14) return days === 1 ? '1 day' : `${days} days`;
  if (days < 60) return `${Math.floor(days / 7)} weeks`;
  // From 60 days on it is at least "2 months", and from 730 at least "2 years" (never "1 months").
  if (days < 730) return `${Math.max(2, Math.floor(days / 30.44))} months`;
  return `${Math.max(2, Math.floor(days / 365.25))} years`;
}
