import type { CommunityReport, MemberReport, SuperfanAlert, SuperfanStatus } from '@rapport/core';
import { useMemo, useState } from 'react';
import { useFormatter } from '../theme/RapportProvider';
import { token } from '../theme/tokens';
import { fill } from '../internal/format';
import { nameOrId } from '../internal/people';
import { displayText } from '../internal/safe';
import {
  errorText,
  Panel,
  StateMessage,
  UserText,
  visuallyHidden,
  type WidgetBaseProps,
  bareButtonStyle,
  linkButtonStyle,
} from '../internal/ui';

/** Columns the leaderboard can sort by (sub-scores sort by the member's percentile in the community). */
export type SuperfanSortKey = 'score' | 'helpfulness' | 'intelligence' | 'presence' | 'recency';

export interface SuperfanLeaderboardLabels {
  title: string;
  rank: string;
  member: string;
  score: string;
  status: string;
  owner: string;
  helpfulness: string;
  intelligence: string;
  presence: string;
  recency: string;
  statuses: Record<SuperfanStatus, string>;
  amplifier: string;
  noOwner: string;
  alerts: Record<SuperfanAlert['kind'], string>;
  /** Caption: `{superfans}` superfans among `{members}` members. */
  summary: string;
  /** Button to open a member; `{member}`. */
  open: string;
  onlySuperfans: string;
  /** Shown instead of an empty table when "Only superfans" leaves nobody. */
  noSuperfans: string;
  /** Below the list when people were left out for lack of permission to profile them; `{count}`. */
  withoutConsent: string;
  loading: string;
  empty: string;
  error: string;
}

export const defaultSuperfanLeaderboardLabels: SuperfanLeaderboardLabels = {
  title: 'Superfans',
  rank: 'Rank',
  member: 'Member',
  score: 'Score',
  status: 'Status',
  owner: 'Owner',
  helpfulness: 'Helps others',
  intelligence: 'Feedback',
  presence: 'Presence',
  recency: 'Recency',
  statuses: { superfan: 'Superfan', held: 'Superfan (held)', member: 'Member' },
  amplifier: 'Large audience',
  noOwner: 'No owner',
  alerts: {
    rising: 'Rising',
    slipping: 'Slipping',
    first_feedback_actioned: 'First feedback acted on',
  },
  summary: '{superfans} superfans among {members} members',
  open: 'Open {member}',
  onlySuperfans: 'Only superfans',
  noSuperfans: 'No superfans yet. Clear "Only superfans" to see every member.',
  withoutConsent: '{count} not ranked: no permission to profile them',
  loading: 'Ranking the community…',
  empty: 'Nobody to rank yet.',
  error: 'The community could not be ranked.',
};

export interface SuperfanLeaderboardProps extends WidgetBaseProps {
  /** The report from `detectSuperfans` (members ranked, alerts). */
  report?: CommunityReport | null;
  /** Owner name per member id (from `planCapacity`'s assignments). */
  owners?: Record<string, string>;
  /** How many rows to show (default 50). */
  limit?: number;
  /** Show only superfans (controlled), with `onOnlySuperfansChange`. */
  onlySuperfans?: boolean;
  defaultOnlySuperfans?: boolean;
  onOnlySuperfansChange?: (only: boolean) => void;
  /** Controlled sort key (default `score`). */
  sortBy?: SuperfanSortKey;
  defaultSortBy?: SuperfanSortKey;
  onSortByChange?: (key: SuperfanSortKey) => void;
  /** Called with a member id when its name is activated. */
  onSelect?: (memberId: string) => void;
  selectedId?: string;
  loading?: boolean;
  error?: unknown;
  labels?: Partial<Omit<SuperfanLeaderboardLabels, 'statuses' | 'alerts'>> & {
    statuses?: Partial<SuperfanLeaderboardLabels['statuses']>;
    alerts?: Partial<SuperfanLeaderboardLabels['alerts']>;
  };
}

const SUB_KEYS = ['helpfulness', 'intelligence', 'presence', 'recency'] as const;

function sortValue(m: MemberReport, key: SuperfanSortKey): number {
  return key === 'score' ? m.score : m.subScores[key].percentile;
}

