import type { Meta, StoryObj } from '@storybook/react-vite';
import type { QueueItem } from '@rapport/core';
import { TriageQueue } from '@rapport/react';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { AllStatesGrid } from '../../support/AllStates';
import { hostile, hostileHandles, rtlText } from '../../support/hostile';
import { expectInert, trapAlerts } from '../../support/inert';
import {
  departments,
  INCIDENT_NOW,
  MINUTE,
  queueOf,
  sampleWorld,
  triageAt,
} from '../../support/world';

let incidentRows: QueueItem[] | undefined;
/** The queue in the middle of the sample's delivery incident (computed once per page). */
function incidentQueue(): QueueItem[] {
  incidentRows ??= queueOf(triageAt(INCIDENT_NOW), INCIDENT_NOW);
  return incidentRows;
}

/** `count` rows cloned from the sample queue with fresh ids, for the 100,000-row story. */
function manyRows(count: number): QueueItem[] {
  const base = incidentQueue();
  return Array.from({ length: count }, (_, i) => {
    const row = base[i % base.length]!;
    return {
      ...row,
      conversationId: `${row.conversationId}~${i}`,
      position: i + 1,
      priority: (row.priority + i * 7) % 101,
    };
  });
}

function hostileRows(): QueueItem[] {
  const base = incidentQueue();
  const texts = [
    hostile.markup,
    hostile.scriptLink,
    hostile.rtlOverride,
    hostile.zeroWidth,
    hostile.emoji,
    hostile.long,
  ];
  return texts.map((text, i) => {
    const row = base[i]!;
    return {
      ...row,
      conversationId: `hostile-${i}`,
      preview: text.slice(0, 280),
      reasons: [text],
      customer: {
        ...row.customer,
        handle: i % 2 === 0 ? hostileHandles.rtl : hostileHandles.unbroken,
        name: hostile.markup,
      },
      tags: ['<script>alert(1)</script>'],
    };
  });
}

function rtlRows(): QueueItem[] {
  const base = incidentQueue().slice(0, 12);
  const arabic = sampleWorld().mentions.filter((m) => m.tags?.includes('story:rtl'));
  return base.map((row, i) => ({
    ...row,
    preview:
      i % 3 === 0
        ? rtlText.arabic
        : i % 3 === 1
          ? rtlText.hebrew
          : (arabic[i % Math.max(1, arabic.length)]?.text ?? rtlText.arabic),
  }));
}

const superfanIds = () => sampleWorld().superfans.map((a) => a.id);

const meta = {
  title: 'Widgets/TriageQueue',
  component: TriageQueue,
  args: {
    rows: [],
    departments,
    now: INCIDENT_NOW,
    height: 420,
    onOpen: fn(),
    onAssign: fn(),
    onResolve: fn(),
    onFilterChange: fn(),
    onSortingChange: fn(),
    onSelectionChange: fn(),
  },
  argTypes: {
    rows: { control: false },
    departments: { control: false },
    now: { control: 'date' },
    height: { control: { type: 'range', min: 160, max: 800, step: 20 } },
    rowHeight: { control: { type: 'range', min: 32, max: 72, step: 2 } },
    hideToolbar: { control: 'boolean' },
    loading: { control: 'boolean' },
    error: { control: 'text' },
  },
  // Rows are built from the sample world at render time (not in args), so the Controls panel stays light.
  render: (args) => (
    <TriageQueue
      {...args}
      rows={args.rows.length > 0 ? args.rows : incidentQueue()}
      superfans={superfanIds()}
    />
  ),
  parameters: {
    docs: {
      description: {
        component: [
          "The triage inbox: every open conversation, most urgent first by the core's rule (time left before the",
          'response-time target breaches, brought forward one minute per priority point). Columns: priority with',
          '"why this priority?", the live SLA countdown, department, customer (repeat, irate and superfan markers),',
          'platform, message and waiting time. Click a header to sort; filter by department, priority and response',
          'status, or search. Keyboard: ↑/↓, Page Up/Down, Home/End move; Enter opens; Space selects; A assigns;',
          'R resolves; ? explains. Virtualised: 100,000 rows keep fewer than 100 in the page.',
          '',
          'These stories show the sample world at 15:00 on 18 October, in the middle of the courier-hub incident.',
          'Pass `rows` from `triage.queue(now)` or `useTriage`; pass `now` to freeze the timers.',
        ].join(' '),
      },
    },
  },
} satisfies Meta<typeof TriageQueue>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const grid = canvas.getByRole('grid', { name: 'Triage queue' });
    const total = incidentQueue().length;
    await expect(canvas.getByText(`${total} of ${total} conversations, 0 selected`)).toBeVisible();
    await expect(within(grid).getAllByRole('timer').length).toBeGreaterThan(0);
    // Nothing is cut off: every header, and every countdown in the "Due" column, fits its cell and row.
    for (const header of within(grid).getAllByRole('columnheader')) {
      await expect(header.scrollWidth, header.textContent ?? '').toBeLessThanOrEqual(
        header.clientWidth,
      );
    }
    for (const timer of within(grid).getAllByRole('timer')) {
      const cell = timer.closest<HTMLElement>('[role="gridcell"]')!;
      const row = cell.closest<HTMLElement>('[role="row"]')!.getBoundingClientRect();
      const box = timer.getBoundingClientRect();
      await expect(cell.scrollWidth, timer.textContent ?? '').toBeLessThanOrEqual(cell.clientWidth);
      await expect(box.top).toBeGreaterThanOrEqual(row.top);
      await expect(box.bottom).toBeLessThanOrEqual(row.bottom);
    }
  },
};

