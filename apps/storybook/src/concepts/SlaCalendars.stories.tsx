import type { Meta, StoryObj } from '@storybook/react-vite';
import { computeSla, type Calendar, type Mention, type SlaPolicy } from '@rapport/core';
import { SlaTimer } from '@rapport/react';
import { useMemo, useState } from 'react';
import { expect, userEvent, within } from 'storybook/test';
import { Columns, Field, field } from './ui';

const officeHours: Calendar = {
  id: 'london-office',
  timeZone: 'Europe/London',
  week: {
    mon: [{ start: '09:00', end: '17:30' }],
    tue: [{ start: '09:00', end: '17:30' }],
    wed: [{ start: '09:00', end: '17:30' }],
    thu: [{ start: '09:00', end: '17:30' }],
    fri: [{ start: '09:00', end: '16:00' }],
  },
  holidays: ['2026-12-25', '2026-12-28'],
};
const splitShift: Calendar = {
  id: 'tokyo-split',
  timeZone: 'Asia/Tokyo',
  week: Object.fromEntries(
    (['mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const).map((d) => [
      d,
      [
        { start: '08:00', end: '12:00' },
        { start: '13:00', end: '20:00' },
      ],
    ]),
  ),
};
const allHours: Calendar = { id: 'always', timeZone: 'UTC', alwaysOpen: true };
const calendars = [
  { calendar: allHours, name: '24/7' },
  { calendar: officeHours, name: 'London office hours (Mon–Fri, Christmas closed)' },
  { calendar: splitShift, name: 'Tokyo split shifts (Mon–Sat, lunch break)' },
];

const moments = {
  'Friday 15:30 London': '2026-11-20T15:30:00Z',
  'Christmas Eve 17:00 London': '2026-12-24T17:00:00Z',
  'Sunday 23:00 London': '2026-11-22T23:00:00Z',
  'Tuesday 10:00 London': '2026-11-24T10:00:00Z',
} as const;

function complaintAt(at: string): Mention {
  return {
    id: 'c1',
    platform: 'x',
    channel: 'public',
    direction: 'inbound',
    author: {
      id: 'u1',
      handle: 'dana',
      followers: 300,
      verified: false,
      isStaff: false,
      isBrand: false,
      isBot: false,
    },
    text: 'My parcel never arrived',
    createdAt: at,
  };
}

/** One complaint, one target, three calendars: when is the answer due? */
function CalendarPlayground() {
  const [moment, setMoment] = useState<keyof typeof moments>('Friday 15:30 London');
  const [target, setTarget] = useState(120);
  const [minutesLater, setMinutesLater] = useState(30);
  const at = moments[moment];
  const now = Date.parse(at) + minutesLater * 60_000;
  const policy: SlaPolicy = useMemo(
    () => ({ id: 'p', targets: { firstResponse: target }, warnAt: [0.75] }),
    [target],
  );
  const fmt = new Intl.DateTimeFormat('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/London',
    timeZoneName: 'short',
  });
  return (
    <Columns>
      <form style={{ display: 'grid', gap: 12 }} onSubmit={(e) => e.preventDefault()}>
        <Field label="The customer writes">
          <select
            style={field}
            value={moment}
            onChange={(e) => setMoment(e.target.value as keyof typeof moments)}
          >
            {Object.keys(moments).map((m) => (
              <option key={m}>{m}</option>
            ))}
          </select>
        </Field>
        <Field label={`First-response target: ${target} minutes of business time`}>
          <input
            type="range"
            min={15}
            max={480}
            step={15}
            value={target}
            onChange={(e) => setTarget(Number(e.target.value))}
          />
        </Field>
        <Field label={`Now: ${minutesLater} minutes after the message`}>
          <input
            type="range"
            min={0}
            max={4 * 24 * 60}
            step={15}
            value={minutesLater}
            onChange={(e) => setMinutesLater(Number(e.target.value))}
          />
        </Field>
      </form>
      <table style={{ borderCollapse: 'collapse' }}>
        <caption style={{ textAlign: 'start', fontWeight: 600, padding: '4px 0' }}>
          When the answer is due
        </caption>
        <thead>
          <tr>
            <th scope="col" style={{ textAlign: 'start' }}>
              Calendar
            </th>
            <th scope="col" style={{ textAlign: 'start' }}>
              Due (London time)
            </th>
            <th scope="col" style={{ textAlign: 'start' }}>
              Now
            </th>
          </tr>
        </thead>
        <tbody>
          {calendars.map(({ calendar, name }) => {
            const state = computeSla(
              { mentions: [complaintAt(at)], channel: 'public' },
              policy,
              calendar,
              now,
            );
            const clock = state.clocks.find((c) => c.target === 'first_response');
            return (
              <tr
                key={calendar.id}
                data-calendar={calendar.id}
                style={{ borderTop: '1px solid var(--rapport-border)' }}
              >
                <th
                  scope="row"
                  style={{ textAlign: 'start', fontWeight: 400, paddingInlineEnd: 12 }}
                >
                  {name}
                </th>
                <td data-testid={`due-${calendar.id}`} style={{ paddingInlineEnd: 12 }}>
                  {clock?.dueAt ? fmt.format(Date.parse(clock.dueAt)) : 'no working time ahead'}
                </td>
                <td>
                  <SlaTimer
                    dueAt={clock?.dueAt}
                    status={clock?.status}
                    now={now}
                    target={`First response, ${name}`}
                    locale="en-GB"
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </Columns>
  );
}

const meta = {
  title: 'Concepts/SLA calendars',
  component: CalendarPlayground,
  parameters: {
    docs: {
      description: {
        component: `
A response-time target counts **business time** on a calendar: a time zone, one or more working intervals per day,
holidays and one-off overrides, or 24/7. \`computeSla(conversation, policy, calendar, now)\` returns each clock's
\`dueAt\`, time left, status (pending, warning, breached, met, paused) and an event log. The clock starts at the
customer's first message; a bot's "thanks, we'll get back to you" does not stop it; resolving stops every clock.
Public complaints also get a **public acknowledgement** target (60 minutes by default: many people who complain
in public expect an answer within the hour). Deadlines are DST-correct and checked against a minute-by-minute
oracle in the core's tests.

Pick when the customer writes and the target, and compare the due times: a Friday-afternoon message on London
office hours is due on Monday; Christmas is closed; split shifts skip the lunch break.`,
      },
    },
  },
} satisfies Meta<typeof CalendarPlayground>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Playground: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByTestId('due-always')).toHaveTextContent(/Fri/);
    await expect(canvas.getByTestId('due-london-office')).toHaveTextContent(/Mon/);
    await userEvent.selectOptions(
      canvas.getByRole('combobox', { name: 'The customer writes' }),
      'Christmas Eve 17:00 London',
    );
    await expect(canvas.getByTestId('due-london-office')).toHaveTextContent(/Tue 29 Dec/);
  },
};
