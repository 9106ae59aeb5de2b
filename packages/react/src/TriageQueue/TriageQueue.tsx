import type { Department, PriorityBand, QueueItem, SlaStatus } from '@rapport/core';
import { FlexRender, useTable, type SortingState, type Updater } from '@tanstack/react-table';
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import {
  memo,
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { useFormatter } from '../theme/RapportProvider';
import { token } from '../theme/tokens';
import { fill } from '../internal/format';
import { personLabel } from '../internal/people';
import { displayText } from '../internal/safe';
import {
  buttonStyle,
  errorText,
  fillNodes,
  rootStyle,
  StateMessage,
  UserText,
  visuallyHidden,
  type WidgetBaseProps,
  bareButtonStyle,
} from '../internal/ui';
import {
  QUEUE_GRID,
  QueueCellCtx,
  queueColumns,
  queueFeatures,
  type QueueCellContext,
  type QueueColumnId,
} from './columns';
import { mergeQueueLabels, type TriageQueueLabelsInput } from './labels';
import { sortRows } from './sort';

/** What the queue shows. Every field is optional; an empty filter shows everything. */
export interface TriageQueueFilter {
  /** Department ids. */
  departments?: string[];
  bands?: PriorityBand[];
  /** SLA statuses of the deciding clock (`none` for conversations with no running clock). */
  statuses?: (SlaStatus | 'none')[];
  /**
   * Case-insensitive text matched against the message, the department, the customer as shown (the handle with or
   * without its `@`, the name, or the id when there is neither) and the exact conversation id.
   */
  search?: string;
}

/** A column sort, as TanStack Table writes it: `[{ id: 'priority', desc: true }]`. */
export type TriageQueueSorting = SortingState;

export interface TriageQueueProps extends WidgetBaseProps {
  /** Open conversations from `triage.queue(now)` (or `useTriage`). Their order is the default order. */
  rows: QueueItem[];
  /** Department names (ids are shown when a name is missing). */
  departments?: Department[];
  /** Author ids of superfans (marked in the customer column). */
  superfans?: string[];
  /** Fixed "now" for timers and waiting times (ISO 8601 or epoch ms); by default the shared clock ticks. */
  now?: string | number;
  /** Controlled filter, with `onFilterChange`. */
  filter?: TriageQueueFilter;
  /** Initial filter when uncontrolled. */
  defaultFilter?: TriageQueueFilter;
  onFilterChange?: (filter: TriageQueueFilter) => void;
  /** Controlled sort, with `onSortingChange`; empty keeps the core's queue order. */
  sorting?: TriageQueueSorting;
  defaultSorting?: TriageQueueSorting;
  onSortingChange?: (sorting: TriageQueueSorting) => void;
  /** Controlled selection (conversation ids), with `onSelectionChange`. */
  selectedIds?: string[];
  defaultSelectedIds?: string[];
  onSelectionChange?: (ids: string[]) => void;
  /** Controlled active (focused) conversation id, with `onActiveChange`. */
  activeId?: string | null;
  onActiveChange?: (id: string | null) => void;
  /** Enter or double click on a conversation. */
  onOpen?: (item: QueueItem) => void;
  /** The `A` shortcut on the active conversation. */
  onAssign?: (item: QueueItem) => void;
  /** The `R` shortcut on the active conversation. */
  onResolve?: (item: QueueItem) => void;
  /** Height of the scrolling body in px (default 480). */
  height?: number;
  /** Row height in px (default 44). */
  rowHeight?: number;
  /** Hide the filter toolbar (when the app has its own). */
  hideToolbar?: boolean;
  loading?: boolean;
  error?: unknown;
  labels?: TriageQueueLabelsInput;
}

const EMPTY: string[] = [];

function useControllable<T>(
  value: T | undefined,
  initial: T,
  onChange: ((next: T) => void) | undefined,
): [T, (next: T) => void] {
  const [inner, setInner] = useState(initial);
  const controlled = value !== undefined;
  const current = controlled ? value : inner;
  const set = useCallback(
    (next: T) => {
      if (!controlled) setInner(next);
      onChange?.(next);
    },
    [controlled, onChange],
  );
  return [current, set];
}

/**
 * The triage inbox: every open conversation, most urgent first, virtualised for 100,000 rows.
 *
 * Columns: priority (with "why this priority?"), SLA countdown, department, customer (repeat, irate and superfan
 * markers), platform, message and waiting time. Sort by clicking a header; filter by department, priority band,
 * SLA status and text; select with checkboxes or Space. Keyboard: ↑/↓, Page Up/Down, Home/End move; Enter opens;
 * Space selects; A assigns; R resolves; ? explains the priority. Timers tick without re-rendering the table.
 *
 * @example
 * ```tsx
 * const { queue } = useTriage(triage, { now });
 * <TriageQueue rows={queue} onOpen={(item) => navigate(item.conversationId)} />
 * ```
 */
export function TriageQueue({
  rows,
  departments,
  superfans,
  now,
  filter: filterProp,
  defaultFilter = {},
  onFilterChange,
  sorting: sortingProp,
  defaultSorting = [],
  onSortingChange,
  selectedIds: selectedProp,
  defaultSelectedIds = EMPTY,
  onSelectionChange,
  activeId: activeProp,
  onActiveChange,
  onOpen,
  onAssign,
  onResolve,
  height = 480,
  rowHeight = 44,
  hideToolbar = false,
  loading = false,
  error,
  labels: labelsInput,
  locale,
  theme,
  className,
  style,
}: TriageQueueProps) {
  const labels = useMemo(() => mergeQueueLabels(labelsInput), [labelsInput]);
  const fmt = useFormatter(locale);
  const baseId = useId();
  const [filter, setFilter] = useControllable(filterProp, defaultFilter, onFilterChange);
  const [sorting, setSortingValue] = useControllable(sortingProp, defaultSorting, onSortingChange);
  const [selectedList, setSelectedList] = useControllable(
    selectedProp,
    defaultSelectedIds,
    onSelectionChange,
  );
  const [active, setActiveValue] = useControllable<string | null>(activeProp, null, onActiveChange);
  const [whyId, setWhyId] = useState<string | null>(null);

  const departmentNames = useMemo(() => {
    const names: Record<string, string> = {};
    for (const d of departments ?? []) names[d.id] = d.name;
    return names;
  }, [departments]);

  const filtered = useMemo(
    () => filterRows(rows, filter, departmentNames),
    [rows, filter, departmentNames],
  );

  const ordered = useMemo(
    () => sortRows(filtered, sorting, departmentNames, fmt.locale),
    [filtered, sorting, departmentNames, fmt.locale],
  );
  // Found by a scan only when a row is active (cheaper on mount than a 100,000-entry map).
  const scrollRef = useRef<HTMLDivElement>(null);
  // A click on a row makes it active and gives the grid the keyboard (focus first: its onFocus may pick row 1).
  const activate = useCallback(
    (id: string) => {
      scrollRef.current?.focus({ preventScroll: true });
      setActiveValue(id);
    },
    [setActiveValue],
  );
  const activeIndex = useMemo(
    () => (active === null ? -1 : ordered.findIndex((row) => row.conversationId === active)),
    [ordered, active],
  );
  // Where the active row was when last shown. When the app removes it from `rows` (R, with an `onResolve` that
  // calls `triage.resolve`, or a refresh), the row that takes its place becomes active (the next one, or the new
  // last), so the keyboard keeps its place and ↓ goes on from there instead of from the top.
  const lastActive = useRef<{ id: string; index: number } | null>(null);
  useEffect(() => {
    if (active !== null && activeIndex >= 0) {
      lastActive.current = { id: active, index: activeIndex };
      return;
    }
    const last = lastActive.current;
    if (active === null || last === null || last.id !== active || ordered.length === 0) return;
    // Hidden by a filter, not removed: it is still active and comes back when the filter changes.
    if (rows.some((row) => row.conversationId === active)) return;
    lastActive.current = null;
    setActiveValue(ordered[Math.min(last.index, ordered.length - 1)]!.conversationId);
  }, [active, activeIndex, ordered, rows, setActiveValue]);

  // The active row is always rendered, even when scrolled out of the window, so the grid's
  // aria-activedescendant always names an element in the page.
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (activeIndex < 0 || indexes.includes(activeIndex)) return indexes;
      return [...indexes, activeIndex].sort((x, y) => x - y);
    },
    [activeIndex],
  );
  const virtualizer = useVirtualizer({
    count: ordered.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 6,
    initialRect: { width: 960, height },
    rangeExtractor,
  });
  const virtualItems = virtualizer.getVirtualItems();
  // TanStack Table owns the columns, the sort state and cell rendering; it is given only the rows in view, so a
  // queue of 100,000 builds a few dozen row objects. Filtering and sorting run over plain arrays (above).
  const windowRows = useMemo(
    () => virtualItems.map((v) => ordered[v.index]!).filter(Boolean),
    [virtualItems, ordered],
  );
  // A sort from the headers shows the new order from the top, with its first row active (when a row was).
  const sortedByUser = useRef<string | null>(null);
  const sortKey = JSON.stringify(sorting);
  const onSorting = useCallback(
    (updater: Updater<SortingState>) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater;
      sortedByUser.current = JSON.stringify(next);
      setSortingValue(next);
    },
    [setSortingValue, sorting],
  );
  useEffect(() => {
    if (sortedByUser.current !== sortKey) return;
    sortedByUser.current = null;
    virtualizer.scrollToOffset(0);
    if (active !== null && ordered.length > 0) setActiveValue(ordered[0]!.conversationId);
  }, [sortKey, ordered, active, setActiveValue, virtualizer]);
  const table = useTable({
    features: queueFeatures,
    columns: queueColumns,
    data: windowRows,
    getRowId: (row: QueueItem) => row.conversationId,
    state: { sorting },
    onSortingChange: onSorting,
    manualSorting: true,
    enableMultiSort: false,
  });
  const tableRows = table.getRowModel().rows;

  // Only conversations still in the queue count as selected: a resolved one leaves the selection with its row
  // (otherwise "1 selected" stays on screen and the next bulk action includes it).
  const selected = useMemo(() => {
    if (selectedList.length === 0) return new Set<string>();
    const wanted = new Set(selectedList);
    const live = new Set<string>();
    for (const r of rows) if (wanted.has(r.conversationId)) live.add(r.conversationId);
    return live;
  }, [selectedList, rows]);
  const toggleSelected = useCallback(
    (id: string) => {
      const next = new Set(selected);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      setSelectedList([...next]);
    },
    [selected, setSelectedList],
  );
  const superfanSet = useMemo(() => new Set(superfans ?? EMPTY), [superfans]);
  const showWhy = useCallback(
    (id: string) => {
      // A click on the row's "?" button would otherwise leave focus on that button (outside the Tab order):
      // the arrow keys and Escape would do nothing.
      scrollRef.current?.focus({ preventScroll: true });
      setActiveValue(id);
      setWhyId((current) => (current === id ? null : id));
    },
    [setActiveValue],
  );
  const cellCtx = useMemo<QueueCellContext>(
    () => ({
      labels,
      departmentNames,
      superfans: superfanSet,
      now,
      locale,
      selected,
      toggleSelected,
      showWhy,
    }),
    [labels, departmentNames, superfanSet, now, locale, selected, toggleSelected, showWhy],
  );

  const moveTo = (index: number) => {
    if (ordered.length === 0) return;
    const i = Math.max(0, Math.min(ordered.length - 1, index));
    setActiveValue(ordered[i]!.conversationId);
    virtualizer.scrollToIndex(i, { align: 'auto' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    // Keys pressed on a control inside the grid (a sort button, a checkbox) belong to that control.
    if (event.target !== event.currentTarget) return;
    const page = Math.max(1, Math.floor(height / rowHeight) - 1);
    const item = activeIndex >= 0 ? ordered[activeIndex] : undefined;
    let handled = true;
    switch (event.key) {
      case 'ArrowDown':
        moveTo(activeIndex + 1);
        break;
      case 'ArrowUp':
        moveTo(activeIndex <= 0 ? 0 : activeIndex - 1);
        break;
      case 'PageDown':
        moveTo(activeIndex + page);
        break;
      case 'PageUp':
        moveTo(activeIndex - page);
        break;
      case 'Home':
        moveTo(0);
        break;
      case 'End':
        moveTo(ordered.length - 1);
        break;
      case 'Enter':
        if (item) onOpen?.(item);
        break;
      case ' ':
        if (item) toggleSelected(item.conversationId);
        break;
      case 'a':
      case 'A':
        if (item && onAssign) onAssign(item);
        else handled = false;
        break;
      case 'r':
      case 'R':
        if (item && onResolve) onResolve(item);
        else handled = false;
        break;
      case '?':
        if (item) showWhy(item.conversationId);
        break;
      case 'Escape':
        if (whyId !== null) setWhyId(null);
        else handled = false;
        break;
      default:
        handled = false;
    }
    if (handled) event.preventDefault();
  };

  const allShownSelected =
    ordered.length > 0 && ordered.every((r) => selected.has(r.conversationId));
  // Checking selects the rows shown; unchecking clears only those, keeping selections the filter hides.
  const toggleAll = () => {
    if (allShownSelected) {
      const shown = new Set(ordered.map((r) => r.conversationId));
      setSelectedList([...selected].filter((id) => !shown.has(id)));
    } else {
      setSelectedList([...new Set([...selected, ...ordered.map((r) => r.conversationId)])]);
    }
  };
  // The Close button leaves with the panel: give the keyboard back to the grid, on the row it explained.
  const closeWhy = () => {
    setWhyId(null);
    scrollRef.current?.focus({ preventScroll: true });
  };

  // When the grid had the keyboard and leaves the page (the last conversation resolved, loading, an error),
  // focus would fall to <body>: keep it on the widget, whose status message says what happened.
  const sectionRef = useRef<HTMLElement>(null);
  const gridHadFocus = useRef(false);
  const showsGrid = !error && !loading && rows.length > 0;
  useEffect(() => {
    if (showsGrid || !gridHadFocus.current) return;
    gridHadFocus.current = false;
    const activeEl = document.activeElement;
    if (activeEl === null || activeEl === document.body)
      sectionRef.current?.focus({ preventScroll: true });
  }, [showsGrid]);

  const whyItem = whyId !== null ? rows.find((r) => r.conversationId === whyId) : undefined;
  const rowDomId = (id: string) => `${baseId}-row-${cssSafe(id)}`;
  const helpId = `${baseId}-help`;

  let body: ReactNode;
  if (error) body = <StateMessage kind="error">{errorText(error, labels.error)}</StateMessage>;
  else if (loading) body = <StateMessage kind="loading">{labels.loading}</StateMessage>;
  else if (rows.length === 0) body = <StateMessage kind="empty">{labels.empty}</StateMessage>;
  else {
    const headers = table.getHeaderGroups()[0]!.headers;
    body = (
      <div
        ref={scrollRef}
        role="grid"
        aria-label={labels.title}
        aria-rowcount={ordered.length + 1}
        aria-colcount={headers.length}
        aria-multiselectable="true"
        aria-describedby={helpId}
        aria-keyshortcuts="ArrowUp ArrowDown PageUp PageDown Home End Enter Space A R ?"
        aria-activedescendant={
          activeIndex >= 0 ? rowDomId(ordered[activeIndex]!.conversationId) : undefined
        }
        tabIndex={0}
        onKeyDown={onKeyDown}
        onBlur={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget)) gridHadFocus.current = false;
        }}
        onFocus={() => {
          gridHadFocus.current = true;
          if (activeIndex < 0 && ordered.length > 0) setActiveValue(ordered[0]!.conversationId);
        }}
        style={{ height, overflow: 'auto', position: 'relative', outlineColor: token('accent') }}
      >
        <div
          role="row"
          aria-rowindex={1}
          style={{
            display: 'grid',
            gridTemplateColumns: QUEUE_GRID,
            position: 'sticky',
            top: 0,
            zIndex: 1,
            background: token('surface'),
            borderBottom: `1px solid ${token('border')}`,
            minHeight: rowHeight * 0.8,
            alignItems: 'center',
          }}
        >
          {headers.map((header, i) => {
            const id = header.column.id as QueueColumnId;
            const sorted = header.column.getIsSorted();
            return (
              <div
                key={header.id}
                role="columnheader"
                aria-colindex={i + 1}
                aria-sort={
                  sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined
                }
                style={{ padding: '0 0.5em', fontWeight: 600, whiteSpace: 'nowrap' }}
              >
                {id === 'select' ? (
                  <input
                    type="checkbox"
                    aria-label={labels.selectAll}
                    checked={allShownSelected}
                    onChange={toggleAll}
                  />
                ) : header.column.getCanSort() ? (
                  <button
                    type="button"
                    onClick={header.column.getToggleSortingHandler()}
                    style={{ ...bareButtonStyle, fontWeight: 600 }}
                  >
                    {labels.columns[id]}
                    <span aria-hidden="true">
                      {sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}
                    </span>
                  </button>
                ) : (
                  labels.columns[id]
                )}
              </div>
            );
          })}
        </div>
        {ordered.length === 0 ? (
          <div role="row" aria-rowindex={2}>
            <div role="gridcell" aria-colspan={headers.length}>
              <StateMessage kind="empty">{labels.noMatch}</StateMessage>
            </div>
          </div>
        ) : (
          <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualItems.map((v, k) => {
              const row = tableRows[k];
              if (!row) return null;
              return (
                <QueueRow
                  key={row.id}
                  row={row}
                  domId={rowDomId(row.id)}
                  index={v.index}
                  start={v.start}
                  height={rowHeight}
                  active={v.index === activeIndex}
                  selected={selected.has(row.id)}
                  onActivate={activate}
                  onOpen={onOpen}
                />
              );
            })}
          </div>
        )}
      </div>
    );
  }

  return (
    <QueueCellCtx.Provider value={cellCtx}>
      <section
        ref={sectionRef}
        tabIndex={-1}
        aria-label={labels.title}
        className={className}
        style={rootStyle(theme, style, {
          border: `1px solid ${token('border')}`,
          borderRadius: token('radius'),
          overflow: 'hidden',
        })}
      >
        {!hideToolbar && (
          <Toolbar
            filter={filter}
            onChange={setFilter}
            departments={departments}
            rows={rows}
            labels={labels}
            baseId={baseId}
          />
        )}
        {body}
        <p id={helpId} style={visuallyHidden}>
          {labels.keyboardHelp}
        </p>
        {!error && !loading && rows.length > 0 && (
          <p
            role="status"
            style={{ margin: 0, padding: '0.3em 0.6em', color: token('muted'), fontSize: '0.9em' }}
          >
            {fill(labels.count, {
              shown: fmt.number(ordered.length),
              total: fmt.number(rows.length),
              selected: fmt.number(selected.size),
            })}
          </p>
        )}
        {whyItem && (
          <section
            aria-labelledby={`${baseId}-why`}
            onKeyDown={(event) => {
              if (event.key !== 'Escape' || event.altKey || event.ctrlKey || event.metaKey) return;
              event.preventDefault();
              closeWhy();
            }}
            style={{
              borderTop: `1px solid ${token('border')}`,
              padding: '0.6em',
              background: token('surface'),
            }}
          >
            <h3 id={`${baseId}-why`} style={{ margin: 0, font: 'inherit', fontWeight: 600 }}>
              {fillNodes(labels.whyTitle, {
                author: <UserText text={personLabel(whyItem.customer)} max={80} />,
              })}
            </h3>
            <ul style={{ margin: '0.3em 0', paddingInlineStart: '1.2em' }}>
              {whyItem.reasons.map((r, i) => (
                <li key={i}>
                  <UserText text={r} />
                </li>
              ))}
            </ul>
            <button type="button" onClick={closeWhy} style={buttonStyle}>
              {labels.close}
            </button>
          </section>
        )}
      </section>
    </QueueCellCtx.Provider>
  );
}

