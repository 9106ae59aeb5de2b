import type { Agent, Department, DepartmentLoad } from '@rapport/core';
import { useFormatter } from '../theme/RapportProvider';
import { token } from '../theme/tokens';
import { fill } from '../internal/format';
import { nameOrId } from '../internal/people';
import { displayText } from '../internal/safe';
import { errorText, Panel, StateMessage, UserText, type WidgetBaseProps } from '../internal/ui';

export interface DepartmentBoardLabels {
  title: string;
  /** `{open}` open, `{capacity}` capacity. */
  load: string;
  /** Meter text: `{assigned}` of `{capacity}`. */
  meter: string;
  unassigned: string;
  breached: string;
  agentsOnline: string;
  overloaded: string;
  online: string;
  offline: string;
  agents: string;
  loading: string;
  empty: string;
  error: string;
}

export const defaultDepartmentBoardLabels: DepartmentBoardLabels = {
  title: 'Load by department',
  load: '{open} open for a capacity of {capacity}',
  meter: '{assigned} of {capacity} conversations',
  unassigned: 'Unassigned',
  breached: 'Breached',
  agentsOnline: 'Agents online',
  overloaded: 'Overloaded',
  online: 'online',
  offline: 'offline',
  agents: 'Agents',
  loading: 'Loading workload…',
  empty: 'No departments to show.',
  error: 'Workload could not be loaded.',
};

export interface DepartmentBoardProps extends WidgetBaseProps {
  /** Load per department at `now` (from `triage.workload(now)`). */
  workload: DepartmentLoad[];
  /** Department names. */
  departments?: Department[];
  /** Agents (shown under each of their departments). */
  agents?: Agent[];
  /** Open conversations held by each agent id (e.g. counted from the queue's `assignee`). */
  agentLoad?: Record<string, number>;
  loading?: boolean;
  error?: unknown;
  labels?: Partial<DepartmentBoardLabels>;
}

/**
 * Load per department and per agent against capacity, with overloaded teams called out.
 *
 * @example
 * ```tsx
 * <DepartmentBoard workload={triage.workload(now)} agents={agents} departments={DEFAULT_DEPARTMENTS} />
 * ```
 */
export function DepartmentBoard({
  workload,
  departments,
  agents = [],
  agentLoad = {},
  loading = false,
  error,
  labels,
  locale,
  theme,
  className,
  style,
}: DepartmentBoardProps) {
  const fmt = useFormatter(locale);
  const l = { ...defaultDepartmentBoardLabels, ...labels };
  const name = (id: string) => nameOrId(departments?.find((d) => d.id === id)?.name, id);
  let body;
  if (error) body = <StateMessage kind="error">{errorText(error, l.error)}</StateMessage>;
  else if (loading) body = <StateMessage kind="loading">{l.loading}</StateMessage>;
  else if (workload.length === 0) body = <StateMessage kind="empty">{l.empty}</StateMessage>;
  else
    body = (
      <ul
        style={{
          listStyle: 'none',
          margin: 0,
          padding: 0,
          display: 'grid',
          gap: '0.75em',
          gridTemplateColumns: 'repeat(auto-fill, minmax(16em, 1fr))',
        }}
      >
        {workload.map((d) => {
          const team = agents.filter((a) => a.departments.includes(d.department));
          return (
            <li
              key={d.department}
              data-overloaded={d.overloaded || undefined}
              style={{
                border: `1px solid ${d.overloaded ? token('danger') : token('border')}`,
                borderRadius: token('radius'),
                padding: '0.6em',
              }}
            >
              <h4 style={{ margin: 0, font: 'inherit', fontWeight: 600 }}>
                <UserText text={name(d.department)} max={100} />
                {d.overloaded && (
                  <span style={{ color: token('danger'), fontWeight: 600 }}> · {l.overloaded}</span>
                )}
              </h4>
              <Meter
                label={name(d.department)}
                value={d.open}
                max={d.capacity}
                text={fill(l.load, { open: fmt.number(d.open), capacity: fmt.number(d.capacity) })}
              />
              <dl
                style={{
                  display: 'grid',
                  gridTemplateColumns: '1fr auto',
                  margin: '0.3em 0 0',
                  gap: '0.1em 0.5em',
                }}
              >
                <dt>{l.unassigned}</dt>
                <dd style={{ margin: 0 }}>{fmt.number(d.unassigned)}</dd>
                <dt>{l.breached}</dt>
                <dd style={{ margin: 0, color: d.breached > 0 ? token('danger') : undefined }}>
                  {fmt.number(d.breached)}
                </dd>
                <dt>{l.agentsOnline}</dt>
                <dd style={{ margin: 0 }}>{fmt.number(d.agentsOnline)}</dd>
              </dl>
              {team.length > 0 && (
                <details style={{ marginTop: '0.3em' }}>
                  <summary style={{ cursor: 'pointer' }}>
                    {l.agents} ({fmt.number(team.length)})
                  </summary>
                  <ul
                    style={{
                      listStyle: 'none',
                      margin: '0.3em 0 0',
                      padding: 0,
                      display: 'grid',
                      gap: '0.3em',
                    }}
                  >
                    {team.map((a) => {
                      const held = agentLoad[a.id] ?? 0;
                      const agentName = nameOrId(a.name, a.id);
                      return (
                        <li key={a.id}>
                          <UserText text={agentName} max={100} />{' '}
                          <span style={{ color: a.online ? token('ok') : token('muted') }}>
                            ({a.online ? l.online : l.offline})
                          </span>
                          <Meter
                            label={agentName}
                            value={held}
                            max={a.capacity}
                            text={fill(l.meter, {
                              assigned: fmt.number(held),
                              capacity: fmt.number(a.capacity),
                            })}
                          />
                        </li>
                      );
                    })}
                  </ul>
                </details>
              )}
            </li>
          );
        })}
      </ul>
    );
  return (
    <Panel title={l.title} theme={theme} className={className} style={style}>
      {body}
    </Panel>
  );
}

function Meter({
  label,
  value,
  max,
  text,
}: {
  label: string;
  value: number;
  max: number;
  text: string;
}) {
  const share = max > 0 ? value / max : value > 0 ? 2 : 0;
  const color = share > 1 ? token('danger') : share > 0.85 ? token('warning') : token('ok');
  return (
    <div style={{ marginTop: '0.3em' }}>
      <div
        role="meter"
        // The label is a department or agent name (user text): no direction controls in the accessible name.
        aria-label={displayText(label, 100)}
        aria-valuemin={0}
        aria-valuemax={Math.max(max, 0)}
        aria-valuenow={Math.min(value, Math.max(max, 0))}
        aria-valuetext={text}
        style={{
          height: '0.5em',
          background: token('surface'),
          border: `1px solid ${token('border')}`,
          borderRadius: token('radius'),
          overflow: 'hidden',
        }}
      >
        <div
          style={{ width: `${Math.min(100, share * 100)}%`, height: '100%', background: color }}
        />
      </div>
      <span style={{ fontSize: '0.9em', color: token('muted') }}>{text}</span>
    </div>
  );
}
