import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createTriage, mergeTriageStates } from './triage';
import { smallestK } from './select';
import { TriageStateSchema } from './schemas';
import { testAuthor, testMention, testSignals } from './fixtures';
import type { Mention } from '../model/schemas';
import type { MentionPlace, Triage, TriageConfig, TriageState } from './types';
import type { Intent } from '../text/types';

// Deterministic signals: the text says which intent and tone, e.g. "delivery_issue -0.8".
const analyze = (text: string) => {
  const [intent, tone] = text.split(' ');
  const known = [
    'complaint',
    'praise',
    'delivery_issue',
    'bug_report',
    'purchase_intent',
    'billing_issue',
    'question',
  ];
  return testSignals(
    known.includes(intent ?? '') ? { [intent as Intent]: 0.8 } : {},
    Number(tone ?? 0) || 0,
  );
};
const base: TriageConfig = { analyze };
const at = (min: number) =>
  new Date(Date.parse('2026-11-23T09:00:00Z') + min * 60_000).toISOString();
const inbound = (id: string, min: number, text: string, extra: Partial<Mention> = {}) =>
  testMention(id, at(min), { text, author: testAuthor(`c-${id}`), ...extra });

describe('createTriage: ingest and queue', () => {
  it('threads, scores, routes and orders by deadline and priority', () => {
    const triage = createTriage(base);
    const result = triage.ingest([
      inbound('a', 0, 'praise 0.8'),
      inbound('b', 5, 'delivery_issue -0.9'),
      inbound('c', 10, 'bug_report -0.2'),
      testMention('a-reply', at(12), {
        text: 'complaint -0.5',
        inReplyToId: 'b',
        author: testAuthor('c-b'),
      }),
    ]);
    expect(result.rejected).toEqual([]);
    expect(result.accepted.map((m) => m.conversationId)).toEqual(['a', 'b', 'c', 'b']);
    expect(result.accepted[1]!.routing?.department).toBe('logistics');
    const q = triage.queue(at(20));
    expect(q.map((i) => i.conversationId).sort()).toEqual(['a', 'b', 'c']);
    // b is due before c and more pressing, so it comes first.
    expect(q.findIndex((i) => i.conversationId === 'b')).toBeLessThan(
      q.findIndex((i) => i.conversationId === 'c'),
    );
    // Positions are 1-based and ranks ascending.
    expect(q.map((i) => i.position)).toEqual([1, 2, 3]);
    for (let i = 1; i < q.length; i++) expect(q[i]!.rank).toBeGreaterThanOrEqual(q[i - 1]!.rank);
    const b = q.find((i) => i.conversationId === 'b')!;
    expect(b).toMatchObject({
      department: 'logistics',
      platform: 'x',
      channel: 'public',
      waitingSince: at(5),
      preview: 'complaint -0.5',
    });
    expect(b.sla).toMatchObject({ dueAt: at(65), timeToBreach: 45 * 60_000, status: 'pending' });
    expect(triage.sla('b', at(20))!.clocks.map((c) => c.target)).toEqual([
      'first_response',
      'public_acknowledgement',
      'resolution',
    ]);
    expect(b.reasons[0]).toMatch(/Logistics/);
    expect(q.find((i) => i.conversationId === 'c')!.department).toBe('product');
  });

  it('a higher priority moves a conversation ahead of one due a little earlier', () => {
    const triage = createTriage({
      ...base,
      score: (m) => ({
        priority: m.id === 'late' ? 90 : 10,
        band: 'low',
        reasons: [],
        signals: analyze(''),
      }),
    });
    triage.ingest([inbound('early', 0, 'question'), inbound('late', 30, 'question')]);
    // Due 60 vs 90 min; 80 points × 1 min of lead puts 'late' first.
    expect(triage.queue(at(40)).map((i) => i.conversationId)).toEqual(['late', 'early']);
    expect(triage.queue(at(40), { limit: 1 })).toHaveLength(1);
  });

  it('shows warning at 75% of the target and breached after it, and filters by status', () => {
    const triage = createTriage(base);
    triage.ingest(inbound('w', 0, 'question', { channel: 'private' }));
    expect(triage.queue(at(30))[0]!.sla!.status).toBe('pending');
    expect(triage.queue(at(46))[0]!.sla!.status).toBe('warning');
    expect(triage.queue(at(61))[0]!.sla).toMatchObject({
      status: 'breached',
      timeToBreach: -60_000,
    });
    expect(triage.queue(at(61), { statuses: ['breached'] })).toHaveLength(1);
    expect(triage.queue(at(30), { statuses: ['breached'] })).toHaveLength(0);
    triage.reply('w', { at: at(62), agentId: 'mk' });
    expect(triage.queue(at(63), { statuses: ['paused'] }).map((i) => i.conversationId)).toEqual([
      'w',
    ]);
  });

  it('keeps rejected records with reasons and counts duplicates once', () => {
    const triage = createTriage(base);
    const r = triage.ingest([
      inbound('a', 0, 'x'),
      { ...inbound('a', 1, 'again') },
      { id: 'bad' } as unknown as Mention,
    ]);
    expect(r.accepted).toHaveLength(1);
    expect(r.rejected.map((x) => [x.index, x.issues[0]!.path])).toEqual([
      [1, 'id'],
      [2, 'platform'],
    ]);
    expect(triage.place('bad')).toBe('rejected');
    expect(triage.getSnapshot().counts).toEqual({ open: 1, answered: 0, resolved: 0, rejected: 2 });
  });

  it('reply answers, bots do not, resolve closes; places and coverage follow', () => {
    const triage = createTriage(base);
    triage.ingest([
      inbound('p', 0, 'praise 0.9'),
      inbound('q', 1, 'question', { channel: 'private' }),
    ]);
    expect(triage.coverage().map((c) => c.mentionId)).toEqual(['p']);
    triage.reply('p', { at: at(2), automated: true, text: 'Thanks!' });
    expect(triage.place('p')).toBe('open');
    triage.reply('p', { at: at(3), agentId: 'mk', text: 'Thank you so much!' });
    expect(triage.place('p')).toBe('answered');
    expect(triage.coverage()).toEqual([]);
    triage.resolve('q', at(4));
    expect(triage.place('q')).toBe('resolved');
    // Answered but not resolved: still open, waiting on the customer (no clock running), so last in the queue.
    expect(triage.queue(at(5)).map((i) => [i.conversationId, i.sla])).toEqual([['p', undefined]]);
    // The customer writes again: the conversation reopens.
    triage.ingest(
      testMention('q2', at(10), {
        text: 'question',
        inReplyToId: 'q',
        channel: 'private',
        author: testAuthor('c-q'),
      }),
    );
    expect(triage.get('q')!.status).toBe('open');
    expect(triage.place('q2')).toBe('open');
    expect(triage.queue(at(11)).map((i) => i.conversationId)).toEqual(['q', 'p']);
    expect(triage.sla('q', at(11))!.clocks.find((c) => c.target === 'next_response')?.status).toBe(
      'pending',
    );
  });

  it('subscribe and getSnapshot suit useSyncExternalStore', () => {
    const triage = createTriage(base);
    let calls = 0;
    const stop = triage.subscribe(() => calls++);
    const s0 = triage.getSnapshot();
    expect(triage.getSnapshot()).toBe(s0);
    triage.ingest(inbound('a', 0, 'x'));
    const s1 = triage.getSnapshot();
    expect(s1).not.toBe(s0);
    expect(s1).toMatchObject({ openConversations: 1, version: s0.version + 1 });
    stop();
    triage.resolve('a', at(1));
    expect(calls).toBe(1);
  });

  it('uses the real analyzer and scorer by default', () => {
    const triage = createTriage();
    triage.ingest(
      testMention('r', at(0), {
        text: 'My order never arrived and nobody answers. This is the third time I ask!',
      }),
    );
    const [item] = triage.queue(at(1));
    expect(item!.department).toBe('logistics');
    expect(item!.priority).toBeGreaterThan(0);
  });
});

