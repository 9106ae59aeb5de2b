import { priorityBand, type PriorityBand } from '@rapport/core';
import type { CSSProperties } from 'react';
import { token } from '../theme/tokens';

export interface ScoreBadgeProps {
  /** Priority from 0 to 100. Out-of-range values are clamped for display. */
  priority: number;
  /** The band; derived from the priority when omitted. */
  band?: PriorityBand;
  /** Accessible label; `{priority}` and `{band}` are replaced. */
  label?: string;
  /** Visible band names, for translation. */
  bandLabels?: Partial<Record<PriorityBand, string>>;
  /**
   * Announce changes politely as a status (default true). Lists and tables of badges pass `false`: twenty live
   * regions would read out every priority that changes on a refresh. The badge is then a labelled image.
   */
  live?: boolean;
  className?: string;
  style?: CSSProperties;
}

const DEFAULT_BAND_LABELS: Record<PriorityBand, string> = {
  critical: 'Critical',
  high: 'High',
  normal: 'Normal',
  low: 'Low',
};

const BAND_COLORS: Record<PriorityBand, string> = {
  critical: token('critical'),
  high: token('high'),
  normal: token('normal'),
  low: token('low'),
};

/**
 * A mention's priority as a small badge with its band, announced politely as a status.
 *
 * @example
 * ```tsx
 * <ScoreBadge priority={score.priority} band={score.band} />
 * ```
 */
export function ScoreBadge({
  priority,
  band,
  label = 'Priority {priority} of 100, {band}',
  bandLabels,
  live = true,
  className,
  style,
}: ScoreBadgeProps) {
  const value = Math.round(Math.min(100, Math.max(0, Number.isFinite(priority) ? priority : 0)));
  const resolved = band ?? priorityBand(value);
  const bandText = { ...DEFAULT_BAND_LABELS, ...bandLabels }[resolved];
  return (
    <span
      role={live ? 'status' : 'img'}
      aria-label={label.replace('{priority}', String(value)).replace('{band}', bandText)}
      data-band={resolved}
      className={className}
      style={{
        display: 'inline-flex',
        alignItems: 'center',
        gap: '0.35em',
        padding: '0.1em 0.5em',
        borderRadius: '999px',
        font: 'inherit',
        fontVariantNumeric: 'tabular-nums',
        color: token('onAccent'),
        background: BAND_COLORS[resolved],
        ...style,
      }}
    >
      <span aria-hidden="true">{value}</span>
      <span aria-hidden="true">{bandText}</span>
    </span>
  );
}
