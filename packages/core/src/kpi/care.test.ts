import { describe, expect, it } from 'vitest';
import { buildConversations } from '../model/conversations';
import type { Author, Mention } from '../model/schemas';
import {
  careEvents,
  careMetrics,
  conversationTiming,
  economicValue,
  postRates,
  shareOfVoice,
} from './care';
import { evaluateGoals } from './evaluate';
import { presetGoalTree } from './presets';

const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 2, 9, 0);
const at = (minutes: number) => new Date(T0 + minutes * MIN).toISOString();

function author(id: string, extra: Partial<Author> = {}): Author {
  return {
    id,
    handle: id,
    followers: 0,
    verified: false,
    isStaff: false,
    isBrand: false,
    isBot: false,
    ...extra,
  };
}
const brand = author('brand', { isBrand: true });
const bot = author('brand-bot', { isBrand: true, isBot: true });

let seq = 0;
function msg(
  who: Author,
  minutes: number,
  inReplyToId?: string,
  extra: Partial<Mention> = {},
): Mention {
  seq++;
  return {
    id: `m${seq}`,
    platform: 'x',
    channel: 'public',
    direction: who.isBrand ? 'outbound' : 'inbound',
    author: who,
    text: `message ${seq}`,
    createdAt: at(minutes),
    ...(inReplyToId !== undefined && { inReplyToId }),
    ...extra,
  };
}

/** A hand-made week of care: fast, slow, bot-only, unanswered and multi-turn conversations. */
function fixture(): Mention[] {
  seq = 0;
  const out: Mention[] = [];
  // 1: answered by a person after 10 min.
  const a = msg(author('c1'), 0);
  out.push(a, msg(brand, 10, a.id));
  // 2: a bot replies at once, a person after 90 min; then a follow-up answered after 20 min.
  const b = msg(author('c2', { consent: { analytics: true } }), 30);
  const b1 = msg(bot, 31, b.id);
  const b2 = msg(brand, 120, b.id);
  const b3 = msg(author('c2'), 200, b2.id);
  out.push(b, b1, b2, b3, msg(brand, 220, b3.id));
  // 3: only a bot replied: unanswered.
  const c = msg(author('c3'), 60);
  out.push(c, msg(bot, 61, c.id));
  // 4: answered after 45 min; the customer has the last word (not resolved).
  const d = msg(author('c4'), 300);
  const d1 = msg(brand, 345, d.id);
  out.push(d, d1, msg(author('c4'), 400, d1.id));
  // 5: answered after exactly 60 min (within a 60-minute target).
  const e = msg(author('c5'), 500);
  out.push(e, msg(brand, 560, e.id));
  // 6: outside the window (a week later).
  const f = msg(author('c6'), 60 * 24 * 8);
  out.push(f, msg(brand, 60 * 24 * 8 + 5, f.id));
  return out;
}

const WINDOW = { from: '2026-11-02T00:00:00Z', to: '2026-11-09T00:00:00Z' };

/** The straightforward computation, independent of the library: walk each thread by hand. */
function independent(mentions: Mention[], from: number, to: number, targetMs: number) {
  const parent = new Map(mentions.map((m) => [m.id, m.inReplyToId]));
  const root = (id: string): string => {
    let cur = id;
    for (let p = parent.get(cur); p !== undefined && parent.has(p); p = parent.get(cur)) cur = p;
    return cur;
  };
  const threads = new Map<string, Mention[]>();
  for (const m of mentions) threads.set(root(m.id), [...(threads.get(root(m.id)) ?? []), m]);
  const times: number[] = [];
  let started = 0;
  let within = 0;
  for (const list of threads.values()) {
    list.sort((x, y) => Date.parse(x.createdAt) - Date.parse(y.createdAt));
    const first = list.find((m) => m.direction === 'inbound');
    if (!first) continue;
    const t0 = Date.parse(first.createdAt);
    if (t0 < from || t0 >= to) continue;
    started++;
    const reply = list.find(
      (m) => m.direction === 'outbound' && !m.author.isBot && Date.parse(m.createdAt) >= t0,
    );
    if (!reply) continue;
    const ms = Date.parse(reply.createdAt) - t0;
    times.push(ms);
    if (ms <= targetMs) within++;
  }
  times.sort((x, y) => x - y);
  const mid = times.length / 2;
  const median = times.length % 2 ? times[Math.floor(mid)]! : (times[mid - 1]! + times[mid]!) / 2;
  return { median, withinShare: within / started, started };
}

