// The pace bands of a KPI target, with their defaults (internal: read by validation and by judging).
import type { KpiTarget } from './types';

/**
 * A target's pace bands with their defaults: on track from a pace of 0.95, at risk from 0.8 (below: off track).
 */
export function paceBands(target: KpiTarget): { onTrackAt: number; atRiskAt: number } {
  return { onTrackAt: target.bands?.onTrackAt ?? 0.95, atRiskAt: target.bands?.atRiskAt ?? 0.8 };
}
