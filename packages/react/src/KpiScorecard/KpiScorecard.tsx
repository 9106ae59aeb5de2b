import type {
  AmecLevel,
  ContributionResult,
  EvidenceGrade,
  GoalReport,
  GoalWarning,
  KpiResult,
  KpiStatus,
} from '@rapport/core';
import { useFormatter } from '../theme/RapportProvider';
import { token } from '../theme/tokens';
import { fill } from '../internal/format';
import { defaultKpiStatusLabels, formatKpiValue, Sparkline, StatusText } from '../internal/kpi';
import { displayText } from '../internal/safe';
import {
  errorText,
  fillNodes,
  Panel,
  StateMessage,
  UserText,
  type WidgetBaseProps,
  linkButtonStyle,
} from '../internal/ui';

export interface KpiScorecardLabels {
  title: string;
  statuses: Record<KpiStatus, string>;
  actual: string;
  target: string;
  baseline: string;
  /** `{progress}` of the way, `{elapsed}` of the time gone. */
  pacing: string;
  /** Period-over-period change: `{change}`. */
  change: string;
  /** The same while the report's period is still going on, against the previous period to the same point. */
  changeToDate: string;
  owner: string;
  noOwner: string;
  evidence: Record<EvidenceGrade, string>;
  /** The KPI's level (AMEC), in words. */
  levels: Record<AmecLevel, string>;
  /** Contribution line: `{from}` → `{to}`, `{model}`. */
  contribution: string;
  assisted: string;
  warnings: string;
  /** Meter label: `{name}`. */
  progressLabel: string;
  loading: string;
  empty: string;
  error: string;
}

export const defaultKpiScorecardLabels: KpiScorecardLabels = {
  title: 'KPI scorecard',
  statuses: defaultKpiStatusLabels,
  actual: 'Actual',
  target: 'Target',
  baseline: 'Baseline',
  pacing: '{progress} of the way with {elapsed} of the time gone',
  change: '{change} vs previous period',
  changeToDate: '{change} vs previous period to the same point',
  owner: 'Owner',
  noOwner: 'No owner',
  evidence: {
    experimental: 'Experiment (shows cause)',
    modelled: 'Modelled',
    correlational: 'Correlation only',
  },
  levels: {
    input: 'Input',
    activity: 'Activity',
    output: 'Output',
    outtake: 'Outtake',
    outcome: 'Outcome',
    impact: 'Impact',
  },
  contribution: '{from} → {to} ({model})',
  assisted: 'assisted, not summed',
  warnings: 'Warnings',
  progressLabel: 'Progress to target: {name}',
  loading: 'Computing KPIs…',
  empty: 'No KPIs defined yet.',
  error: 'KPIs could not be computed.',
};

export interface KpiScorecardProps extends WidgetBaseProps {
  /** The report from `evaluateGoals` (KPIs, contributions and warnings). */
  report?: GoalReport | null;
  /** Show only these KPI ids, in this order (default: every KPI in the report). */
  kpiIds?: string[];
  /** ISO 4217 code for `currency` KPIs (default USD). */
  currency?: string;
  /** Called when a KPI's name is activated (e.g. to show its rows). */
  onSelectKpi?: (kpiId: string) => void;
  loading?: boolean;
  error?: unknown;
  labels?: Partial<Omit<KpiScorecardLabels, 'statuses' | 'evidence' | 'levels'>> & {
    statuses?: Partial<KpiScorecardLabels['statuses']>;
    evidence?: Partial<KpiScorecardLabels['evidence']>;
    levels?: Partial<KpiScorecardLabels['levels']>;
  };
}

const EVIDENCE_COLOR: Record<EvidenceGrade, string> = {
  experimental: token('ok'),
  modelled: token('accent'),
  correlational: token('warning'),
};

/**
 * KPIs against their targets: actual vs target, progress and pacing, a trend sparkline with the target line,
 * evidence badges on contributions, and the vanity-metric and permission warnings, in words.
 * A KPI without permission shows "unavailable", never zero.
 *
 * @example
 * ```tsx
 * <KpiScorecard report={evaluateGoals(tree, events, { from, to, now })} />
 * ```
 */
