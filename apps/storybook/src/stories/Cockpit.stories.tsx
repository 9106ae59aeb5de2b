import type { Meta, StoryObj } from '@storybook/react-vite';
import type { QueueItem } from '@rapport/core';
import {
  CapacityGauge,
  ConversationView,
  DepartmentBoard,
  GoalTree,
  KpiScorecard,
  RapportProvider,
  SpikeAlert,
  SuperfanLeaderboard,
  TriageQueue,
  useSuperfans,
  useTriage,
  VolumeChart,
} from '@rapport/react';
import { useMemo, useState, type CSSProperties, type ReactNode } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { memoryOf } from '../support/conversations';
import {
  communityStaff,
  deliverySpikeAt,
  sampleGoals,
  sampleInteractionsBatch,
  SAMPLE_GATE,
  spikesAt,
} from '../support/insights';
import { createManualClock } from '../support/manualClock';
import {
  agentLoadOf,
  agents,
  departmentNames,
  departments,
  HOUR,
  INCIDENT_NOW,
  iso,
  MINUTE,
  sampleWorld,
  scoresOf,
  triageAt,
} from '../support/world';

const START = INCIDENT_NOW;

function Panel({
  title,
  children,
  style,
}: {
  title: string;
  children: ReactNode;
  style?: CSSProperties;
}) {
  return (
    <section aria-label={title} style={{ minWidth: 0, ...style }}>
      <h2 style={{ fontSize: 16, margin: '0 0 8px' }}>{title}</h2>
      {children}
    </section>
  );
}

const buttonStyle: CSSProperties = {
  font: 'inherit',
  padding: '4px 10px',
  borderRadius: 6,
  border: '1px solid var(--rapport-border)',
  background: 'var(--rapport-surface)',
  color: 'var(--rapport-fg)',
  cursor: 'pointer',
};

/**
 * The whole kit on the sample world: a private triage (so resolving and assigning here change nothing
 * elsewhere), one manual clock shared by every timer, and the hooks binding core to widgets.
 */
