import type { KpiStatus, KpiUnit, TrendPoint } from '@rapport/core';
import type { Formatter } from './format';
import { token } from '../theme/tokens';

/** A KPI value in its unit: ratios as percentages, durations compact, money in the given currency. */
export function formatKpiValue(
  fmt: Formatter,
  unit: KpiUnit,
  value: number | null | undefined,
  currency = 'USD',
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  switch (unit) {
    case 'ratio':
      return fmt.percent(value, 1);
    case 'percent':
      return fmt.percent(value / 100, 1);
    case 'ms':
      return fmt.duration(value);
    case 'currency':
      return fmt.number(value, { style: 'currency', currency, maximumFractionDigits: 0 });
    case 'score':
      return fmt.number(value, { maximumFractionDigits: 1 });
    default:
      return fmt.number(value, { maximumFractionDigits: 0 });
  }
}

export const STATUS_COLOR: Record<KpiStatus, string> = {
  on_track: token('ok'),
  at_risk: token('warning'),
  off_track: token('danger'),
  no_data: token('muted'),
  no_target: token('muted'),
  unavailable: token('muted'),
};

export const defaultKpiStatusLabels: Record<KpiStatus, string> = {
  on_track: 'On track',
  at_risk: 'At risk',
  off_track: 'Off track',
  no_data: 'No data',
  no_target: 'No target',
  unavailable: 'Unavailable: no permission',
};

/** A status as a coloured dot and words (never colour alone). */
export function StatusText({
  status,
  labels,
}: {
  status: KpiStatus;
  labels: Record<KpiStatus, string>;
}) {
  return (
    <span data-status={status} style={{ color: STATUS_COLOR[status], whiteSpace: 'nowrap' }}>
      <span aria-hidden="true">● </span>
      {labels[status]}
    </span>
  );
}

/**
 * A trend line with a dashed target line; gaps where a bucket has no data, and dashes into a partial bucket.
 * Decorative: the numbers are in text.
 */
export function Sparkline({
  trend,
  target,
  width = 120,
  height = 32,
}: {
  trend: TrendPoint[];
  target?: number | null;
  width?: number;
  height?: number;
}) {
  const values = trend
    .map((p) => p.value)
    .filter((v): v is number => v !== null && Number.isFinite(v));
  if (values.length === 0) return null;
  const all =
    target !== null && target !== undefined && Number.isFinite(target)
      ? [...values, target]
      : values;
  const min = Math.min(...all);
  const max = Math.max(...all);
  const span = max - min || 1;
  const x = (i: number) =>
    trend.length <= 1 ? width / 2 : (i / (trend.length - 1)) * (width - 4) + 2;
  const y = (v: number) => height - 2 - ((v - min) / span) * (height - 4);
  // Runs of the line between buckets with data; a step into or out of a partial bucket (a period still going on, or
  // cut by the report) is dashed, so its dip does not read as a fall.
  const segments: { d: string; partial: boolean }[] = [];
  let prev = -1;
  trend.forEach((p, i) => {
    if (p.value === null || !Number.isFinite(p.value)) {
      prev = -1;
      return;
    }
    const here = `${x(i).toFixed(1)},${y(p.value).toFixed(1)}`;
    const last = segments.at(-1);
    if (prev < 0) {
      segments.push({ d: `M${here}`, partial: p.partial === true });
    } else {
      const partial = p.partial === true || trend[prev]!.partial === true;
      if (last && last.partial === partial) last.d += `L${here}`;
      else {
        const from = `${x(prev).toFixed(1)},${y(trend[prev]!.value!).toFixed(1)}`;
        segments.push({ d: `M${from}L${here}`, partial });
      }
    }
    prev = i;
  });
  return (
    <svg
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      aria-hidden="true"
      focusable="false"
    >
      {target !== null && target !== undefined && Number.isFinite(target) && (
        <line
          data-target-line=""
          x1={0}
          x2={width}
          y1={y(target)}
          y2={y(target)}
          stroke={token('muted')}
          strokeDasharray="3 2"
          strokeWidth={1}
        />
      )}
      {segments.map((s, i) => (
        <path
          key={i}
          d={s.d}
          fill="none"
          stroke={token('accent')}
          strokeWidth={1.5}
          {...(s.partial && { strokeDasharray: '2 2', 'data-partial': '' })}
        />
      ))}
    </svg>
  );
}
