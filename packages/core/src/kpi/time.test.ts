import { describe, expect, it } from 'vitest';
import { addCalendar, bucketBoundaries, bucketIndex, floorToGrain, parseInstant } from './time';

const iso = (t: number) => new Date(t).toISOString();

describe('time grains', () => {
  it('parses epoch ms and zoned ISO strings only', () => {
    expect(parseInstant('2026-11-22T10:00:00Z')).toBe(Date.UTC(2026, 10, 22, 10));
    expect(parseInstant('2026-11-22T11:00:00+01:00')).toBe(Date.UTC(2026, 10, 22, 10));
    expect(parseInstant('2026-11-22T10:00:00')).toBeNaN();
    expect(parseInstant(Number.POSITIVE_INFINITY)).toBeNaN();
    expect(parseInstant({})).toBeNaN();
  });

  it('floors to calendar buckets in UTC, weeks starting Monday', () => {
    const t = Date.parse('2026-11-22T10:30:00Z'); // a Sunday
    expect(iso(floorToGrain(t, 'hour'))).toBe('2026-11-22T10:00:00.000Z');
    expect(iso(floorToGrain(t, 'day'))).toBe('2026-11-22T00:00:00.000Z');
    expect(iso(floorToGrain(t, 'week'))).toBe('2026-11-16T00:00:00.000Z');
    expect(iso(floorToGrain(t, 'month'))).toBe('2026-11-01T00:00:00.000Z');
    expect(iso(floorToGrain(t, 'quarter'))).toBe('2026-10-01T00:00:00.000Z');
    expect(iso(floorToGrain(t, 'year'))).toBe('2026-01-01T00:00:00.000Z');
  });

  it('follows the wall clock of a time zone, across daylight saving', () => {
    const t = Date.parse('2026-11-22T23:30:00Z'); // Nov 23, 00:30 in Berlin
    expect(iso(floorToGrain(t, 'day', 'Europe/Berlin'))).toBe('2026-11-22T23:00:00.000Z');
    expect(iso(floorToGrain(t, 'hour', 'Asia/Kolkata'))).toBe('2026-11-22T23:30:00.000Z');
    // Berlin leaves summer time on 25 Oct 2026: that day has 25 hours.
    const days = bucketBoundaries(
      Date.parse('2026-10-24T22:00:00Z'),
      Date.parse('2026-10-27T23:00:00Z'),
      'day',
      'Europe/Berlin',
    );
    expect(days.map(iso)).toEqual([
      '2026-10-24T22:00:00.000Z',
      '2026-10-25T23:00:00.000Z',
      '2026-10-26T23:00:00.000Z',
      '2026-10-27T23:00:00.000Z',
    ]);
    expect(iso(addCalendar(Date.parse('2026-10-24T22:00:00Z'), 'day', 1, 'Europe/Berlin'))).toBe(
      '2026-10-25T23:00:00.000Z',
    );
  });

  it('starts a day at 01:00 where the clocks jump forward at midnight, not at 23:00 the day before', () => {
    // Cairo moved from +02:00 to +03:00 at midnight on 24 April 2026: that day begins at 01:00 local (22:00 UTC).
    const days = bucketBoundaries(
      Date.UTC(2026, 3, 22, 12),
      Date.UTC(2026, 3, 26),
      'day',
      'Africa/Cairo',
    ).map(iso);
    expect(days).toEqual([
      '2026-04-21T22:00:00.000Z',
      '2026-04-22T22:00:00.000Z',
      '2026-04-23T22:00:00.000Z',
      '2026-04-24T21:00:00.000Z',
      '2026-04-25T21:00:00.000Z',
      '2026-04-26T21:00:00.000Z',
    ]);
    // An order at 23:30 on Thursday 23 April (local) is on Thursday.
    const thursday = floorToGrain(Date.parse('2026-04-23T23:30:00+02:00'), 'day', 'Africa/Cairo');
    expect(iso(thursday)).toBe('2026-04-22T22:00:00.000Z');
  });

  it('keeps the wall-clock time when adding days across a clock change', () => {
    // 12:00 in Berlin on the day before summer time, plus one day, is 12:00 (10:00 UTC), not 13:00.
    expect(iso(addCalendar(Date.UTC(2026, 2, 28, 11), 'day', 1, 'Europe/Berlin'))).toBe(
      '2026-03-29T10:00:00.000Z',
    );
    expect(iso(addCalendar(Date.UTC(2026, 9, 24, 10), 'day', 1, 'Europe/Berlin'))).toBe(
      '2026-10-25T11:00:00.000Z',
    );
  });

  it('moves by calendar units and finds buckets', () => {
    expect(iso(addCalendar(Date.parse('2026-11-22T00:00:00Z'), 'week', -1))).toBe(
      '2026-11-15T00:00:00.000Z',
    );
    expect(iso(addCalendar(Date.parse('2026-11-30T06:00:00Z'), 'quarter', 1))).toBe(
      '2027-03-02T06:00:00.000Z',
    );
    expect(bucketIndex([0, 10, 20], 15)).toBe(1);
    expect(bucketIndex([0, 10, 20], 20)).toBe(-1);
    expect(bucketIndex([0, 10, 20], -1)).toBe(-1);
  });

  it('rejects unknown time zones and too many buckets with clear messages', () => {
    expect(() => floorToGrain(0, 'day', 'Nowhere/Town')).toThrow(
      /Unknown time zone "Nowhere\/Town"/,
    );
    expect(() => bucketBoundaries(0, 1e13, 'hour')).toThrow(/coarser grain/);
  });
});
