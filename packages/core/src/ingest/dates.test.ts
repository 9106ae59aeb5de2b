import { describe, expect, it } from 'vitest';
import { parseTwitterDate, toIsoDate } from './dates';

describe('parseTwitterDate', () => {
  it('reads the classic Twitter format with its offset', () => {
    expect(parseTwitterDate('Tue Oct 31 22:10:47 +0000 2017')).toBe('2017-10-31T22:10:47.000Z');
    expect(parseTwitterDate('Wed Nov 01 01:10:47 +0300 2017')).toBe('2017-10-31T22:10:47.000Z');
  });

  it('refuses impossible dates and other formats', () => {
    expect(parseTwitterDate('Tue Feb 30 22:10:47 +0000 2017')).toBeUndefined();
    expect(parseTwitterDate('Tue Oct 31 25:10:47 +0000 2017')).toBeUndefined();
    expect(parseTwitterDate('2017-10-31T22:10:47Z')).toBeUndefined();
  });

  it('reads the year as written, and refuses an offset beyond +14:00 or a weekday that is not that day', () => {
    // Not 1917 (Date.UTC reads years 0–99 as 1900–1999).
    expect(parseTwitterDate('Tue Oct 31 22:10:47 +0000 0017')).toBe('0017-10-31T22:10:47.000Z');
    expect(parseTwitterDate('Tue Oct 31 22:10:47 +9900 2017')).toBeUndefined();
    expect(parseTwitterDate('Mon Oct 31 22:10:47 +0000 2017')).toBeUndefined();
    expect(parseTwitterDate('Sun Oct 31 23:10:47 -1100 2027')).toBe('2027-11-01T10:10:47.000Z');
  });
});

describe('toIsoDate', () => {
  it('normalises ISO 8601 with a zone to UTC', () => {
    expect(toIsoDate('2026-10-31T10:10:47+01:00')).toBe('2026-10-31T09:10:47.000Z');
    expect(toIsoDate('2026-10-31 10:10:47+0100')).toBe('2026-10-31T09:10:47.000Z');
    expect(toIsoDate('2026-10-31T09:10:47.123456Z')).toBe('2026-10-31T09:10:47.123Z');
  });

  it('refuses dates without a zone, impossible days and junk', () => {
    expect(toIsoDate('2026-10-31T10:10:47')).toBeUndefined();
    expect(toIsoDate('2026-02-30T00:00:00Z')).toBeUndefined();
    expect(toIsoDate('2026-13-01T00:00:00Z')).toBeUndefined();
    expect(toIsoDate('yesterday')).toBeUndefined();
    expect(toIsoDate(null)).toBeUndefined();
    expect(toIsoDate({})).toBeUndefined();
  });

  it('reads epoch seconds and milliseconds, and refuses non-finite numbers', () => {
    expect(toIsoDate(1_792_317_600)).toBe('2026-10-18T10:00:00.000Z');
    expect(toIsoDate('1792317600000')).toBe('2026-10-18T10:00:00.000Z');
    expect(toIsoDate(1_792_317_600, 'epoch-seconds')).toBe('2026-10-18T10:00:00.000Z');
    expect(toIsoDate('1792317600.5', 'epoch-seconds')).toBe('2026-10-18T10:00:00.500Z');
    expect(toIsoDate(Number.NaN)).toBeUndefined();
    expect(toIsoDate(Number.POSITIVE_INFINITY)).toBeUndefined();
    expect(toIsoDate(1e20)).toBeUndefined();
  });

  it('in auto mode refuses numbers that are not plainly epoch seconds or milliseconds', () => {
    // A compact date and a year would otherwise land in 1970, and nothing would be rejected.
    expect(toIsoDate('20240115')).toBeUndefined();
    expect(toIsoDate(2024)).toBeUndefined();
    expect(toIsoDate('12345678901')).toBeUndefined();
    expect(toIsoDate('1792317600.25')).toBe('2026-10-18T10:00:00.250Z');
    // Named, the format reads them.
    expect(toIsoDate('20240115', 'epoch-seconds')).toBe('1970-08-23T06:15:15.000Z');
  });

  it('keeps to the format asked for', () => {
    expect(toIsoDate('Tue Oct 31 22:10:47 +0000 2017', 'iso')).toBeUndefined();
    expect(toIsoDate('Tue Oct 31 22:10:47 +0000 2017', 'auto')).toBe('2017-10-31T22:10:47.000Z');
    expect(toIsoDate('2026-10-31T10:10:47Z', 'twitter')).toBeUndefined();
    expect(toIsoDate(1_792_317_600, 'iso')).toBeUndefined();
  });
});
