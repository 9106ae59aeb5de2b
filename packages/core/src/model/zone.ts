// Offsets of IANA time zones from UTC, read from Intl.DateTimeFormat (every supported runtime has it). Shared by the
// KPI calendar buckets and the spike detector's local hours.

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The one Intl formatter per time zone that reads wall-clock fields (an unknown zone is a RangeError). */
export function zoneFormatter(timeZone: string): Intl.DateTimeFormat {
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
  if (timeZone !== 'UTC') zoneFormatter(timeZone);
}

/** Offset of the zone from UTC at instant t, in ms (local − UTC). */
export function offsetAt(t: number, timeZone: string): number {
  const parts = zoneFormatter(timeZone).formatToParts(new Date(t));
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
