import type { Meta, StoryObj } from '@storybook/react-vite';
import { RapportProvider, SlaTimer, type SlaTimerProps } from '@rapport/react';
import { useState } from 'react';
import { expect, userEvent, within } from 'storybook/test';
import { Frame } from '../../support/decorators';
import { createManualClock } from '../../support/manualClock';

/** A fixed moment, so every story shows the same countdown (and the tests cannot flake). */
const NOW = Date.parse('2026-11-20T10:00:00Z');
const MINUTE = 60_000;

type Args = SlaTimerProps & {
  /** Minutes until the target is due (negative: already overdue). */
  minutesLeft: number;
};

const meta = {
  title: 'Widgets/SlaTimer',
  component: SlaTimer,
  args: { minutesLeft: 42, target: 'First response', now: NOW, warningMs: 15 * MINUTE },
  argTypes: {
    minutesLeft: {
      control: { type: 'range', min: -180, max: 240, step: 1 },
      description: 'Story control: minutes until `dueAt` (negative is overdue).',
    },
    status: {
      control: 'select',
      options: [undefined, 'pending', 'warning', 'breached', 'met', 'paused'],
    },
    warningMs: { control: { type: 'number', step: MINUTE } },
    remainingMs: { control: { type: 'number', step: MINUTE } },
    dueAt: { control: false },
    now: { control: false },
  },
  render: ({ minutesLeft, ...props }) => <SlaTimer {...props} dueAt={NOW + minutesLeft * MINUTE} />,
  parameters: {
    docs: {
      description: {
        component: [
          'A live countdown to a response-time target, as a `timer` with an accessible name such as',
          '"First response: 42m 00s left". Pass `dueAt` and `status` from the core\'s `computeSla(...)`;',
          'without `status` it turns to **warning** when less than `warningMs` is left (default 15 minutes) and',
          'to **breached** after the deadline. **met** and **paused** stop the clock.',
          '',
          'All timers read one shared clock (from `RapportProvider`, or a default one ticking each second), so a',
          'queue of thousands of rows re-renders only its timers. Pass `now` to freeze it, as these stories do.',
        ].join(' '),
      },
    },
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvasElement }) => {
    const timer = within(canvasElement).getByRole('timer');
    await expect(timer).toHaveAccessibleName('First response: 42m 0s left');
    await expect(timer).toHaveAttribute('data-status', 'pending');
  },
};

/** Less than 15 minutes left: the timer warns. */
export const Warning: Story = {
  args: { minutesLeft: 9 },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('timer')).toHaveAttribute(
      'data-status',
      'warning',
    );
  },
};

/** Past the deadline: it counts how late the answer is. */
export const Breached: Story = {
  args: { minutesLeft: -75, target: 'Public acknowledgement' },
  play: async ({ canvasElement }) => {
    const timer = within(canvasElement).getByRole('timer');
    await expect(timer).toHaveAttribute('data-status', 'breached');
    await expect(timer).toHaveTextContent('1h 15m overdue');
  },
};

/** Answered in time: the clock stopped. */
export const Met: Story = { args: { status: 'met' } };

/** Waiting on the customer: the clock is paused with the time that was left. */
export const Paused: Story = { args: { status: 'paused', remainingMs: 23 * MINUTE } };

/** No deadline known (empty state): it says so rather than showing NaN. */
export const NoTarget: Story = {
  render: (args) => <SlaTimer {...args} dueAt={undefined} />,
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('timer')).toHaveTextContent('No target');
  },
};

/** Unreadable input (error state): an invalid date shows "No target", never "NaN". */
export const InvalidDate: Story = {
  render: (args) => <SlaTimer {...args} dueAt="not a date" />,
  play: async ({ canvasElement }) => {
    await expect(canvasElement.textContent).not.toContain('NaN');
  },
};

/** Long targets: days left on a resolution target. */
export const DaysLeft: Story = { args: { minutesLeft: 3 * 24 * 60 + 125, target: 'Resolution' } };