type QueueRowModel = ReturnType<
  ReturnType<typeof useTable<typeof queueFeatures, QueueItem>>['getRowModel']
>['rows'][number];

interface QueueRowProps {
  row: QueueRowModel;
  domId: string;
  index: number;
  start: number;
  height: number;
  active: boolean;
  selected: boolean;
  onActivate: (id: string) => void;
  onOpen: ((item: QueueItem) => void) | undefined;
}

/** One conversation; memoised so moving the active row re-renders two rows, not the page. */
const QueueRow = memo(function QueueRow({
  row,
  domId,
  index,
  start,
  height,
  active,
  selected,
  onActivate,
  onOpen,
}: QueueRowProps) {
  return (
    <div
      id={domId}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-active={active || undefined}
      onClick={() => onActivate(row.id)}
      onDoubleClick={() => onOpen?.(row.original)}
      style={{
        position: 'absolute',
        top: 0,
        left: 0,
        right: 0,
        height,
        transform: `translateY(${start}px)`,
        display: 'grid',
        gridTemplateColumns: QUEUE_GRID,
        alignItems: 'center',
        borderBottom: `1px solid ${token('border')}`,
        background: selected ? token('surface') : undefined,
        boxShadow: active ? `inset 3px 0 0 ${token('accent')}` : undefined,
        cursor: 'default',
      }}
    >
      {row.getAllCells().map((cell, i) => (
        <div
          key={cell.id}
          role="gridcell"
          aria-colindex={i + 1}
          style={{ padding: '0 0.5em', minWidth: 0, overflow: 'hidden' }}
        >
          <FlexRender cell={cell} />
        </div>
      ))}
    </div>
  );
});

