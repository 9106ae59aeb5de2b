import type {
  Interaction,
  InteractionType,
  MemberReport,
  RelationshipMemory,
  SubScores,
} from '@rapport/core';
import { useId } from 'react';
import { Percentile } from '../SuperfanLeaderboard/SuperfanLeaderboard';
import { useFormatter } from '../theme/RapportProvider';
import { token } from '../theme/tokens';
import { fill } from '../internal/format';
import { defaultMemoryLabels, MemoryDetails, type MemoryLabels } from '../internal/Memory';
import { nameOrId } from '../internal/people';
import { safeHref } from '../internal/safe';
import {
  errorText,
  rootStyle,
  StateMessage,
  UserText,
  visuallyHidden,
  type WidgetBaseProps,
} from '../internal/ui';

export interface MemberProfileLabels extends MemoryLabels {
  /** Accessible name while loading or empty. */
  title: string;
  /** `{rank}` and `{score}`. */
  standing: string;
  subScores: Record<keyof SubScores, string>;
  /** `{count}` interactions behind a sub-score. */
  evidence: string;
  /** After the evidence listed, when there is more than `evidenceLimit`: `{count}`. */
  moreEvidence: string;
  /** What each evidence item was, in words. */
  interactionTypes: Record<InteractionType, string>;
  gate: string;
  passed: string;
  notPassed: string;
  owner: string;
  noOwner: string;
  why: string;
  amplifier: string;
  link: string;
  loading: string;
  empty: string;
  error: string;
}

export const defaultMemberProfileLabels: MemberProfileLabels = {
  ...defaultMemoryLabels,
  title: 'Member',
  standing: 'Rank {rank}, score {score} of 100',
  subScores: {
    depth: 'Depth',
    presence: 'Presence',
    helpfulness: 'Helps others',
    intelligence: 'Feedback',
    recency: 'Recency',
    tenure: 'Tenure',
  },
  evidence: 'Evidence ({count} interactions)',
  moreEvidence: 'and {count} more',
  interactionTypes: {
    view: 'View',
    like: 'Like',
    follow: 'Follow',
    comment: 'Comment',
    mention: 'Mention',
    share: 'Share',
    recommendation: 'Recommendation',
    review: 'Review',
    question: 'Question',
    feature_request: 'Feature request',
    bug_report: 'Bug report',
    complaint: 'Complaint',
    answer: 'Answer',
    abuse: 'Abuse report',
  },
  gate: 'Superfan gate',
  passed: 'passed',
  notPassed: 'not passed',
  owner: 'Owner',
  noOwner: 'Nobody holds this relationship yet',
  why: 'Why',
  amplifier: 'Large audience (not part of the score)',
  link: 'Open',
  loading: 'Loading member…',
  empty: 'No member selected.',
  error: 'This member could not be loaded.',
};

export interface MemberProfileProps extends WidgetBaseProps {
  /** One member of `detectSuperfans`'s report. */
  member?: MemberReport | null;
  /** What to remember about them (from `relationshipMemory`). */
  memory?: RelationshipMemory;
  /** Who holds the relationship (a staff name). */
  owner?: string;
  /** Interactions by id, to show the evidence behind each sub-score as text and links. */
  interactions?: Record<string, Interaction>;
  /** Evidence items listed per sub-score (default 5). */
  evidenceLimit?: number;
  loading?: boolean;
  error?: unknown;
  labels?: Partial<Omit<MemberProfileLabels, 'subScores' | 'interactionTypes'>> & {
    subScores?: Partial<MemberProfileLabels['subScores']>;
    interactionTypes?: Partial<MemberProfileLabels['interactionTypes']>;
  };
}

const ORDER: (keyof SubScores)[] = [
  'helpfulness',
  'intelligence',
  'presence',
  'depth',
  'recency',
  'tenure',
];

/**
 * One member: rank and score, every sub-score with the interactions behind it, the superfan gate checks, the
 * reasons in words, their owner and the relationship memory.
 *
 * @example
 * ```tsx
 * <MemberProfile member={report.members[0]} memory={relationshipMemory(...)} owner="Ana" />
 * ```
 */
