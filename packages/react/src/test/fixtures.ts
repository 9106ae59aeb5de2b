import type { Author, QueueItem } from '@rapport/core';
import type {
  Conversation,
  Mention,
  MentionScore,
  RelationshipMemory,
  Routing,
  SlaState,
  TextSignals,
} from '@rapport/core';
import type { SpikeLike, VolumePoint } from '../index';

/** 48 hourly buckets with a spike at hour 30. */
export function hourlySeries(): VolumePoint[] {
  const t0 = Date.parse('2026-11-20T00:00:00Z');
  return Array.from({ length: 48 }, (_, i) => {
    const count = i === 30 ? 312 : 40 + (i % 5);
    return {
      start: new Date(t0 + i * 3_600_000).toISOString(),
      count,
      negative: i === 30 ? 180 : 8,
      expected: 42,
      expectedLow: 30,
      expectedHigh: 55,
    };
  });
}

export const volumeSpike: SpikeLike = {
  kind: 'volume',
  start: '2026-11-21T06:00:00Z',
  end: '2026-11-21T07:00:00Z',
  severity: 9,
  expected: 42,
  observed: 312,
  reasons: ['312 mentions in the hour from 06:00 vs about 42 expected for a Saturday 06:00'],
  authors: 251,
  department: 'logistics',
  topTerms: [
    { term: 'delivery', count: 120, lift: 8.2 },
    { term: '<img src=x onerror=alert(1)>', count: 3, lift: 2 },
  ],
};

export const T0 = Date.parse('2026-11-22T10:00:00Z');

function author(i: number, extra: Partial<Author> = {}): Author {
  return {
    id: `a${i}`,
    handle: `customer${i}`,
    followers: 10 * i,
    verified: false,
    isStaff: false,
    isBrand: false,
    isBot: false,
    ...extra,
  };
}

const DEPARTMENTS = ['service', 'logistics', 'product', 'sales'];

/** `n` queue items in the core's queue order, deterministic. */
export function queueItems(n: number): QueueItem[] {
  return Array.from({ length: n }, (_, i) => {
    const priority = 95 - ((i * 7) % 90);
    const band: QueueItem['band'] =
      priority >= 75 ? 'critical' : priority >= 50 ? 'high' : priority >= 25 ? 'normal' : 'low';
    const due = T0 + ((i * 13) % 120) * 60_000 - 10 * 60_000;
    return {
      conversationId: `c${i}`,
      position: i + 1,
      customer: author(i),
      platform: i % 3 === 0 ? 'x' : i % 3 === 1 ? 'instagram' : 'email',
      channel: i % 3 === 2 ? 'private' : 'public',
      department: DEPARTMENTS[i % DEPARTMENTS.length]!,
      priority,
      band,
      sla:
        i % 10 === 9
          ? undefined
          : {
              target: 'first_response',
              dueAt: new Date(due).toISOString(),
              timeToBreach: due - T0,
              status: due < T0 ? 'breached' : due - T0 < 15 * 60_000 ? 'warning' : 'pending',
            },
      rank: i,
      tags: [],
      flags:
        i % 5 === 0
          ? [{ kind: 'repeat_complainant', detail: 'Complained twice this month about delivery.' }]
          : i % 7 === 0
            ? [{ kind: 'irate', detail: 'Angry wording.' }]
            : [],
      waitingSince: new Date(T0 - ((i * 17) % 300) * 60_000).toISOString(),
      preview: `Message ${i}: ${i % 4 === 1 ? 'where is my parcel??' : 'my app keeps crashing'}`,
      reasons: [
        `Routed to ${DEPARTMENTS[i % DEPARTMENTS.length]} by intent`,
        `Priority ${priority}`,
      ],
    } satisfies QueueItem;
  });
}

const signals = {
  sentiment: { score: -0.6, label: 'negative' },
  intents: {},
  urgency: 0.7,
  hype: 0,
  cues: [],
} as unknown as TextSignals;

export function mention(i: number, extra: Partial<Mention> = {}): Mention {
  return {
    id: `m${i}`,
    platform: 'x',
    channel: 'public',
    direction: 'inbound',
    author: author(1, { name: 'Ada Lovelace' }),
    text: 'My parcel never arrived and nobody answers!!',
    createdAt: new Date(T0 - (10 - i) * 60_000).toISOString(),
    conversationId: 'c1',
    ...extra,
  };
}

export const score: MentionScore = {
  priority: 82,
  band: 'critical',
  reasons: [
    { factor: 'intents', contribution: 30, detail: 'delivery problem' },
    { factor: 'exposure', contribution: 22, detail: 'public, 1,200 followers, reshared 14 times' },
    { factor: 'waiting', contribution: 30, detail: 'waiting 3 hours' },
  ],
  signals,
};

export const routing: Routing = {
  department: 'logistics',
  confidence: 0.9,
  decidedBy: 'model',
  priorityBoost: 0,
  tags: [],
  reasons: ['Delivery problem goes to logistics'],
};

export const slaState: SlaState = {
  policyId: 'default',
  calendarId: '24x7',
  status: 'warning',
  nextDueAt: new Date(T0 + 5 * 60_000).toISOString(),
  events: [],
  clocks: [
    {
      target: 'first_response',
      targetMinutes: 60,
      startedAt: new Date(T0 - 55 * 60_000).toISOString(),
      dueAt: new Date(T0 + 5 * 60_000).toISOString(),
      remaining: 5 * 60_000,
      used: 55 * 60_000,
      status: 'warning',
      pauses: [],
      cycles: 1,
      events: [],
    },
    {
      target: 'resolution',
      targetMinutes: 1440,
      startedAt: new Date(T0 - 55 * 60_000).toISOString(),
      remaining: 20 * 3_600_000,
      used: 55 * 60_000,
      status: 'paused',
      pauses: [],
      cycles: 1,
      events: [],
    },
  ],
};

export const memory: RelationshipMemory = {
  memberId: 'a1',
  lastHiccup: {
    at: '2026-11-19T09:00:00Z',
    what: 'bug report: app crashes on login',
    url: 'javascript:alert(1)',
  },
  lastCelebration: {
    at: '2026-11-01T09:00:00Z',
    what: 'answer accepted by @bob',
    url: 'https://forum.example.com/t/42',
  },
  openPromises: [
    {
      id: 'p1',
      memberId: 'a1',
      madeAt: '2026-11-19T10:00:00Z',
      text: 'Send a replacement',
      dueAt: '2026-11-25T00:00:00Z',
    },
  ],
  nextTouchDue: '2026-11-21T00:00:00Z',
  touchOverdue: true,
  summary: 'last hiccup 3 days ago (bug report); 1 open promise due 2026-11-25',
  withheld: [],
};

export function conversation(): Conversation {
  const mentions = [
    mention(1),
    mention(2, {
      direction: 'outbound',
      author: author(99, { handle: 'brand', isBrand: true }),
      text: 'Sorry! Looking into it.',
    }),
    mention(3, { text: 'Still nothing. <img src=x onerror=alert(1)>' }),
  ];
  return {
    id: 'c1',
    platform: 'x',
    channel: 'public',
    customer: mentions[0]!.author,
    mentions,
    startedAt: mentions[0]!.createdAt,
    lastActivityAt: mentions[2]!.createdAt,
    lastInboundAt: mentions[2]!.createdAt,
    lastHumanReplyAt: mentions[1]!.createdAt,
    lastSpeaker: 'customer',
    awaitingReply: true,
  };
}