export function KpiScorecard({
  report,
  kpiIds,
  currency,
  onSelectKpi,
  loading = false,
  error,
  labels,
  locale,
  theme,
  className,
  style,
}: KpiScorecardProps) {
  const fmt = useFormatter(locale);
  const l = {
    ...defaultKpiScorecardLabels,
    ...labels,
    statuses: { ...defaultKpiScorecardLabels.statuses, ...labels?.statuses },
    evidence: { ...defaultKpiScorecardLabels.evidence, ...labels?.evidence },
    levels: { ...defaultKpiScorecardLabels.levels, ...labels?.levels },
  };
  const kpis: KpiResult[] = report
    ? kpiIds
      ? kpiIds.map((id) => report.kpis.find((k) => k.kpi === id)).filter((k): k is KpiResult => !!k)
      : report.kpis
    : [];
  let body;
  if (error) body = <StateMessage kind="error">{errorText(error, l.error)}</StateMessage>;
  else if (loading) body = <StateMessage kind="loading">{l.loading}</StateMessage>;
  else if (!report || kpis.length === 0) body = <StateMessage kind="empty">{l.empty}</StateMessage>;
  else {
    const names = new Map(report.kpis.map((k) => [k.kpi, k.name]));
    body = (
      <ul
        style={{
          listStyle: 'none',
          margin: 0,
          padding: 0,
          display: 'grid',
          gap: '0.75em',
          gridTemplateColumns: 'repeat(auto-fill, minmax(18em, 1fr))',
        }}
      >
        {kpis.map((k) => (
          <KpiCard
            key={k.kpi}
            kpi={k}
            contributions={report.contributions.filter((c) => c.from === k.kpi || c.to === k.kpi)}
            warnings={report.warnings.filter((w) => w.kpi === k.kpi)}
            names={names}
            currency={currency}
            onSelect={onSelectKpi}
            toDate={Date.parse(report.now) < Date.parse(report.to)}
            labels={l}
            fmt={fmt}
          />
        ))}
      </ul>
    );
  }
  const general = report?.warnings.filter((w) => !w.kpi && !w.objective) ?? [];
  return (
    <Panel title={l.title} theme={theme} className={className} style={style}>
      {general.length > 0 && !error && !loading && (
        <Warnings warnings={general} title={l.warnings} />
      )}
      {body}
    </Panel>
  );
}