function Cockpit({ theme }: { theme: 'light' | 'dark' }) {
  const [triage] = useState(() => triageAt(START, 24, true));
  const [clock] = useState(() => createManualClock(START));
  const [now, setNow] = useState(START);
  const [openId, setOpenId] = useState<string | null>(null);
  const [minPeopleHelped, setMinPeopleHelped] = useState(5);

  const move = (to: number) => {
    clock.set(to);
    setNow(to);
  };

  // core → hooks → widgets: the queue and workload at the clock's time.
  const { queue, workload } = useTriage(triage, { now });
  const counts = useMemo(() => {
    const c = { breached: 0, warning: 0, pending: 0 };
    for (const row of queue)
      if (row.sla && row.sla.status in c) c[row.sla.status as keyof typeof c] += 1;
    return c;
  }, [queue]);

  const world = sampleWorld();
  const { interactions, members } = sampleInteractionsBatch();
  const superfanOptions = useMemo(
    () => ({ now: iso(START), members, gate: { ...SAMPLE_GATE, minPeopleHelped } }),
    [members, minPeopleHelped],
  );
  const { report, plan } = useSuperfans(interactions, superfanOptions, communityStaff);
  const owners = useMemo(() => {
    const names = Object.fromEntries(communityStaff.map((s) => [s.id, s.name ?? s.id]));
    return Object.fromEntries(
      (plan?.assignments ?? []).map((a) => [a.memberId, names[a.staffId] ?? a.staffId]),
    );
  }, [plan]);

  const spike = deliverySpikeAt(START);
  const lastWeek = useMemo(() => spikesAt(START).series.slice(-7 * 24), []);
  const goals = sampleGoals();

  const open = openId ? triage.get(openId) : undefined;
  const assign = (item: QueueItem) => {
    const agent = agents.find((a) => a.online && a.departments.includes(item.department));
    if (agent) triage.assign(item.conversationId, agent.id);
  };

  return (
    <RapportProvider theme={theme} clock={clock} locale="en-GB">
      <div
        style={{
          background: 'var(--rapport-bg)',
          color: 'var(--rapport-fg)',
          padding: 16,
          fontFamily: 'system-ui, sans-serif',
          display: 'grid',
          gap: 20,
        }}
      >
        <header style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center' }}>
          <h1 style={{ fontSize: 20, margin: 0, marginInlineEnd: 'auto' }}>
            {world.brand.name} · social care cockpit
          </h1>
          <p style={{ margin: 0 }} aria-live="polite">
            <strong>
              {new Intl.DateTimeFormat('en-GB', {
                weekday: 'long',
                day: 'numeric',
                month: 'long',
                hour: '2-digit',
                minute: '2-digit',
                timeZone: 'UTC',
              }).format(now)}{' '}
              UTC
            </strong>
          </p>
          <label style={{ display: 'flex', gap: 6, alignItems: 'center' }}>
            Minutes since 09:00
            <input
              type="range"
              min={0}
              max={240}
              step={5}
              value={Math.round((now - START) / MINUTE)}
              onChange={(e) => move(START + Number(e.target.value) * MINUTE)}
            />
          </label>
          <button type="button" style={buttonStyle} onClick={() => move(now + 15 * MINUTE)}>
            +15 minutes
          </button>
          <button type="button" style={buttonStyle} onClick={() => move(now + HOUR)}>
            +1 hour
          </button>
          <button type="button" style={buttonStyle} onClick={() => move(START)}>
            Back to 09:00
          </button>
        </header>

        <p role="status" data-testid="sla-summary" style={{ margin: 0 }}>
          {queue.length} open conversations: {counts.breached} breached, {counts.warning} due soon,{' '}
          {counts.pending} on time
        </p>

        <div
          style={{
            display: 'grid',
            gridTemplateColumns: 'repeat(auto-fit, minmax(320px, 1fr))',
            gap: 16,
          }}
        >
          <Panel title="What is happening">
            <SpikeAlert spike={spike ?? null} departmentNames={departmentNames} />
          </Panel>
          <Panel title="The last seven days">
            <VolumeChart data={lastWeek} spikes={spikesAt(START).spikes} height={180} />
          </Panel>
        </div>

        <div
          style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 3fr) minmax(0, 2fr)', gap: 16 }}
        >
          <Panel title="Inbox">
            <TriageQueue
              rows={queue}
              departments={departments}
              superfans={report?.members.filter((m) => m.superfan).map((m) => m.memberId)}
              height={440}
              onOpen={(item) => setOpenId(item.conversationId)}
              onAssign={assign}
              onResolve={(item) => triage.resolve(item.conversationId, iso(now))}
            />
          </Panel>
          <Panel title="Conversation">
            <ConversationView
              conversation={open?.conversation ?? null}
              routing={open?.routing}
              flags={open?.flags}
              sla={openId ? triage.sla(openId, iso(now)) : undefined}
              scores={open ? scoresOf(open.conversation, now) : undefined}
              memory={open ? memoryOf(open.conversation.customer.id, now) : undefined}
              departmentNames={departmentNames}
            />
          </Panel>
        </div>

        <div
          style={{
            display: 'grid',
            gridTemplateColumns: 'repeat(auto-fit, minmax(320px, 1fr))',
            gap: 16,
          }}
        >
          <Panel title="Departments">
            <DepartmentBoard
              workload={workload}
              departments={departments}
              agents={agents}
              agentLoad={agentLoadOf(queue)}
            />
          </Panel>
          <Panel title="Community">
            <label style={{ display: 'flex', gap: 6, alignItems: 'center', marginBottom: 8 }}>
              People helped to qualify as a superfan
              <input
                type="range"
                min={1}
                max={12}
                value={minPeopleHelped}
                onChange={(e) => setMinPeopleHelped(Number(e.target.value))}
              />
              <output>{minPeopleHelped}</output>
            </label>
            <CapacityGauge
              held={plan?.assignments.length ?? 0}
              staff={communityStaff.reduce((s, m) => s + (m.commitment ?? 1), 0)}
              uncovered={plan?.uncovered.length}
            />
            <SuperfanLeaderboard report={report} owners={owners} limit={8} defaultOnlySuperfans />
          </Panel>
        </div>

        <div
          style={{
            display: 'grid',
            gridTemplateColumns: 'repeat(auto-fit, minmax(320px, 1fr))',
            gap: 16,
          }}
        >
          <Panel title="Business goals">
            <GoalTree report={goals.report} />
          </Panel>
          <Panel title="Service KPIs">
            <KpiScorecard
              report={goals.report}
              kpiIds={goals.report.kpis
                .filter((k) => k.kpi.startsWith('service.'))
                .map((k) => k.kpi)}
            />
          </Panel>
        </div>
      </div>
    </RapportProvider>
  );
}

