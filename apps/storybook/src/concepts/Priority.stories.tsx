import type { Meta, StoryObj } from '@storybook/react-vite';
import {
  PLATFORMS,
  routeMention,
  scoreMention,
  type Channel,
  type Mention,
  type Platform,
} from '@rapport/core';
import { ScoreBadge } from '@rapport/react';
import { useMemo, useState } from 'react';
import { expect, userEvent, within } from 'storybook/test';
import { departmentNames } from '../support/world';
import { Columns, Field, field } from './ui';

const NOW = Date.parse('2026-11-20T10:00:00Z');

interface Draft {
  text: string;
  followers: number;
  channel: Channel;
  platform: Platform;
  reposts: number;
  minutesWaiting: number;
  lifetimeValue: number;
}

const initial: Draft = {
  text: 'My parcel never arrived and nobody answers. Where is my order??',
  followers: 1200,
  channel: 'public',
  platform: 'x',
  reposts: 3,
  minutesWaiting: 45,
  lifetimeValue: 250,
};

function toMention(d: Draft): Mention {
  return {
    id: 'concept-1',
    platform: d.platform,
    channel: d.channel,
    direction: 'inbound',
    author: {
      id: 'dana',
      handle: 'dana',
      followers: d.followers,
      verified: false,
      isStaff: false,
      isBrand: false,
      isBot: false,
      lifetimeValue: d.lifetimeValue,
    },
    text: d.text,
    createdAt: new Date(NOW - d.minutesWaiting * 60_000).toISOString(),
    metrics: {
      likes: d.reposts * 4,
      replies: 0,
      reposts: d.reposts,
      quotes: 0,
      views: d.followers * 2,
    },
  };
}

