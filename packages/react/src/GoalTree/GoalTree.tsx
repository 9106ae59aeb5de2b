import type { GoalReport, KpiStatus, ObjectiveResult } from '@rapport/core';
import { useId, useMemo, useState } from 'react';
import { Warnings } from '../KpiScorecard/KpiScorecard';
import { useFormatter } from '../theme/RapportProvider';
import { token } from '../theme/tokens';
import { fill } from '../internal/format';
import { defaultKpiStatusLabels, formatKpiValue, StatusText } from '../internal/kpi';
import { displayText } from '../internal/safe';
import {
  errorText,
  Panel,
  StateMessage,
  UserText,
  type WidgetBaseProps,
  bareButtonStyle,
  linkButtonStyle,
} from '../internal/ui';

export interface GoalTreeLabels {
  title: string;
  statuses: Record<KpiStatus, string>;
  vanity: string;
  /** `{name}`: toggle button label. */
  toggle: string;
  /** Actual vs target: `{actual}` / `{target}`. */
  versus: string;
  noKpis: string;
  warnings: string;
  loading: string;
  empty: string;
  error: string;
}

export const defaultGoalTreeLabels: GoalTreeLabels = {
  title: 'Goals',
  statuses: defaultKpiStatusLabels,
  vanity: 'Only output metrics: likes and followers cannot be the objective',
  toggle: 'Show or hide {name}',
  versus: '{actual} of {target}',
  noKpis: 'No KPI yet',
  warnings: 'Warnings',
  loading: 'Computing goals…',
  empty: 'No objectives defined yet.',
  error: 'Goals could not be computed.',
};

export interface GoalTreeProps extends WidgetBaseProps {
  /** The report from `evaluateGoals`. */
  report?: GoalReport | null;
  /**
   * Controlled expanded objective ids, with `onExpandedChange`. Uncontrolled, objectives start expanded (or as in
   * `defaultExpandedIds`), and so do objectives added by a later report; the user's toggles are kept.
   */
  expandedIds?: string[];
  defaultExpandedIds?: string[];
  onExpandedChange?: (ids: string[]) => void;
  /** Called when a KPI is activated. */
  onSelectKpi?: (kpiId: string) => void;
  /** ISO 4217 code for `currency` KPIs. */
  currency?: string;
  loading?: boolean;
  error?: unknown;
  labels?: Partial<Omit<GoalTreeLabels, 'statuses'>> & {
    statuses?: Partial<GoalTreeLabels['statuses']>;
  };
}

/**
 * The goal tree: company objectives, the department objectives under them and their KPIs with status and actual vs
 * target; vanity objectives and other warnings called out in words.
 *
 * @example
 * ```tsx
 * <GoalTree report={report} onSelectKpi={setKpi} />
 * ```
 */