describe('conversations are per platform (ids are unique only within one)', () => {
  it('keeps equal conversationIds and reply targets of different platforms apart, prefixing only on a clash', () => {
    const triage = createTriage(base);
    const r = triage.ingest([
      inbound('x1', 0, 'question', { conversationId: 'conv' }),
      inbound('r1', 1, 'delivery_issue -0.5', { platform: 'reddit', conversationId: 'conv' }),
      inbound('r2', 2, 'question', { platform: 'reddit', inReplyToId: 'x1' }),
      inbound('x2', 3, 'question', { inReplyToId: 'x1' }),
      inbound('r3', 4, 'question', { platform: 'reddit', conversationId: 'conv' }),
      inbound('solo', 5, 'question', { platform: 'reddit' }),
    ]);
    expect(r.rejected).toEqual([]);
    expect(r.accepted.map((m) => m.conversationId)).toEqual([
      'conv',
      'reddit:conv',
      'x1',
      'conv',
      'reddit:conv',
      'solo',
    ]);
    const ofConv = (id: string) => triage.get(id)!.conversation;
    expect(ofConv('conv').mentions.map((m) => m.id)).toEqual(['x1', 'x2']);
    expect(ofConv('conv').platform).toBe('x');
    expect(ofConv('reddit:conv').mentions.map((m) => m.id)).toEqual(['r1', 'r3']);
    expect(ofConv('reddit:conv').platform).toBe('reddit');
    // On Reddit "x1" is a missing parent: its thread keeps that key, as no other conversation is called "x1".
    expect(ofConv('x1').mentions.map((m) => m.id)).toEqual(['r2']);
    expect(ofConv('x1').platform).toBe('reddit');
    // Every customer is waiting in the queue, each under their own conversation.
    expect(
      triage
        .queue(at(10))
        .map((i) => i.conversationId)
        .sort(),
    ).toEqual(['conv', 'reddit:conv', 'solo', 'x1']);
  });

  it('after a reload, a bare id still names the mention ingested first', () => {
    const triage = createTriage(base);
    triage.ingest([
      inbound('100', 0, 'question', { platform: 'mastodon' }),
      inbound('100', 1, 'question'),
      inbound('101', 2, 'question', { inReplyToId: '100' }),
      inbound('101', 3, 'question', { platform: 'mastodon', inReplyToId: '100' }),
    ]);
    // Answer the Mastodon thread only: its 101 is answered, X's 101 is still open.
    triage.reply('100', { at: at(4), agentId: 'a', text: 'Hi!' });
    expect(triage.place('101')).toBe('open');
    const again = createTriage(base, JSON.parse(JSON.stringify(triage.toJSON())));
    expect(again.place('101')).toBe('open');
    expect(again.place('101', 'mastodon')).toBe('answered');
  });

  it('gives a bare id shared by two platforms to the oldest mention, live and after a reload, whatever came first', () => {
    const triage = createTriage(base);
    // X's 200 arrives first but was written after Mastodon's.
    triage.ingest([
      inbound('200', 5, 'question'),
      inbound('200', 1, 'question', { platform: 'mastodon' }),
    ]);
    triage.reply('mastodon:200', { at: at(6), agentId: 'a', text: 'Hi!' });
    expect(triage.place('200', 'mastodon')).toBe('answered');
    expect(triage.place('200', 'x')).toBe('open');
    expect(triage.place('200')).toBe('answered');
    const again = createTriage(base, JSON.parse(JSON.stringify(triage.toJSON())));
    expect(again.place('200')).toBe('answered');
    expect(again.place('200', 'x')).toBe('open');
  });

  it('accepts the same mention id on two platforms, threads replies on their own, and rejects a true repeat', () => {
    const triage = createTriage(base);
    const r = triage.ingest([
      inbound('42', 0, 'question'),
      inbound('42', 1, 'delivery_issue -0.8', { platform: 'mastodon' }),
      inbound('43', 2, 'question', { platform: 'mastodon', inReplyToId: '42' }),
      inbound('44', 3, 'question', { inReplyToId: '42' }),
      inbound('42', 4, 'question', { platform: 'mastodon' }),
    ]);
    expect(r.accepted.map((m) => [m.mention.platform, m.mention.id, m.conversationId])).toEqual([
      ['x', '42', '42'],
      ['mastodon', '42', 'mastodon:42'],
      ['mastodon', '43', 'mastodon:42'],
      ['x', '44', '42'],
    ]);
    expect(r.rejected).toMatchObject([
      { index: 4, issues: [{ message: 'duplicate of a mention already ingested; counted once' }] },
    ]);
    expect(triage.get('42')!.conversation.mentions.map((m) => m.id)).toEqual(['42', '44']);
    expect(triage.get('mastodon:42')!.conversation.mentions.map((m) => m.id)).toEqual(['42', '43']);
    expect(triage.place('42', 'mastodon')).toBe('open');
    expect(triage.place('42', 'x')).toBe('open');
    expect(triage.place('42', 'reddit')).toBeUndefined();
    // A brand reply on each thread, and a reloaded state, keep the two apart.
    triage.reply('mastodon:42', { at: at(5), agentId: 'mk', text: 'On it.' });
    const again = createTriage(base, JSON.parse(JSON.stringify(triage.toJSON())));
    expect(again.place('42', 'mastodon')).toBe('answered');
    expect(again.place('42', 'x')).toBe('open');
    expect(
      again.ingest([inbound('42', 6, 'question', { platform: 'mastodon' })]).rejected,
    ).toHaveLength(1);
    const next = again.ingest([
      inbound('45', 7, 'question', { platform: 'mastodon', inReplyToId: '42' }),
    ]);
    expect(next.accepted[0]!.conversationId).toBe('mastodon:42');
  });

  it('a reloaded state keeps threading a prefixed conversation into itself', () => {
    const first = createTriage(base);
    first.ingest([
      inbound('x1', 0, 'question', { conversationId: 'conv' }),
      inbound('r1', 1, 'question', { platform: 'reddit', conversationId: 'conv' }),
    ]);
    const again = createTriage(base, JSON.parse(JSON.stringify(first.toJSON())));
    const r = again.ingest([
      inbound('r2', 2, 'question', { platform: 'reddit', conversationId: 'conv' }),
      inbound('x2', 3, 'question', { conversationId: 'conv' }),
    ]);
    expect(r.accepted.map((m) => m.conversationId)).toEqual(['reddit:conv', 'conv']);
    expect(again.get('reddit:conv')!.conversation.mentions.map((m) => m.id)).toEqual(['r1', 'r2']);
  });
});

