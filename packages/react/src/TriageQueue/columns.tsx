import type { QueueItem } from '@rapport/core';
import {
  createColumnHelper,
  createSortedRowModel,
  rowSortingFeature,
  sortFn_basic,
  sortFn_text,
  tableFeatures,
} from '@tanstack/react-table';
import { createContext, useContext } from 'react';
import { ScoreBadge } from '../ScoreBadge/ScoreBadge';
import { SlaTimer } from '../SlaTimer/SlaTimer';
import { useFormatter, useNow } from '../theme/RapportProvider';
import { token } from '../theme/tokens';
import { fill, toEpoch } from '../internal/format';
import { personLabel } from '../internal/people';
import { UserText, visuallyHidden } from '../internal/ui';
import type { TriageQueueLabels } from './labels';

/** The table features the queue uses: sorting only (filtering and selection are plain, fast React state). */
export const queueFeatures = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { basic: sortFn_basic, text: sortFn_text },
});

/** What cells read besides their row (kept in context so the column definitions stay stable). */
export interface QueueCellContext {
  labels: TriageQueueLabels;
  departmentNames: Record<string, string>;
  superfans: ReadonlySet<string>;
  now: string | number | undefined;
  locale: string | undefined;
  selected: ReadonlySet<string>;
  toggleSelected: (id: string) => void;
  showWhy: (id: string) => void;
}

export const QueueCellCtx = createContext<QueueCellContext | null>(null);

function useCellCtx(): QueueCellContext {
  const ctx = useContext(QueueCellCtx);
  if (!ctx) throw new Error('Queue cells render inside TriageQueue.');
  return ctx;
}

function SelectCell({ item }: { item: QueueItem }) {
  const { selected, toggleSelected, labels } = useCellCtx();
  return (
    <input
      type="checkbox"
      tabIndex={-1}
      checked={selected.has(item.conversationId)}
      onChange={() => toggleSelected(item.conversationId)}
      aria-label={fill(labels.select, { author: personLabel(item.customer) })}
    />
  );
}

function PriorityCell({ item }: { item: QueueItem }) {
  const { labels, showWhy } = useCellCtx();
  return (
    <span style={{ display: 'inline-flex', gap: '0.3em', alignItems: 'center' }}>
      <ScoreBadge
        priority={item.priority}
        band={item.band}
        bandLabels={labels.bands}
        live={false}
      />
      <button
        type="button"
        tabIndex={-1}
        onClick={(e) => {
          e.stopPropagation();
          showWhy(item.conversationId);
        }}
        aria-label={labels.why}
        title={labels.why}
        style={{
          font: 'inherit',
          border: `1px solid ${token('border')}`,
          background: 'transparent',
          color: token('fg'),
          borderRadius: '999px',
          width: '1.6em',
          height: '1.6em',
          padding: 0,
          cursor: 'pointer',
        }}
      >
        ?
      </button>
    </span>
  );
}

function SlaCell({ item }: { item: QueueItem }) {
  const { now, locale, labels } = useCellCtx();
  if (!item.sla) return <span style={{ color: token('muted') }}>{labels.noSla}</span>;
  return (
    <SlaTimer
      dueAt={item.sla.dueAt}
      status={
        item.sla.status === 'met' || item.sla.status === 'paused' ? item.sla.status : undefined
      }
      now={now}
      locale={locale}
      target={labels.slaTargets[item.sla.target]}
      labels={labels.sla}
      // The column fits English on one line; a longer translation wraps rather than being cut off.
      style={{ whiteSpace: 'normal' }}
    />
  );
}

function AuthorCell({ item }: { item: QueueItem }) {
  const { superfans, labels } = useCellCtx();
  const markers: { key: string; text: string; color: string }[] = [];
  for (const flag of item.flags) {
    if (flag.kind === 'repeat_complainant')
      markers.push({ key: 'repeat', text: labels.markers.repeat, color: token('warning') });
    if (flag.kind === 'irate')
      markers.push({ key: 'irate', text: labels.markers.irate, color: token('danger') });
  }
  if (superfans.has(item.customer.id))
    markers.push({ key: 'superfan', text: labels.markers.superfan, color: token('ok') });
  return (
    <span style={{ display: 'flex', gap: '0.3em', alignItems: 'center', minWidth: 0 }}>
      {/* A long handle shrinks with an ellipsis (min-width 0 lets the flex item shrink); markers keep their size. */}
      <UserText
        text={personLabel(item.customer)}
        max={80}
        style={{
          minWidth: 0,
          overflow: 'hidden',
          textOverflow: 'ellipsis',
          whiteSpace: 'nowrap',
        }}
      />
      {markers.map((m) => (
        <span
          key={m.key}
          data-marker={m.key}
          style={{
            fontSize: '0.8em',
            color: m.color,
            border: `1px solid currentColor`,
            borderRadius: '999px',
            padding: '0 0.4em',
            whiteSpace: 'nowrap',
            flexShrink: 0,
          }}
        >
          {m.text}
        </span>
      ))}
    </span>
  );
}