export function GoalTree({
  report,
  expandedIds,
  defaultExpandedIds,
  onExpandedChange,
  onSelectKpi,
  currency,
  loading = false,
  error,
  labels,
  locale,
  theme,
  className,
  style,
}: GoalTreeProps) {
  const fmt = useFormatter(locale);
  const l = {
    ...defaultGoalTreeLabels,
    ...labels,
    statuses: { ...defaultGoalTreeLabels.statuses, ...labels?.statuses },
  };
  const baseId = useId();
  const children = useMemo(() => {
    const map = new Map<string | null, ObjectiveResult[]>();
    const known = new Set(report?.objectives.map((o) => o.objective));
    for (const o of report?.objectives ?? []) {
      const parent = o.parent !== null && known.has(o.parent) ? o.parent : null;
      map.set(parent, [...(map.get(parent) ?? []), o]);
    }
    return map;
  }, [report]);
  const allIds = useMemo(() => report?.objectives.map((o) => o.objective) ?? [], [report]);
  // DOM ids from the objective's position: replacing non-ASCII characters made "営業" and "広報" the same id.
  const domIndex = useMemo(() => new Map(allIds.map((id, i) => [id, i])), [allIds]);
  // Uncontrolled, the tree keeps only what the user toggled; every other objective, including one that a later
  // report adds, follows the default: expanded, or as listed in `defaultExpandedIds` (read once, at mount).
  const [initial] = useState(() => (defaultExpandedIds ? new Set(defaultExpandedIds) : null));
  const [toggled, setToggled] = useState<ReadonlyMap<string, boolean>>(() => new Map());
  const openIn = (choices: ReadonlyMap<string, boolean>, id: string) =>
    choices.get(id) ?? (initial ? initial.has(id) : true);
  const expanded = new Set(expandedIds ?? allIds.filter((id) => openIn(toggled, id)));
  const toggle = (id: string) => {
    const open = !expanded.has(id);
    if (expandedIds) {
      const next = new Set(expandedIds);
      if (open) next.add(id);
      else next.delete(id);
      onExpandedChange?.([...next]);
      return;
    }
    const nextToggled = new Map(toggled).set(id, open);
    setToggled(nextToggled);
    onExpandedChange?.(allIds.filter((o) => openIn(nextToggled, o)));
  };
  const kpis = useMemo(() => new Map(report?.kpis.map((k) => [k.kpi, k])), [report]);

  const renderLevel = (parent: string | null, depth: number, seen: Set<string>) => {
    const list = (children.get(parent) ?? []).filter((o) => !seen.has(o.objective));
    if (list.length === 0) return null;
    return (
      <ul
        style={{
          listStyle: 'none',
          margin: 0,
          paddingInlineStart: depth === 0 ? 0 : '1.2em',
          display: 'grid',
          gap: '0.4em',
        }}
      >
        {list.map((o) => {
          const open = expanded.has(o.objective);
          const regionId = `${baseId}-objective-${domIndex.get(o.objective)}`;
          const warnings = report!.warnings.filter((w) => w.objective === o.objective && !w.kpi);
          const nextSeen = new Set(seen).add(o.objective);
          return (
            <li key={o.objective} data-objective={o.objective}>
              <div
                style={{ display: 'flex', alignItems: 'center', gap: '0.4em', flexWrap: 'wrap' }}
              >
                <button
                  type="button"
                  aria-expanded={open}
                  aria-controls={regionId}
                  aria-label={fill(l.toggle, { name: displayText(o.name, 200) })}
                  onClick={() => toggle(o.objective)}
                  style={{ ...bareButtonStyle, width: '1.2em' }}
                >
                  <span aria-hidden="true">{open ? '▾' : '▸'}</span>
                </button>
                <strong>
                  <UserText text={o.name} max={200} />
                </strong>
                <StatusText status={o.status} labels={l.statuses} />
                {o.vanity && (
                  <span data-vanity="" style={{ color: token('warning') }}>
                    · {l.vanity}
                  </span>
                )}
              </div>
              {open && (
                <div id={regionId} style={{ paddingInlineStart: '1.6em' }}>
                  {warnings.length > 0 && <Warnings warnings={warnings} title={l.warnings} />}
                  {o.kpis.length === 0 ? (
                    <p style={{ margin: '0.2em 0', color: token('muted') }}>{l.noKpis}</p>
                  ) : (
                    <ul
                      style={{
                        listStyle: 'none',
                        margin: '0.2em 0',
                        padding: 0,
                        display: 'grid',
                        gap: '0.2em',
                      }}
                    >
                      {o.kpis.map((id) => {
                        const k = kpis.get(id);
                        if (!k) return null;
                        const name = <UserText text={k.name} max={200} />;
                        return (
                          <li
                            key={id}
                            data-kpi={id}
                            style={{ display: 'flex', gap: '0.5em', flexWrap: 'wrap' }}
                          >
                            {onSelectKpi ? (
                              <button
                                type="button"
                                onClick={() => onSelectKpi(id)}
                                style={linkButtonStyle}
                              >
                                {name}
                              </button>
                            ) : (
                              name
                            )}
                            <StatusText status={k.status} labels={l.statuses} />
                            {k.status !== 'unavailable' && (
                              <span
                                style={{
                                  color: token('muted'),
                                  fontVariantNumeric: 'tabular-nums',
                                }}
                              >
                                {l.versus
                                  .replace(
                                    '{actual}',
                                    formatKpiValue(fmt, k.unit, k.actual, k.currency ?? currency),
                                  )
                                  .replace(
                                    '{target}',
                                    formatKpiValue(
                                      fmt,
                                      k.unit,
                                      k.target?.value,
                                      k.currency ?? currency,
                                    ),
                                  )}
                              </span>
                            )}
                          </li>
                        );
                      })}
                    </ul>
                  )}
                  {renderLevel(o.objective, depth + 1, nextSeen)}
                </div>
              )}
            </li>
          );
        })}
      </ul>
    );
  };

  let body;
  if (error) body = <StateMessage kind="error">{errorText(error, l.error)}</StateMessage>;
  else if (loading) body = <StateMessage kind="loading">{l.loading}</StateMessage>;
  else if (!report || report.objectives.length === 0)
    body = <StateMessage kind="empty">{l.empty}</StateMessage>;
  else body = renderLevel(null, 0, new Set());
  return (
    <Panel title={l.title} theme={theme} className={className} style={style}>
      {body}
    </Panel>
  );
}
