import { describe, expect, it, vi } from 'vitest';
import { buildConversations } from '../model/conversations';
import { parseMentions } from '../model/parse';
import type { Mention } from '../model/schemas';
import {
  createSampleWorld,
  generateSampleEvents,
  generateSampleMentions,
  sampleIncidents,
} from './index';
import { hashSeed, Random } from './random';
import { TimeHeap } from './heap';

const world = createSampleWorld();
const DAY = 86_400_000;

function dayOf(m: Mention): number {
  return Math.floor((Date.parse(m.createdAt) - Date.parse(world.start)) / DAY);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1]!;
}

describe('createSampleWorld', () => {
  it('gives a few thousand mentions over 30 days from the fixed default start', () => {
    expect(world.start).toBe('2026-10-01T00:00:00.000Z');
    expect(world.end).toBe('2026-10-31T00:00:00.000Z');
    expect(world.mentions.length).toBeGreaterThan(2_000);
    expect(world.mentions.length).toBeLessThan(10_000);
    expect(new Set(world.mentions.map((m) => m.platform)).size).toBeGreaterThanOrEqual(10);
  });

  it('produces only mentions that pass MentionSchema, each id once', () => {
    const { accepted, rejected } = parseMentions(world.mentions);
    expect(rejected).toEqual([]);
    expect(accepted).toHaveLength(world.mentions.length);
    // Parsing adds nothing: the generator already fills every default.
    expect(accepted[100]).toEqual(world.mentions[100]);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const a = createSampleWorld({ seed: 'abc', days: 5 });
    const b = createSampleWorld({ seed: 'abc', days: 5 });
    const c = createSampleWorld({ seed: 'abd', days: 5 });
    expect(b.mentions).toEqual(a.mentions);
    expect(b.labels).toEqual(a.labels);
    expect(c.mentions.map((m) => m.text)).not.toEqual(a.mentions.map((m) => m.text));
  });

  it('never uses Math.random or the clock', () => {
    const random = vi.spyOn(Math, 'random').mockImplementation(() => {
      throw new Error('Math.random used');
    });
    const now = vi.spyOn(Date, 'now').mockImplementation(() => {
      throw new Error('Date.now used');
    });
    try {
      expect(createSampleWorld({ days: 3 }).mentions.length).toBeGreaterThan(0);
    } finally {
      random.mockRestore();
      now.mockRestore();
    }
  });

  it('sorts mentions by time, within [start, end)', () => {
    const start = Date.parse(world.start);
    const end = Date.parse(world.end);
    let previous = start;
    for (const m of world.mentions) {
      const t = Date.parse(m.createdAt);
      expect(t).toBeGreaterThanOrEqual(previous);
      expect(t).toBeLessThan(end);
      previous = t;
    }
  });

  it('links every reply to an earlier mention of the same thread, platform and channel', () => {
    const byId = new Map(world.mentions.map((m) => [m.id, m]));
    let replies = 0;
    for (const m of world.mentions) {
      if (m.inReplyToId === undefined) continue;
      replies++;
      const parent = byId.get(m.inReplyToId);
      expect(parent, m.id).toBeDefined();
      expect(Date.parse(parent!.createdAt)).toBeLessThan(Date.parse(m.createdAt));
      expect(parent!.platform).toBe(m.platform);
      expect(parent!.channel).toBe(m.channel);
      expect(parent!.conversationId).toBe(m.conversationId);
    }
    expect(replies).toBeGreaterThan(world.mentions.length / 4);
  });

  it('has brand replies, mostly within the hour, some slow, some never, and an auto-responder', () => {
    const conversations = buildConversations(world.mentions);
    const firstReplyMinutes: number[] = [];
    let unanswered = 0;
    for (const c of conversations) {
      const opener = c.mentions[0]!;
      if (opener.direction !== 'inbound' || world.labels[opener.id]!.kind === 'spam') continue;
      const reply = c.mentions.find((m) => m.direction === 'outbound' && !m.author.isBot);
      if (!reply) unanswered++;
      else
        firstReplyMinutes.push(
          (Date.parse(reply.createdAt) - Date.parse(opener.createdAt)) / 60_000,
        );
    }
    const withinHour = firstReplyMinutes.filter((x) => x <= 60).length / firstReplyMinutes.length;
    expect(withinHour).toBeGreaterThan(0.5);
    expect(firstReplyMinutes.filter((x) => x > 8 * 60).length).toBeGreaterThan(20);
    expect(unanswered).toBeGreaterThan(100);
    const outbound = world.mentions.filter((m) => m.direction === 'outbound');
    expect(outbound.every((m) => m.author.isBrand)).toBe(true);
    expect(outbound.some((m) => m.author.isBot)).toBe(true);
    expect(outbound.some((m) => m.author.isStaff)).toBe(true);
  });

  it('contains a delivery spike from many distinct customers during the incident', () => {
    const [delivery] = world.incidents;
    expect(delivery).toMatchObject({
      start: '2026-10-18T06:00:00.000Z',
      end: '2026-10-21T00:00:00.000Z',
      department: 'logistics',
    });
    const perDay = new Array<number>(30).fill(0);
    const authorsInSpike = new Set<string>();
    for (const m of world.mentions) {
      if (world.labels[m.id]!.kind !== 'delivery_issue') continue;
      perDay[dayOf(m)]!++;
      if (m.createdAt >= delivery!.start && m.createdAt < delivery!.end)
        authorsInSpike.add(m.author.id);
    }
    const baseline = median(perDay.filter((_, d) => d < 17 || d > 19));
    expect(Math.min(perDay[17]!, perDay[18]!)).toBeGreaterThan(4 * baseline);
    expect(authorsInSpike.size).toBeGreaterThan(100);
    expect(world.mentions.some((m) => world.labels[m.id]!.incident === 0)).toBe(true);
  });

  it('has superfans who answer other customers', () => {
    const byId = new Map(world.mentions.map((m) => [m.id, m]));
    const fanIds = new Set(world.superfans.map((a) => a.id));
    const answers = world.mentions.filter((m) => world.labels[m.id]!.kind === 'superfan_answer');
    expect(answers.length).toBeGreaterThan(30);
    for (const answer of answers) {
      expect(fanIds.has(answer.author.id)).toBe(true);
      expect(answer.direction).toBe('inbound');
      const question = byId.get(answer.inReplyToId!)!;
      expect(question.author.id).not.toBe(answer.author.id);
      expect(question.direction).toBe('inbound');
    }
    expect(world.superfans.every((f) => world.roles[f.id] === 'superfan')).toBe(true);
  });

  it('has detractors who complain again and again, and staff', () => {
    for (const detractor of world.detractors) {
      const complaints = world.mentions.filter(
        (m) => m.author.id === detractor.id && world.labels[m.id]!.kind === 'complaint',
      );
      expect(complaints.length).toBeGreaterThanOrEqual(5);
    }
    expect(world.staff.length).toBeGreaterThan(0);
    expect(world.staff.every((s) => s.isStaff)).toBe(true);
    expect(world.mentions.some((m) => world.labels[m.id]!.kind === 'staff_post')).toBe(true);
  });

  it('draws follower counts from a heavy tail and gives customers facts and consent', () => {
    const people = world.authors.filter((a) => !a.isBrand && !a.isBot && a.followers > 0);
    const followers = people.map((a) => a.followers).sort((a, b) => a - b);
    const p50 = followers[followers.length >> 1]!;
    const p99 = followers[Math.floor(followers.length * 0.99)]!;
    expect(p99 / p50).toBeGreaterThan(20);
    const customers = world.authors.filter((a) => a.customerSince !== undefined);
    expect(customers.length).toBeGreaterThan(world.authors.length / 2);
    expect(customers.every((a) => a.lifetimeValue !== undefined && a.tier !== undefined)).toBe(
      true,
    );
    expect(new Set(customers.map((a) => a.tier))).toEqual(
      new Set(['standard', 'silver', 'gold', 'platinum']),
    );
    expect(customers.some((a) => a.consent === undefined)).toBe(true);
    expect(customers.some((a) => a.consent?.profiling === true)).toBe(true);
  });

  it('covers every kind of message a brand receives', () => {
    const kinds = new Set(Object.values(world.labels).map((l) => l.kind));
    for (const kind of [
      'praise',
      'feature_request',
      'bug_report',
      'purchase_question',
      'job_inquiry',
      'partnership',
      'spam',
      'billing_issue',
      'account_issue',
      'cancellation',
      'chase',
      'brand_post',
    ] as const) {
      expect(kinds, kind).toContain(kind);
    }
    expect(world.mentions.some((m) => /\p{Extended_Pictographic}/u.test(m.text))).toBe(true);
  });

  it('tags the texts that stories need', () => {
    const tagged = (tag: string) => world.mentions.filter((m) => m.tags?.includes(tag));
    expect(
      tagged('story:rtl')
        .map((m) => m.lang)
        .sort(),
    ).toEqual(['ar', 'he']);
    expect(tagged('story:long')[0]!.text.length).toBeGreaterThan(2_000);
    expect(tagged('story:hostile')[0]!.text).toContain('<script>');
    expect(tagged('story:emoji')).toHaveLength(1);
  });

  it('honours start, days and scale', () => {
    const small = createSampleWorld({ start: '2025-01-01T00:00:00+02:00', days: 4, seed: 3 });
    expect(small.start).toBe('2024-12-31T22:00:00.000Z');
    expect(small.mentions.every((m) => m.createdAt >= small.start && m.createdAt < small.end)).toBe(
      true,
    );
    const double = createSampleWorld({ days: 4, seed: 3, scale: 2 });
    const ratio = double.mentions.length / small.mentions.length;
    expect(ratio).toBeGreaterThan(1.6);
    expect(ratio).toBeLessThan(2.4);
  });

  it('can leave the incidents out', () => {
    const calm = createSampleWorld({ days: 30, incidents: false });
    expect(calm.incidents).toEqual([]);
    expect(calm.mentions.length).toBeLessThan(world.mentions.length);
  });

  it('rejects options it cannot honour', () => {
    expect(() => createSampleWorld({ days: 0 })).toThrow(RangeError);
    expect(() => createSampleWorld({ days: 2.5 })).toThrow(RangeError);
    expect(() => createSampleWorld({ scale: -1 })).toThrow(RangeError);
    expect(() => createSampleWorld({ scale: Number.NaN })).toThrow(RangeError);
    expect(() => createSampleWorld({ start: '2026-10-01T00:00:00' })).toThrow(/zone/);
    expect(() => createSampleWorld({ start: 'yesterday' })).toThrow(RangeError);
    // Dates that do not exist, and strings that are not ISO 8601, are refused rather than moved.
    expect(() => createSampleWorld({ start: '2026-02-30T00:00:00Z' })).toThrow(RangeError);
    expect(() => createSampleWorld({ start: 'Thu Oct 01 2026 00:00:00 GMT+0000' })).toThrow(
      RangeError,
    );
  });
});

