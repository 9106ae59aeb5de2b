import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { durationWords, isoToMs } from './time';

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

  it('gives NaN for dates that do not exist or cannot be read', () => {
    expect(isoToMs('2026-02-30T00:00:00Z')).toBeNaN();
    expect(isoToMs('yesterday')).toBeNaN();
    expect(isoToMs('2026-11-22T25:00:00Z')).toBeNaN();
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