/** Edit a mention and watch `scoreMention` and `routeMention` explain themselves. */
function PriorityPlayground() {
  const [draft, setDraft] = useState(initial);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const mention = useMemo(() => toMention(draft), [draft]);
  const score = useMemo(() => scoreMention(mention, { now: NOW }), [mention]);
  const routing = useMemo(() => routeMention(mention, undefined, score.signals), [mention, score]);
  return (
    <Columns>
      <form style={{ display: 'grid', gap: 12 }} onSubmit={(e) => e.preventDefault()}>
        <Field label="Message">
          <textarea
            rows={4}
            style={field}
            value={draft.text}
            onChange={(e) => set('text', e.target.value)}
          />
        </Field>
        <Field label="Channel">
          <select
            style={field}
            value={draft.channel}
            onChange={(e) => set('channel', e.target.value as Channel)}
          >
            <option value="public">Public (everyone can see it)</option>
            <option value="private">Private (DM, email, chat)</option>
          </select>
        </Field>
        <Field label="Platform">
          <select
            style={field}
            value={draft.platform}
            onChange={(e) => set('platform', e.target.value as Platform)}
          >
            {PLATFORMS.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </Field>
        <Field label={`Followers: ${draft.followers.toLocaleString('en-US')}`}>
          <input
            type="range"
            min={0}
            max={500_000}
            step={100}
            value={draft.followers}
            onChange={(e) => set('followers', Number(e.target.value))}
          />
        </Field>
        <Field label={`Reposts so far: ${draft.reposts}`}>
          <input
            type="range"
            min={0}
            max={500}
            value={draft.reposts}
            onChange={(e) => set('reposts', Number(e.target.value))}
          />
        </Field>
        <Field label={`Minutes waiting: ${draft.minutesWaiting}`}>
          <input
            type="range"
            min={0}
            max={24 * 60}
            step={5}
            value={draft.minutesWaiting}
            onChange={(e) => set('minutesWaiting', Number(e.target.value))}
          />
        </Field>
        <Field label={`Customer lifetime value: ${draft.lifetimeValue}`}>
          <input
            type="range"
            min={0}
            max={5000}
            step={50}
            value={draft.lifetimeValue}
            onChange={(e) => set('lifetimeValue', Number(e.target.value))}
          />
        </Field>
      </form>
      <section aria-label="Score">
        <h2 style={{ fontSize: 18, margin: '0 0 8px' }}>
          <ScoreBadge priority={score.priority} band={score.band} />
        </h2>
        <table style={{ borderCollapse: 'collapse', width: '100%' }}>
          <caption style={{ textAlign: 'start', fontWeight: 600, padding: '4px 0' }}>
            Why this priority (the points add up to {score.priority})
          </caption>
          <thead>
            <tr>
              <th scope="col" style={{ textAlign: 'start' }}>
                Factor
              </th>
              <th scope="col" style={{ textAlign: 'end' }}>
                Points
              </th>
              <th scope="col" style={{ textAlign: 'start', paddingInlineStart: 12 }}>
                Because
              </th>
            </tr>
          </thead>
          <tbody data-testid="reasons">
            {score.reasons.map((r) => (
              <tr key={r.factor} style={{ borderTop: '1px solid var(--rapport-border)' }}>
                <th scope="row" style={{ textAlign: 'start', fontWeight: 400 }}>
                  {r.factor.replace('_', ' ')}
                </th>
                <td style={{ textAlign: 'end', fontVariantNumeric: 'tabular-nums' }}>
                  {r.contribution > 0 ? '+' : ''}
                  {r.contribution}
                </td>
                <td style={{ paddingInlineStart: 12 }}>{r.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h3 style={{ fontSize: 16 }}>
          Routed to {departmentNames[routing.department] ?? routing.department}
        </h3>
        <ul data-testid="routing">
          {routing.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
        <p>
          Sentiment {score.signals.sentiment.label} ({score.signals.sentiment.score.toFixed(2)}),
          urgency {Math.round(score.signals.urgency * 100)}%.
        </p>
      </section>
    </Columns>
  );
}

const meta = {
  title: 'Concepts/How a priority is computed',
  component: PriorityPlayground,
  parameters: {
    docs: {
      description: {
        component: `
Every mention gets a **priority from 0 to 100** and a band (critical from 75, high from 50, normal from 25, low
below), computed by \`scoreMention(mention, { now })\`. The score is a sum of **reasons**, each a factor with the
points it added and why, in plain words, so the points always add up to the priority:

- **sentiment**: how negative the text reads (a complaint need not be angry: "my package never arrived" is neutral
  in tone and still a complaint);
- **intents**: what it is about (a delivery problem, a bill, a bug, someone who wants to buy…);
- **urgency**: waiting, chasing, deadlines, safety, legal threats, "cancel my account";
- **exposure**: who may be watching: public or private, the author's followers (log-scaled), engagement so far and
  how fast it grows;
- **customer value**, **waiting time**, **repeated contact**, and **crisis** signals; spam loses points.

Then \`routeMention\` sends it to the department that can act (service, product, sales, logistics, HR, marketing
last) and says why. Edit the message below: make it private, give the author 200,000 followers, let it wait a
day, and watch the reasons change.`,
      },
    },
  },
} satisfies Meta<typeof PriorityPlayground>;

export default meta;
type Story = StoryObj<typeof meta>;

const priorityOf = (el: HTMLElement) =>
  Number(
    /Priority (\d+)/.exec(
      within(el).getAllByRole('status')[0]!.getAttribute('aria-label') ?? '',
    )?.[1],
  );

export const Playground: Story = {
  play: async ({ canvasElement, step }) => {
    const canvas = within(canvasElement);
    const start = priorityOf(canvasElement);
    await expect(canvas.getByTestId('routing')).toHaveTextContent(/Logistics/);
    await step('a calm question scores lower than the complaint', async () => {
      const box = canvas.getByRole('textbox', { name: 'Message' });
      await userEvent.clear(box);
      await userEvent.type(box, 'Do you sell the enamel roasting tin in blue?');
      await expect(priorityOf(canvasElement)).toBeLessThan(start);
    });
    await step('going private removes the exposure points', async () => {
      const reasons = () => canvas.getByTestId('reasons').textContent ?? '';
      await userEvent.type(
        canvas.getByRole('textbox', { name: 'Message' }),
        ' My parcel never arrived!!',
      );
      await expect(reasons()).toMatch(/public/);
      await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Channel' }), 'private');
      await expect(reasons()).not.toMatch(/public/);
    });
  },
};
