import { useMemo } from 'react';
import {
  Area,
  Bar,
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceArea,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useFormatter } from '../theme/RapportProvider';
import { token } from '../theme/tokens';
import { fill } from '../internal/format';
import type { SeriesBucket as VolumeBucket, Spike as SpikeLike } from '@rapport/core';
import { errorText, rootStyle, StateMessage, type WidgetBaseProps } from '../internal/ui';

/** One bucket of the chart: the core's series bucket plus, optionally, the baseline the detector expected. */
export interface VolumePoint extends VolumeBucket {
  /** The expected count for this bucket (the detector's baseline). */
  expected?: number;
  /** Lower and upper edge of the usual range (drawn as the baseline band). */
  expectedLow?: number;
  expectedHigh?: number;
}

export interface VolumeChartLabels {
  title: string;
  /** `{buckets}`, `{total}`, `{spikes}`. */
  summary: string;
  volume: string;
  negativeShare: string;
  baseline: string;
  /** One line per volume spike: `{start}`, `{observed}`, `{expected}` mentions, `{severity}`. */
  spike: string;
  /**
   * One line per negative-share spike (a slow burn): `{start}`, `{observed}` and `{expected}` negative mentions
   * over the spike's window, `{severity}`.
   */
  spikeNegative: string;
  loading: string;
  empty: string;
  error: string;
}

export const defaultVolumeChartLabels: VolumeChartLabels = {
  title: 'Mentions over time',
  summary: '{total} mentions in {buckets} periods. Spikes: {spikes}.',
  volume: 'Mentions',
  negativeShare: 'Negative share',
  baseline: 'Usual range',
  spike: '{start}: {observed} mentions vs about {expected} expected (severity {severity})',
  spikeNegative:
    '{start}: {observed} negative mentions vs about {expected} expected (severity {severity})',
  loading: 'Loading mentions…',
  empty: 'No mentions in this period.',
  error: 'Mentions could not be loaded.',
};

export interface VolumeChartProps extends WidgetBaseProps {
  /** Buckets in time order (ISO 8601 `start`). */
  data: VolumePoint[];
  /** Spikes to mark (from `detectSpikes`). */
  spikes?: SpikeLike[];
  /** Chart height in px (default 240). */
  height?: number;
  /** Fixed width in px; by default the chart fills its container. */
  width?: number;
  /** Draw the negative share line (default true when any bucket has `negative`). */
  showNegativeShare?: boolean;
  /** Date format of the x axis (Intl options). */
  dateFormat?: Intl.DateTimeFormatOptions;
  loading?: boolean;
  error?: unknown;
  labels?: Partial<VolumeChartLabels>;
}

interface Row {
  t: number;
  count: number;
  share: number | null;
  band: [number, number] | null;
  expected: number | null;
}

/**
 * Mention volume per bucket with the negative share, the usual range as a band and spikes shaded, plus a text
 * summary and the list of spikes (expected vs observed) for screen readers and people who prefer words.
 *
 * @example
 * ```tsx
 * <VolumeChart data={series} spikes={detectSpikes(series)} />
 * ```
 */