describe('assignment', () => {
  const agents = [
    { id: 'ann', departments: ['service'], online: true, capacity: 1 },
    { id: 'bob', departments: ['service'], online: true, capacity: 1 },
  ];

  it('assigns to online agents with room, keeps known relationships, and frees capacity to the most urgent', () => {
    const triage = createTriage({ ...base, agents });
    triage.ingest([inbound('a', 0, 'complaint -0.9'), inbound('b', 1, 'complaint -0.2')]);
    expect([triage.get('a')!.assignee, triage.get('b')!.assignee]).toEqual(['ann', 'bob']);
    triage.ingest([
      inbound('c', 2, 'complaint -0.1'),
      inbound('d', 3, 'complaint -0.9', { channel: 'private' }),
    ]);
    expect(triage.get('c')!.assignee).toBeUndefined();
    const load = triage.workload(at(3)).find((l) => l.department === 'service')!;
    expect(load).toMatchObject({
      open: 4,
      unassigned: 2,
      assigned: 2,
      capacity: 2,
      overloaded: true,
    });
    // Ann finishes: the most urgent waiting conversation (d: angrier, so ranked ahead of c) goes to her.
    expect(triage.queue(at(4), { assignee: null }).map((i) => i.conversationId)).toEqual([
      'd',
      'c',
    ]);
    triage.resolve('a', at(4));
    expect(triage.get('d')!.assignee).toBe('ann');
    expect(triage.get('c')!.assignee).toBeUndefined();
    // Customer of 'b' writes a new conversation: it stays with Bob even though he is full.
    triage.reply('b', { at: at(5), agentId: 'bob', text: 'on it' });
    triage.ingest(testMention('e', at(6), { text: 'complaint', author: testAuthor('c-b') }));
    expect(triage.get('e')!.assignee).toBe('bob');
    // Bob gets more room: the waiting conversation goes to him.
    triage.setAgent({ ...agents[1]!, capacity: 5 });
    expect(triage.get('c')!.assignee).toBe('bob');
    expect(triage.queue(at(7), { assignee: null })).toEqual([]);
  });
});

describe('escalation and care flags', () => {
  it('climbs the ladder at warnings, breach and after, raising priority and declaring a crisis', () => {
    const triage = createTriage({
      ...base,
      escalation: [
        { id: 'warn', after: -15, notify: ['lead'] },
        { id: 'breach', after: 0, raisePriority: 20, reassign: 'service' },
        { id: 'crisis', after: 60, crisis: true, notify: ['head-of-cx'] },
      ],
    });
    triage.ingest(inbound('a', 0, 'praise', { channel: 'private' }));
    expect(triage.escalate(at(30))).toEqual([]);
    expect(triage.escalate(at(50)).map((n) => [n.level, n.at, n.notify])).toEqual([
      ['warn', at(45), ['lead']],
    ]);
    const before = triage.get('a')!.priority;
    const breach = triage.escalate(at(61));
    expect(breach.map((n) => n.level)).toEqual(['breach']);
    expect(breach[0]!.detail).toContain('first response target missed');
    expect(triage.get('a')).toMatchObject({
      department: 'service',
      escalation: 'breach',
      priority: before + 20,
    });
    expect(triage.escalate(at(200)).map((n) => n.level)).toEqual(['crisis']);
    expect(triage.get('a')).toMatchObject({ needsApproval: 'crisis' });
    expect(triage.get('a')!.tags).toContain('crisis');
    expect(triage.escalate(at(300))).toEqual([]);
  });

  it('flags repeat complainants and irate customers with what went wrong', () => {
    const triage = createTriage(base);
    const dana = testAuthor('dana');
    triage.ingest(testMention('1', at(0), { text: 'delivery_issue -0.5', author: dana }));
    triage.resolve('1', at(30));
    triage.ingest(testMention('2', at(60 * 24), { text: 'complaint -0.9', author: dana }));
    const flags = triage.queue(at(60 * 24 + 1))[0]!.flags;
    expect(flags.map((f) => f.kind)).toEqual(['repeat_complainant', 'irate']);
    expect(flags[0]!.detail).toBe(
      'Complained once before in the last 30 days; last time (2026-11-23) about a delivery problem, resolved',
    );
  });
});