function Toolbar({
  filter,
  onChange,
  departments,
  rows,
  labels,
  baseId,
}: {
  filter: TriageQueueFilter;
  onChange: (f: TriageQueueFilter) => void;
  departments: Department[] | undefined;
  rows: QueueItem[];
  labels: ReturnType<typeof mergeQueueLabels>;
  baseId: string;
}) {
  // Departments offered: the given list, else those present in the rows.
  const options = useMemo(() => {
    if (departments && departments.length > 0)
      return departments.map((d) => ({ id: d.id, name: d.name }));
    const ids = new Set<string>();
    for (const r of rows) ids.add(r.department);
    return [...ids].sort().map((id) => ({ id, name: id }));
  }, [departments, rows]);
  const control = {
    font: 'inherit',
    color: token('fg'),
    background: token('bg'),
    border: `1px solid ${token('border')}`,
    borderRadius: token('radius'),
    padding: '0.2em 0.4em',
  };
  const SEVERAL = '\u0000several';
  const single = <T extends string>(list: T[] | undefined) =>
    list && list.length > 1 ? SEVERAL : list && list.length === 1 ? list[0]! : '';
  // Shown (not offered) while a filter keeps several values, so the picker never claims "All".
  const several = (list: unknown[] | undefined) =>
    list && list.length > 1 ? (
      <option value={SEVERAL} disabled>
        {fill(labels.several, { count: list.length })}
      </option>
    ) : null;
  return (
    <div
      role="search"
      aria-label={fill(labels.toolbar, { title: labels.title })}
      style={{
        display: 'flex',
        flexWrap: 'wrap',
        gap: '0.5em',
        padding: '0.5em',
        borderBottom: `1px solid ${token('border')}`,
      }}
    >
      <label htmlFor={`${baseId}-search`} style={visuallyHidden}>
        {labels.search}
      </label>
      <input
        id={`${baseId}-search`}
        type="search"
        placeholder={labels.search}
        value={filter.search ?? ''}
        onChange={(e) => onChange({ ...filter, search: e.target.value })}
        style={{ ...control, flex: '1 1 12em' }}
      />
      <select
        aria-label={labels.department}
        value={single(filter.departments)}
        onChange={(e) =>
          onChange({ ...filter, departments: e.target.value ? [e.target.value] : [] })
        }
        style={control}
      >
        <option value="">{labels.allDepartments}</option>
        {several(filter.departments)}
        {options.map((d) => (
          <option key={d.id} value={d.id}>
            {displayText(d.name, 100)}
          </option>
        ))}
      </select>
      <select
        aria-label={labels.band}
        value={single(filter.bands)}
        onChange={(e) =>
          onChange({ ...filter, bands: e.target.value ? [e.target.value as PriorityBand] : [] })
        }
        style={control}
      >
        <option value="">{labels.allBands}</option>
        {several(filter.bands)}
        {(['critical', 'high', 'normal', 'low'] as const).map((b) => (
          <option key={b} value={b}>
            {labels.bands[b]}
          </option>
        ))}
      </select>
      <select
        aria-label={labels.status}
        value={single(filter.statuses)}
        onChange={(e) =>
          onChange({
            ...filter,
            statuses: e.target.value ? [e.target.value as SlaStatus | 'none'] : [],
          })
        }
        style={control}
      >
        <option value="">{labels.allStatuses}</option>
        {several(filter.statuses)}
        {(['breached', 'warning', 'pending', 'paused'] as const).map((s) => (
          <option key={s} value={s}>
            {labels.statuses[s]}
          </option>
        ))}
        {/* Documented in TriageQueueFilter ("none" for conversations with no running clock). */}
        <option value="none">{labels.noSla}</option>
      </select>
    </div>
  );
}

