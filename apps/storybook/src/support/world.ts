import {
  buildConversations,
  computeSla,
  DEFAULT_DEPARTMENTS,
  priorityBand,
  routeMention,
  scoreMention,
  type Agent,
  type CareFlag,
  type Conversation,
  type Department,
  type DepartmentLoad,
  type MentionScore,
  type QueueItem,
  type Routing,
  type SlaPolicy,
  type SlaState,
} from '@rapport/core';
import { createSampleWorld, type SampleWorld } from '@rapport/core/sample';

let world: SampleWorld | undefined;

/** The bundled sample world (Kettle & Pine, 30 days), generated once per page and shared by every story. */
export function sampleWorld(): SampleWorld {
  world ??= createSampleWorld();
  return world;
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

/** The departments, as the core names them by default. */
export const departments: Department[] = [...DEFAULT_DEPARTMENTS];
export const departmentNames: Record<string, string> = Object.fromEntries(
  departments.map((d) => [d.id, d.name]),
);

/**
 * Kettle & Pine's response-time promises: a public complaint gets a first public answer within the hour
 * (many complainers expect one that fast), critical work within 30 minutes, private messages within 4 hours.
 */
export const carePolicy: SlaPolicy = {
  id: 'kettle-and-pine',
  name: 'Kettle & Pine care',
  targets: { firstResponse: 120, nextResponse: 60, resolution: 24 * 60, publicAcknowledgement: 60 },
  byChannel: { private: { firstResponse: 240 } },
  byBand: { critical: { firstResponse: 30 }, high: { firstResponse: 60 } },
  warnAt: [0.75],
};

/** The agents on shift in the stories (two per department, marketing last and smallest). */
export const agents: Agent[] = [
  { id: 'amira', name: 'Amira', departments: ['service'], online: true, capacity: 12 },
  { id: 'ben', name: 'Ben', departments: ['service'], online: true, capacity: 12 },
  { id: 'chloe', name: 'Chloé', departments: ['logistics'], online: true, capacity: 10 },
  { id: 'dev', name: 'Dev', departments: ['logistics'], online: false, capacity: 10 },
  { id: 'elif', name: 'Elif', departments: ['product'], online: true, capacity: 8 },
  { id: 'femi', name: 'Femi', departments: ['sales'], online: true, capacity: 8 },
  { id: 'gwen', name: 'Gwen', departments: ['hr'], online: true, capacity: 4 },
  { id: 'hiro', name: 'Hiro', departments: ['marketing'], online: true, capacity: 6 },
];

/** One open conversation with everything the core decided about it (everything but the clocks). */
export interface TriagedConversation {
  conversation: Conversation;
  /** Scores of the customer messages, by mention id. */
  scores: Record<string, MentionScore>;
  /** The score of the message that decides the priority (the last customer message). */
  score: MentionScore;
  routing: Routing;
  priority: number;
  complaint: boolean;
  flags: CareFlag[];
  waitingSince: string;
  assignee?: string;
}

/** What the sample world looks like at one moment: open conversations, scored and routed. */
export interface Snapshot {
  /** The moment of the snapshot, epoch ms. */
  at: number;
  open: TriagedConversation[];
}

const snapshots = new Map<string, Snapshot>();

/**
 * Scores and routes every conversation still waiting for a reply at `at` whose customer wrote in the last
 * `windowHours`. Memoised per moment, so stories that share a moment share the work.
 */
export function snapshotAt(at: string | number, windowHours = 36): Snapshot {
  const atMs = typeof at === 'number' ? at : Date.parse(at);
  const key = `${atMs}|${windowHours}`;
  const cached = snapshots.get(key);
  if (cached) return cached;
  const w = sampleWorld();
  const known = w.mentions.filter((m) => Date.parse(m.createdAt) <= atMs);
  const detractors = new Set(w.detractors.map((a) => a.id));
  const since = atMs - windowHours * HOUR;
  const open: TriagedConversation[] = [];
  for (const conversation of buildConversations(known)) {
    if (!conversation.awaitingReply || !conversation.lastInboundAt) continue;
    if (Date.parse(conversation.lastInboundAt) < since) continue;
    const inbound = conversation.mentions.filter((m) => m.direction === 'inbound');
    const last = inbound.at(-1);
    if (!last) continue;
    const scores: Record<string, MentionScore> = {};
    inbound.forEach((m, i) => {
      scores[m.id] = scoreMention(m, { now: atMs, conversation, priorContacts: i });
    });
    const score = scores[last.id]!;
    const routing = routeMention(inbound[0]!, undefined, score.signals);
    const priority = Math.min(100, Math.max(0, score.priority + routing.priorityBoost));
    const flags: CareFlag[] = [];
    if (detractors.has(conversation.customer.id)) {
      flags.push({
        kind: 'repeat_complainant',
        detail: 'Has complained several times this month: read their history before answering.',
      });
    }
    if (score.signals.sentiment.score <= -0.6) {
      flags.push({
        kind: 'irate',
        detail: 'Very upset: acknowledge the problem first, then fix it.',
      });
    }
    const lastHuman = conversation.lastHumanReplyAt ? Date.parse(conversation.lastHumanReplyAt) : 0;
    const waiting = inbound.find((m) => Date.parse(m.createdAt) > lastHuman) ?? last;
    open.push({
      conversation,
      scores,
      score,
      routing,
      priority,
      complaint:
        score.signals.intents.complaint >= 0.5 || score.signals.sentiment.label === 'negative',
      flags,
      waitingSince: waiting.createdAt,
    });
  }
  assignAgents(open);
  const snapshot = { at: atMs, open };
  snapshots.set(key, snapshot);
  return snapshot;
}

/** Gives each online agent the most urgent work of their department, up to their capacity. */
function assignAgents(open: TriagedConversation[]): void {
  const load = new Map<string, number>();
  const byPriority = [...open].sort((a, b) => b.priority - a.priority);
  for (const item of byPriority) {
    const agent = agents.find(
      (a) =>
        a.online &&
        a.departments.includes(item.routing.department) &&
        (load.get(a.id) ?? 0) < Math.floor(a.capacity * 0.75),
    );
    if (agent) {
      item.assignee = agent.id;
      load.set(agent.id, (load.get(agent.id) ?? 0) + 1);
    }
  }
}

/** The SLA clocks of one triaged conversation at `now` (24/7 unless a calendar is given). */
export function slaOf(item: TriagedConversation, now: number): SlaState {
  return computeSla(
    {
      mentions: item.conversation.mentions,
      channel: item.conversation.channel,
      complaint: item.complaint,
      band: priorityBand(item.priority),
      department: item.routing.department,
    },
    carePolicy,
    undefined,
    now,
  );
}

/**
 * The triage queue at `now`: one row per open conversation, ordered by the core's documented rule
 * (`rank = dueAt − priority × 1 minute`, conversations without a running clock last, by priority).
 */
export function queueAt(snapshot: Snapshot, now: number): QueueItem[] {
  const rows = snapshot.open.map((item): QueueItem => {
    const sla = slaOf(item, now);
    const running = sla.clocks
      .filter(
        (c) =>
          c.dueAt && (c.status === 'pending' || c.status === 'warning' || c.status === 'breached'),
      )
      .sort((a, b) => Date.parse(a.dueAt!) - Date.parse(b.dueAt!))[0];
    const priority = item.priority;
    const dueMs = running?.dueAt ? Date.parse(running.dueAt) : undefined;
    const lastText =
      item.conversation.mentions.filter((m) => m.direction === 'inbound').at(-1)?.text ?? '';
    return {
      conversationId: item.conversation.id,
      position: 0,
      customer: item.conversation.customer,
      platform: item.conversation.platform,
      channel: item.conversation.channel,
      department: item.routing.department,
      priority,
      band: priorityBand(priority),
      sla:
        running && dueMs !== undefined
          ? {
              target: running.target,
              dueAt: running.dueAt!,
              timeToBreach: dueMs - now,
              status: running.status,
            }
          : undefined,
      rank: dueMs !== undefined ? dueMs - priority * MINUTE : Number.MAX_SAFE_INTEGER - priority,
      assignee: item.assignee,
      needsApproval: item.routing.needsApproval,
      tags: item.routing.tags,
      flags: item.flags,
      waitingSince: item.waitingSince,
      preview: lastText.slice(0, 280),
      reasons: [
        ...item.routing.reasons,
        ...item.score.reasons.map(
          (r) => `${r.detail} (${r.contribution >= 0 ? '+' : ''}${r.contribution})`,
        ),
      ],
    };
  });
  rows.sort((a, b) => a.rank - b.rank || a.conversationId.localeCompare(b.conversationId));
  rows.forEach((row, i) => {
    row.position = i + 1;
  });
  return rows;
}

/** Workload per department from a queue (what `triage.workload(now)` reports). */
export function workloadOf(rows: readonly QueueItem[]): DepartmentLoad[] {
  return departments.map((d) => {
    const mine = rows.filter((r) => r.department === d.id);
    const team = agents.filter((a) => a.departments.includes(d.id));
    const online = team.filter((a) => a.online);
    const capacity = online.reduce((s, a) => s + a.capacity, 0);
    const unassigned = mine.filter((r) => !r.assignee).length;
    const breached = mine.filter((r) => r.sla?.status === 'breached').length;
    const unassignedBreached = mine.filter(
      (r) => !r.assignee && r.sla?.status === 'breached',
    ).length;
    return {
      department: d.id,
      open: mine.length,
      unassigned,
      breached,
      agentsOnline: online.length,
      capacity,
      assigned: mine.length - unassigned,
      overloaded: mine.length > capacity || unassignedBreached > 0,
    };
  });
}

/** Open conversations per agent id in a queue. */
export function agentLoadOf(rows: readonly QueueItem[]): Record<string, number> {
  const load: Record<string, number> = {};
  for (const row of rows) if (row.assignee) load[row.assignee] = (load[row.assignee] ?? 0) + 1;
  return load;
}

/** The middle of the sample's delivery incident: the courier hub has failed and complaints pour in. */
export const INCIDENT_NOW = Date.parse('2026-10-18T15:00:00Z');
/** An ordinary weekday afternoon before the incident. */
export const ORDINARY_NOW = Date.parse('2026-10-14T15:00:00Z');
