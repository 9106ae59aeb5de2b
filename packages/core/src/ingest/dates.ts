// Dates as platforms write them, turned into ISO 8601 (UTC).

const MONTHS: Record<string, number> = {
  Jan: 0,
  Feb: 1,
  Mar: 2,
  Apr: 3,
  May: 4,
  Jun: 5,
  Jul: 6,
  Aug: 7,
  Sep: 8,
  Oct: 9,
  Nov: 10,
  Dec: 11,
};

const TWITTER_DATE =
  /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) ([A-Z][a-z]{2}) (\d{2}) (\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2}) (\d{4})$/;
const ISO_WITH_ZONE =
  /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

/**
 * Parses the classic Twitter date format (`Tue Oct 31 22:10:47 +0000 2017`, API v1.1 and many exports) to ISO 8601.
 *
 * Returns `undefined` for anything else, including impossible dates (`Feb 30`).
 *
 * @example
 * ```ts
 * parseTwitterDate('Tue Oct 31 22:10:47 +0000 2017'); // '2017-10-31T22:10:47.000Z'
 * ```
 */
export function parseTwitterDate(text: string): string | undefined {
  const m = TWITTER_DATE.exec(text.trim());
  if (!m) return undefined;
  const [, mon, day, hh, mi, ss, sign, oh, om, year] = m;
  const month = MONTHS[mon!];
  if (month === undefined) return undefined;
  const d = Number(day);
  const h = Number(hh);
  const minute = Number(mi);
  const second = Number(ss);
  // Offsets run from -12:00 to +14:00 in practice.
  if (h > 23 || minute > 59 || second > 59 || Number(oh) > 14 || Number(om) > 59) return undefined;
  // setUTCFullYear, not Date.UTC, which reads years 0–99 as 1900–1999.
  const date = new Date(0);
  date.setUTCFullYear(Number(year), month, d);
  date.setUTCHours(h, minute, second, 0);
  // The day must exist (no 30 February) and the weekday written must be that day's.
  if (date.getUTCDate() !== d || WEEKDAYS[date.getUTCDay()] !== text.trim().slice(0, 3))
    return undefined;
  const offset = (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om)) * 60_000;
  return fromMs(date.getTime() - offset);
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** How a date column is written. `auto` accepts ISO 8601 with a zone, the Twitter format and epoch numbers. */
export type DateFormat = 'auto' | 'iso' | 'twitter' | 'epoch-seconds' | 'epoch-ms';

/**
 * Reads a date as platforms write it and returns ISO 8601 in UTC, or `undefined` when it is not a valid date.
 *
 * ISO 8601 needs a zone (`Z` or an offset): a date-time without one is ambiguous, so it is refused. With `auto`,
 * a number is epoch seconds when it has 9 or 10 whole digits (1973–2286, Reddit's `created_utc`) and epoch
 * milliseconds with 12 or 13; other numbers (`20240115`, `2024`) are ambiguous and refused: name the format
 * (`epoch-seconds`, `epoch-ms`) to read them.
 *
 * @example
 * ```ts
 * toIsoDate('1793526647', 'auto'); // '2026-11-01T09:50:47.000Z'
 * toIsoDate('2026-10-31T10:10:47+01:00'); // '2026-10-31T09:10:47.000Z'
 * ```
 */
export function toIsoDate(value: unknown, format: DateFormat = 'auto'): string | undefined {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return undefined;
    if (format === 'iso' || format === 'twitter') return undefined;
    if (format === 'auto') {
      if (value >= 1e8 && value < 1e10) return fromMs(value * 1000);
      if (value >= 1e11 && value < 1e13) return fromMs(value);
      return undefined;
    }
    return fromMs(format === 'epoch-ms' ? value : value * 1000);
  }
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (text.length === 0 || text.length > 64) return undefined;
  if (format === 'twitter') return parseTwitterDate(text);
  const numeric = /^-?\d+(\.\d+)?$/.test(text);
  if (format === 'epoch-seconds' || format === 'epoch-ms') {
    return numeric ? toIsoDate(Number(text), format) : undefined;
  }
  if (format === 'auto' && numeric) return toIsoDate(Number(text), 'auto');
  if (ISO_WITH_ZONE.test(text)) {
    // Date.parse wants a `T` and a colon in the offset on some engines.
    const normal = text.replace(' ', 'T').replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
    const ms = Date.parse(normal);
    if (Number.isNaN(ms) || !dayExists(normal)) return undefined;
    return fromMs(ms);
  }
  if (format === 'auto') return parseTwitterDate(text);
  return undefined;
}

function fromMs(ms: number): string | undefined {
  // Years 0000..9999 only: beyond them ISO 8601 needs an expanded form that MentionSchema refuses.
  if (!Number.isFinite(ms) || ms < -62_167_219_200_000 || ms > 253_402_300_799_999)
    return undefined;
  return new Date(ms).toISOString();
}

/** Rejects dates that engines roll over (2026-02-30 → March 2): the written day must exist in its month. */
function dayExists(iso: string): boolean {
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  const day = Number(iso.slice(8, 10));
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}
