import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addBusinessTime, businessTimeBetween, isWorkingTime, zoneOffsetMinutes } from './calendar';
import { arbCalendar, arbInstant, MIN, oracleOpen } from './oracle.test-helpers';
import type { Calendar } from './types';

const H = 60 * MIN;
const t = Date.parse;
const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());
const nineToFive = [{ start: '09:00', end: '17:00' }];
const weekdays = {
  mon: nineToFive,
  tue: nineToFive,
  wed: nineToFive,
  thu: nineToFive,
  fri: nineToFive,
};

describe('zone offsets', () => {
  it('follow DST in both hemispheres', () => {
    expect(zoneOffsetMinutes('Europe/London', t('2026-01-15T12:00:00Z'))).toBe(0);
    expect(zoneOffsetMinutes('Europe/London', t('2026-07-15T12:00:00Z'))).toBe(60);
    expect(zoneOffsetMinutes('America/New_York', t('2026-07-01T12:00:00Z'))).toBe(-240);
    expect(zoneOffsetMinutes('Australia/Sydney', t('2026-01-15T12:00:00Z'))).toBe(660);
    expect(zoneOffsetMinutes('Australia/Sydney', t('2026-07-15T12:00:00Z'))).toBe(600);
    expect(zoneOffsetMinutes('Asia/Kathmandu', t('2026-07-15T12:00:00Z'))).toBe(345);
  });

  it('switch at the exact instant of the change', () => {
    expect(zoneOffsetMinutes('Europe/London', t('2026-03-29T00:59:59Z'))).toBe(0);
    expect(zoneOffsetMinutes('Europe/London', t('2026-03-29T01:00:00Z'))).toBe(60);
  });
});

describe('business time', () => {
  const uk: Calendar = {
    id: 'uk',
    timeZone: 'Europe/London',
    week: weekdays,
    holidays: ['2026-12-25'],
  };

  it('skips nights, weekends and holidays', () => {
    // Friday 16:30 London + 1 working hour = Monday 09:30.
    expect(iso(addBusinessTime(uk, t('2026-11-20T16:30:00Z'), H))).toBe('2026-11-23T09:30:00.000Z');
    // Thursday 24 Dec 16:00 + 2 h: Christmas Friday is closed → Monday 28 Dec 10:00.
    expect(iso(addBusinessTime(uk, t('2026-12-24T16:00:00Z'), 2 * H))).toBe(
      '2026-12-28T10:00:00.000Z',
    );
    expect(businessTimeBetween(uk, t('2026-11-20T16:00:00Z'), t('2026-11-23T10:00:00Z'))).toBe(
      2 * H,
    );
    expect(isWorkingTime(uk, t('2026-11-21T10:00:00Z'))).toBe(false);
  });

  it('follows local wall time across DST (London summer: 09:00 local is 08:00 UTC)', () => {
    expect(iso(addBusinessTime(uk, t('2026-07-06T06:00:00Z'), H))).toBe('2026-07-06T09:00:00.000Z');
  });

  it('counts the repeated hour twice and the skipped hour not at all', () => {
    const night: Calendar = {
      id: 'n',
      timeZone: 'Europe/London',
      week: { sun: [{ start: '00:00', end: '03:00' }] },
    };
    expect(businessTimeBetween(night, t('2026-03-28T12:00:00Z'), t('2026-03-29T12:00:00Z'))).toBe(
      2 * H,
    );
    expect(businessTimeBetween(night, t('2026-10-24T12:00:00Z'), t('2026-10-25T12:00:00Z'))).toBe(
      4 * H,
    );
  });

  it('applies one-off overrides over holidays and the week', () => {
    const cal: Calendar = {
      ...uk,
      overrides: [
        { date: '2026-12-25', intervals: [{ start: '10:00', end: '12:00' }] },
        { date: '2026-12-24', intervals: [] },
      ],
    };
    expect(businessTimeBetween(cal, t('2026-12-24T00:00:00Z'), t('2026-12-26T00:00:00Z'))).toBe(
      2 * H,
    );
  });

  it('24/7 calendars count wall time; closed calendars never reach a deadline', () => {
    const open: Calendar = { id: 'o', timeZone: 'UTC', alwaysOpen: true };
    expect(addBusinessTime(open, 0, 5 * H)).toBe(5 * H);
    expect(businessTimeBetween(open, 0, 3 * H)).toBe(3 * H);
    expect(addBusinessTime({ id: 'c', timeZone: 'UTC' }, 0, H)).toBeUndefined();
    expect(addBusinessTime(uk, 1234, 0)).toBe(1234);
  });
});

describe('business time against a minute-by-minute oracle', () => {
  it('agrees exactly on random calendars, DST zones, holidays and overrides', () => {
    fc.assert(
      fc.property(
        arbCalendar,
        arbInstant,
        fc.integer({ min: 0, max: 2 * 1440 }),
        fc.integer({ min: 1, max: 600 }),
        (cal, from, span, need) => {
          // Business time in [from, from + span) minute by minute, and the minute the `need`-th working minute ends.
          let count = 0;
          let due: number | undefined;
          for (let m = 0; m < span; m++) {
            if (oracleOpen(cal, from + m * MIN)) {
              count++;
              if (count === need && due === undefined) due = from + (m + 1) * MIN;
            }
          }
          expect(businessTimeBetween(cal, from, from + span * MIN)).toBe(count * MIN);
          const got = addBusinessTime(cal, from, need * MIN);
          if (due !== undefined) expect(got).toBe(due);
          else expect(got === undefined || got > from + span * MIN).toBe(true);
        },
      ),
      { numRuns: 10_000 },
    );
  }, 60_000);
});
