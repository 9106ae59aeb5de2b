import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { durationWords, isoToMs, readNow } from './time';

/** Runs `fn` with the process in another time zone (Node reads TZ again when it is set). */
function inZone<T>(zone: string, fn: () => T): T {
  const before = process.env.TZ;
  process.env.TZ = zone;
  try {
    return fn();
  } finally {
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
  }
}

describe('isoToMs', () => {
  it('agrees with Date.parse on every date-time with a zone', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1970-01-01T00:00:00Z'),
          max: new Date('2100-01-01T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.integer({ min: -14 * 60, max: 14 * 60 }),
        fc.constantFrom(0, 1, 3, 6),
        (d, offsetMin, fraction) => {
          const z = d.toISOString();
          expect(isoToMs(z)).toBe(Date.parse(z));
          const local = new Date(d.getTime() + offsetMin * 60_000).toISOString().slice(0, 19);
          const sign = offsetMin < 0 ? '-' : '+';
          const abs = Math.abs(offsetMin);
          const frac = fraction ? `.${'123456'.slice(0, fraction)}` : '';
          const s = `${local}${frac}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
          expect(isoToMs(s)).toBe(Date.parse(s));
        },
      ),
    );
  });

  it('means the same instant on every machine: a zone is required, a date alone is midnight UTC', () => {
    const zoneless = ['2026-11-20 12:00', '2026-11-20T12:00:00', 'Nov 20 2026', '2026-11', '2026'];
    const zoned: Array<[string, number]> = [
      ['2026-11-20T12:00:00Z', Date.UTC(2026, 10, 20, 12)],
      ['2026-11-20T12:00:00+01:00', Date.UTC(2026, 10, 20, 11)],
      ['2026-11-20T12:00:00+0100', Date.UTC(2026, 10, 20, 11)],
      ['2026-11-20T12:00:00+01', Date.UTC(2026, 10, 20, 11)],
      ['2026-11-20T12:00-05:30', Date.UTC(2026, 10, 20, 17, 30)],
      ['2026-11-20 12:00:00+00', Date.UTC(2026, 10, 20, 12)],
      ['2026-11-20', Date.UTC(2026, 10, 20)],
    ];
    const readings = ['UTC', 'America/New_York', 'Asia/Tokyo'].map((zone) =>
      inZone(zone, () => ({
        // The host's own reading of a zoneless string moves with the zone: proof that the switch took effect.
        host: Date.parse('2026-11-20 12:00'),
        zoneless: zoneless.map((s) => isoToMs(s)),
        zoned: zoned.map(([s]) => isoToMs(s)),
      })),
    );
    expect(new Set(readings.map((r) => r.host)).size).toBe(3);
    for (const r of readings) {
      expect(r.zoneless).toEqual(zoneless.map(() => Number.NaN));
      expect(r.zoned).toEqual(zoned.map(([, ms]) => ms));
    }
  });

  it('reads years as written, before 100 and past 9999 too (toISOString round trip)', () => {
    const year50 = new Date(0);
    year50.setUTCFullYear(50, 2, 1);
    // 0050-03-01, -000001-01-01 and +010000-01-01.
    for (const ms of [year50.getTime(), -62198755200000, 253402300800000]) {
      const iso = new Date(ms).toISOString();
      expect(isoToMs(iso)).toBe(ms);
    }
    expect(isoToMs('0050-03-01T00:00:00Z')).toBe(year50.getTime());
  });

  it('gives NaN for what is not a string', () => {
    for (const v of [undefined, null, 1795305600000, new Date(0), {}]) expect(isoToMs(v)).toBeNaN();
  });

  it('gives NaN for dates that do not exist or cannot be read', () => {
    expect(isoToMs('2026-02-30T00:00:00Z')).toBeNaN();
    expect(isoToMs('yesterday')).toBeNaN();
    expect(isoToMs('2026-11-22T25:00:00Z')).toBeNaN();
  });
});

describe('readNow', () => {
  it('throws a RangeError naming a missing or unreadable now as it was passed', () => {
    const message = (now: unknown) => {
      try {
        readNow(now);
      } catch (e) {
        expect(e).toBeInstanceOf(RangeError);
        return (e as Error).message;
      }
      return 'no error';
    };
    expect(message(undefined)).toBe('now must be an ISO 8601 date-time or epoch ms, got undefined');
    expect(message(null)).toBe('now must be an ISO 8601 date-time or epoch ms, got null');
    expect(message(Number.NaN)).toBe('now must be an ISO 8601 date-time or epoch ms, got NaN');
    expect(message('yesterday')).toBe(
      'now must be an ISO 8601 date-time or epoch ms, got "yesterday"',
    );
    expect(message('2026-11-20 12:00')).toBe(
      'now must be an ISO 8601 date-time or epoch ms, got "2026-11-20 12:00" (no time zone: add Z for UTC or an offset such as +01:00)',
    );
    expect(message(new Date(0))).toMatch(
      /got a Date \(pass date.toISOString\(\) or date.getTime\(\)\)$/,
    );
  });

  it('reads epoch ms, a date-time with a zone and a date alone', () => {
    expect(readNow(1795305600000)).toBe(1795305600000);
    expect(readNow('2026-11-22T01:00:00+01:00')).toBe(1795305600000);
    expect(readNow('2026-11-22')).toBe(1795305600000);
  });
});

describe('durationWords', () => {
  it('rounds to the unit a person would use', () => {
    const day = 86_400_000;
    expect(durationWords(day)).toBe('1 day');
    expect(durationWords(20 * day)).toBe('2 weeks');
    expect(durationWords(90 * day)).toBe('2 months');
    expect(durationWords(800 * day)).toBe('2 years');
  });
});