/** Not frozen: ticks every second from the real clock (the due time is set when the story loads). */
export const Live: Story = {
  args: { now: undefined },
  render: function LiveTimer({ minutesLeft, ...props }) {
    const [due] = useState(() => Date.now() + minutesLeft * MINUTE);
    return <SlaTimer {...props} dueAt={due} />;
  },
};

/** Move the clock forward and watch the timer warn, then breach. */
export const AdvanceTheClock: Story = {
  args: { minutesLeft: 20, now: undefined },
  render: function Advancing({ minutesLeft, ...props }) {
    const [clock] = useState(() => createManualClock(NOW));
    return (
      <RapportProvider clock={clock}>
        <div style={{ display: 'flex', gap: 12, alignItems: 'center' }}>
          <SlaTimer {...props} dueAt={NOW + minutesLeft * MINUTE} />
          <button type="button" onClick={() => clock.advance(10 * MINUTE)}>
            +10 minutes
          </button>
        </div>
      </RapportProvider>
    );
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const timer = canvas.getByRole('timer');
    await expect(timer).toHaveAttribute('data-status', 'pending');
    await userEvent.click(canvas.getByRole('button', { name: '+10 minutes' }));
    await expect(timer).toHaveAttribute('data-status', 'warning');
    await expect(timer).toHaveTextContent('10m 0s left');
    await userEvent.click(canvas.getByRole('button', { name: '+10 minutes' }));
    await userEvent.click(canvas.getByRole('button', { name: '+10 minutes' }));
    await expect(timer).toHaveAttribute('data-status', 'breached');
    await expect(timer).toHaveTextContent('10m 0s overdue');
  },
};

/** Every label can be translated. */
export const Translated: Story = {
  args: {
    locale: 'de-DE',
    target: 'Erste Antwort',
    labels: { left: 'noch {time}', overdue: '{time} überfällig', aria: '{target}: {state}' },
  },
};

export const DarkTheme: Story = { globals: { theme: 'dark' }, args: { minutesLeft: 9 } };

export const RightToLeft: Story = {
  globals: { dir: 'rtl' },
  args: {
    locale: 'ar-EG',
    target: 'الرد الأول',
    labels: { left: 'متبقٍ {time}', overdue: 'متأخر {time}' },
  },
};

/** A column of 200 timers sharing one clock, as in a busy queue. */
export const Dense: Story = {
  render: (args) => (
    <ul style={{ columns: 4, margin: 0, padding: 0, listStyle: 'none' }}>
      {Array.from({ length: 200 }, (_, i) => (
        <li key={i}>
          <SlaTimer {...args} dueAt={NOW + (i - 60) * 3 * MINUTE} />
        </li>
      ))}
    </ul>
  ),
};

const states: { name: string; props: Partial<SlaTimerProps>; minutes: number }[] = [
  { name: 'Pending', props: {}, minutes: 42 },
  { name: 'Warning', props: {}, minutes: 9 },
  { name: 'Breached', props: {}, minutes: -75 },
  { name: 'Met', props: { status: 'met' }, minutes: 0 },
  { name: 'Paused', props: { status: 'paused', remainingMs: 23 * MINUTE }, minutes: 0 },
];

export const AllStates: Story = {
  parameters: { rapportFrame: false },
  render: () => (
    <div style={{ display: 'grid', gap: 12 }}>
      {(['light', 'dark'] as const).map((theme) =>
        (['ltr', 'rtl'] as const).map((dir) => (
          <Frame key={`${theme}-${dir}`} theme={theme} dir={dir} caption={`${theme}, ${dir}`}>
            <dl
              style={{
                display: 'grid',
                gridTemplateColumns: 'auto 1fr',
                gap: '4px 16px',
                margin: 0,
              }}
            >
              {states.map((s) => (
                <div key={s.name} style={{ display: 'contents' }}>
                  <dt>{s.name}</dt>
                  <dd style={{ margin: 0 }}>
                    <SlaTimer now={NOW} dueAt={NOW + s.minutes * MINUTE} {...s.props} />
                  </dd>
                </div>
              ))}
              <dt>No target</dt>
              <dd style={{ margin: 0 }}>
                <SlaTimer now={NOW} />
              </dd>
            </dl>
          </Frame>
        )),
      )}
    </div>
  ),
};