describe('times given by the caller', () => {
  const ladder: TriageConfig = {
    ...base,
    escalation: [
      { id: 'lead', after: 30, notify: ['lead@example.com'] },
      { id: 'director', after: 240, notify: ['dir@example.com'] },
    ],
  };
  /** Unreadable times a caller can pass: unset, typo'd, empty, a Date object, epoch ms. */
  const unreadable: [unknown, string][] = [
    [undefined, 'undefined'],
    ['garbage', '"garbage"'],
    ['', '""'],
    [new Date('2026-11-23T10:00:00Z'), 'a Date object (pass date.toISOString())'],
    [Date.parse('2026-11-23T10:00:00Z'), '1795428000000'],
    // No zone: 10:00 where? Read on the server's clock, it would mean a different instant in every region.
    ['2026-11-23 10:00', '"2026-11-23 10:00"'],
    ['2026-11-23T10:00:00', '"2026-11-23T10:00:00"'],
  ];

  it('escalate with an unreadable now throws and escalates nobody, so the ladder still works at a real now', () => {
    const triage = createTriage(ladder);
    triage.ingest(inbound('a', 0, 'delivery_issue -0.8', { channel: 'private' }));
    for (const [bad, named] of unreadable) {
      expect(() => triage.escalate(bad as string)).toThrow(RangeError);
      expect(() => triage.escalate(bad as string)).toThrow(
        `now ${named} is not an ISO 8601 instant`,
      );
    }
    expect(triage.get('a')!.escalation).toBeUndefined();
    // Five minutes in, nothing is due; 30 minutes after the 60-minute target, the first level only.
    expect(triage.escalate(at(5))).toEqual([]);
    expect(triage.escalate(at(90)).map((n) => [n.level, n.notify])).toEqual([
      ['lead', ['lead@example.com']],
    ]);
  });

  it('escalate rejects an unreadable now even without a ladder', () => {
    const triage = createTriage(base);
    expect(() => triage.escalate(undefined as unknown as string)).toThrow(RangeError);
  });

  it('workload with an unreadable now throws instead of reporting nothing breached', () => {
    const triage = createTriage(base);
    triage.ingest(inbound('a', 0, 'delivery_issue -0.8', { channel: 'private' }));
    expect(() => triage.workload('not a date')).toThrow(
      'now "not a date" is not an ISO 8601 instant',
    );
    const row = triage.workload(at(61)).find((r) => r.open > 0)!;
    expect(row.breached).toBe(1);
  });

  it('sla names the now as the caller passed it, not NaN', () => {
    const triage = createTriage(base);
    triage.ingest(inbound('a', 0, 'question'));
    expect(() => triage.sla('a', 'garbage')).toThrow(RangeError);
    expect(() => triage.sla('a', 'garbage')).toThrow('"garbage"');
    expect(() => triage.sla('a', 'garbage')).not.toThrow(/NaN/);
    // Even for a conversation it does not know: the bad now is the caller's mistake either way.
    expect(() => triage.sla('nope', 'garbage')).toThrow('"garbage"');
  });

  /** Each public method that takes a time; `paused`: start with an open pause (so resume has one to close). */
  const timed: [string, (t: Triage, bad: string) => unknown, { paused?: boolean }][] = [
    ['queue', (t, bad) => t.queue(bad), {}],
    ['sla', (t, bad) => t.sla('a', bad), {}],
    ['workload', (t, bad) => t.workload(bad), {}],
    ['escalate', (t, bad) => t.escalate(bad), {}],
    ['reply', (t, bad) => t.reply('a', { at: bad, agentId: 'mk', text: 'On it' }), {}],
    ['resolve', (t, bad) => t.resolve('a', bad), {}],
    ['pause', (t, bad) => t.pause('a', bad), {}],
    ['resume', (t, bad) => t.resume('a', bad), { paused: true }],
  ];
  it.each(timed)(
    '%s rejects an unreadable time with a RangeError naming it, and changes nothing',
    (_, call, { paused }) => {
      const triage = createTriage(ladder);
      triage.ingest(inbound('a', 0, 'delivery_issue -0.8', { channel: 'private' }));
      if (paused) triage.pause('a', at(1));
      const before = JSON.stringify(triage.toJSON());
      const version = triage.getSnapshot().version;
      for (const [bad, named] of unreadable) {
        expect(() => call(triage, bad as string)).toThrow(RangeError);
        expect(() => call(triage, bad as string)).toThrow(`${named} is not an ISO 8601 instant`);
      }
      expect(JSON.stringify(triage.toJSON())).toBe(before);
      expect(triage.getSnapshot().version).toBe(version);
    },
  );

  it('a rejected pause stores nothing: sla and queue still agree the clock runs, and the state stays loadable', () => {
    const triage = createTriage(base);
    triage.ingest(inbound('a', 0, 'question', { channel: 'private' }));
    expect(() => triage.pause('a', 'garbage')).toThrow('pause time "garbage"');
    expect(() => triage.pause('a', undefined as unknown as string)).toThrow('pause time undefined');
    expect(triage.get('a')!.pauses).toEqual([]);
    expect(triage.sla('a', at(61))!.status).toBe('breached');
    expect(triage.queue(at(61))[0]!.sla?.status).toBe('breached');
    expect(TriageStateSchema.safeParse(JSON.parse(JSON.stringify(triage.toJSON()))).success).toBe(
      true,
    );
  });

  it('pause and resume at readable times are stored as those instants and keep the state loadable', () => {
    const triage = createTriage(base);
    triage.ingest(inbound('a', 0, 'question', { channel: 'private' }));
    triage.pause('a', '2026-11-23T10:10:00+01:00'); // 09:10 UTC
    triage.resume('a', at(40));
    const [pause] = triage.get('a')!.pauses;
    expect(Date.parse(pause!.from)).toBe(Date.parse(at(10)));
    expect(Date.parse(pause!.to!)).toBe(Date.parse(at(40)));
    // Thirty minutes paused: the 60-minute first response is due at 10:30, not 10:00; at 10:20 fifty minutes
    // count (past the 75% warning), not eighty (breached).
    expect(triage.queue(at(80))[0]!.sla).toMatchObject({ dueAt: at(90), status: 'warning' });
    expect(triage.sla('a', at(80))!.status).toBe('warning');
    expect(TriageStateSchema.safeParse(JSON.parse(JSON.stringify(triage.toJSON()))).success).toBe(
      true,
    );
  });

  it('ingest rejects a createdAt that does not exist (30 February) with the reason, never with none', () => {
    const triage = createTriage();
    const bad = { ...inbound('a', 0, 'hi'), createdAt: '2026-02-30T10:00:00Z' };
    const { accepted, rejected } = triage.ingest([bad]);
    expect(accepted).toEqual([]);
    expect(rejected.map((r) => r.issues.map((i) => i.path))).toEqual([['createdAt']]);
  });

  it('ingest rejects each hole of a sparse array with its index instead of dropping it', () => {
    const triage = createTriage(base);
    // eslint-disable-next-line no-sparse-arrays
    const batch = [inbound('a', 0, 'question'), , inbound('c', 1, 'question')] as Mention[];
    const r = triage.ingest(batch);
    expect(r.accepted.map((x) => x.mention.id)).toEqual(['a', 'c']);
    expect(r.rejected).toEqual([
      {
        index: 1,
        input: undefined,
        issues: [{ path: '(record)', message: 'must be a mention object' }],
      },
    ]);
    expect(r.accepted.length + r.rejected.length).toBe(batch.length);
    expect(triage.getSnapshot().counts.rejected).toBe(1);
  });

  it('a state holding a rejected hole still passes TriageStateSchema and reloads with it', () => {
    const triage = createTriage(base);
    // eslint-disable-next-line no-sparse-arrays
    triage.ingest([inbound('a', 0, 'question'), , inbound('c', 1, 'question')] as Mention[]);
    const saved = TriageStateSchema.safeParse(JSON.parse(JSON.stringify(triage.toJSON())));
    expect(saved.success).toBe(true);
    expect(createTriage(base, saved.data).getSnapshot().counts).toEqual(
      triage.getSnapshot().counts,
    );
  });
});

// A random workload: new mentions (some invalid or duplicate), replies, bot replies, resolutions, pauses.
type Op =
  | {
      kind: 'in';
      conv: number;
      text: string;
      min: number;
      bad: boolean;
      dup: boolean;
      channel: 'public' | 'private';
    }
  | { kind: 'reply' | 'bot' | 'resolve' | 'pause' | 'resume'; conv: number; min: number };
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('in' as const),
      conv: fc.integer({ min: 0, max: 7 }),
      text: fc.constantFrom(
        'praise 0.8',
        'complaint -0.9',
        'delivery_issue -0.4',
        'question',
        'purchase_intent 0.2',
      ),
      min: fc.integer({ min: 0, max: 600 }),
      bad: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
      dup: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
      channel: fc.constantFrom('public' as const, 'private' as const),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constantFrom(
        'reply' as const,
        'bot' as const,
        'resolve' as const,
        'pause' as const,
        'resume' as const,
      ),
      conv: fc.integer({ min: 0, max: 7 }),
      min: fc.integer({ min: 0, max: 600 }),
    }),
  },
);