/**
 * The rows a filter keeps, in their original order. Linear in the number of rows; the search is a plain
 * case-insensitive substring match (no user-supplied regular expressions).
 */
export function filterRows(
  rows: readonly QueueItem[],
  filter: TriageQueueFilter,
  departmentNames: Record<string, string> = {},
): QueueItem[] {
  const deps = filter.departments?.length ? new Set(filter.departments) : undefined;
  const bands = filter.bands?.length ? new Set(filter.bands) : undefined;
  const statuses = filter.statuses?.length ? new Set(filter.statuses) : undefined;
  const q = filter.search?.trim().toLowerCase() ?? '';
  // Handles are shown with one leading `@` (`@dana` for both `dana` and `@dana`), so they match without it;
  // a search of only `@` matches every handle.
  const handleQ = q.replace(/^@+/, '');
  if (!deps && !bands && !statuses && !q) return rows as QueueItem[];
  return rows.filter((r) => {
    if (deps && !deps.has(r.department)) return false;
    if (bands && !bands.has(r.band)) return false;
    if (statuses && !statuses.has(r.sla?.status ?? 'none')) return false;
    if (q) {
      const c = r.customer;
      return (
        r.preview.toLowerCase().includes(q) ||
        (c.handle ? c.handle.toLowerCase().includes(handleQ) : false) ||
        (c.name?.toLowerCase().includes(q) ?? false) ||
        // Shown (and so searched) only when the customer has neither a handle nor a name.
        (!c.handle && !c.name && c.id.toLowerCase().includes(q)) ||
        (departmentNames[r.department] ?? r.department).toLowerCase().includes(q) ||
        r.conversationId.toLowerCase() === q
      );
    }
    return true;
  });
}

function cssSafe(id: string): string {
  return id.replace(/[^\w-]/g, (c) => `_${c.charCodeAt(0).toString(16)}`);
}