export function VolumeChart({
  data,
  spikes = [],
  height = 240,
  width,
  showNegativeShare,
  dateFormat = { month: 'short', day: 'numeric', hour: 'numeric' },
  loading = false,
  error,
  labels,
  locale,
  theme,
  className,
  style,
}: VolumeChartProps) {
  const fmt = useFormatter(locale);
  const l = { ...defaultVolumeChartLabels, ...labels };
  const rows = useMemo<Row[]>(
    () =>
      data.map((b) => ({
        t: Date.parse(b.start),
        count: b.count,
        share: b.negative !== undefined && b.count > 0 ? b.negative / b.count : null,
        band:
          b.expectedLow !== undefined && b.expectedHigh !== undefined
            ? [b.expectedLow, b.expectedHigh]
            : null,
        expected: b.expected ?? null,
      })),
    [data],
  );
  const total = useMemo(() => data.reduce((s, b) => s + (b.count || 0), 0), [data]);
  const withShare = showNegativeShare ?? data.some((b) => b.negative !== undefined);
  const bucketMs = rows.length > 1 ? rows[1]!.t - rows[0]!.t : 3_600_000;
  let body;
  if (error) body = <StateMessage kind="error">{errorText(error, l.error)}</StateMessage>;
  else if (loading) body = <StateMessage kind="loading">{l.loading}</StateMessage>;
  else if (data.length === 0) body = <StateMessage kind="empty">{l.empty}</StateMessage>;
  else {
    const tick = (t: number) => fmt.dateTime(t, dateFormat);
    const chart = (
      <ComposedChart
        // The chart is hidden from assistive technology (the summary and spike list below say the same in
        // words), so it must not be focusable either: recharts 3's keyboard layer gives the <svg> a tab stop.
        accessibilityLayer={false}
        data={rows}
        width={width}
        height={height}
        margin={{ top: 8, right: 8, bottom: 8, left: 0 }}
      >
        <CartesianGrid stroke={token('border')} strokeDasharray="3 3" />
        <XAxis
          dataKey="t"
          type="number"
          scale="time"
          domain={['dataMin', 'dataMax']}
          tickFormatter={tick}
          stroke={token('muted')}
        />
        <YAxis yAxisId="count" stroke={token('muted')} allowDecimals={false} />
        {withShare && (
          <YAxis
            yAxisId="share"
            orientation="right"
            domain={[0, 1]}
            tickFormatter={(v: number) => fmt.percent(v)}
            stroke={token('muted')}
          />
        )}
        <Tooltip
          labelFormatter={(t) => tick(Number(t))}
          formatter={(value, name) => {
            if (name === l.negativeShare) return [fmt.percent(Number(value)), name];
            if (Array.isArray(value))
              return [`${fmt.number(Number(value[0]))}–${fmt.number(Number(value[1]))}`, name];
            return [fmt.number(Number(value)), name];
          }}
          contentStyle={{ background: token('bg'), borderColor: token('border') }}
        />
        {spikes.map((s) => (
          <ReferenceArea
            key={`${s.kind}-${s.start}`}
            yAxisId="count"
            x1={Date.parse(s.start)}
            x2={Math.max(Date.parse(s.end), Date.parse(s.start) + bucketMs)}
            fill={token('danger')}
            fillOpacity={0.15}
            stroke={token('danger')}
            strokeOpacity={0.6}
            ifOverflow="extendDomain"
          />
        ))}
        <Area
          yAxisId="count"
          dataKey="band"
          name={l.baseline}
          stroke="none"
          fill={token('band')}
          fillOpacity={1}
          isAnimationActive={false}
          connectNulls
        />
        <Bar
          yAxisId="count"
          dataKey="count"
          name={l.volume}
          fill={token('accent')}
          isAnimationActive={false}
        />
        {withShare && (
          <Line
            yAxisId="share"
            dataKey="share"
            name={l.negativeShare}
            stroke={token('danger')}
            dot={false}
            isAnimationActive={false}
            connectNulls
          />
        )}
      </ComposedChart>
    );
    body = (
      <>
        <div aria-hidden="true" style={{ width: width ?? '100%', height }}>
          {width !== undefined ? (
            chart
          ) : (
            <ResponsiveContainer width="100%" height={height}>
              {chart}
            </ResponsiveContainer>
          )}
        </div>
        <p style={{ margin: '0.4em 0 0' }}>
          {fill(l.summary, {
            total: fmt.number(total),
            buckets: fmt.number(data.length),
            spikes: fmt.number(spikes.length),
          })}
        </p>
        {spikes.length > 0 && (
          <ul style={{ margin: '0.2em 0 0', paddingInlineStart: '1.2em' }}>
            {spikes.map((s) => (
              <li key={`${s.kind}-${s.start}`}>
                {fill(s.kind === 'negative_share' ? l.spikeNegative : l.spike, {
                  start: fmt.dateTime(s.start),
                  observed: fmt.number(s.observed),
                  expected: fmt.number(s.expected, { maximumFractionDigits: 1 }),
                  severity: fmt.number(s.severity),
                })}
              </li>
            ))}
          </ul>
        )}
      </>
    );
  }
  return (
    <figure
      aria-label={l.title}
      className={className}
      style={rootStyle(theme, style, {
        margin: 0,
        padding: '0.75em',
        borderRadius: token('radius'),
      })}
    >
      <figcaption style={{ fontWeight: 600, marginBottom: '0.4em' }}>{l.title}</figcaption>
      {body}
    </figure>
  );
}