function run(indexed: Op[] | [Op, number][], config: TriageConfig = base) {
  const triage = createTriage(config);
  let records = 0;
  const ids: string[] = [];
  const firstOf = new Map<number, string>();
  const list = indexed.map((x, i) => (Array.isArray(x) ? x : ([x, i] as [Op, number])));
  for (const [op, n] of list) {
    const conv = `conv-${op.conv}`;
    if (op.kind === 'in') {
      // Ids come from the op's place in the whole workload, so shards and the whole agree.
      const id = op.dup && firstOf.has(op.conv) ? firstOf.get(op.conv)! : `m${n}`;
      if (!firstOf.has(op.conv)) firstOf.set(op.conv, id);
      const m = testMention(id, at(op.min), {
        text: op.text,
        conversationId: conv,
        channel: op.channel,
        author: testAuthor(`cust-${op.conv}`),
      });
      triage.ingest(op.bad ? { ...m, createdAt: 'yesterday' } : m);
      records++;
      ids.push(id);
    } else if (triage.get(conv)) {
      if (op.kind === 'reply' || op.kind === 'bot') {
        triage.reply(conv, {
          at: at(op.min),
          agentId: 'agent',
          automated: op.kind === 'bot',
          id: `r${n}`,
        });
        records++;
        ids.push(`r${n}`);
      } else if (op.kind === 'resolve') triage.resolve(conv, at(op.min));
      else if (op.kind === 'pause') triage.pause(conv, at(op.min));
      else triage.resume(conv, at(op.min));
    }
  }
  return { triage, records, ids };
}

describe('conservation', () => {
  it('every ingested mention is in exactly one place (open, answered, resolved, rejected)', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 40 }), (ops) => {
        const { triage, records, ids } = run(ops);
        const { counts } = triage.getSnapshot();
        expect(counts.open + counts.answered + counts.resolved + counts.rejected).toBe(records);
        const tally: Record<MentionPlace, number> = {
          open: 0,
          answered: 0,
          resolved: 0,
          rejected: counts.rejected,
        };
        for (const id of new Set(ids)) tally[triage.place(id)!]++;
        expect({ ...tally, rejected: counts.rejected }).toEqual(counts);
        // The queue holds exactly the open conversations.
        expect(triage.queue(at(1000), { limit: 100 }).length).toBe(
          triage.getSnapshot().openConversations,
        );
      }),
      { numRuns: 300 },
    );
  });
});

