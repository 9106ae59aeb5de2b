import type {
  CareFlag,
  Conversation,
  MentionScore,
  RelationshipMemory,
  Routing,
  SlaState,
  SlaTargetName,
} from '@rapport/core';
import { useId, type ReactNode } from 'react';
import { MentionCard, type MentionCardProps } from '../MentionCard/MentionCard';
import { SlaTimer } from '../SlaTimer/SlaTimer';
import { useFormatter } from '../theme/RapportProvider';
import { token } from '../theme/tokens';
import { defaultMemoryLabels, MemoryDetails, type MemoryLabels } from '../internal/Memory';
import { personLabel } from '../internal/people';
import {
  errorText,
  fillNodes,
  NamedGroup,
  rootStyle,
  StateMessage,
  UserText,
  type WidgetBaseProps,
} from '../internal/ui';

export interface ConversationViewLabels extends MemoryLabels {
  /** `{author}`. */
  title: string;
  /** Accessible name of the view while it has no conversation to show (loading, empty, error). */
  pane: string;
  thread: string;
  sla: string;
  targets: Record<SlaTargetName, string>;
  flags: string;
  flagKinds: Record<CareFlag['kind'], string>;
  waiting: string;
  answered: string;
  loading: string;
  empty: string;
  error: string;
}

export const defaultConversationViewLabels: ConversationViewLabels = {
  ...defaultMemoryLabels,
  title: 'Conversation with {author}',
  pane: 'Selected conversation',
  thread: 'Messages',
  sla: 'Response times',
  targets: {
    first_response: 'First response',
    next_response: 'Next response',
    resolution: 'Resolution',
    public_acknowledgement: 'Public acknowledgement',
  },
  flags: 'Handle with care',
  flagKinds: { repeat_complainant: 'Repeat complainant', irate: 'Irate' },
  waiting: 'The customer is waiting for a reply',
  answered: 'Answered',
  loading: 'Loading the conversation…',
  empty: 'No conversation selected.',
  error: 'The conversation could not be loaded.',
};

export interface ConversationViewProps extends WidgetBaseProps {
  /** The thread (from `buildConversations` or `triage.get(id).conversation`); null shows the empty state. */
  conversation?: Conversation | null;
  /** Scores by mention id (reasons shown under each customer message). */
  scores?: Record<string, MentionScore>;
  /** The routing decision of the conversation. */
  routing?: Routing;
  /** SLA clocks at `now` (from `triage.sla(id, now)` or `computeSla`). */
  sla?: SlaState;
  /** What to remember about the customer (from `relationshipMemory`). */
  memory?: RelationshipMemory;
  /** Care flags (repeat complainant, irate) with what went wrong before. */
  flags?: CareFlag[];
  departmentNames?: Record<string, string>;
  /** Fixed "now" for the timers. */
  now?: string | number;
  /** Rendered under the thread (a reply box, buttons). */
  actions?: ReactNode;
  loading?: boolean;
  error?: unknown;
  labels?: Partial<ConversationViewLabels>;
  /** Labels passed to each message card. */
  cardLabels?: MentionCardProps['labels'];
}

/**
 * A whole conversation: the thread with each message's priority reasons, the routing decision, every SLA clock
 * live, care flags and the relationship memory of the customer.
 *
 * @example
 * ```tsx
 * <ConversationView conversation={c.conversation} routing={c.routing} sla={triage.sla(c.id, now)} />
 * ```
 */
export function ConversationView({
  conversation,
  scores,
  routing,
  sla,
  memory,
  flags,
  departmentNames,
  now,
  actions,
  loading = false,
  error,
  labels,
  cardLabels,
  locale,
  theme,
  className,
  style,
}: ConversationViewProps) {
  const fmt = useFormatter(locale);
  const l = { ...defaultConversationViewLabels, ...labels };
  const headingId = useId();
  const base = rootStyle(theme, style, {
    border: `1px solid ${token('border')}`,
    borderRadius: token('radius'),
    padding: '0.75em',
  });
  if (error || loading || !conversation) {
    return (
      <section aria-label={l.pane} className={className} style={base}>
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
  const author = personLabel(conversation.customer);
  const lastInbound = [...conversation.mentions].reverse().find((m) => m.direction === 'inbound');
  return (
    <section aria-labelledby={headingId} className={className} style={base}>
      <h2
        id={headingId}
        style={{ margin: '0 0 0.5em', font: 'inherit', fontWeight: 700, fontSize: '1.1em' }}
      >
        {fillNodes(l.title, { author: <UserText text={author} max={200} /> })}
      </h2>
      <p
        style={{
          margin: '0 0 0.5em',
          color: conversation.awaitingReply ? token('warning') : token('ok'),
        }}
      >
        {conversation.awaitingReply ? l.waiting : l.answered}
      </p>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: '1em', alignItems: 'flex-start' }}>
        <div style={{ flex: '2 1 22em', minWidth: 0 }}>
          <h3 style={{ margin: '0 0 0.3em', font: 'inherit', fontWeight: 600 }}>{l.thread}</h3>
          <ol style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: '0.5em' }}>
            {conversation.mentions.map((m) => (
              <li
                key={m.id}
                style={{
                  marginInlineStart: m.direction === 'outbound' ? '2em' : 0,
                  marginInlineEnd: m.direction === 'outbound' ? 0 : '2em',
                }}
              >
                <MentionCard
                  mention={m}
                  score={scores?.[m.id]}
                  routing={m === lastInbound ? routing : undefined}
                  departmentNames={departmentNames}
                  locale={locale}
                  labels={cardLabels}
                />
              </li>
            ))}
          </ol>
          {actions && <div style={{ marginTop: '0.5em' }}>{actions}</div>}
        </div>
        <aside style={{ flex: '1 1 14em', display: 'grid', gap: '0.8em' }}>
          {flags && flags.length > 0 && (
            <NamedGroup id={`${headingId}-flags`} heading={l.flags}>
              <ul style={{ margin: 0, paddingInlineStart: '1.1em' }}>
                {flags.map((f, i) => (
                  <li key={i}>
                    <strong>{l.flagKinds[f.kind]}</strong>: <UserText text={f.detail} max={500} />
                  </li>
                ))}
              </ul>
            </NamedGroup>
          )}
          {sla && sla.clocks.length > 0 && (
            <NamedGroup id={`${headingId}-sla`} heading={l.sla}>
              <ul
                style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: '0.2em' }}
              >
                {sla.clocks.map((clock) => (
                  <li
                    key={clock.target}
                    style={{ display: 'flex', justifyContent: 'space-between', gap: '0.5em' }}
                  >
                    <span>{l.targets[clock.target]}</span>
                    <SlaTimer
                      dueAt={clock.dueAt}
                      status={
                        clock.status === 'met' || clock.status === 'paused'
                          ? clock.status
                          : undefined
                      }
                      remainingMs={clock.status === 'paused' ? clock.remaining : undefined}
                      target={l.targets[clock.target]}
                      now={now}
                      locale={locale}
                    />
                  </li>
                ))}
              </ul>
            </NamedGroup>
          )}
          {memory && <MemoryDetails memory={memory} labels={l} fmt={fmt} />}
        </aside>
      </div>
    </section>
  );
}