const meta = {
  title: 'Cockpit',
  component: Cockpit,
  args: { theme: 'light' },
  argTypes: { theme: { control: 'inline-radio', options: ['light', 'dark'] } },
  parameters: {
    layout: 'fullscreen',
    rapportFrame: false,
    docs: {
      description: {
        component: [
          'The whole kit working together on the bundled sample world (Kettle & Pine, a fictional kitchenware',
          "brand). It is Monday 19 October, 09:00 UTC: the courier's northern hub failed the day before, the",
          'spike detector flagged it overnight, and the team arrives to an inbox full of delivery complaints.',
          'Move the clock with the slider or the buttons and watch the response-time targets warn and breach;',
          'open a conversation (Enter or double click); press A to assign or R to resolve; raise the superfan',
          'threshold and watch the board and the capacity change. Everything is computed in the browser by',
          '`@rapport/core` through the `@rapport/react` hooks: `createTriage`, `useTriage`, `detectSpikes`,',
          '`explainSpike`, `detectSuperfans`/`useSuperfans`, `planCapacity` and `evaluateGoals`.',
        ].join(' '),
      },
    },
  },
} satisfies Meta<typeof Cockpit>;

export default meta;
type Story = StoryObj<typeof meta>;

const summary = (canvasElement: HTMLElement) => {
  const text = within(canvasElement).getByTestId('sla-summary').textContent ?? '';
  const [, open, breached, warning, pending] =
    /(\d+) open conversations: (\d+) breached, (\d+) due soon, (\d+) on time/.exec(text) ?? [];
  return {
    open: Number(open),
    breached: Number(breached),
    warning: Number(warning),
    pending: Number(pending),
  };
};

/** Everything renders with data; then the clock moves forward and response times breach. */
export const Cockpit_: Story = {
  name: 'Cockpit',
  play: async ({ canvasElement, step }) => {
    const canvas = within(canvasElement);
    await step('everything renders with sample data', async () => {
      await expect(canvas.getByRole('grid', { name: 'Triage queue' })).toBeVisible();
      await expect(canvas.getByRole('alert')).toHaveTextContent(/logistics/i);
      await expect(canvas.getByRole('region', { name: 'Load by department' })).toBeVisible();
      await expect(canvas.getByRole('region', { name: 'Superfans' })).toBeVisible();
      await expect(summary(canvasElement).open).toBeGreaterThan(0);
    });
    await step('move the clock forward: waiting customers breach', async () => {
      const before = summary(canvasElement);
      await expect(before.pending + before.warning).toBeGreaterThan(0);
      await userEvent.click(canvas.getByRole('button', { name: '+1 hour' }));
      await userEvent.click(canvas.getByRole('button', { name: '+1 hour' }));
      await waitFor(() => expect(summary(canvasElement).breached).toBeGreaterThan(before.breached));
      await expect(canvas.getByText(/11:00 UTC/)).toBeVisible();
    });
    await step('open the most urgent conversation', async () => {
      const grid = canvas.getByRole('grid', { name: 'Triage queue' });
      grid.focus();
      await userEvent.keyboard('{Enter}');
      await expect(
        await canvas.findByRole('heading', { level: 2, name: /^Conversation with/ }),
      ).toBeVisible();
    });
    await step('resolve it: it leaves the queue', async () => {
      const open = summary(canvasElement).open;
      canvas.getByRole('grid', { name: 'Triage queue' }).focus();
      await userEvent.keyboard('r');
      await waitFor(() => expect(summary(canvasElement).open).toBe(open - 1));
    });
  },
};

export const DarkTheme: Story = { args: { theme: 'dark' } };