describe('careMetrics', () => {
  const conversations = buildConversations(fixture());
  const care = careMetrics(conversations, { ...WINDOW, targetMs: 60 * MIN });

  it('counts only human replies: a bot answer leaves the conversation unanswered', () => {
    expect(care.needingAnswer).toBe(5);
    expect(care.answered).toBe(4);
    expect(care.responseRate).toBeCloseTo(0.8, 10);
  });

  it('measures first response from the first customer message to the first human reply', () => {
    // 10, 90, 45, 60 minutes → median 52.5 min, p90 = 60 + 0.7 × 30 = 81 min.
    expect(care.firstResponseMs.median).toBe(52.5 * MIN);
    expect(care.firstResponseMs.p90).toBeCloseTo(81 * MIN, 6);
    expect(care.withinTarget).toBeCloseTo(3 / 5, 10);
  });

  it('measures next response and resolution', () => {
    expect(care.nextResponseMs).toEqual({ median: 20 * MIN, p90: 20 * MIN, count: 1 });
    // Resolved (brand spoke last): 1 (10 min), 2 (190 min), 5 (60 min). 4 is waiting on the brand.
    expect(care.resolutionMs.count).toBe(3);
    expect(care.resolutionMs.median).toBe(60 * MIN);
  });

  it('reports CSAT and net sentiment with neutral in the denominator', () => {
    const ids = conversations.map((c) => c.id);
    const r = careMetrics(conversations, {
      ...WINDOW,
      targetMs: 60 * MIN,
      surveys: [
        { conversationId: ids[0]!, score: 5 },
        { conversationId: ids[1]!, score: 2 },
        { conversationId: 'elsewhere', score: 5 },
      ],
      sentimentOf: (m) =>
        m.author.id === 'c1' ? 'positive' : m.author.id === 'c3' ? 'negative' : 'neutral',
    });
    expect(r.csat).toBe(0.5);
    // 7 customer messages in scope: 1 positive, 1 negative, 5 neutral.
    expect(r.netSentiment).toBeCloseTo(0, 10);
    expect(care.csat).toBeNull();
    expect(care.noData.csat).toMatch(/no survey answers/);
  });

  it('gives nulls with reasons for an empty period, never NaN', () => {
    const empty = careMetrics(conversations, {
      from: '2020-01-01T00:00:00Z',
      to: '2020-02-01T00:00:00Z',
      targetMs: 1,
    });
    expect(empty.responseRate).toBeNull();
    expect(empty.firstResponseMs).toEqual({ median: null, p90: null, count: 0 });
    expect(empty.noData.responseRate).toMatch(/no conversation/);
    expect(JSON.stringify(empty)).not.toMatch(/NaN|null,"p90":NaN/);
    expect(() => careMetrics(conversations, { ...WINDOW, targetMs: Number.NaN })).toThrow(
      /targetMs/,
    );
  });

  it('ignores replies after now', () => {
    const early = careMetrics(conversations, { ...WINDOW, targetMs: 60 * MIN, now: at(50) });
    expect(early.answered).toBe(1);
    expect(conversationTiming(conversations[0]!).firstResponseMs).toBe(10 * MIN);
  });
});

describe('care KPIs through evaluateGoals agree with careMetrics and a hand computation', () => {
  it('gives the same first-response median and share within 60 minutes three ways', () => {
    const mentions = fixture();
    const conversations = buildConversations(mentions);
    const from = Date.parse(WINDOW.from);
    const to = Date.parse(WINDOW.to);
    const hand = independent(mentions, from, to, 60 * MIN);
    const care = careMetrics(conversations, { ...WINDOW, targetMs: 60 * MIN });
    const report = evaluateGoals(
      presetGoalTree({ departments: ['service'], owner: 'Care lead' }),
      careEvents(conversations),
      {
        ...WINDOW,
        now: '2026-11-20T00:00:00Z',
      },
    );
    const kpi = (id: string) => report.kpis.find((k) => k.kpi === id)!;
    expect(hand.started).toBe(5);
    expect(kpi('service.first_response_median').actual).toBe(hand.median);
    expect(care.firstResponseMs.median).toBe(hand.median);
    expect(kpi('service.within_target').actual).toBeCloseTo(hand.withinShare, 12);
    expect(care.withinTarget).toBeCloseTo(hand.withinShare, 12);
    expect(kpi('service.response_rate').actual).toBeCloseTo(care.responseRate!, 12);
    expect(kpi('service.first_response_p90').actual).toBeCloseTo(care.firstResponseMs.p90!, 6);
    expect(kpi('service.resolution_median').actual).toBe(care.resolutionMs.median);
  });
});

