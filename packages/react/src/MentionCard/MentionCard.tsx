import type { Mention, MentionScore, Platform, Routing, ScoreFactor } from '@rapport/core';
import { useId, type ReactNode } from 'react';
import { ScoreBadge } from '../ScoreBadge/ScoreBadge';
import { SlaTimer } from '../SlaTimer/SlaTimer';
import { useFormatter } from '../theme/RapportProvider';
import { token } from '../theme/tokens';
import { fill } from '../internal/format';
import { displayHandle, isBlank, personLabel } from '../internal/people';
import { defaultPlatformLabels } from '../internal/platforms';
import { safeHref } from '../internal/safe';
import { fillNodes, NamedGroup, rootStyle, UserText, type WidgetBaseProps } from '../internal/ui';

export interface MentionCardLabels {
  /** Accessible name of the card; `{author}`, `{platform}`. */
  card: string;
  why: string;
  routing: string;
  /** `{department}` and `{confidence}`. */
  routedTo: string;
  /** `{rule}`. */
  rule: string;
  needsApproval: string;
  factors: Record<ScoreFactor, string>;
  /** Points a factor adds to the priority: `{points}`. */
  points: string;
  /** Points a factor takes off the priority (spam, for one): `{points}` is the size of the penalty, without a sign. */
  penalty: string;
  link: string;
  private: string;
  outbound: string;
  /** Platform names ("X", "YouTube"). */
  platforms: Partial<Record<Platform, string>>;
}

export const defaultMentionCardLabels: MentionCardLabels = {
  card: 'Message from {author} on {platform}',
  platforms: defaultPlatformLabels,
  why: 'Why this priority?',
  routing: 'Routing',
  routedTo: 'Routed to {department} ({confidence} sure)',
  rule: 'Rule: {rule}',
  needsApproval: 'Answer needs approval',
  factors: {
    sentiment: 'Sentiment',
    intents: 'What it is about',
    urgency: 'Urgency',
    exposure: 'Who can see it',
    customer_value: 'Customer value',
    waiting: 'Waiting',
    repeat_contact: 'Repeated contact',
    crisis: 'Crisis signals',
  },
  points: '+{points}',
  // U+2212 MINUS SIGN: read as "minus" by screen readers, unlike a hyphen.
  penalty: '\u2212{points}',
  link: 'Open on the platform',
  private: 'Private',
  outbound: 'Brand reply',
};

export interface MentionCardProps extends WidgetBaseProps {
  mention: Mention;
  /** The score from `scoreMention` (badge and reasons). */
  score?: MentionScore;
  /** The routing decision from `routeMention`. */
  routing?: Routing;
  /** When a reply is due (ISO 8601), e.g. the SLA state's `nextDueAt`. */
  dueAt?: string;
  /** Fixed "now" for the SLA timer. */
  now?: string | number;
  departmentNames?: Record<string, string>;
  /** Show the score's reasons (default true). */
  showReasons?: boolean;
  /** Extra actions (reply, assign…) rendered at the bottom. */
  actions?: ReactNode;
  labels?: Partial<Omit<MentionCardLabels, 'factors' | 'platforms'>> & {
    platforms?: Partial<MentionCardLabels['platforms']>;
    factors?: Partial<MentionCardLabels['factors']>;
  };
}

/**
 * One message with its priority, the reasons that add up to it, where it was routed and why, and the SLA timer.
 * The message text is always rendered as text; links only when they are http(s).
 *
 * @example
 * ```tsx
 * <MentionCard mention={m} score={scoreMention(m)} routing={routeMention(m)} />
 * ```
 */
