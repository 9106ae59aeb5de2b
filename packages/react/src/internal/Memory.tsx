import type { RelationshipMemory } from '@rapport/core';
import { useId } from 'react';
import type { Formatter } from './format';
import { safeHref } from './safe';
import { token } from '../theme/tokens';
import { NamedGroup, UserText } from './ui';

export interface MemoryLabels {
  memory: string;
  lastHiccup: string;
  lastCelebration: string;
  openPromises: string;
  noPromises: string;
  nextTouch: string;
  overdue: string;
  link: string;
  /** In place of what may not be kept or scheduled (`memory.withheld`). */
  notPermitted: string;
}

export const defaultMemoryLabels: MemoryLabels = {
  memory: 'Relationship memory',
  lastHiccup: 'Last hiccup',
  lastCelebration: 'Last celebration',
  openPromises: 'Open promises',
  noPromises: 'None',
  nextTouch: 'Next personal touch',
  overdue: 'overdue',
  link: 'Open original',
  notPermitted: 'Not permitted',
};

/** What to remember about a person, with links only when they are http(s). */
export function MemoryDetails({
  memory,
  labels,
  fmt,
  headingLevel = 3,
}: {
  memory: RelationshipMemory;
  labels: MemoryLabels;
  fmt: Formatter;
  headingLevel?: 2 | 3 | 4;
}) {
  const headingId = useId();
  const withheld = memory.withheld ?? [];
  const moment = (m: RelationshipMemory['lastHiccup']) => {
    if (withheld.includes('relationship')) return labels.notPermitted;
    if (!m) return '—';
    const href = safeHref(m.url);
    return (
      <>
        <UserText text={m.what} max={500} /> · <time dateTime={m.at}>{fmt.dateTime(m.at)}</time>
        {href && (
          <>
            {' '}
            <a
              href={href}
              rel="noopener noreferrer nofollow"
              target="_blank"
              style={{ color: token('accent') }}
            >
              {labels.link}
            </a>
          </>
        )}
      </>
    );
  };
  return (
    <NamedGroup id={headingId} heading={labels.memory} level={headingLevel}>
      <p style={{ margin: '0 0 0.4em', color: token('muted') }}>
        <UserText text={memory.summary} max={500} />
      </p>
      <dl
        style={{ display: 'grid', gridTemplateColumns: 'auto 1fr', gap: '0.2em 0.8em', margin: 0 }}
      >
        <dt>{labels.lastHiccup}</dt>
        <dd style={{ margin: 0 }}>{moment(memory.lastHiccup)}</dd>
        <dt>{labels.lastCelebration}</dt>
        <dd style={{ margin: 0 }}>{moment(memory.lastCelebration)}</dd>
        <dt>{labels.openPromises}</dt>
        <dd style={{ margin: 0 }}>
          {memory.openPromises.length === 0 ? (
            labels.noPromises
          ) : (
            <ul style={{ margin: 0, paddingInlineStart: '1.1em' }}>
              {memory.openPromises.map((p) => (
                <li key={p.id}>
                  <UserText text={p.text} max={500} />
                  {p.dueAt && <> · {fmt.dateTime(p.dueAt, { dateStyle: 'medium' })}</>}
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>{labels.nextTouch}</dt>
        <dd style={{ margin: 0, color: memory.touchOverdue ? token('danger') : undefined }}>
          {memory.nextTouchDue === undefined
            ? labels.notPermitted
            : fmt.dateTime(memory.nextTouchDue, { dateStyle: 'medium' })}
          {memory.touchOverdue && ` (${labels.overdue})`}
        </dd>
      </dl>
    </NamedGroup>
  );
}
