import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseInstant } from './instant';

/** Whether a string says where it is in time: it ends with a zone, or is a date alone. */
function placed(s: string): boolean {
  return /(?:z|[+-]\d\d(?::?\d\d)?)$/i.test(s) || /^\d{4}-\d\d-\d\d$/.test(s);
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

  it('never disagrees with Date.parse on near-misses: bad digits, out-of-range fields, separators, lengths', () => {
    const digit = fc.constantFrom(...'0123456789');
    const any = fc.constantFrom(...'0123456789-:.TZtz +/a');
    const char = fc.oneof(digit, digit, digit, any);
    fc.assert(
      fc.property(
        fc.constantFrom(
          '2026-02-28T23:00:59.000Z',
          '1999-12-31T23:59:59.999Z',
          '2000-01-01T00:00:00+01:00',
        ),
        fc.array(fc.tuple(fc.nat(25), char), { maxLength: 3 }),
        fc.option(fc.nat(25), { nil: undefined }),
        (base, changes, cut) => {
          const chars = [...base];
          for (const [at, c] of changes) if (at < chars.length) chars[at] = c;
          const s = cut === undefined ? chars.join('') : chars.slice(0, cut).join('');
          const ours = parseInstant(s);
          const theirs = Date.parse(s);
          // Where both read a time it is the same one; parseInstant reads less (never a time without a zone).
          if (!Number.isNaN(ours) && !Number.isNaN(theirs)) expect(ours).toBe(theirs);
          if (!Number.isNaN(ours)) expect(placed(s)).toBe(true);
        },
      ),
      { numRuns: 20_000 },
    );
  });

  it('refuses dates and times that do not exist, instead of rolling them over', () => {
    for (const s of [
      '2026-02-30T00:00:00.000Z',
      '2026-04-31T12:00:00Z',
      '2025-02-29T12:00:00Z',
      '2026-01-01T24:00:01Z',
      '2026-13-01T00:00:00.000Z',
      '2026-00-10T00:00:00.000Z',
      '2026-01-00T00:00:00.000Z',
      '2026-01-01T23:60:00.000Z',
      '2026-01-01T23:59:60.000Z',
      '2026-01-01T10:00:00+24:00',
      '',
    ])
      expect(parseInstant(s), s).toBeNaN();
    expect(parseInstant('2024-02-29T12:00:00Z')).toBe(Date.UTC(2024, 1, 29, 12));
    expect(parseInstant('2026-01-01T24:00:00Z')).toBe(Date.UTC(2026, 0, 2));
    expect(parseInstant('2026-01-01t10:00:00.000z')).toBe(Date.UTC(2026, 0, 1, 10));
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

  it('reads every ISO 8601 zone form, and a date alone as midnight UTC', () => {
    expect(parseInstant('2026-11-22')).toBe(Date.UTC(2026, 10, 22));
    expect(parseInstant('2026-11-22T10:00+0100')).toBe(Date.UTC(2026, 10, 22, 9));
    expect(parseInstant('2026-11-22T10:00+01')).toBe(Date.UTC(2026, 10, 22, 9));
    expect(parseInstant('2026-11-22 10:00:00-05:30')).toBe(Date.UTC(2026, 10, 22, 15, 30));
    expect(parseInstant('+012026-11-22T10:00:00.000Z')).toBe(
      Date.parse('+012026-11-22T10:00:00.000Z'),
    );
    expect(parseInstant('2026-11-22T10:00:00.123456789Z')).toBe(
      Date.UTC(2026, 10, 22, 10, 0, 0, 123),
    );
    expect(Number.isNaN(parseInstant('not a date'))).toBe(true);
    // Not ISO 8601, even where a zone is named.
    expect(parseInstant('Sun, 22 Nov 2026 10:00:00 GMT')).toBeNaN();
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
      '2026-11',
      '2026',
    ]) {
      expect(parseInstant(s), s).toBeNaN();
    }
  });
});
