import type { Meta, StoryObj } from '@storybook/react-vite';
import { createTriage } from '@rapport/core';
import { ScoreBadge, SlaTimer, useSuperfans, useTriage } from '@rapport/react';
import { useMemo } from 'react';
import { expect, within } from 'storybook/test';
import { sampleInteractionsBatch, SAMPLE_GATE } from '../../support/insights';
import { INCIDENT_NOW, iso, sampleWorld } from '../../support/world';

/**
 * A headless inbox: `useTriage` gives the queue, and the UI is entirely yours (here a plain list that reuses two
 * small widgets). This is the same code as in the Introduction, with a fixed moment.
 */
function MyInbox({ limit }: { limit: number }) {
  const triage = useMemo(() => {
    const t = createTriage({
      slaPolicies: [{ id: 'care', targets: { firstResponse: 120, publicAcknowledgement: 60 } }],
    });
    // `createSampleWorld()` from '@rapport/core/sample', generated once and shared by every story.
    const world = sampleWorld();
    t.ingest(world.mentions.filter((m) => Date.parse(m.createdAt) <= INCIDENT_NOW));
    return t;
  }, []);
  const { queue } = useTriage(triage, { now: INCIDENT_NOW });
  return (
    <section aria-label="My inbox">
      <h2 style={{ fontSize: 18 }}>My inbox: {queue.length} open conversations</h2>
      <ol style={{ display: 'grid', gap: 6, paddingInlineStart: 20 }}>
        {queue.slice(0, limit).map((item) => (
          <li key={item.conversationId}>
            <ScoreBadge priority={item.priority} band={item.band} />{' '}
            {item.sla ? (
              <SlaTimer dueAt={item.sla.dueAt} status={item.sla.status} now={INCIDENT_NOW} />
            ) : null}{' '}
            <bdi>{item.preview.slice(0, 90)}</bdi>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** `useSuperfans` without the leaderboard: just the names and why. */
function MySuperfans({ minPeopleHelped }: { minPeopleHelped: number }) {
  const { interactions, members } = sampleInteractionsBatch();
  const options = useMemo(
    () => ({
      now: iso(Date.parse(sampleWorld().end)),
      members,
      gate: { ...SAMPLE_GATE, minPeopleHelped },
    }),
    [members, minPeopleHelped],
  );
  const staff = useMemo(() => [{ id: 'noor', name: 'Noor' }], []);
  const { report, plan, error } = useSuperfans(interactions, options, staff);
  if (error) return <p role="alert">{error.message}</p>;
  return (
    <section aria-label="My superfans">
      <h2 style={{ fontSize: 18 }}>{plan?.summary}</h2>
      <ul>
        {report?.members
          .filter((m) => m.superfan)
          .map((m) => (
            <li key={m.memberId}>
              <bdi>{m.name ?? m.memberId}</bdi>: {m.reasons.slice(0, 2).join('; ')}
            </li>
          ))}
      </ul>
    </section>
  );
}

const meta = {
  title: 'Hooks/Headless use',
  parameters: {
    docs: {
      description: {
        component: [
          'The hooks bind the core to React without imposing a look: `useTriage(triage, { now })` gives the queue and',
          'workload and re-renders when the triage changes; `useSuperfans(interactions, options, staff)` ranks the',
          'community and plans capacity; `useGoals` and `useSpikes` do the same for goals and spikes. Keep their',
          'inputs stable (`useMemo`). Build your own UI on them, and reuse the small widgets where they fit.',
        ].join(' '),
      },
    },
  },
} satisfies Meta;

export default meta;

export const UseTriage: StoryObj<typeof MyInbox> = {
  args: { limit: 10 },
  argTypes: { limit: { control: { type: 'range', min: 1, max: 50 } } },
  render: (args) => <MyInbox {...args} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(
      canvas.getByRole('heading', { name: /^My inbox: \d+ open conversations$/ }),
    ).toBeVisible();
    await expect(canvas.getAllByRole('listitem').length).toBe(10);
  },
};

export const UseSuperfans: StoryObj<typeof MySuperfans> = {
  args: { minPeopleHelped: 5 },
  argTypes: { minPeopleHelped: { control: { type: 'range', min: 1, max: 15 } } },
  render: (args) => <MySuperfans {...args} />,
  play: async ({ canvasElement }) => {
    await expect(
      within(canvasElement).getByRole('heading', { name: /staff can hold/ }),
    ).toBeVisible();
  },
};
