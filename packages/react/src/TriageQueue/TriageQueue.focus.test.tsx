// TriageQueue: focus, selection, filter pickers, locale sorting and blank names (found by an audit; each failed
// on the code before its fix).
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { QueueItem } from '@rapport/core';
import { queueItems, T0 } from '../test/fixtures';
import { ResolvingQueue } from '../test/queue';
import { TriageQueue } from './TriageQueue';

function bodyRows() {
  return screen.getAllByRole('row').filter((r) => r.getAttribute('aria-rowindex') !== '1');
}
function customers() {
  return bodyRows().map(
    (r) =>
      within(r)
        .getAllByRole('gridcell')[4]!
        .textContent!.split(/Repeat|Irate|Superfan/)[0],
  );
}

describe('TriageQueue: focus, selection, pickers, sorting and names', () => {
  it('resolving the last conversation from the keyboard keeps focus in the widget', async () => {
    const user = userEvent.setup();
    const { container } = render(<ResolvingQueue count={2} />);
    const grid = screen.getByRole('grid');
    act(() => grid.focus());
    await user.keyboard('r');
    expect(container.contains(document.activeElement)).toBe(true); // one row left: fine
    await user.keyboard('r'); // the last one
    expect(
      screen.getByText('Nobody is waiting. Every conversation has been answered.'),
    ).toBeTruthy();
    // Not dropped to <body>, where the next Tab would start from the top of the page.
    expect(document.activeElement).not.toBe(document.body);
    expect(container.contains(document.activeElement)).toBe(true);
  });

  it('the "N selected" count and onSelectionChange do not include conversations no longer in the queue', async () => {
    const user = userEvent.setup();
    const changes: string[][] = [];
    render(<ResolvingQueue count={5} onSelectionChange={(ids) => changes.push(ids)} />);
    const grid = screen.getByRole('grid');
    act(() => grid.focus());
    await user.keyboard(' '); // select c0
    await user.keyboard('r'); // resolve c0: it leaves the queue
    // Nothing in the list is selected any more.
    expect(screen.getByText(/of 4 conversations/).textContent).toBe(
      '4 of 4 conversations, 0 selected',
    );
    // A bulk action on the next selection does not include the resolved conversation.
    await user.keyboard(' ');
    expect(changes.at(-1)).toEqual(['c1']);
  });

  it('the Priority and Status pickers do not claim "All" when the filter keeps several values', () => {
    render(
      <TriageQueue
        rows={queueItems(40)}
        now={T0}
        defaultFilter={{ bands: ['critical', 'high'] }}
      />,
    );
    const band = screen.getByRole('combobox', { name: 'Priority' }) as HTMLSelectElement;
    // Only critical and high rows are listed…
    expect(bodyRows().every((r) => /Critical|High/.test(r.textContent!))).toBe(true);
    // The picker does not claim "All priorities".
    expect(band.selectedOptions[0]!.textContent).not.toBe('All priorities');
  });

  it('sorting by Customer follows the locale (É sorts with E, not after z)', async () => {
    const user = userEvent.setup();
    const names = ['Émile', 'Zoé', 'Ana', 'édouard', 'Bob'];
    const items: QueueItem[] = queueItems(5).map((q, i) => ({
      ...q,
      flags: [],
      customer: { ...q.customer, handle: '', name: names[i]! },
    }));
    render(<TriageQueue rows={items} now={T0} locale="fr-FR" />);
    await user.click(screen.getByRole('button', { name: 'Customer' }));
    expect(customers()).toEqual(['Ana', 'Bob', 'édouard', 'Émile', 'Zoé']);
  });

  it('a customer whose name is blank (CSV import) is shown by id, not as an empty cell', () => {
    const [a, b] = queueItems(2);
    const rows = [
      { ...a!, flags: [], customer: { ...a!.customer, id: 'cust-17', handle: '', name: '   ' } },
      { ...b!, flags: [], customer: { ...b!.customer, id: 'cust-18', handle: '\u200B', name: '' } },
    ];
    render(<TriageQueue rows={rows} now={T0} />);
    expect(customers().map((t) => t!.trim().replace(/\u200B/g, ''))).toEqual([
      'cust-17',
      'cust-18',
    ]);
    expect(screen.getByRole('checkbox', { name: 'Select conversation from cust-17' })).toBeTruthy();
  });

  it('shows each row’s priority without making every row a live region', () => {
    render(<TriageQueue rows={queueItems(20)} now={T0} />);
    const grid = screen.getByRole('grid');
    expect(within(grid).queryAllByRole('status')).toHaveLength(0);
    expect(within(bodyRows()[0]!).getByRole('img').getAttribute('aria-label')).toMatch(
      /^Priority \d+ of 100/,
    );
  });

  it('after clicking "Why this priority?", the arrow keys and Escape still work', async () => {
    const user = userEvent.setup();
    render(<TriageQueue rows={queueItems(8)} now={T0} />);
    const grid = screen.getByRole('grid');
    await user.click(within(bodyRows()[2]!).getByRole('button', { name: 'Why this priority?' }));
    expect(screen.getByRole('region', { name: /Why this priority/ })).toBeTruthy();
    expect(grid.getAttribute('aria-activedescendant')).toContain('c2');
    await user.keyboard('{ArrowDown}');
    expect(grid.getAttribute('aria-activedescendant')).toContain('c3');
  });

  it('Escape after clicking "Why this priority?" closes the panel', async () => {
    const user = userEvent.setup();
    render(<TriageQueue rows={queueItems(8)} now={T0} />);
    await user.click(within(bodyRows()[2]!).getByRole('button', { name: 'Why this priority?' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('region', { name: /Why this priority/ })).toBeNull();
  });
});
