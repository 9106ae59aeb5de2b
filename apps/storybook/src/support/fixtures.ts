import type { SpikeLike, VolumePoint } from '@rapport/react';

/** Small seeded PRNG (mulberry32) so fixtures are the same on every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HOUR = 3_600_000;
export const SERIES_START = Date.parse('2026-11-06T00:00:00Z');
/** The hour the delivery incident starts in the fixture series (day 11, 14:00 UTC). */
export const INCIDENT_START = SERIES_START + (10 * 24 + 14) * HOUR;

/**
 * Hourly mention counts over `days` days with a daily rhythm, the usual range, and a delivery incident
 * (five times the usual volume, mostly negative) for six hours on day 11.
 */
export function volumeSeries(days = 14, seed = 7): VolumePoint[] {
  const random = seeded(seed);
  const points: VolumePoint[] = [];
  for (let h = 0; h < days * 24; h += 1) {
    const t = SERIES_START + h * HOUR;
    const hourOfDay = h % 24;
    const expected = 6 + 14 * Math.max(0, Math.sin(((hourOfDay - 6) / 24) * 2 * Math.PI));
    const incident = t >= INCIDENT_START && t < INCIDENT_START + 6 * HOUR;
    const count = Math.round(expected * (incident ? 5 : 0.8 + 0.4 * random()));
    const negative = Math.round(count * (incident ? 0.7 : 0.12 + 0.1 * random()));
    points.push({
      start: new Date(t).toISOString(),
      count,
      negative,
      authors: Math.max(0, count - Math.round(count * 0.1)),
      expected: Math.round(expected * 10) / 10,
      expectedLow: Math.round(expected * 0.6 * 10) / 10,
      expectedHigh: Math.round(expected * 1.4 * 10) / 10,
    });
  }
  return points;
}

/** The delivery incident as the spike detector reports it. */
export const deliverySpike: SpikeLike = {
  kind: 'volume',
  start: new Date(INCIDENT_START).toISOString(),
  end: new Date(INCIDENT_START + 6 * HOUR).toISOString(),
  severity: 8,
  expected: 19.6,
  observed: 98,
  authors: 88,
  reasons: [
    '98 mentions in the hour where about 20 are usual at this time of the week (robust z 9.4).',
    '88 different people wrote, so this is not one angry thread.',
    '71% of them are negative where 17% is usual.',
  ],
  negativeShare: 0.71,
  expectedNegativeShare: 0.17,
  department: 'logistics',
  topTerms: [
    { term: 'parcel', count: 41, lift: 6.2 },
    { term: 'tracking', count: 33, lift: 5.1 },
    { term: 'late', count: 29, lift: 4.4 },
    { term: 'courier', count: 18, lift: 3.9 },
  ],
};

/** A slow burn: the negative share creeping up over two days. */
export const negativeShareSpike: SpikeLike = {
  kind: 'negative_share',
  start: new Date(SERIES_START + 4 * 24 * HOUR).toISOString(),
  end: new Date(SERIES_START + 6 * 24 * HOUR).toISOString(),
  severity: 4,
  expected: 0.17,
  observed: 0.34,
  negativeShare: 0.34,
  expectedNegativeShare: 0.17,
  reasons: ['The negative share has stayed above its usual level for 2 days (CUSUM).'],
  department: 'product',
  topTerms: [{ term: 'app update', count: 22, lift: 3.2 }],
};
