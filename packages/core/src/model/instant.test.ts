import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseInstant } from './instant';

/** What parseInstant must return: Date.parse where the string is placed in time (a zone, or a date alone). */
function reference(s: string): number {
  const zoned = /(?:z|[+-]\d\d(?::?\d\d)?)$/i.test(s) || /^\d{4}(?:-\d\d){0,2}$/.test(s);
  return zoned ? Date.parse(s) : Number.NaN;
}

describe('parseInstant', () => {
  it('reads toISOString() output exactly, over the whole four-digit year range', () => {
    fc.assert(
      fc.property(fc.integer({ min: -62_167_219_200_000, max: 253_402_300_799_999 }), (ms) => {
        const iso = new Date(ms).toISOString();
        expect(parseInstant(iso)).toBe(ms);
        const seconds = `${iso.slice(0, 19)}Z`;
        expect(parseInstant(seconds)).toBe(Date.parse(seconds));
      }),
      { numRuns: 20_000 },
    );
  });

  it('agrees with Date.parse on near-misses that keep a zone: bad digits, out-of-range fields, separators, lengths', () => {
    const digit = fc.constantFrom(...'0123456789');
    const any = fc.constantFrom(...'0123456789-:.TZtz +/a');
    const char = fc.oneof(digit, digit, digit, any);
    fc.assert(
      fc.property(
        fc.constantFrom(
          '2026-02-30T24:00:60.000Z',
          '1999-12-31T23:59:59.999Z',
          '0000-01-01T00:00:00Z',
        ),
        fc.array(fc.tuple(fc.nat(23), char), { maxLength: 3 }),
        fc.option(fc.nat(23), { nil: undefined }),
        (base, changes, cut) => {
          const chars = [...base];
          for (const [at, c] of changes) if (at < chars.length) chars[at] = c;
          const s = cut === undefined ? chars.join('') : chars.slice(0, cut).join('');
          expect(Object.is(parseInstant(s), reference(s))).toBe(true);
        },
      ),
      { numRuns: 20_000 },
    );
    for (const s of [
      '2026-02-30T00:00:00.000Z',
      '2026-04-31T12:00:00Z',
      '2026-01-01T24:00:00.000Z',
      '2026-13-01T00:00:00.000Z',
      '2026-00-10T00:00:00.000Z',
      '2026-01-00T00:00:00.000Z',
      '2026-01-01T23:60:00.000Z',
      '2026-01-01T23:59:60.000Z',
      '2026-01-01t10:00:00.000z',
      '2026-11-22T09:30:00+01:00',
      '',
    ])
      expect(Object.is(parseInstant(s), Date.parse(s))).toBe(true);
  });
});

describe('parseInstant with offsets and other shapes', () => {
  it('agrees with Date.parse on ISO 8601 date-times, with Z or an offset, with or without fractions', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1971-01-01T00:00:00Z'),
          max: new Date('2199-12-31T23:59:59Z'),
          noInvalidDate: true,
        }),
        fc.constantFrom('Z', '+02:00', '-05:30', '+00:00', '+14:00'),
        fc.boolean(),
        (date, zone, withMs) => {
          let iso = date.toISOString();
          if (!withMs) iso = iso.replace(/\.\d{3}Z$/, 'Z');
          iso = iso.replace(/Z$/, zone);
          expect(parseInstant(iso)).toBe(Date.parse(iso));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('falls back to Date.parse for other shapes that name their zone, and a date alone is midnight UTC', () => {
    expect(parseInstant('2026-11-22')).toBe(Date.UTC(2026, 10, 22));
    expect(parseInstant('Sun, 22 Nov 2026 10:00:00 GMT')).toBe(Date.UTC(2026, 10, 22, 10));
    expect(parseInstant('2026-11-22T10:00+0100')).toBe(Date.UTC(2026, 10, 22, 9));
    expect(Number.isNaN(parseInstant('not a date'))).toBe(true);
  });

  it('a date-time without a zone is NaN, never read in the time zone of the machine it runs on', () => {
    for (const s of [
      '2026-11-22 10:00',
      '2026-11-22T10:00',
      '2026-11-22T10:00:00.000',
      'Nov 22 2026',
      'Nov 22 2026 10:00',
      '11/22/2026',
      '20260',
    ]) {
      expect(parseInstant(s), s).toBeNaN();
    }
  });
});