/** Sort by priority: the most urgent first, then the least. */
export const SortByPriority: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const header = canvas.getByRole('columnheader', { name: /Priority/ });
    await userEvent.click(within(header).getByRole('button'));
    await waitFor(() => expect(header).toHaveAttribute('aria-sort'));
    await expect(args.onSortingChange).toHaveBeenCalled();
    const sortedDesc = header.getAttribute('aria-sort') === 'descending';
    const priorities = () =>
      within(canvas.getByRole('grid'))
        .getAllByRole('img')
        .map((badge) => Number(/Priority (\d+)/.exec(badge.getAttribute('aria-label') ?? '')?.[1]))
        .filter((p) => Number.isFinite(p));
    const first = priorities();
    const expected = [...first].sort((a, b) => (sortedDesc ? b - a : a - b));
    await expect(first).toEqual(expected);
  },
};

/** Filter to one department, one priority band, and search the text. */
export const FilterAndSearch: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const rows = incidentQueue();
    const logistics = rows.filter((r) => r.department === 'logistics').length;
    await userEvent.selectOptions(
      canvas.getByRole('combobox', { name: 'Department' }),
      'logistics',
    );
    await expect(args.onFilterChange).toHaveBeenLastCalledWith(
      expect.objectContaining({ departments: ['logistics'] }),
    );
    await expect(
      canvas.getByText(`${logistics} of ${rows.length} conversations, 0 selected`),
    ).toBeVisible();
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Department' }), '');
    await userEvent.type(canvas.getByRole('searchbox'), 'zzz-no-such-text');
    await expect(canvas.getByText(`0 of ${rows.length} conversations, 0 selected`)).toBeVisible();
    await userEvent.clear(canvas.getByRole('searchbox'));
    await expect(
      canvas.getByText(`${rows.length} of ${rows.length} conversations, 0 selected`),
    ).toBeVisible();
  },
};

/** Keyboard: move with the arrows, open with Enter, select with Space; "why this priority?" explains. */
export const KeyboardAndWhy: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const grid = canvas.getByRole('grid', { name: 'Triage queue' });
    grid.focus();
    await userEvent.keyboard('{ArrowDown}');
    await userEvent.keyboard('{Enter}');
    await expect(args.onOpen).toHaveBeenCalledTimes(1);
    const opened = (args.onOpen as ReturnType<typeof fn>).mock.calls[0]![0] as QueueItem;
    await expect(opened.conversationId).toBe(incidentQueue()[1]!.conversationId);
    await userEvent.keyboard(' ');
    await expect(canvas.getByText(/, 1 selected$/)).toBeVisible();
    await userEvent.click(within(grid).getAllByRole('button', { name: 'Why this priority?' })[0]!);
    const why = await canvas.findByRole('region', { name: /^Why this priority:/ });
    await expect(within(why).getAllByRole('listitem').length).toBeGreaterThan(0);
  },
};

