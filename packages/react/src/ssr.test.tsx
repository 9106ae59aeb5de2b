// @vitest-environment node
// Every widget renders on a server: no window, no document, no timers started.
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import {
  CapacityGauge,
  ConversationView,
  DepartmentBoard,
  ExperimentResult,
  GoalTree,
  KpiScorecard,
  MemberProfile,
  MentionCard,
  RapportProvider,
  ScoreBadge,
  SlaTimer,
  SpikeAlert,
  SuperfanLeaderboard,
  TriageQueue,
  VolumeChart,
} from './index';
import {
  conversation,
  hourlySeries,
  memory,
  mention,
  queueItems,
  routing,
  score,
  slaState,
  T0,
  volumeSpike,
} from './test/fixtures';
import { goalReport } from './test/goals';
import { communityReport, member } from './test/superfans';

const widgets = {
  ScoreBadge: <ScoreBadge priority={80} />,
  SlaTimer: <SlaTimer dueAt={T0 + 60_000} />,
  CapacityGauge: <CapacityGauge held={200} staff={2} />,
  ExperimentResult: (
    <ExperimentResult
      name="Test"
      result={{
        test: 'two_proportion_z',
        verdict: 'won',
        reasons: [],
        difference: 0.02,
        relativeLift: 0.2,
        interval: [0.01, 0.03],
        statistic: 2.5,
        pValue: 0.01,
        alpha: 0.05,
        controlRate: 0.1,
        treatmentRate: 0.12,
      }}
    />
  ),
  VolumeChart: <VolumeChart data={hourlySeries()} spikes={[volumeSpike]} />,
  SpikeAlert: <SpikeAlert spike={volumeSpike} />,
  TriageQueue: <TriageQueue rows={queueItems(500)} />,
  MentionCard: (
    <MentionCard mention={mention(1)} score={score} routing={routing} dueAt={slaState.nextDueAt} />
  ),
  ConversationView: (
    <ConversationView
      conversation={conversation()}
      sla={slaState}
      memory={memory}
      routing={routing}
    />
  ),
  DepartmentBoard: (
    <DepartmentBoard
      workload={[
        {
          department: 'service',
          open: 3,
          unassigned: 1,
          breached: 0,
          agentsOnline: 1,
          capacity: 5,
          assigned: 2,
          overloaded: false,
        },
      ]}
      agents={[{ id: 'a', departments: ['service'], online: true, capacity: 5 }]}
    />
  ),
  SuperfanLeaderboard: <SuperfanLeaderboard report={communityReport()} />,
  MemberProfile: <MemberProfile member={member(1, true)} memory={memory} />,
  GoalTree: <GoalTree report={goalReport()} />,
  KpiScorecard: <KpiScorecard report={goalReport()} />,
};

describe('server rendering', () => {
  it('runs without a DOM', () => {
    expect(typeof window).toBe('undefined');
    expect(typeof document).toBe('undefined');
  });

  for (const [name, element] of Object.entries(widgets)) {
    it(`renders ${name}`, () => {
      const html = renderToString(
        <RapportProvider locale="en-US" theme="dark">
          {element}
        </RapportProvider>,
      );
      expect(html.length).toBeGreaterThan(50);
      expect(html).toContain('--rapport-bg');
      expect(html).not.toContain('<script');
    });
  }
});
