/** How urgently a mention needs a person, from the priority score. */
export type PriorityBand = 'critical' | 'high' | 'normal' | 'low';

/** The bands from most to least urgent. */
export const PRIORITY_BANDS: readonly PriorityBand[] = ['critical', 'high', 'normal', 'low'];

/** Lowest priority (0..100) that falls in each band. */
export const BAND_THRESHOLDS: Readonly<Record<Exclude<PriorityBand, 'low'>, number>> = {
  critical: 75,
  high: 50,
  normal: 25,
};

/**
 * The band for a priority between 0 and 100: critical from 75, high from 50, normal from 25, low below.
 *
 * Out-of-range priorities are clamped (Infinity is critical, -Infinity and NaN count as 0), so a band is always
 * returned.
 *
 * @example
 * ```ts
 * priorityBand(82); // 'critical'
 * ```
 */
export function priorityBand(priority: number): PriorityBand {
  const p = priority === Infinity ? 100 : Number.isFinite(priority) ? priority : 0;
  if (p >= BAND_THRESHOLDS.critical) return 'critical';
  if (p >= BAND_THRESHOLDS.high) return 'high';
  if (p >= BAND_THRESHOLDS.normal) return 'normal';
  return 'low';
}