/** Opened pre-filtered (uncontrolled `defaultFilter`): only the breached conversations. */
export const BreachedOnly: Story = { args: { defaultFilter: { statuses: ['breached'] } } };

/** Without the toolbar, for apps that have their own filters. */
export const WithoutToolbar: Story = { args: { hideToolbar: true } };

/** Not frozen: the SLA timers tick every second from the real clock. */
export const LiveTimers: Story = {
  args: { now: undefined },
  render: (args) => {
    const shift = Date.now() - INCIDENT_NOW;
    const rows = incidentQueue().map((r) => ({
      ...r,
      waitingSince: new Date(Date.parse(r.waitingSince) + shift).toISOString(),
      sla: r.sla && { ...r.sla, dueAt: new Date(Date.parse(r.sla.dueAt) + shift).toISOString() },
    }));
    return <TriageQueue {...args} rows={rows} />;
  },
};

export const Empty: Story = { render: (args) => <TriageQueue {...args} rows={[]} /> };
export const Loading: Story = { args: { loading: true } };
export const ErrorState: Story = {
  name: 'Error',
  args: { error: 'The queue could not be loaded: the triage service did not answer.' },
};

/** 100,000 open conversations: virtualised, so fewer than 100 rows are in the page. */
export const Dense: Story = {
  render: (args) => <TriageQueue {...args} rows={manyRows(100_000)} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('100,000 of 100,000 conversations, 0 selected')).toBeVisible();
    await expect(canvas.getAllByRole('row').length).toBeLessThan(100);
  },
};

/** Markup, script links, direction overrides, zero-width characters and 5,000 characters, all inert. */
export const HostileText: Story = {
  beforeEach: trapAlerts,
  render: (args) => <TriageQueue {...args} rows={hostileRows()} />,
  play: async ({ canvasElement }) => {
    await expectInert(canvasElement, {
      literal: ['<img src=x onerror=alert(1)>', 'javascript:alert(document.cookie)'],
      isolated: ['nimda_laiciffo', 'gnp.exe'],
    });
    await expect(canvasElement.textContent).not.toContain('@@');
  },
};

export const DarkTheme: Story = { globals: { theme: 'dark' } };

/** Right to left, with Arabic and Hebrew messages. */
export const RightToLeft: Story = {
  globals: { dir: 'rtl' },
  render: (args) => <TriageQueue {...args} rows={rtlRows()} locale="ar-EG" />,
};

const title = (name: string) => ({ title: `Triage queue: ${name}` });

/**
 * Every state on one page. Only the first queue shows its toolbar, to keep the page short (each toolbar is a
 * `search` landmark named after its queue's title, so several on one page are told apart).
 */
export const AllStates: Story = {
  parameters: { rapportFrame: false },
  render: () => {
    const rows = incidentQueue().slice(0, 6);
    return (
      <AllStatesGrid
        columns={1}
        states={[
          {
            name: 'Default',
            node: (
              <TriageQueue rows={rows} now={INCIDENT_NOW} height={260} labels={title('default')} />
            ),
          },
          { name: 'Empty', node: <TriageQueue rows={[]} hideToolbar labels={title('empty')} /> },
          {
            name: 'Loading',
            node: <TriageQueue rows={[]} loading hideToolbar labels={title('loading')} />,
          },
          {
            name: 'Error',
            node: (
              <TriageQueue
                rows={[]}
                error="The queue could not be loaded."
                hideToolbar
                labels={title('error')}
              />
            ),
          },
          {
            name: 'Hostile text',
            node: (
              <TriageQueue
                rows={hostileRows()}
                now={INCIDENT_NOW}
                height={260}
                hideToolbar
                labels={title('hostile')}
              />
            ),
          },
        ]}
        dark={
          <TriageQueue
            rows={rows}
            now={INCIDENT_NOW}
            height={260}
            hideToolbar
            labels={title('dark')}
          />
        }
        rtl={
          <TriageQueue
            rows={rtlRows().slice(0, 6)}
            now={INCIDENT_NOW + 30 * MINUTE}
            height={260}
            locale="ar-EG"
            hideToolbar
            labels={title('right to left')}
          />
        }
      />
    );
  },
};
