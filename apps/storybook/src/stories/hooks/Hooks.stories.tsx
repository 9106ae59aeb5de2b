import type { Meta, StoryObj } from '@storybook/react-vite';
import { createTriage, DEFAULT_SPIKE_OPTIONS, type GoalTree, type KpiStatus } from '@rapport/core';
import {
  ScoreBadge,
  SlaTimer,
  useGoals,
  useSpikes,
  useSuperfans,
  useTriage,
  VolumeChart,
} from '@rapport/react';
import { useMemo } from 'react';
import { expect, within } from 'storybook/test';
import {
  sampleGoalInputs,
  sampleInteractionsBatch,
  SAMPLE_GATE,
  spikesAt,
} from '../../support/insights';
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

const STATUS_WORDS: Record<KpiStatus, string> = {
  on_track: 'on track',
  at_risk: 'at risk',
  off_track: 'off track',
  no_data: 'no data',
  no_target: 'no target',
  unavailable: 'unavailable',
};

/**
 * `useGoals` without the scorecard: the KPIs that have a target, each with its status and the reason for it.
 * Moving the response-rate target makes a new tree (memoised on the target), and only then is it re-evaluated.
 */
function MyGoals({ responseRateTarget }: { responseRateTarget: number }) {
  const { tree: preset, events, options } = sampleGoalInputs();
  const tree = useMemo<GoalTree>(
    () => ({
      ...preset,
      kpis: preset.kpis.map((k) =>
        k.id === 'service.response_rate'
          ? {
              ...k,
              targets: (k.targets ?? []).map((t) => ({ ...t, value: responseRateTarget / 100 })),
            }
          : k,
      ),
    }),
    [preset, responseRateTarget],
  );
  const { value: report, error } = useGoals(tree, events, options);
  if (error || !report) return <p role="alert">{error?.message}</p>;
  const targeted = report.kpis.filter((k) => k.target !== null);
  const onTrack = targeted.filter((k) => k.status === 'on_track').length;
  return (
    <section aria-label="My goals">
      <h2 style={{ fontSize: 18 }}>
        {onTrack} of {targeted.length} targets on track
      </h2>
      <ul style={{ display: 'grid', gap: 6, paddingInlineStart: 20 }}>
        {targeted.map((k) => (
          <li key={k.kpi} data-status={k.status}>
            <strong>
              <bdi>{k.name}</bdi>
            </strong>
            : {STATUS_WORDS[k.status]}. <bdi>{k.statusReason}</bdi>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * `useSpikes` on the sample's hourly mentions up to the incident, drawn with the `VolumeChart` widget. A lower
 * z-score threshold finds more (and weaker) spikes; the options object is memoised so the hook recomputes only
 * when the threshold changes.
 */
function MySpikes({ zThreshold }: { zThreshold: number }) {
  const { series } = spikesAt(INCIDENT_NOW);
  const options = useMemo(() => ({ zThreshold }), [zThreshold]);
  const { value: spikes = [], error } = useSpikes(series, options);
  if (error) return <p role="alert">{error.message}</p>;
  return (
    <section aria-label="My spikes">
      <h2 style={{ fontSize: 18 }}>
        {spikes.length === 1 ? '1 spike' : `${spikes.length} spikes`} in{' '}
        {Math.round(series.length / 24)} days of mentions
      </h2>
      <VolumeChart data={series} spikes={spikes} height={200} />
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

export const UseGoals: StoryObj<typeof MyGoals> = {
  args: { responseRateTarget: 95 },
  argTypes: { responseRateTarget: { control: { type: 'range', min: 50, max: 100, step: 1 } } },
  render: (args) => <MyGoals {...args} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(
      canvas.getByRole('heading', { name: /^\d+ of 3 targets on track$/ }),
    ).toBeVisible();
    await expect(canvas.getAllByRole('listitem').length).toBe(3);
  },
};

export const UseSpikes: StoryObj<typeof MySpikes> = {
  args: { zThreshold: DEFAULT_SPIKE_OPTIONS.zThreshold },
  argTypes: { zThreshold: { control: { type: 'range', min: 2, max: 10, step: 0.5 } } },
  render: (args) => <MySpikes {...args} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const heading = canvas.getByRole('heading', { name: /spikes? in \d+ days of mentions$/ });
    await expect(heading).toBeVisible();
    await expect(Number(/^\d+/.exec(heading.textContent ?? '')?.[0])).toBeGreaterThan(0);
    await expect(canvas.getByRole('figure', { name: 'Mentions over time' })).toBeVisible();
  },
};