export function MemberProfile({
  member,
  memory,
  owner,
  interactions,
  evidenceLimit = 5,
  loading = false,
  error,
  labels,
  locale,
  theme,
  className,
  style,
}: MemberProfileProps) {
  const fmt = useFormatter(locale);
  const l = {
    ...defaultMemberProfileLabels,
    ...labels,
    subScores: { ...defaultMemberProfileLabels.subScores, ...labels?.subScores },
    interactionTypes: {
      ...defaultMemberProfileLabels.interactionTypes,
      ...labels?.interactionTypes,
    },
  };
  const headingId = useId();
  const base = rootStyle(theme, style, {
    padding: '0.75em',
    borderRadius: token('radius'),
    border: `1px solid ${token('border')}`,
  });
  if (error || loading || !member) {
    return (
      <section aria-label={l.title} className={className} style={base}>
        {error ? (
          <StateMessage kind="error">{errorText(error, l.error)}</StateMessage>
        ) : loading ? (
          <StateMessage kind="loading">{l.loading}</StateMessage>
        ) : (
          <StateMessage kind="empty">{l.empty}</StateMessage>
        )}
      </section>
    );
  }
  // '' from CSV imports (or only spaces) would leave the heading, and the section it names, empty.
  const name = nameOrId(member.name, member.memberId);
  return (
    <section aria-labelledby={headingId} className={className} style={base}>
      <h2 id={headingId} style={{ margin: 0, font: 'inherit', fontWeight: 700, fontSize: '1.1em' }}>
        <UserText text={name} max={200} />
      </h2>
      <p style={{ margin: '0.2em 0 0.6em', color: token('muted') }}>
        {fill(l.standing, {
          rank: fmt.number(member.rank),
          score: fmt.number(member.score, { maximumFractionDigits: 0 }),
        })}
        {member.amplifier && <> · {l.amplifier}</>}
      </p>
      <p style={{ margin: '0 0 0.6em' }}>
        {l.owner}:{' '}
        {owner ? (
          <UserText text={owner} max={100} />
        ) : (
          <span style={{ color: token('warning') }}>{l.noOwner}</span>
        )}
      </p>
      {member.reasons.length > 0 && (
        <>
          <h3 style={{ margin: '0 0 0.2em', font: 'inherit', fontWeight: 600 }}>{l.why}</h3>
          <ul style={{ margin: '0 0 0.6em', paddingInlineStart: '1.2em' }}>
            {member.reasons.map((r, i) => (
              <li key={i}>
                <UserText text={r} max={500} />
              </li>
            ))}
          </ul>
        </>
      )}
      <dl style={{ margin: 0, display: 'grid', gap: '0.4em' }}>
        {ORDER.map((key) => {
          const s = member.subScores[key];
          return (
            <div key={key} data-subscore={key}>
              <dt style={{ fontWeight: 600 }}>
                {l.subScores[key]} <Percentile value={s.percentile} label={l.subScores[key]} />
              </dt>
              <dd style={{ margin: 0 }}>
                <UserText text={s.detail} max={500} />
                {s.evidenceCount > 0 && (
                  <details>
                    <summary style={{ cursor: 'pointer', color: token('muted') }}>
                      {fill(l.evidence, { count: fmt.number(s.evidenceCount) })}
                    </summary>
                    <ul style={{ margin: '0.2em 0', paddingInlineStart: '1.2em' }}>
                      {s.evidence.slice(0, evidenceLimit).map((id) => {
                        const it = interactions?.[id];
                        const href = safeHref(it?.url);
                        return (
                          <li key={id}>
                            {it ? (
                              <>
                                {l.interactionTypes[it.type] ?? it.type} ·{' '}
                                <time dateTime={it.at}>
                                  {fmt.dateTime(it.at, { dateStyle: 'medium' })}
                                </time>
                                {it.text && (
                                  <>
                                    {' '}
                                    · <UserText text={it.text} max={200} />
                                  </>
                                )}
                                {href && (
                                  <>
                                    {' '}
                                    <a
                                      href={href}
                                      target="_blank"
                                      rel="noopener noreferrer nofollow"
                                      style={{ color: token('accent') }}
                                    >
                                      {l.link}
                                    </a>
                                  </>
                                )}
                              </>
                            ) : (
                              <UserText text={id} max={200} />
                            )}
                          </li>
                        );
                      })}
                      {s.evidenceCount > Math.min(s.evidence.length, evidenceLimit) && (
                        <li style={{ listStyle: 'none', color: token('muted') }}>
                          {fill(l.moreEvidence, {
                            count: fmt.number(
                              s.evidenceCount - Math.min(s.evidence.length, evidenceLimit),
                            ),
                          })}
                        </li>
                      )}
                    </ul>
                  </details>
                )}
              </dd>
            </div>
          );
        })}
      </dl>
      <h3 style={{ margin: '0.6em 0 0.2em', font: 'inherit', fontWeight: 600 }}>
        {l.gate}: {member.gate.passed ? l.passed : l.notPassed}
      </h3>
      <ul style={{ margin: '0 0 0.6em', paddingInlineStart: '1.2em' }}>
        {member.gate.checks.map((c) => (
          <li
            key={c.name}
            data-passed={c.passed}
            style={{ color: c.passed ? token('ok') : token('muted') }}
          >
            <span aria-hidden="true">{c.passed ? '✓ ' : '✗ '}</span>
            <span style={visuallyHidden}>{c.passed ? l.passed : l.notPassed}: </span>
            <UserText text={c.detail} max={300} />
          </li>
        ))}
      </ul>
      {memory && <MemoryDetails memory={memory} labels={l} fmt={fmt} />}
    </section>
  );
}
