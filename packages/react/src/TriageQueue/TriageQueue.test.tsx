import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderToString } from 'react-dom/server';
import { axe } from 'vitest-axe';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { queueItems, T0 } from '../test/fixtures';
import { ResolvingQueue } from '../test/queue';
import { TriageQueue, filterRows } from './TriageQueue';

const departments = [
  { id: 'service', name: 'Customer service' },
  { id: 'logistics', name: 'Logistics' },
  { id: 'product', name: 'Product' },
  { id: 'sales', name: 'Sales' },
];

function bodyRows() {
  return screen.getAllByRole('row').filter((r) => r.getAttribute('aria-rowindex') !== '1');
}
function firstCellText(col: number) {
  return bodyRows().map((r) => within(r).getAllByRole('gridcell')[col]!.textContent);
}

describe('TriageQueue', () => {
  afterEach(() => vi.useRealTimers());

  it('renders a window of rows, not all 100,000', () => {
    render(<TriageQueue rows={queueItems(100_000)} now={T0} height={440} rowHeight={44} />);
    const grid = screen.getByRole('grid', { name: 'Triage queue' });
    expect(grid.getAttribute('aria-rowcount')).toBe('100001');
    expect(bodyRows().length).toBeGreaterThan(5);
    expect(bodyRows().length).toBeLessThan(100);
  });

  it('sorts by a column header, both ways, and reports aria-sort', async () => {
    const user = userEvent.setup();
    render(<TriageQueue rows={queueItems(30)} now={T0} />);
    await user.click(screen.getByRole('button', { name: 'Customer' }));
    const header = screen.getByRole('columnheader', { name: /Customer/ });
    expect(header.getAttribute('aria-sort')).toBe('ascending');
    const asc = bodyRows().map((r) => r.textContent!.match(/@customer\d+/)![0]);
    expect(asc).toEqual([...asc].sort());
    await user.click(screen.getByRole('button', { name: /Customer/ }));
    expect(header.getAttribute('aria-sort')).toBe('descending');
  });

  it('sorts from the keyboard: headers are tab stops', async () => {
    const user = userEvent.setup();
    render(<TriageQueue rows={queueItems(10)} now={T0} hideToolbar />);
    await user.tab(); // the grid
    await user.tab(); // select all
    await user.tab(); // Priority
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Priority' }));
    await user.keyboard('{Enter}');
    expect(screen.getByRole('columnheader', { name: /Priority/ }).getAttribute('aria-sort')).toBe(
      'descending',
    );
  });

  it('sorts by priority, highest first on the first click', async () => {
    const user = userEvent.setup();
    const onSortingChange = vi.fn();
    render(<TriageQueue rows={queueItems(30)} now={T0} onSortingChange={onSortingChange} />);
    await user.click(screen.getByRole('button', { name: 'Priority' }));
    expect(onSortingChange).toHaveBeenLastCalledWith([{ id: 'priority', desc: true }]);
    const priorities = bodyRows().map((r) =>
      Number(within(r).getByRole('img').getAttribute('aria-label')!.match(/\d+/)![0]),
    );
    expect(priorities).toEqual([...priorities].sort((a, b) => b - a));
  });

  it('filters by department, band, status and search', async () => {
    const user = userEvent.setup();
    render(<TriageQueue rows={queueItems(40)} departments={departments} now={T0} />);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Department' }), 'logistics');
    expect(firstCellText(3).every((t) => t === 'Logistics')).toBe(true);
    expect(screen.getByText('10 of 40 conversations, 0 selected')).toBeTruthy();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Department' }), '');
    await user.type(screen.getByRole('searchbox'), 'PARCEL');
    expect(bodyRows().every((r) => r.textContent!.includes('parcel'))).toBe(true);
    await user.clear(screen.getByRole('searchbox'));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Priority' }), 'critical');
    expect(bodyRows().every((r) => r.textContent!.includes('Critical'))).toBe(true);
  });

  it('shows a no-match state and takes a controlled filter', () => {
    render(<TriageQueue rows={queueItems(10)} filter={{ search: 'zzz' }} now={T0} />);
    expect(screen.getByText('No conversation matches these filters.')).toBeTruthy();
  });

  it('moves with arrow keys, opens with Enter, selects with Space, assigns and resolves', async () => {
    const user = userEvent.setup();
    const onOpen = vi.fn();
    const onAssign = vi.fn();
    const onResolve = vi.fn();
    const onSelectionChange = vi.fn();
    render(
      <TriageQueue
        rows={queueItems(20)}
        now={T0}
        onOpen={onOpen}
        onAssign={onAssign}
        onResolve={onResolve}
        onSelectionChange={onSelectionChange}
      />,
    );
    const grid = screen.getByRole('grid');
    act(() => grid.focus());
    expect(grid.getAttribute('aria-activedescendant')).toBeTruthy();
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowUp}');
    const active = document.getElementById(grid.getAttribute('aria-activedescendant')!)!;
    expect(active.getAttribute('aria-rowindex')).toBe('3');
    await user.keyboard('{Enter}');
    expect(onOpen).toHaveBeenCalledWith(expect.objectContaining({ conversationId: 'c1' }));
    await user.keyboard(' ');
    expect(onSelectionChange).toHaveBeenLastCalledWith(['c1']);
    expect(active.getAttribute('aria-selected')).toBe('true');
    await user.keyboard('a');
    expect(onAssign).toHaveBeenCalledWith(expect.objectContaining({ conversationId: 'c1' }));
    await user.keyboard('r');
    expect(onResolve).toHaveBeenCalledWith(expect.objectContaining({ conversationId: 'c1' }));
    await user.keyboard('{End}');
    expect(grid.getAttribute('aria-activedescendant')).toContain('c19');
  });

  it('after a sort, the active row is a rendered row (the new first) and the keys still move', async () => {
    const user = userEvent.setup();
    const onActiveChange = vi.fn();
    render(
      <TriageQueue
        rows={queueItems(500)}
        now={T0}
        height={440}
        hideToolbar
        onActiveChange={onActiveChange}
      />,
    );
    const grid = screen.getByRole('grid');
    act(() => grid.focus());
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(grid.getAttribute('aria-activedescendant')).toContain('c2');
    await user.click(screen.getByRole('button', { name: 'Customer' }));
    const ref = () => grid.getAttribute('aria-activedescendant')!;
    const activeRow = () => document.getElementById(ref());
    // The first row of the new order: customer0, customer1, customer10, customer100, ...
    expect(activeRow()).not.toBeNull();
    expect(activeRow()!.getAttribute('aria-rowindex')).toBe('2');
    expect(onActiveChange).toHaveBeenLastCalledWith('c0');
    act(() => grid.focus());
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(activeRow()!.getAttribute('aria-rowindex')).toBe('4');
    expect(activeRow()!.textContent).toContain('@customer10');
    await user.keyboard('{End}');
    expect(activeRow()).not.toBeNull();
    expect(activeRow()!.getAttribute('aria-rowindex')).toBe('501');
  });

  it('keeps the active row in the page when it is scrolled out of the window', () => {
    render(<TriageQueue rows={queueItems(1000)} now={T0} height={440} activeId="c700" />);
    const grid = screen.getByRole('grid');
    expect(grid.getAttribute('aria-activedescendant')).toContain('c700');
    const row = document.getElementById(grid.getAttribute('aria-activedescendant')!)!;
    expect(row).not.toBeNull();
    expect(row.getAttribute('aria-rowindex')).toBe('702');
    // Still a window: the active row is added to it, not the whole list rendered.
    expect(bodyRows().length).toBeLessThan(40);
  });

  it('names its search landmark, so two queues on one page are told apart', async () => {
    const { container } = render(
      <>
        <TriageQueue rows={queueItems(5)} now={T0} labels={{ title: 'Care queue' }} />
        <TriageQueue rows={queueItems(5)} now={T0} labels={{ title: 'Sales queue' }} />
      </>,
    );
    expect(screen.getByRole('search', { name: 'Care queue: search and filters' })).toBeTruthy();
    expect(screen.getByRole('search', { name: 'Sales queue: search and filters' })).toBeTruthy();
    expect(await axe(container)).toHaveNoViolations();
  });

  it('shows each customer once with one @, and isolates names in the reasons panel', async () => {
    const user = userEvent.setup();
    const items = queueItems(3);
    items[0] = { ...items[0]!, customer: { ...items[0]!.customer, handle: '@dana' } };
    items[1] = { ...items[1]!, customer: { ...items[1]!.customer, handle: 'u/sam' } };
    items[2] = { ...items[2]!, customer: { ...items[2]!.customer, handle: '@\u202Enimda' } };
    render(<TriageQueue rows={items} now={T0} />);
    const customers = firstCellText(4);
    expect(customers.map((t) => t!.split(/Repeat|Irate|Superfan/)[0])).toEqual([
      '@dana',
      'u/sam',
      '@nimda',
    ]);
    expect(screen.getByRole('checkbox', { name: 'Select conversation from @dana' })).toBeTruthy();
    await user.click(within(bodyRows()[2]!).getByRole('button', { name: 'Why this priority?' }));
    const panel = screen.getByRole('region', { name: 'Why this priority: @nimda' });
    expect(panel.querySelector('h3 bdi')!.textContent).toBe('@nimda');
    expect(document.body.textContent).not.toMatch(/@@|\u202E/);
  });

  it('lets the due time wrap instead of cutting it off', () => {
    render(<TriageQueue rows={queueItems(3)} now={T0} />);
    for (const timer of within(screen.getByRole('grid')).getAllByRole('timer')) {
      expect(timer.style.whiteSpace).toBe('normal');
    }
  });

  it('makes a clicked row active and gives the grid the keyboard', async () => {
    const user = userEvent.setup();
    const onOpen = vi.fn();
    render(<TriageQueue rows={queueItems(10)} now={T0} onOpen={onOpen} />);
    await user.click(bodyRows()[3]!.querySelector('[role="gridcell"]:nth-child(7)')!);
    expect(document.activeElement).toBe(screen.getByRole('grid'));
    await user.keyboard('{ArrowDown}{Enter}');
    expect(onOpen).toHaveBeenCalledWith(expect.objectContaining({ conversationId: 'c4' }));
  });

  it('explains the priority with the reasons', async () => {
    const user = userEvent.setup();
    render(<TriageQueue rows={queueItems(5)} now={T0} />);
    await user.click(within(bodyRows()[2]!).getByRole('button', { name: 'Why this priority?' }));
    const panel = screen.getByRole('region', { name: 'Why this priority: @customer2' });
    expect(panel.textContent).toContain('Routed to product by intent');
    await user.click(within(panel).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('region', { name: /Why this priority/ })).toBeNull();
    await user.keyboard('?');
    expect(screen.getByRole('region', { name: /Why this priority/ })).toBeTruthy();
  });

  it('closing the reasons panel gives the keyboard back to the grid, on the explained row', async () => {
    const user = userEvent.setup();
    render(<TriageQueue rows={queueItems(8)} now={T0} />);
    const grid = screen.getByRole('grid');
    const panel = () => screen.queryByRole('region', { name: /Why this priority/ });
    const close = () => within(panel()!).getByRole('button', { name: 'Close' });
    act(() => grid.focus());
    await user.keyboard('{ArrowDown}{ArrowDown}?');
    expect(panel()).not.toBeNull();
    expect(await axe(document.body)).toHaveNoViolations();

    await user.click(close());
    expect(panel()).toBeNull();
    expect(document.activeElement).toBe(grid);

    await user.keyboard('?');
    act(() => close().focus());
    await user.keyboard('{Enter}');
    expect(panel()).toBeNull();
    expect(document.activeElement).toBe(grid);

    await user.keyboard('?');
    act(() => close().focus());
    await user.keyboard('{Escape}');
    expect(panel()).toBeNull();
    expect(document.activeElement).toBe(grid);
    // The keys go on from the row that was explained.
    await user.keyboard('{ArrowDown}');
    expect(grid.getAttribute('aria-activedescendant')).toContain('c3');
  });

  it('after R resolves a row the app removes, the row that took its place is active', async () => {
    const user = userEvent.setup();
    const onResolve = vi.fn();
    render(<ResolvingQueue count={10} onResolve={(item) => onResolve(item.conversationId)} />);
    const grid = screen.getByRole('grid');
    const activeRow = () =>
      document.getElementById(grid.getAttribute('aria-activedescendant') ?? '');
    act(() => grid.focus());
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}{ArrowDown}{ArrowDown}');
    expect(activeRow()!.textContent).toContain('@customer5');
    // Resolve row after row from the keyboard, working down the queue.
    await user.keyboard('r');
    expect(activeRow()!.textContent).toContain('@customer6');
    await user.keyboard('r');
    expect(activeRow()!.textContent).toContain('@customer7');
    expect(onResolve.mock.calls).toEqual([['c5'], ['c6']]);
    await user.keyboard('{ArrowDown}');
    expect(activeRow()!.textContent).toContain('@customer8');
    // Resolving the last row makes the new last row active.
    await user.keyboard('{End}r');
    expect(onResolve).toHaveBeenLastCalledWith('c9');
    expect(activeRow()!.textContent).toContain('@customer8');
    // Seven rows are left (c0-c4, c7, c8): the active one is the last.
    expect(grid.getAttribute('aria-rowcount')).toBe('8');
    expect(activeRow()!.getAttribute('aria-rowindex')).toBe('8');
  });

  it('keeps the active row when a filter only hides it', async () => {
    const user = userEvent.setup();
    render(<TriageQueue rows={queueItems(8)} now={T0} />);
    const grid = screen.getByRole('grid');
    act(() => grid.focus());
    await user.keyboard('{ArrowDown}');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Department' }), 'product');
    expect(grid.getAttribute('aria-activedescendant')).toBeNull();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Department' }), '');
    expect(grid.getAttribute('aria-activedescendant')).toContain('c1');
  });

  it('finds a customer by the handle as shown, without its @, or by name', async () => {
    const user = userEvent.setup();
    const items = queueItems(10);
    items[4] = { ...items[4]!, customer: { ...items[4]!.customer, handle: '@dana' } };
    items[6] = {
      ...items[6]!,
      flags: [],
      customer: { ...items[6]!.customer, handle: '', name: 'Zoë Ng' },
    };
    items[7] = {
      ...items[7]!,
      flags: [],
      customer: { ...items[7]!.customer, id: 'imp-42', handle: '' },
    };
    render(<TriageQueue rows={items} now={T0} />);
    const search = screen.getByRole('searchbox');
    const customers = () => firstCellText(4).map((t) => t!.split(/Repeat|Irate|Superfan/)[0]);
    for (const [query, shown] of [
      ['@customer3', ['@customer3']],
      ['customer3', ['@customer3']],
      ['@CUSTOMER3', ['@customer3']],
      ['@dana', ['@dana']],
      ['dana', ['@dana']],
      ['zoë', ['Zoë Ng']],
      ['imp-42', ['imp-42']],
    ] as const) {
      await user.clear(search);
      await user.type(search, query);
      expect(customers(), query).toEqual(shown);
    }
  });

  it('sorts Waiting by the wait shown: the longest first, then the shortest', async () => {
    const user = userEvent.setup();
    const items = queueItems(30);
    render(<TriageQueue rows={items} now={T0} height={2000} />);
    const minutes = (text: string) => {
      const [, h = '0', m = '0'] = text.match(/(?:(\d+)h)?\s*(?:(\d+)m)?/) ?? [];
      return Number(h) * 60 + Number(m);
    };
    const waits = () => firstCellText(7).map((t) => minutes(t!));
    const longest = Math.max(...items.map((r) => (T0 - Date.parse(r.waitingSince)) / 60_000));
    const header = screen.getByRole('columnheader', { name: /Waiting/ });
    await user.click(screen.getByRole('button', { name: 'Waiting' }));
    expect(header.getAttribute('aria-sort')).toBe('descending');
    expect(waits()[0]).toBe(longest);
    expect(waits()).toEqual([...waits()].sort((a, b) => b - a));
    await user.click(screen.getByRole('button', { name: /Waiting/ }));
    expect(header.getAttribute('aria-sort')).toBe('ascending');
    expect(firstCellText(7)[0]).toBe('0m 0s');
    expect(waits()).toEqual([...waits()].sort((a, b) => a - b));
  });

  it('sorts Customer by the text shown, names included', async () => {
    const user = userEvent.setup();
    const people = [
      { id: 'z9', handle: '', name: 'Anna' },
      { id: 'a1', handle: '', name: 'zoe' },
      { id: 'm5', handle: '', name: 'Mark' },
      { id: 'b2', handle: 'bob', name: 'Robert' },
    ];
    const items = queueItems(4).map((q, i) => ({
      ...q,
      flags: [],
      customer: { ...q.customer, ...people[i]! },
    }));
    render(<TriageQueue rows={items} now={T0} />);
    await user.click(screen.getByRole('button', { name: 'Customer' }));
    expect(firstCellText(4)).toEqual(['Anna', '@bob', 'Mark', 'zoe']);
    await user.click(screen.getByRole('button', { name: /Customer/ }));
    expect(firstCellText(4)).toEqual(['zoe', 'Mark', '@bob', 'Anna']);
  });

  it('unchecking "select all shown" keeps the selections the filter hides', () => {
    const onSelectionChange = vi.fn();
    render(
      <TriageQueue
        rows={queueItems(8)}
        now={T0}
        defaultSelectedIds={['c1']}
        defaultFilter={{ departments: ['service'] }}
        onSelectionChange={onSelectionChange}
      />,
    );
    const all = screen.getByRole('checkbox', { name: 'Select all shown conversations' });
    fireEvent.click(all);
    expect(onSelectionChange).toHaveBeenLastCalledWith(['c1', 'c0', 'c4']);
    fireEvent.click(all);
    expect(onSelectionChange).toHaveBeenLastCalledWith(['c1']);
    expect(screen.getByText('2 of 8 conversations, 1 selected')).toBeTruthy();
  });

  it('selects all shown rows from the header checkbox', () => {
    const onSelectionChange = vi.fn();
    render(
      <TriageQueue
        rows={queueItems(8)}
        now={T0}
        defaultFilter={{ departments: ['service'] }}
        onSelectionChange={onSelectionChange}
      />,
    );
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select all shown conversations' }));
    expect(onSelectionChange).toHaveBeenLastCalledWith(['c0', 'c4']);
  });

  it('marks repeat, irate and superfan customers', () => {
    render(<TriageQueue rows={queueItems(8)} now={T0} superfans={['a1']} />);
    const rows = bodyRows();
    expect(rows[0]!.querySelector('[data-marker="repeat"]')).toBeTruthy();
    expect(rows[7]!.querySelector('[data-marker="irate"]')).toBeTruthy();
    expect(rows[1]!.querySelector('[data-marker="superfan"]')).toBeTruthy();
  });

  it('ticks timers and waiting times live from the shared clock', () => {
    vi.useFakeTimers();
    vi.setSystemTime(T0);
    render(<TriageQueue rows={queueItems(3)} />);
    const timer = screen.getAllByRole('timer')[1]!;
    const before = timer.textContent;
    act(() => vi.advanceTimersByTime(3_000));
    expect(timer.textContent).not.toBe(before);
  });

  it('renders hostile text inertly', () => {
    const [item] = queueItems(1);
    const hostile = {
      ...item!,
      preview: '<img src=x onerror="window.__pwned=1"> javascript:alert(1) \u202Egnp.exe',
      customer: { ...item!.customer, handle: '<script>alert(1)</script>' },
    };
    const { container } = render(<TriageQueue rows={[hostile]} now={T0} />);
    expect(container.querySelector('img, script, a')).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror="window.__pwned=1">');
    expect(container.textContent).not.toContain('\u202E');
  });

  it('has accessible loading, empty, error and data states', { timeout: 30_000 }, async () => {
    for (const props of [
      { rows: [], loading: true },
      { rows: [] },
      { rows: [], error: new Error('offline') },
      { rows: queueItems(12), departments },
      { rows: queueItems(12), filter: { search: 'nothing like this' } },
      { rows: queueItems(12), theme: 'dark' as const },
    ]) {
      const { container, unmount } = render(<TriageQueue now={T0} {...props} />);
      expect(await axe(container)).toHaveNoViolations();
      unmount();
    }
  });

  it('renders on the server with its first rows', () => {
    const html = renderToString(<TriageQueue rows={queueItems(1000)} now={T0} />);
    expect(html).toContain('role="grid"');
    expect(html).toContain('customer0');
    expect(html).not.toContain('customer999');
  });

  it('filterRows is linear and keeps order', () => {
    const rows = queueItems(100);
    const out = filterRows(rows, { bands: ['critical'], statuses: ['breached', 'none'] });
    expect(out.every((r) => r.band === 'critical')).toBe(true);
    expect(out.map((r) => r.position)).toEqual(
      [...out.map((r) => r.position)].sort((a, b) => a - b),
    );
  });
});