describe('generateSampleMentions', () => {
  it('streams exactly the mentions of the world with the same options', () => {
    const options = { seed: 9, days: 6 };
    expect([...generateSampleMentions(options)]).toEqual(createSampleWorld(options).mentions);
  });

  it('streams events with the labels and roles of the world', () => {
    const options = { seed: 4, days: 3 };
    const small = createSampleWorld(options);
    for (const { mention, label, role } of generateSampleEvents(options)) {
      expect(small.labels[mention.id]).toEqual(label);
      if (small.roles[mention.author.id] !== role) expect(role).toBe('customer');
    }
  });
});

describe('sampleIncidents', () => {
  it('places incidents at the same share of shorter worlds, clipped to the end', () => {
    const incidents = sampleIncidents({ days: 3 });
    for (const incident of incidents) {
      expect(incident.start < incident.end).toBe(true);
      expect(incident.end <= '2026-10-04T00:00:00.000Z').toBe(true);
    }
    expect(sampleIncidents({ incidents: false })).toEqual([]);
  });
});

describe('Random', () => {
  it('repeats its sequence for a seed and stays in range', () => {
    const a = new Random(hashSeed('x'));
    const b = new Random(hashSeed('x'));
    for (let i = 0; i < 1_000; i++) {
      const v = a.next();
      expect(v).toBe(b.next());
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThan(1);
    }
    expect(hashSeed(1)).not.toBe(hashSeed('1'));
  });

  it('draws Poisson counts with the right mean', () => {
    const rng = new Random(5);
    let total = 0;
    for (let i = 0; i < 5_000; i++) total += rng.poisson(3);
    expect(total / 5_000).toBeCloseTo(3, 0);
  });
});

describe('TimeHeap', () => {
  it('pops by time, then insertion order', () => {
    const heap = new TimeHeap<{ time: number; seq: number }>();
    const items = [5, 1, 3, 1, 9, 0, 3].map((time, seq) => ({ time, seq }));
    for (const item of items) heap.push(item);
    const out: Array<[number, number]> = [];
    while (heap.size > 0) {
      const item = heap.pop()!;
      out.push([item.time, item.seq]);
    }
    expect(out).toEqual([
      [0, 5],
      [1, 1],
      [1, 3],
      [3, 2],
      [3, 6],
      [5, 0],
      [9, 4],
    ]);
  });
});