export function MentionCard({
  mention,
  score,
  routing,
  dueAt,
  now,
  departmentNames,
  showReasons = true,
  actions,
  labels,
  locale,
  theme,
  className,
  style,
}: MentionCardProps) {
  const fmt = useFormatter(locale);
  const l = {
    ...defaultMentionCardLabels,
    ...labels,
    factors: { ...defaultMentionCardLabels.factors, ...labels?.factors },
    platforms: { ...defaultMentionCardLabels.platforms, ...labels?.platforms },
  };
  const platform = l.platforms[mention.platform] ?? mention.platform;
  const reasonsId = useId();
  const a = mention.author;
  const handle = displayHandle(a.handle);
  const name = isBlank(a.name) ? undefined : a.name;
  const href = safeHref(mention.url);
  return (
    <article
      aria-label={fill(l.card, { author: personLabel(a), platform })}
      data-direction={mention.direction}
      className={className}
      style={rootStyle(theme, style, {
        border: `1px solid ${token('border')}`,
        borderRadius: token('radius'),
        padding: '0.75em',
        background: mention.direction === 'outbound' ? token('surface') : token('bg'),
      })}
    >
      <header style={{ display: 'flex', flexWrap: 'wrap', gap: '0.5em', alignItems: 'center' }}>
        {score && <ScoreBadge priority={score.priority} band={score.band} />}
        <strong>
          {name && handle ? (
            <>
              <UserText text={name} max={200} /> (<UserText text={handle} max={200} />)
            </>
          ) : (
            <UserText text={name || handle || a.id} max={200} />
          )}
        </strong>
        <span style={{ color: token('muted') }}>
          {platform}
          {mention.channel === 'private' && ` · ${l.private}`}
          {mention.direction === 'outbound' && ` · ${l.outbound}`} ·{' '}
          <time dateTime={mention.createdAt}>{fmt.dateTime(mention.createdAt)}</time>
        </span>
        {dueAt && <SlaTimer dueAt={dueAt} now={now} locale={locale} />}
      </header>
      <p style={{ margin: '0.5em 0' }}>
        <UserText text={mention.text} />
      </p>
      {href && (
        <p style={{ margin: '0 0 0.5em' }}>
          <a
            href={href}
            target="_blank"
            rel="noopener noreferrer nofollow"
            style={{ color: token('accent') }}
          >
            {l.link}
          </a>
        </p>
      )}
      {/* Groups, not regions: every card has them, and a page of cards must not repeat landmarks. */}
      {showReasons && score && score.reasons.length > 0 && (
        <NamedGroup id={reasonsId} heading={l.why} level={4} margin="0.4em 0 0.2em">
          <ul style={{ margin: 0, paddingInlineStart: '1.2em' }}>
            {[...score.reasons]
              .sort((x, y) => y.contribution - x.contribution)
              .map((r, i) => (
                <li key={`${r.factor}-${i}`} data-factor={r.factor}>
                  <span style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {signedPoints(r.contribution, l, (v) =>
                      fmt.number(v, { maximumFractionDigits: 1 }),
                    )}
                  </span>{' '}
                  {l.factors[r.factor] ?? r.factor}: <UserText text={r.detail} max={500} />
                </li>
              ))}
          </ul>
        </NamedGroup>
      )}
      {routing && (
        <div role="group" aria-label={l.routing} style={{ marginTop: '0.4em' }}>
          <p style={{ margin: 0 }}>
            {fillNodes(l.routedTo, {
              department: (
                <UserText
                  text={departmentNames?.[routing.department] ?? routing.department}
                  max={100}
                />
              ),
              confidence: fmt.percent(routing.confidence),
            })}
            {routing.matchedRule && (
              <>
                {' '}
                · {fillNodes(l.rule, { rule: <UserText text={routing.matchedRule} max={200} /> })}
              </>
            )}
            {routing.needsApproval && (
              <strong style={{ color: token('warning') }}> · {l.needsApproval}</strong>
            )}
          </p>
          {routing.reasons.length > 0 && (
            <ul style={{ margin: '0.2em 0 0', paddingInlineStart: '1.2em', color: token('muted') }}>
              {routing.reasons.map((r, i) => (
                <li key={i}>
                  <UserText text={r} max={500} />
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {actions && (
        <footer style={{ marginTop: '0.5em', display: 'flex', gap: '0.5em' }}>{actions}</footer>
      )}
    </article>
  );
}

/**
 * A factor's contribution with its sign from the labels ("+22", "−33"): the template is picked by sign and the
 * number is formatted without one, so a penalty never reads "+-33". Values that round to 0 read as points.
 */
function signedPoints(
  contribution: number,
  l: Pick<MentionCardLabels, 'points' | 'penalty'>,
  format: (value: number) => string,
): string {
  const shown = Math.round(contribution * 10) / 10;
  return shown < 0
    ? fill(l.penalty, { points: format(-shown) })
    : fill(l.points, { points: format(Math.abs(shown)) });
}