function KpiCard({
  kpi: k,
  contributions,
  warnings,
  names,
  currency,
  onSelect,
  toDate,
  labels: l,
  fmt,
}: {
  kpi: KpiResult;
  contributions: ContributionResult[];
  warnings: GoalWarning[];
  names: Map<string, string>;
  currency: string | undefined;
  onSelect: ((id: string) => void) | undefined;
  /** The report's period is still going on: changes compare with the previous period to the same point. */
  toDate: boolean;
  labels: KpiScorecardLabels;
  fmt: ReturnType<typeof useFormatter>;
}) {
  const value = (v: number | null | undefined) =>
    formatKpiValue(fmt, k.unit, v, k.currency ?? currency);
  const unavailable = k.status === 'unavailable';
  const progress = k.progress !== null && Number.isFinite(k.progress) ? k.progress : null;
  return (
    <li
      data-kpi={k.kpi}
      style={{
        border: `1px solid ${token('border')}`,
        borderRadius: token('radius'),
        padding: '0.6em',
      }}
    >
      <h4 style={{ margin: 0, font: 'inherit', fontWeight: 600 }}>
        {onSelect ? (
          <button
            type="button"
            onClick={() => onSelect(k.kpi)}
            style={{ ...linkButtonStyle, fontWeight: 600 }}
          >
            <UserText text={k.name} max={200} />
          </button>
        ) : (
          <UserText text={k.name} max={200} />
        )}
      </h4>
      <p
        style={{
          margin: '0.2em 0',
          display: 'flex',
          justifyContent: 'space-between',
          gap: '0.5em',
          flexWrap: 'wrap',
        }}
      >
        <StatusText status={k.status} labels={l.statuses} />
        <span style={{ color: token('muted') }}>{l.levels[k.level] ?? k.level}</span>
      </p>
      {!unavailable && (
        <>
          <dl
            style={{
              display: 'grid',
              gridTemplateColumns: 'auto 1fr',
              gap: '0.1em 0.6em',
              margin: '0.3em 0',
            }}
          >
            <dt>{l.actual}</dt>
            <dd style={{ margin: 0, fontWeight: 600, fontVariantNumeric: 'tabular-nums' }}>
              {value(k.actual)}
              {k.actual === null && k.noDataReason && (
                <span style={{ fontWeight: 400, color: token('muted') }}>
                  {' '}
                  · <UserText text={k.noDataReason} max={300} />
                </span>
              )}
            </dd>
            <dt>{l.target}</dt>
            <dd style={{ margin: 0, fontVariantNumeric: 'tabular-nums' }}>
              {value(k.target?.value)}
            </dd>
            {k.baseline !== null && (
              <>
                <dt>{l.baseline}</dt>
                <dd style={{ margin: 0, fontVariantNumeric: 'tabular-nums' }}>
                  {value(k.baseline)}
                </dd>
              </>
            )}
            <dt>{l.owner}</dt>
            <dd style={{ margin: 0, color: k.owner ? undefined : token('warning') }}>
              {k.owner ? <UserText text={k.owner} max={100} /> : l.noOwner}
            </dd>
          </dl>
          {progress !== null && (
            <div
              role="meter"
              aria-label={fill(l.progressLabel, { name: displayText(k.name, 200) })}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={Math.round(Math.max(0, Math.min(1, progress)) * 100)}
              aria-valuetext={fmt.percent(progress)}
              style={{
                height: '0.5em',
                background: token('surface'),
                border: `1px solid ${token('border')}`,
                borderRadius: token('radius'),
                overflow: 'hidden',
                position: 'relative',
              }}
            >
              <div
                style={{
                  width: `${Math.max(0, Math.min(1, progress)) * 100}%`,
                  height: '100%',
                  background: token('accent'),
                }}
              />
              {k.elapsedShare !== null && (
                <div
                  aria-hidden="true"
                  style={{
                    position: 'absolute',
                    top: 0,
                    bottom: 0,
                    left: `${Math.max(0, Math.min(1, k.elapsedShare)) * 100}%`,
                    width: 2,
                    background: token('fg'),
                  }}
                />
              )}
            </div>
          )}
          <p style={{ margin: '0.3em 0', color: token('muted') }}>
            {progress !== null && k.elapsedShare !== null
              ? fill(l.pacing, {
                  progress: fmt.percent(progress),
                  elapsed: fmt.percent(k.elapsedShare),
                })
              : null}
            {k.statusReason && (
              <>
                {progress !== null && k.elapsedShare !== null ? ' · ' : ''}
                <UserText text={k.statusReason} max={300} />
              </>
            )}
          </p>
          {k.change !== null && (
            <p style={{ margin: '0.2em 0' }}>
              {fill(toDate ? l.changeToDate : l.change, {
                change: fmt.number(k.change, {
                  style: 'percent',
                  maximumFractionDigits: 1,
                  signDisplay: 'exceptZero',
                }),
              })}
            </p>
          )}
          <Sparkline trend={k.trend} target={k.target?.value} />
        </>
      )}
      {unavailable && (
        <p style={{ margin: '0.3em 0' }}>
          <UserText text={k.statusReason || k.noDataReason || ''} max={300} />
        </p>
      )}
      {contributions.length > 0 && (
        <ul
          style={{
            listStyle: 'none',
            margin: '0.3em 0 0',
            padding: 0,
            display: 'grid',
            gap: '0.2em',
          }}
        >
          {contributions.map((c) => (
            <li key={`${c.from}->${c.to}`} style={{ fontSize: '0.9em' }}>
              <span
                data-evidence={c.evidence}
                style={{
                  color: EVIDENCE_COLOR[c.evidence],
                  border: '1px solid currentColor',
                  borderRadius: '999px',
                  padding: '0 0.4em',
                  marginInlineEnd: '0.3em',
                }}
              >
                {l.evidence[c.evidence]}
              </span>
              {/* KPI names are user text: direction controls removed and isolated, as in the card's heading. */}
              {fillNodes(l.contribution, {
                from: <UserText text={names.get(c.from) ?? c.from} max={200} />,
                to: <UserText text={names.get(c.to) ?? c.to} max={200} />,
                model: c.model,
              })}
              {!c.summable && <span style={{ color: token('muted') }}> · {l.assisted}</span>}
            </li>
          ))}
        </ul>
      )}
      {warnings.length > 0 && <Warnings warnings={warnings} title={l.warnings} />}
    </li>
  );
}

/** Warnings in words (vanity metrics, missing permission, no owner…), each with its code for styling. */
export function Warnings({ warnings, title }: { warnings: GoalWarning[]; title: string }) {
  return (
    <div role="note" aria-label={title} style={{ margin: '0.3em 0', color: token('warning') }}>
      <ul style={{ margin: 0, paddingInlineStart: '1.2em' }}>
        {warnings.map((w, i) => (
          <li key={`${w.code}-${i}`} data-warning={w.code}>
            <UserText text={w.message} max={500} />
          </li>
        ))}
      </ul>
    </div>
  );
}
