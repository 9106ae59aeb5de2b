import {
  analyzeText,
  bucketMentions,
  buildConversations,
  careEvents,
  detectSpikes,
  detectSuperfans,
  evaluateGoals,
  explainSpike,
  interactionsFromMentions,
  planCapacity,
  presetGoalTree,
  routeMention,
  type CapacityPlan,
  type CommunityReport,
  type EvaluateOptions,
  type GateOptions,
  type GoalEvent,
  type GoalReport,
  type GoalTree,
  type SeriesBucket,
  type Spike,
  type StaffMember,
} from '@rapport/core';
import { HOUR, iso, sampleWorld } from './world';

// ------------------------------------------------------------------------------------------------ spikes

export interface SpikeView {
  series: SeriesBucket[];
  spikes: Spike[];
}

const spikeViews = new Map<number, SpikeView>();

/**
 * Hourly inbound mentions of the sample world up to `now` (negative ones counted), the spikes the core finds in
 * them, each explained from its mentions (`explainSpike`: the words that stand out, samples, and the department
 * that routes most of them). Memoised per moment.
 */
export function spikesAt(now: number): SpikeView {
  const cached = spikeViews.get(now);
  if (cached) return cached;
  const w = sampleWorld();
  const known = w.mentions.filter((m) => Date.parse(m.createdAt) <= now);
  const buckets = bucketMentions(known, {
    bucket: 'hour',
    now,
    from: w.start,
    negative: (m) => analyzeText(m.text).sentiment.label === 'negative',
  });
  const spikes = detectSpikes(buckets.overall).map((spike) =>
    explainSpike(spike, known, { departmentOf: (m) => routeMention(m).department }),
  );
  const view = { series: buckets.overall, spikes };
  spikeViews.set(now, view);
  return view;
}

/** The latest spike found by `now` that falls inside the sample's delivery incident (or just before it), if any. */
export function deliverySpikeAt(now: number): Spike | undefined {
  const incident = sampleWorld().incidents.find((i) => i.department === 'logistics');
  if (!incident) return undefined;
  const from = Date.parse(incident.start) - 2 * HOUR;
  const to = Date.parse(incident.end);
  return spikesAt(now)
    .spikes.filter((s) => {
      const t = Date.parse(s.start);
      return t >= from && t < to;
    })
    .at(-1);
}

// --------------------------------------------------------------------------------------------- superfans

/**
 * The superfan gate used on the sample world. The world covers 30 days, so presence and tenure are scaled down
 * from the defaults (13 active weeks of 26, 60 days of tenure); the helper and informant paths keep theirs.
 */
export const SAMPLE_GATE: Partial<GateOptions> = { minActiveWeeks: 2, minTenureDays: 14 };

/** The community staff who hold relationships (one full-time, one half-time). */
export const communityStaff: StaffMember[] = [
  { id: 'noor', name: 'Noor', commitment: 1 },
  { id: 'tomas', name: 'Tomás', commitment: 0.5 },
];

export interface SuperfanView {
  report: CommunityReport;
  plan: CapacityPlan;
  /** Owner names per member id, from the plan. */
  owners: Record<string, string>;
}

const superfanViews = new Map<string, SuperfanView>();

/** Superfans of the sample world at `now` under `gate` (merged over {@link SAMPLE_GATE}), and the capacity plan. */
export function superfansAt(
  now: number,
  gate: Partial<GateOptions> = {},
  staff: readonly StaffMember[] = communityStaff,
  perPerson?: number,
): SuperfanView {
  const key = JSON.stringify([now, gate, staff, perPerson]);
  const cached = superfanViews.get(key);
  if (cached) return cached;
  const { interactions, members } = sampleInteractionsBatch();
  const report = detectSuperfans(interactions, {
    now: iso(now),
    members,
    gate: { ...SAMPLE_GATE, ...gate },
  });
  const plan = planCapacity(report, staff, perPerson === undefined ? {} : { perPerson });
  const names = Object.fromEntries(staff.map((s) => [s.id, s.name ?? s.id]));
  const owners = Object.fromEntries(
    plan.assignments.map((a) => [a.memberId, names[a.staffId] ?? a.staffId]),
  );
  const view = { report, plan, owners };
  if (superfanViews.size > 32) superfanViews.clear();
  superfanViews.set(key, view);
  return view;
}

let batch: ReturnType<typeof interactionsFromMentions> | undefined;
/** Interactions built from every sample mention (the superfan adapter), once per page. */
export function sampleInteractionsBatch() {
  batch ??= interactionsFromMentions(sampleWorld().mentions);
  return batch;
}

// ------------------------------------------------------------------------------------------------- goals

export interface GoalInputs {
  tree: GoalTree;
  events: GoalEvent[];
  options: EvaluateOptions;
}

let goalInputs: GoalInputs | undefined;

/**
 * The preset goal tree (service first, marketing last) with targets set from plausible baselines, the sample
 * world's care events, and its 30 days as the window (weekly trend): what `evaluateGoals` and `useGoals` take.
 */
export function sampleGoalInputs(): GoalInputs {
  if (goalInputs) return goalInputs;
  const w = sampleWorld();
  const tree = presetGoalTree({ owner: 'Head of social care' });
  const window = { from: w.start, to: w.end };
  for (const kpi of tree.kpis) {
    if (kpi.id === 'service.response_rate') {
      kpi.baseline = 0.8;
      kpi.targets = [{ ...window, value: 0.95 }];
    } else if (kpi.id === 'service.within_target') {
      kpi.baseline = 0.5;
      kpi.targets = [{ ...window, value: 0.8 }];
    } else if (kpi.id === 'service.first_response_median') {
      kpi.baseline = 3 * HOUR;
      kpi.targets = [{ ...window, value: 45 * 60_000 }];
    }
  }
  const events = careEvents(buildConversations(w.mentions));
  goalInputs = { tree, events, options: { ...window, now: w.end, grain: 'week' } };
  return goalInputs;
}

let goals: { tree: GoalTree; report: GoalReport } | undefined;

/** {@link sampleGoalInputs} evaluated. */
export function sampleGoals(): { tree: GoalTree; report: GoalReport } {
  if (goals) return goals;
  const { tree, events, options } = sampleGoalInputs();
  goals = { tree, report: evaluateGoals(tree, events, options) };
  return goals;
}

let vanity: GoalReport | undefined;

/**
 * A goal tree that measures a marketing objective by outputs only (followers, likes, impressions, posts):
 * what the vanity-metric guard exists to catch.
 */
export function vanityGoals(): GoalReport {
  if (vanity) return vanity;
  const w = sampleWorld();
  const tree = presetGoalTree({ departments: ['marketing'] });
  tree.kpis = tree.kpis.filter((k) => k.level === 'output');
  const window = { from: w.start, to: w.end };
  vanity = evaluateGoals(tree, careEvents(buildConversations(w.mentions)), {
    ...window,
    now: w.end,
    grain: 'week',
  });
  return vanity;
}