/**
 * The community ranked by behaviour (help, feedback, presence), with each member's standing on every sub-score,
 * their status, owner, alerts and an "amplifier" flag that never enters the score.
 *
 * @example
 * ```tsx
 * <SuperfanLeaderboard report={detectSuperfans(interactions, { now })} onSelect={setMemberId} />
 * ```
 */
export function SuperfanLeaderboard({
  report,
  owners = {},
  limit = 50,
  onlySuperfans: onlyProp,
  defaultOnlySuperfans = false,
  onOnlySuperfansChange,
  sortBy: sortProp,
  defaultSortBy = 'score',
  onSortByChange,
  onSelect,
  selectedId,
  loading = false,
  error,
  labels,
  locale,
  theme,
  className,
  style,
}: SuperfanLeaderboardProps) {
  const fmt = useFormatter(locale);
  const l = {
    ...defaultSuperfanLeaderboardLabels,
    ...labels,
    statuses: { ...defaultSuperfanLeaderboardLabels.statuses, ...labels?.statuses },
    alerts: { ...defaultSuperfanLeaderboardLabels.alerts, ...labels?.alerts },
  };
  const [onlyInner, setOnlyInner] = useState(defaultOnlySuperfans);
  const only = onlyProp ?? onlyInner;
  const [sortInner, setSortInner] = useState<SuperfanSortKey>(defaultSortBy);
  const sortBy = sortProp ?? sortInner;
  const alertsByMember = useMemo(() => {
    const map = new Map<string, SuperfanAlert[]>();
    for (const a of report?.alerts ?? []) map.set(a.memberId, [...(map.get(a.memberId) ?? []), a]);
    return map;
  }, [report]);
  const shown = useMemo(() => {
    const members = (report?.members ?? []).filter((m) => !only || m.superfan);
    const sorted =
      sortBy === 'score'
        ? members
        : [...members].sort(
            (a, b) => sortValue(b, sortBy) - sortValue(a, sortBy) || a.rank - b.rank,
          );
    return sorted.slice(0, limit);
  }, [report, only, sortBy, limit]);

  const setSort = (key: SuperfanSortKey) => {
    if (sortProp === undefined) setSortInner(key);
    onSortByChange?.(key);
  };
  const setOnly = (value: boolean) => {
    if (onlyProp === undefined) setOnlyInner(value);
    onOnlySuperfansChange?.(value);
  };

  let body;
  if (error) body = <StateMessage kind="error">{errorText(error, l.error)}</StateMessage>;
  else if (loading) body = <StateMessage kind="loading">{l.loading}</StateMessage>;
  else if (!report || report.members.length === 0)
    body = <StateMessage kind="empty">{l.empty}</StateMessage>;
  else {
    const th = {
      textAlign: 'start' as const,
      padding: '0.3em 0.5em',
      borderBottom: `1px solid ${token('border')}`,
    };
    const td = {
      padding: '0.3em 0.5em',
      borderBottom: `1px solid ${token('border')}`,
      verticalAlign: 'middle' as const,
    };
    const sortHeader = (key: SuperfanSortKey, text: string) => (
      <th key={key} scope="col" style={th} aria-sort={sortBy === key ? 'descending' : undefined}>
        <button
          type="button"
          onClick={() => setSort(key)}
          style={{ ...bareButtonStyle, fontWeight: 600 }}
        >
          {text}
          {sortBy === key && <span aria-hidden="true"> ▼</span>}
        </button>
      </th>
    );
    body = (
      <>
        <label
          style={{
            display: 'inline-flex',
            gap: '0.4em',
            alignItems: 'center',
            marginBottom: '0.4em',
          }}
        >
          <input type="checkbox" checked={only} onChange={(e) => setOnly(e.target.checked)} />
          {l.onlySuperfans}
        </label>
        {shown.length === 0 ? (
          <StateMessage kind="empty">{l.noSuperfans}</StateMessage>
        ) : (
          <div style={{ overflowX: 'auto' }}>
            <table style={{ borderCollapse: 'collapse', width: '100%' }}>
              <caption style={visuallyHidden}>
                {fill(l.summary, {
                  superfans: fmt.number(report.superfanCount),
                  members: fmt.number(report.members.length),
                })}
              </caption>
              <thead>
                <tr>
                  <th scope="col" style={th}>
                    {l.rank}
                  </th>
                  <th scope="col" style={th}>
                    {l.member}
                  </th>
                  {sortHeader('score', l.score)}
                  <th scope="col" style={th}>
                    {l.status}
                  </th>
                  {SUB_KEYS.map((k) => sortHeader(k, l[k]))}
                  <th scope="col" style={th}>
                    {l.owner}
                  </th>
                </tr>
              </thead>
              <tbody>
                {shown.map((m) => {
                  const name = nameOrId(m.name, m.memberId);
                  return (
                    <tr
                      key={m.memberId}
                      aria-selected={
                        selectedId !== undefined ? selectedId === m.memberId : undefined
                      }
                      data-status={m.status}
                      style={{
                        background: selectedId === m.memberId ? token('surface') : undefined,
                      }}
                    >
                      <td style={{ ...td, fontVariantNumeric: 'tabular-nums' }}>
                        {fmt.number(m.rank)}
                      </td>
                      <th scope="row" style={{ ...td, textAlign: 'start', fontWeight: 400 }}>
                        {onSelect ? (
                          <button
                            type="button"
                            onClick={() => onSelect(m.memberId)}
                            aria-label={fill(l.open, { member: displayText(name, 100) })}
                            style={linkButtonStyle}
                          >
                            <UserText text={name} max={100} />
                          </button>
                        ) : (
                          <UserText text={name} max={100} />
                        )}
                        {m.amplifier && (
                          <span
                            style={{
                              marginInlineStart: '0.4em',
                              fontSize: '0.8em',
                              color: token('muted'),
                            }}
                          >
                            · {l.amplifier}
                          </span>
                        )}
                        {(alertsByMember.get(m.memberId) ?? []).map((a) => (
                          <span
                            key={a.kind}
                            title={a.message}
                            data-alert={a.kind}
                            style={{
                              marginInlineStart: '0.4em',
                              fontSize: '0.8em',
                              color: a.kind === 'slipping' ? token('warning') : token('ok'),
                            }}
                          >
                            · {l.alerts[a.kind]}
                            {/* The explanation in words for everyone, not only in a mouse tooltip. */}
                            <span style={visuallyHidden}>
                              : <UserText text={a.message} max={300} />
                            </span>
                          </span>
                        ))}
                      </th>
                      <td style={{ ...td, fontVariantNumeric: 'tabular-nums' }}>
                        {fmt.number(m.score, { maximumFractionDigits: 0 })}
                      </td>
                      <td style={{ ...td, color: m.superfan ? token('ok') : token('muted') }}>
                        {l.statuses[m.status]}
                      </td>
                      {SUB_KEYS.map((k) => (
                        <td key={k} style={td} title={m.subScores[k].detail}>
                          <Percentile
                            value={m.subScores[k].percentile}
                            label={`${l[k]}: ${m.subScores[k].detail}`}
                          />
                        </td>
                      ))}
                      <td style={td}>
                        {owners[m.memberId] ? (
                          <UserText text={owners[m.memberId]!} max={100} />
                        ) : m.superfan ? (
                          <span style={{ color: token('warning') }}>{l.noOwner}</span>
                        ) : (
                          '—'
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </>
    );
  }
  const leftOut = report?.membersWithoutConsent ?? 0;
  return (
    <Panel title={l.title} theme={theme} className={className} style={style}>
      {body}
      {!error && !loading && leftOut > 0 && (
        <p style={{ margin: '0.5em 0 0', color: token('muted'), fontSize: '0.9em' }}>
          {fill(l.withoutConsent, { count: fmt.number(leftOut) })}
        </p>
      )}
    </Panel>
  );
}

/** A 0..100 percentile as a small bar with the number, and a description for screen readers. */
export function Percentile({ value, label }: { value: number; label: string }) {
  const v = Math.max(0, Math.min(100, Number.isFinite(value) ? value : 0));
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: '0.3em' }}>
      <span
        aria-hidden="true"
        style={{
          display: 'inline-block',
          width: '3em',
          height: '0.5em',
          background: token('surface'),
          border: `1px solid ${token('border')}`,
          borderRadius: 2,
        }}
      >
        <span
          style={{ display: 'block', width: `${v}%`, height: '100%', background: token('accent') }}
        />
      </span>
      <span style={{ fontVariantNumeric: 'tabular-nums' }}>{Math.round(v)}</span>
      <span style={visuallyHidden}>{label}</span>
    </span>
  );
}