describe('post rates, economic value, share of voice', () => {
  it("computes Kaushik's rates per post and per thousand followers", () => {
    seq = 0;
    const posts = [
      msg(brand, 0, undefined, {
        metrics: { likes: 10, replies: 2, reposts: 3, quotes: 1, views: 100 },
      }),
      msg(brand, 5, undefined, {
        metrics: { likes: 20, replies: 4, reposts: 1, quotes: 0, views: 100 },
      }),
    ];
    const r = postRates(posts, { followers: 2000 });
    expect(r).toMatchObject({
      posts: 2,
      conversationRate: 3,
      amplificationRate: 2.5,
      applauseRate: 15,
    });
    expect(r.perThousandFollowers!.applauseRate).toBeCloseTo(7.5, 10);
    expect(postRates([]).conversationRate).toBeNull();
  });

  it('adds macro and micro outcomes into economic value', () => {
    expect(
      economicValue([
        { name: 'orders', count: 40, unitValue: 55 },
        { name: 'calls saved', count: 300, unitValue: 4, kind: 'micro' },
      ]),
    ).toMatchObject({ total: 3400, macro: 2200, micro: 1200 });
    expect(() => economicValue([{ name: 'bad', count: Number.NaN, unitValue: 1 }])).toThrow(
      /"bad"/,
    );
  });

  it('computes share of voice and refuses impossible counts', () => {
    expect(shareOfVoice(120, 480)).toBe(0.25);
    expect(shareOfVoice(0, 0)).toBeNull();
    expect(() => shareOfVoice(5, 4)).toThrow(RangeError);
  });
});

describe('care metrics read the thread the way customers lived it', () => {
  const window = { from: WINDOW.from, to: WINDOW.to, targetMs: 60 * MIN };

  it('counts a reply stamped the same second as the question as an answer', () => {
    const customer = author('c-tie');
    const question: Mention = { ...msg(customer, 0), id: 'msg-9' };
    const answer: Mention = { ...msg(brand, 0, 'msg-9'), id: 'msg-10' };
    const care = careMetrics(buildConversations([answer, question]), window);
    expect(care.responseRate).toBe(1);
    expect(care.firstResponseMs).toMatchObject({ median: 0, count: 1 });
    expect(care.resolutionMs).toMatchObject({ median: 0, count: 1 });
  });

  it('ignores bots writing in: they neither reopen a conversation nor open one', () => {
    const remindMe = author('remindme', { isBot: true });
    const p1 = msg(author('c-bot'), 0);
    const p2 = msg(brand, 10, p1.id);
    const p3 = msg(remindMe, 20, p2.id);
    const botOnly = msg(remindMe, 30);
    const conversations = buildConversations([p1, p2, p3, botOnly]);
    const care = careMetrics(conversations, {
      ...window,
      sentimentOf: (m) => (m.author.isBot ? 'negative' : 'positive'),
    });
    expect(care.needingAnswer).toBe(1);
    expect(care.responseRate).toBe(1);
    expect(care.resolutionMs).toMatchObject({ median: 10 * MIN, count: 1 });
    expect(care.nextResponseMs.count).toBe(0);
    expect(care.netSentiment).toBe(1);
    const events = careEvents(conversations);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      customerId: 'c-bot',
      resolved: true,
      resolutionMs: 10 * MIN,
      awaitingReply: false,
    });
  });
});

