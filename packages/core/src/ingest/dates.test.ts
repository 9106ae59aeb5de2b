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

  it('keeps to the format asked for', () => {
    expect(toIsoDate('Tue Oct 31 22:10:47 +0000 2017', 'iso')).toBeUndefined();
    expect(toIsoDate('Tue Oct 31 22:10:47 +0000 2017', 'auto')).toBe('2017-10-31T22:10:47.000Z');
    expect(toIsoDate('2026-10-31T10:10:47Z', 'twitter')).toBeUndefined();
    expect(toIsoDate(1_792_317_600, 'iso')).toBeUndefined();
  });
});
