import type { SpikeLike, VolumePoint } from '../index';

/** 48 hourly buckets with a spike at hour 30. */
export function hourlySeries(): VolumePoint[] {
  const t0 = Date.parse('2026-11-20T00:00:00Z');
  return Array.from({ length: 48 }, (_, i) => {
    const count = i === 30 ? 312 : 40 + (i % 5);
    return {
      start: new Date(t0 + i * 3_600_000).toISOString(),
      count,
      negative: i === 30 ? 180 : 8,
      expected: 42,
      expectedLow: 30,
      expectedHigh: 55,
    };
  });
}

export const volumeSpike: SpikeLike = {
  kind: 'volume',
  start: '2026-11-21T06:00:00Z',
  end: '2026-11-21T07:00:00Z',
  severity: 9,
  expected: 42,
  observed: 312,
  reasons: ['312 mentions in the hour from 06:00 vs about 42 expected for a Saturday 06:00'],
  authors: 251,
  department: 'logistics',
  topTerms: [
    { term: 'delivery', count: 120, lift: 8.2 },
    { term: '<img src=x onerror=alert(1)>', count: 3, lift: 2 },
  ],
};