describe('care at a moment: what is known by now', () => {
  it('reads only the customer messages written by now for net sentiment, and who is waiting at now', () => {
    seq = 0;
    const first = msg(author('c1'), 0);
    const reply = msg(brand, 10, first.id);
    const later = msg(author('c1'), 60 * 24, reply.id, { text: 'still broken' });
    const conversations = buildConversations([first, reply, later]);
    const options = {
      from: at(-60),
      to: at(60 * 48),
      targetMs: 60 * MIN,
      now: at(30),
      sentimentOf: (m: Mention) => (m.text === 'still broken' ? ('negative' as const) : null),
    };
    // The complaint a day later is not yet written at now.
    expect(careMetrics(conversations, options).netSentiment).toBeNull();
    expect(careMetrics(conversations, { ...options, now: at(60 * 25) }).netSentiment).toBe(-1);
    // At now the brand had answered: nobody waits; a day later the customer does. now may be ISO 8601.
    expect(careEvents(conversations, 'care', at(30))[0]!.awaitingReply).toBe(false);
    expect(careEvents(conversations, 'care', at(60 * 25))[0]!.awaitingReply).toBe(true);
    expect(() => careEvents(conversations, 'care', 'tomorrow')).toThrow(/now must be/);
  });

  it('refuses a survey score that is not on the 1–5 scale, instead of reading 7 out of 10 as satisfied', () => {
    seq = 0;
    const conversations = buildConversations([msg(author('c1'), 0)]);
    const options = { from: at(-60), to: at(60), targetMs: 60 * MIN };
    const withScore = (score: number) => ({
      ...options,
      surveys: [
        { conversationId: 'm1', score: 5 },
        { conversationId: 'm1', score },
      ],
    });
    expect(careMetrics(conversations, withScore(4)).csat).toBe(1);
    for (const score of [7, 0, Number.NaN])
      expect(() => careMetrics(conversations, withScore(score))).toThrow(
        `surveys[1].score must be a number from 1 to 5, got ${score}`,
      );
  });

  it('leaves customers who objected to analytics out of the care metrics, and counts them', () => {
    seq = 0;
    const yes = msg(author('c1', { consent: { analytics: true } }), 0);
    const no = msg(author('c2', { consent: { analytics: false } }), 5);
    const unasked = msg(author('c3'), 10);
    const conversations = buildConversations([yes, no, unasked, msg(brand, 20, no.id)]);
    const care = careMetrics(conversations, { from: at(-60), to: at(60), targetMs: 60 * MIN });
    expect(care).toMatchObject({ needingAnswer: 2, answered: 0, objected: 1 });
  });
});

describe('careEvents and consent', () => {
  const ana = (consent: Author['consent']) => author('ana', consent ? { consent } : {});
  const conversationsOf = (...mentions: Mention[]) => buildConversations(mentions);

  it('reads the consent in force at now: a withdrawal applies to every conversation of that customer', () => {
    seq = 0;
    const conversations = conversationsOf(
      msg(ana({ analytics: true, recordedAt: at(-60) }), 0),
      msg(ana({ analytics: false, recordedAt: at(50) }), 60),
    );
    const consentAt = (now: number) =>
      careEvents(conversations, 'care', now).map((e) => [e.conversationId, e.consent]);
    // Before the withdrawal was recorded, both conversations may be used; after it, neither.
    expect(consentAt(T0 + 30 * MIN)).toEqual([['m1', true]]);
    expect(consentAt(T0 + 120 * MIN)).toEqual([
      ['m1', false],
      ['m2', false],
    ]);
    expect(careEvents(conversations).every((e) => e.consent === false)).toBe(true);
  });

  it('does not count consent recorded after now, and a message without consent facts changes nothing', () => {
    seq = 0;
    const conversations = conversationsOf(
      msg(ana({ analytics: true, recordedAt: at(500) }), 0),
      msg(ana(undefined), 60),
    );
    // Not established (nothing recorded by then) is no field at all: neither a yes nor an objection.
    expect(careEvents(conversations, 'care', T0 + 120 * MIN).map((e) => 'consent' in e)).toEqual([
      false,
      false,
    ]);
    expect(careEvents(conversations, 'care', T0 + 600 * MIN).map((e) => e.consent)).toEqual([
      true,
      true,
    ]);
  });
});