function WaitingCell({ item }: { item: QueueItem }) {
  const { now, locale } = useCellCtx();
  const current = useNow(now);
  const fmt = useFormatter(locale);
  const since = toEpoch(item.waitingSince);
  return (
    <span suppressHydrationWarning style={{ fontVariantNumeric: 'tabular-nums' }}>
      {fmt.duration(current - since)}
    </span>
  );
}

function DepartmentCell({ item }: { item: QueueItem }) {
  const { departmentNames } = useCellCtx();
  return <UserText text={departmentNames[item.department] ?? item.department} max={80} />;
}

function PlatformCell({ item }: { item: QueueItem }) {
  const { labels } = useCellCtx();
  return (
    <span>
      {labels.platforms[item.platform] ?? item.platform}
      {item.channel === 'private' && <span style={visuallyHidden}> ({labels.private})</span>}
    </span>
  );
}

function TextCell({ item }: { item: QueueItem }) {
  return (
    <UserText
      text={item.preview}
      max={280}
      style={{
        display: 'block',
        overflow: 'hidden',
        textOverflow: 'ellipsis',
        whiteSpace: 'nowrap',
      }}
    />
  );
}

const helper = createColumnHelper<typeof queueFeatures, QueueItem>();

/** Column ids of the queue, in display order. */
export const QUEUE_COLUMN_IDS = [
  'select',
  'priority',
  'sla',
  'department',
  'author',
  'platform',
  'text',
  'waiting',
] as const;

export type QueueColumnId = (typeof QUEUE_COLUMN_IDS)[number];

export const queueColumns = helper.columns([
  helper.display({
    id: 'select',
    enableSorting: false,
    cell: (info) => <SelectCell item={info.row.original} />,
  }),
  helper.accessor('priority', {
    id: 'priority',
    sortFn: 'basic',
    sortDescFirst: true,
    cell: (info) => <PriorityCell item={info.row.original} />,
  }),
  helper.accessor((row) => (row.sla ? toEpoch(row.sla.dueAt) : undefined), {
    id: 'sla',
    sortFn: 'basic',
    sortUndefined: 'last',
    cell: (info) => <SlaCell item={info.row.original} />,
  }),
  helper.accessor((row) => row.department, {
    id: 'department',
    sortFn: 'text',
    cell: (info) => <DepartmentCell item={info.row.original} />,
  }),
  // Sorted by `sort.ts` (manual sorting) by the text shown: A to Z first.
  helper.accessor((row) => personLabel(row.customer), {
    id: 'author',
    sortFn: 'text',
    sortDescFirst: false,
    cell: (info) => <AuthorCell item={info.row.original} />,
  }),
  helper.accessor('platform', {
    id: 'platform',
    sortFn: 'text',
    cell: (info) => <PlatformCell item={info.row.original} />,
  }),
  helper.accessor('preview', {
    id: 'text',
    enableSorting: false,
    cell: (info) => <TextCell item={info.row.original} />,
  }),
  // Sorted by `sort.ts` by the wait shown (a larger value is a longer wait): the longest wait first.
  helper.accessor((row) => -toEpoch(row.waitingSince), {
    id: 'waiting',
    sortFn: 'basic',
    sortDescFirst: true,
    cell: (info) => <WaitingCell item={info.row.original} />,
  }),
]);

/**
 * Column widths for the CSS grid (one template for the header and every row). The minimums fit their content
 * unclipped: the priority badge with its "?" button, the longest English countdown ("23h 59m overdue", in bold),
 * the "Department" header and platform names. The message column takes what is left.
 */
export const QUEUE_GRID =
  '2.5em minmax(9.25em, 0.8fr) minmax(11em, 1fr) minmax(7.25em, 0.8fr) minmax(8em, 1.2fr) minmax(6em, 0.5fr) minmax(8em, 2.5fr) minmax(5.5em, 0.5fr)';
