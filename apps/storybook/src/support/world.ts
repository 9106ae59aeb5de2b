import {
  createTriage,
  DEFAULT_DEPARTMENTS,
  scoreMention,
  type Agent,
  type Conversation,
  type Department,
  type MentionScore,
  type QueueItem,
  type SlaPolicy,
  type Triage,
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

let triages = new Map<string, Triage>();

/**
 * A triage (`createTriage`) fed with every sample mention written in the `windowHours` before `now`: the
 * conversations are threaded, scored, routed, assigned to the agents on shift and put on the SLA clock.
 * Memoised per moment; pass `fresh` for a private copy that a story may change (reply, resolve, assign).
 */
export function triageAt(now: number, windowHours = 24, fresh = false): Triage {
  const key = `${now}|${windowHours}`;
  const cached = fresh ? undefined : triages.get(key);
  if (cached) return cached;
  const since = now - windowHours * HOUR;
  const mentions = sampleWorld().mentions.filter((m) => {
    const t = Date.parse(m.createdAt);
    return t > since && t <= now;
  });
  const triage = createTriage({ slaPolicies: [carePolicy], agents });
  triage.ingest(mentions);
  if (!fresh) {
    if (triages.size > 8) triages = new Map();
    triages.set(key, triage);
  }
  return triage;
}

/** Every open conversation of a triage at `now`, most urgent first (the core's queue order). */
export function queueOf(triage: Triage, now: number): QueueItem[] {
  return triage.queue(iso(now), { limit: 1_000_000 });
}

/** ISO 8601 for epoch ms. */
export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** Scores of every customer message of a conversation at `now`, for the conversation view. */
export function scoresOf(conversation: Conversation, now: number): Record<string, MentionScore> {
  const scores: Record<string, MentionScore> = {};
  conversation.mentions
    .filter((m) => m.direction === 'inbound')
    .forEach((m, i) => {
      scores[m.id] = scoreMention(m, { now, conversation, priorContacts: i });
    });
  return scores;
}

/** Open conversations per agent id in a queue. */
export function agentLoadOf(rows: readonly QueueItem[]): Record<string, number> {
  const load: Record<string, number> = {};
  for (const row of rows) if (row.assignee) load[row.assignee] = (load[row.assignee] ?? 0) + 1;
  return load;
}

/**
 * Monday 19 October, 09:00 UTC: the courier hub failed the day before, a spike was flagged overnight, and the
 * team arrives to a queue full of delivery complaints.
 */
export const INCIDENT_NOW = Date.parse('2026-10-19T09:00:00Z');
/** An ordinary weekday afternoon before the incident. */
export const ORDINARY_NOW = Date.parse('2026-10-14T15:00:00Z');