describe('state: JSON and merge', () => {
  it('a state round-trips through JSON and shards merge into the same queue as one process', () => {
    fc.assert(
      fc.property(
        fc.array(opArb, { maxLength: 40 }),
        fc.integer({ min: 0, max: 2000 }),
        (ops, nowMin) => {
          const whole = run(ops).triage;
          const shard = (k: number) =>
            run(
              ops.map((o, i) => [o, i] as [Op, number]).filter(([o]) => o.conv % 2 === k),
            ).triage.toJSON();
          const merged = createTriage(
            base,
            JSON.parse(JSON.stringify(mergeTriageStates(shard(0), shard(1)))),
          );
          const view = (t: typeof whole) =>
            t
              .queue(at(nowMin), { limit: 100 })
              .map((i) => [
                i.conversationId,
                i.rank,
                i.priority,
                i.department,
                i.sla?.dueAt,
                i.sla?.status,
              ]);
          const expected = view(whole);
          const reloaded = createTriage(base, JSON.parse(JSON.stringify(whole.toJSON())));
          expect(view(reloaded)).toEqual(expected);
          expect(view(merged).map((r) => r[0])).toEqual(expected.map((r) => r[0]));
          expect(view(merged)).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('TriageStateSchema', () => {
  it('accepts a saved state and rejects a tampered one', () => {
    const { triage } = run([
      {
        kind: 'in',
        conv: 1,
        text: 'complaint -0.9',
        min: 0,
        bad: true,
        dup: false,
        channel: 'public',
      },
      {
        kind: 'in',
        conv: 1,
        text: 'complaint -0.9',
        min: 1,
        bad: false,
        dup: false,
        channel: 'public',
      },
      { kind: 'reply', conv: 1, min: 5 },
      { kind: 'pause', conv: 1, min: 6 },
    ]);
    const saved = JSON.parse(JSON.stringify(triage.toJSON()));
    const state = TriageStateSchema.parse(saved);
    expect(createTriage(base, state).getSnapshot().counts).toEqual(triage.getSnapshot().counts);
    saved.conversations[0].decisions.m1.priority = 500;
    expect(TriageStateSchema.safeParse(saved).success).toBe(false);
  });
});

describe('smallestK', () => {
  it('equals sorting then slicing', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 50 })),
        fc.integer({ min: 0, max: 20 }),
        (xs, k) => {
          const cmp = (a: number, b: number) => a - b;
          expect(smallestK(xs, k, cmp, (x) => x)).toEqual([...xs].sort(cmp).slice(0, k));
        },
      ),
    );
  });
});

describe('triage reads a thread as the model does', () => {
  const brandAuthor = testAuthor('brand', { isBrand: true, isStaff: true });
  const remindMe = testAuthor('remindme', { handle: '@RemindMeBot', isBot: true });
  const awaiting = (triage: Triage, id: string) => triage.get(id)!.conversation.awaitingReply;

  it('a reply stamped the same second as the question answers it, even when its id sorts first', () => {
    const question = inbound('msg-9', 0, 'delivery_issue -0.8');
    const answer = testMention('msg-10', at(0), {
      direction: 'outbound',
      author: brandAuthor,
      text: 'On it.',
      inReplyToId: 'msg-9',
    });
    for (const input of [
      [question, answer],
      [answer, question],
    ]) {
      const triage = createTriage(base);
      triage.ingest(input);
      expect(triage.get('msg-9')!.conversation.mentions.map((m) => m.id)).toEqual([
        'msg-9',
        'msg-10',
      ]);
      expect(awaiting(triage, 'msg-9')).toBe(false);
      expect(triage.place('msg-9')).toBe('answered');
      expect(triage.coverage()).toEqual([]);
      expect(triage.getSnapshot().counts).toMatchObject({ open: 0, answered: 2 });
      // Still open, but waiting on the customer: no clock runs, so nothing is due.
      const [item] = triage.queue(at(5));
      expect(item).toMatchObject({ conversationId: 'msg-9', waitingSince: at(0) });
      expect(item!.sla).toBeUndefined();
      expect(triage.queue(at(120), { statuses: ['breached'] })).toEqual([]);
      expect(triage.workload(at(120)).every((d) => d.breached === 0)).toBe(true);
      // The same conversation from a saved state orders the same way.
      const loaded = createTriage(base, triage.toJSON());
      expect(loaded.place('msg-9')).toBe('answered');
      expect(loaded.get('msg-9')!.conversation.mentions.map((m) => m.id)).toEqual([
        'msg-9',
        'msg-10',
      ]);
    }
  });

  it('a same-second reply by triage.reply answers too, and a same-second follow-up then waits', () => {
    const triage = createTriage(base);
    triage.ingest(inbound('zz', 0, 'question'));
    triage.reply('zz', { at: at(0), agentId: 'mk', id: 'aa', text: 'Yes!' });
    expect(triage.place('zz')).toBe('answered');
    expect(awaiting(triage, 'zz')).toBe(false);
    triage.ingest(
      testMention('a0', at(0), { text: 'question', inReplyToId: 'aa', author: testAuthor('c-zz') }),
    );
    expect(triage.get('zz')!.conversation.mentions.map((m) => m.id)).toEqual(['zz', 'aa', 'a0']);
    expect(triage.place('a0')).toBe('open');
    expect(awaiting(triage, 'zz')).toBe(true);
    expect(triage.coverage().map((c) => c.mentionId)).toEqual(['a0']);
    expect(triage.getSnapshot().counts.open).toBe(1);
    // The follow-up has a deadline: next response, counted from its own second.
    const [item] = triage.queue(at(5));
    expect(item!.sla).toMatchObject({ target: 'next_response', dueAt: at(120) });
    expect(triage.sla('zz', at(5))!.nextDueAt).toBe(at(120));
  });

  it('an inbound bot in the thread is kept but decides nothing: no score, routing, priority or repeat contact', () => {
    const withBot = createTriage(base);
    const without = createTriage(base);
    for (const t of [withBot, without]) t.ingest([inbound('k1', 0, 'praise 0.8')]);
    const before = withBot.queue(at(1))[0]!;
    const botSays = testMention('k2', at(1), {
      text: 'billing_issue -0.95',
      author: remindMe,
      inReplyToId: 'k1',
    });
    const { accepted } = withBot.ingest([botSays]);
    expect(accepted).toEqual([{ mention: botSays, conversationId: 'k1' }]);
    expect(withBot.get('k1')!.conversation.mentions.map((m) => m.id)).toEqual(['k1', 'k2']);
    expect(withBot.queue(at(2))[0]).toMatchObject({
      conversationId: 'k1',
      priority: before.priority,
      department: before.department,
      band: before.band,
    });
    // The customer writing again is their second message, with or without the bot in between.
    const again = inbound('k3', 3, 'delivery_issue -0.5', {
      author: testAuthor('c-k1'),
      inReplyToId: 'k1',
    });
    const a = withBot.ingest([again]).accepted[0]!;
    const b = without.ingest([again]).accepted[0]!;
    expect(a.score).toEqual(b.score);
    expect(withBot.queue(at(4))[0]!.priority).toBe(without.queue(at(4))[0]!.priority);
  });

  it('an inbound bot after an agent reply does not put the conversation back in the queue', () => {
    const triage = createTriage(base);
    triage.ingest(inbound('p1', 0, 'delivery_issue -0.8'));
    triage.reply('p1', { at: at(10), agentId: 'mk', text: 'Sorry, on it.' });
    triage.ingest(
      testMention('p3', at(20), {
        text: 'I will remind you in 2 days',
        author: remindMe,
        inReplyToId: 'p1',
      }),
    );
    expect(awaiting(triage, 'p1')).toBe(false);
    expect(triage.place('p3')).toBe('answered');
    expect(triage.coverage()).toEqual([]);
    expect(triage.getSnapshot().counts.open).toBe(0);
    const [item] = triage.queue(at(300));
    expect(item!.sla).toBeUndefined();
    expect(item!.customer.id).toBe('c-p1');
    expect(item!.preview).toBe('delivery_issue -0.8');
    expect(triage.sla('p1', at(300))!.clocks.map((c) => c.status)).not.toContain('breached');
    expect(triage.workload(at(300)).every((d) => d.breached === 0)).toBe(true);
    // Nor does it reopen a resolved conversation.
    triage.resolve('p1', at(30));
    triage.ingest(
      testMention('p4', at(40), { text: 'Reminder!', author: remindMe, inReplyToId: 'p1' }),
    );
    expect(triage.get('p1')!.status).toBe('resolved');
    expect(triage.queue(at(50))).toEqual([]);
  });

  it('a conversation only a bot wrote into awaits nothing, as in the model', () => {
    const triage = createTriage(base);
    triage.ingest(testMention('b1', at(0), { text: 'complaint -0.9', author: remindMe }));
    const conversation = triage.get('b1')!.conversation;
    expect(conversation).toMatchObject({ lastSpeaker: 'automation', awaitingReply: false });
    expect(triage.place('b1')).toBe('answered');
    expect(triage.coverage()).toEqual([]);
    expect(triage.getSnapshot().counts.open).toBe(0);
    expect(triage.queue(at(600)).every((i) => i.sla === undefined)).toBe(true);
    expect(triage.queue(at(600), { statuses: ['pending', 'warning', 'breached'] })).toEqual([]);
    expect(triage.sla('b1', at(600))!.clocks).toEqual([]);
    // A person writing in later is the customer (not the bot) and waits.
    triage.ingest(
      testMention('b2', at(5), { text: 'question', inReplyToId: 'b1', author: testAuthor('c-b2') }),
    );
    expect(triage.get('b1')!.conversation.customer.id).toBe('c-b2');
    const [item] = triage.queue(at(6));
    expect(item).toMatchObject({ customer: { id: 'c-b2' }, waitingSince: at(5) });
    expect(item!.sla).toMatchObject({ target: 'first_response', dueAt: at(65) });
    expect(triage.place('b2')).toBe('open');
    expect(awaiting(triage, 'b1')).toBe(true);
  });
});

describe('escalation and pauses over a conversation’s life', () => {
  it('keeps a crisis flagged once a crisis level is reached, until resolved', () => {
    const triage = createTriage({
      ...base,
      escalation: [
        { id: 'crisis', after: 0, crisis: true },
        { id: 'ceo', after: 60 },
      ],
    });
    triage.ingest(inbound('k', 0, 'complaint -0.9', { channel: 'private' }));
    triage.escalate(at(90));
    expect(triage.get('k')).toMatchObject({ needsApproval: 'crisis', tags: ['crisis'] });
    triage.escalate(at(150));
    expect(triage.get('k')).toMatchObject({ escalation: 'ceo', needsApproval: 'crisis' });
    expect(triage.get('k')!.tags).toContain('crisis');
    // A saved state keeps it.
    const again = createTriage(
      {
        ...base,
        escalation: [
          { id: 'crisis', after: 0, crisis: true },
          { id: 'ceo', after: 60 },
        ],
      },
      JSON.parse(JSON.stringify(triage.toJSON())),
    );
    expect(again.get('k')!.needsApproval).toBe('crisis');
    triage.resolve('k', at(160));
    expect(triage.get('k')!.needsApproval).toBeUndefined();
  });

  it('escalates a later breach in the same conversation too: the ladder restarts once every clock is met', () => {
    const triage = createTriage({ ...base, escalation: [{ id: 'lead', after: 0 }] });
    triage.ingest(inbound('e', 0, 'delivery_issue -0.8', { channel: 'private' }));
    expect(triage.escalate(at(65)).map((n) => n.level)).toEqual(['lead']);
    triage.reply('e', { at: at(70), agentId: 'a', id: 'r1', text: 'Looking into it' });
    triage.ingest(
      inbound('e2', 80, 'question', {
        channel: 'private',
        author: testAuthor('c-e'),
        inReplyToId: 'r1',
      }),
    );
    // The follow-up's next-response clock (120 min) breaches at 200.
    expect(triage.escalate(at(190))).toEqual([]);
    expect(triage.escalate(at(205)).map((n) => [n.level, n.detail])).toEqual([
      ['lead', 'Escalated to lead: next response target missed'],
    ]);
    expect(triage.escalate(at(300))).toEqual([]);
  });

  it('keeps, across a save, which message the ladder climbed for: a follow-up saved unescalated is escalated', () => {
    const config = { ...base, escalation: [{ id: 'lead', after: 0 }] };
    const triage = createTriage(config);
    triage.ingest(inbound('f', 0, 'delivery_issue -0.8', { channel: 'private' }));
    expect(triage.escalate(at(65)).map((n) => n.level)).toEqual(['lead']);
    triage.reply('f', { at: at(70), agentId: 'a', id: 'r1', text: 'Looking into it' });
    triage.ingest(
      inbound('f2', 80, 'question', {
        channel: 'private',
        author: testAuthor('c-f'),
        inReplyToId: 'r1',
      }),
    );
    // Saved (and read back as JSON) while the follow-up waits, before its own clock breaches at 200.
    const saved = JSON.parse(JSON.stringify(triage.toJSON())) as TriageState;
    expect(saved.conversations[0]).toMatchObject({ escalation: 'lead', escalatedFor: at(0) });
    const reloaded = createTriage(config, TriageStateSchema.parse(saved));
    expect(reloaded.escalate(at(190))).toEqual([]);
    expect(reloaded.escalate(at(205)).map((n) => n.level)).toEqual(['lead']);
    // A state saved before escalatedFor was kept still loads: its escalation counts for the message waiting.
    const { escalatedFor: _, ...older } = saved.conversations[0]!;
    const fromOlder = createTriage(config, { ...saved, conversations: [older] });
    expect(fromOlder.escalate(at(205))).toEqual([]);
    // Merging keeps the escalation and the message it was for together.
    const { escalation: __, ...unescalated } = older;
    const merged = mergeTriageStates({ ...saved, conversations: [unescalated] }, saved);
    expect(merged.conversations[0]).toMatchObject({ escalation: 'lead', escalatedFor: at(0) });
  });

  it('ends a "waiting on the customer" pause when the customer writes, so their message gets a clock', () => {
    const triage = createTriage(base);
    triage.ingest(inbound('p', 0, 'delivery_issue -0.8', { channel: 'private' }));
    triage.reply('p', { at: at(5), agentId: 'a', id: 'r1', text: 'Your postcode?' });
    triage.pause('p', at(5));
    triage.ingest(
      inbound('p2', 20, 'question', {
        channel: 'private',
        author: testAuthor('c-p'),
        inReplyToId: 'r1',
      }),
    );
    expect(triage.queue(at(30))[0]).toMatchObject({
      conversationId: 'p',
      sla: { target: 'next_response', dueAt: at(140) },
    });
    expect(triage.toJSON().conversations[0]!.pauses).toEqual([
      { from: at(5), to: at(20), reason: 'waiting on the customer' },
    ]);
    // A pause for another reason lasts until resume.
    const held = createTriage(base);
    held.ingest(inbound('h', 0, 'delivery_issue -0.8', { channel: 'private' }));
    held.pause('h', at(5), 'waiting for the warehouse');
    held.ingest(
      inbound('h2', 20, 'question', {
        channel: 'private',
        author: testAuthor('c-h'),
        inReplyToId: 'h',
      }),
    );
    expect(held.queue(at(30))[0]!.sla).toBeUndefined();
  });
});

describe('checked before anything changes', () => {
  it('refuses a calendar it could not use when the triage is created, not in the middle of an ingest', () => {
    const withCalendar = (calendar: object) => () =>
      createTriage({
        ...base,
        calendars: [{ id: 'uk', ...calendar } as never],
        defaultCalendar: 'uk',
      });
    expect(withCalendar({ timeZone: 'Europe/Londn' })).toThrow(
      'Triage: calendar "uk": time zone "Europe/Londn" is not an IANA time zone such as Europe/London.',
    );
    expect(
      withCalendar({ timeZone: 'Europe/London', week: { mon: [{ start: '9am', end: '17:00' }] } }),
    ).toThrow(/mon "9am"–"17:00": times must be HH:MM/);
    expect(
      withCalendar({
        timeZone: 'Europe/London',
        week: { fri: [{ start: '22:00', end: '06:00' }] },
      }),
    ).toThrow(
      /fri 22:00–06:00 does not end after it starts \(split an overnight shift at midnight/,
    );
    expect(withCalendar({ timeZone: 'Europe/London', holidays: ['25/12/2026'] })).toThrow(
      /holiday "25\/12\/2026" is not a YYYY-MM-DD date/,
    );
    expect(withCalendar({ timeZone: 'Europe/London', holidays: ['2026-12-25'] })).not.toThrow();
  });

  it('rejects a record whose fields triage reads have the wrong type, and reads the rest of the batch', () => {
    const triage = createTriage({
      ...base,
      routing: {
        rules: [
          { id: 'gold', when: { author: { tiers: ['gold'] } }, then: { department: 'sales' } },
        ],
      },
    });
    const ok = inbound('ok1', 0, 'question');
    const r = triage.ingest([
      ok,
      inbound('t1', 1, 'question', { author: { ...testAuthor('crm'), tier: 2 as never } }),
      inbound('b1', 2, 'question', { author: { ...testAuthor('ann'), isBot: 'false' as never } }),
      inbound('c1', 3, 'question', { conversationId: 555 as never }),
      inbound('g1', 4, 'question', { tags: 'vip' as never }),
      inbound('p1', 5, 'question', { platform: 'twitter' as never }),
      inbound('ok2', 6, 'question'),
    ]);
    expect(r.accepted.map((a) => a.mention.id)).toEqual(['ok1', 'ok2']);
    expect(r.rejected.map((x) => [x.index, x.issues[0]!.path])).toEqual([
      [1, 'author.tier'],
      [2, 'author.isBot'],
      [3, 'conversationId'],
      [4, 'tags'],
      [5, 'platform'],
    ]);
    expect(r.rejected[1]!.issues[0]!.message).toBe('must be true or false, got "false"');
  });

  it('refuses configuration that names an SLA policy or a reassignment target that does not exist', () => {
    expect(() =>
      createTriage({
        ...base,
        slaPolicies: [{ id: 'vip-15', targets: { firstResponse: 15 } }],
        routing: {
          rules: [{ id: 'gold', when: { keywords: ['gold'] }, then: { slaPolicy: 'vip15' } }],
        },
      }),
    ).toThrow('Triage: routing rule "gold" uses unknown SLA policy "vip15" (policies: vip-15).');
    expect(() =>
      createTriage({ ...base, escalation: [{ id: 'boss', after: 0, reassign: 'Service' }] }),
    ).toThrow(
      'Triage: escalation level "boss" reassigns to "Service", which is neither a department nor an agent.',
    );
    expect(() =>
      createTriage({ ...base, escalation: [{ id: 'boss', after: 0, reassign: 'service' }] }),
    ).not.toThrow();
  });

  it('keeps a conversation unassigned by hand, and never fails to save a rejected record', () => {
    const triage = createTriage({
      ...base,
      agents: [{ id: 'mk', departments: ['logistics'], online: true, capacity: 1 }],
    });
    triage.ingest(inbound('u', 0, 'delivery_issue -0.8'));
    expect(triage.get('u')!.assignee).toBe('mk');
    triage.assign('u', null);
    expect(triage.get('u')!.assignee).toBeUndefined();
    triage.ingest(inbound('u2', 1, 'delivery_issue -0.8'));
    // The freed capacity went to the next conversation, not back to the one unassigned by hand.
    expect(triage.get('u2')!.assignee).toBe('mk');
    expect(triage.get('u')!.assignee).toBeUndefined();
    const circular: Record<string, unknown> = { id: 'loop' };
    circular.self = circular;
    triage.ingest([
      { id: 1795428000123456789n, platform: 'x', text: 'hi' },
      circular,
    ] as unknown as Mention[]);
    expect(() => JSON.stringify(triage.toJSON())).not.toThrow();
    expect(triage.toJSON().rejected).toHaveLength(2);
    // A saved state remembers the hand unassignment.
    const again = createTriage(
      { ...base, agents: [{ id: 'mk', departments: ['logistics'], online: true, capacity: 2 }] },
      JSON.parse(JSON.stringify(triage.toJSON())),
    );
    again.resolve('u2', at(3));
    expect(again.get('u')!.assignee).toBeUndefined();
  });

  it('saves a state that loads, and that neither changes with the triage nor changes it', () => {
    const triage = createTriage(base);
    triage.ingest([
      inbound('s1', 0, 'question', { createdAt: '2026-11-23T09:00Z' }),
      inbound('s2', 1, 'question', { createdAt: '2026-11-23 10:01:00+0100' }),
    ]);
    triage.pause('s1', at(10));
    const saved = triage.toJSON();
    expect(TriageStateSchema.safeParse(JSON.parse(JSON.stringify(saved))).success).toBe(true);
    expect(saved.conversations.map((c) => c.mentions[0]!.createdAt)).toEqual([at(0), at(1)]);
    triage.resume('s1', at(25));
    expect(saved.conversations[0]!.pauses).toEqual([
      { from: at(10), reason: 'waiting on the customer' },
    ]);
    saved.conversations[0]!.mentions.push(inbound('x', 30, 'question'));
    expect(triage.get('s1')!.conversation.mentions).toHaveLength(1);
  });
});

describe('queue reasons say what made the priority and the department', () => {
  it('explains the priority by what is still unanswered, and names escalation moves and raises', () => {
    const triage = createTriage({
      ...base,
      escalation: [{ id: 'boss', after: 0, reassign: 'service', raisePriority: 30 }],
    });
    triage.ingest(inbound('q', 0, 'complaint -0.9'));
    triage.reply('q', { at: at(5), agentId: 'a', id: 'r1', text: 'Sorry!' });
    triage.ingest(
      inbound('q2', 30, 'praise 0.8', { author: testAuthor('c-q'), inReplyToId: 'r1' }),
    );
    const [item] = triage.queue(at(31));
    // The department still comes from the complaint; the low priority from the thanks now waiting.
    expect(item!.reasons[0]).toBe('Complaint (80% sure) goes to Customer service');
    expect(item!.reasons.slice(1)).toContain('praise (80%)');
    expect(item!.reasons.slice(1).join(' | ')).not.toMatch(/complaint/i);
    const delivery = createTriage({
      ...base,
      escalation: [{ id: 'boss', after: 0, reassign: 'service', raisePriority: 30 }],
    });
    delivery.ingest(inbound('d', 0, 'delivery_issue -0.8'));
    delivery.escalate(at(120));
    const [moved] = delivery.queue(at(121));
    expect(moved!.department).toBe('service');
    expect(moved!.reasons).toContain('Moved to Customer service at escalation "boss"');
    expect(moved!.reasons).toContain('Priority +30 from escalation');
  });
});

describe('assignment follows routing', () => {
  it('hands a conversation over when a later message routes it to another department', () => {
    const triage = createTriage({
      ...base,
      agents: [
        { id: 'mia', departments: ['marketing'], online: true, capacity: 5 },
        { id: 'leo', departments: ['logistics'], online: true, capacity: 5 },
      ],
    });
    triage.ingest(inbound('h', 0, 'hello 0.2'));
    expect(triage.get('h')).toMatchObject({ assignee: 'mia' });
    triage.ingest(
      inbound('h2', 5, 'delivery_issue -0.8', { author: testAuthor('c-h'), inReplyToId: 'h' }),
    );
    const [item] = triage.queue(at(6));
    expect(item).toMatchObject({ department: 'logistics', assignee: 'leo' });
    expect(triage.workload(at(6)).find((w) => w.department === 'marketing')!.assigned).toBe(0);
  });
});

describe('merging shards', () => {
  it('keeps two platforms’ threads with the same key apart, and one pause saved open and ended is one pause', () => {
    const a = createTriage(base);
    a.ingest(inbound('100', 0, 'delivery_issue -0.8'));
    const b = createTriage(base);
    b.ingest(
      inbound('100', 5, 'billing_issue -0.6', { platform: 'mastodon', author: testAuthor('bob') }),
    );
    const merged = createTriage(base, mergeTriageStates(a.toJSON(), b.toJSON()));
    expect(
      merged
        .queue(at(10))
        .map((q) => q.conversationId)
        .sort(),
    ).toEqual(['100', 'mastodon:100']);
    expect(merged.place('100', 'mastodon')).toBe('open');
    expect(merged.place('100', 'x')).toBe('open');

    const t = createTriage(base);
    t.ingest(inbound('1', 0, 'delivery_issue -0.8'));
    t.pause('1', at(5), 'waiting for the warehouse');
    const early = JSON.parse(JSON.stringify(t.toJSON()));
    t.resume('1', at(10));
    const one = createTriage(base, mergeTriageStates(t.toJSON(), early));
    expect(one.toJSON().conversations[0]!.pauses).toEqual([
      { from: at(5), to: at(10), reason: 'waiting for the warehouse' },
    ]);
    expect(one.queue(at(120))[0]!.sla).toMatchObject({ status: 'breached' });
  });
});

describe('coverage', () => {
  it('lists a public mention answered only in private: the spectators never saw an answer', () => {
    const triage = createTriage(base);
    triage.ingest(inbound('pub', 0, 'complaint -0.8', { channel: 'public' }));
    triage.reply('pub', { at: at(5), agentId: 'a', channel: 'private', text: 'Sent you a DM' });
    expect(triage.coverage().map((c) => c.mentionId)).toEqual(['pub']);
    triage.reply('pub', { at: at(6), agentId: 'a', channel: 'public', text: 'We have DMed you' });
    expect(triage.coverage()).toEqual([]);
  });
});
