import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildConversations } from '../model/conversations';
import type { Mention } from '../model/schemas';
import { analyzeText } from '../text/analyze';
import { apportion, scoreMention } from './score';
import { DEFAULT_SCORING_WEIGHTS } from './weights';

const NOW = '2026-11-22T12:00:00Z';

function mention(overrides: Partial<Mention> & { text: string }): Mention {
  return {
    id: 'm1',
    platform: 'x',
    channel: 'public',
    direction: 'inbound',
    author: {
      id: 'a1',
      handle: 'ann',
      followers: 200,
      verified: false,
      isStaff: false,
      isBrand: false,
      isBot: false,
    },
    createdAt: '2026-11-22T11:00:00Z',
    ...overrides,
  };
}

const sum = (xs: { contribution: number }[]) => xs.reduce((a, r) => a + r.contribution, 0);

describe('scoreMention', () => {
  it('reasons add up exactly to the priority, which is a whole number in 0..100', () => {
    const s = scoreMention(
      mention({
        text: 'My package NEVER arrived, third time asking, I will call my lawyer!!',
        metrics: { likes: 300, replies: 80, reposts: 120, quotes: 40, views: 90_000 },
        author: {
          id: 'a',
          handle: 'a',
          followers: 250_000,
          verified: true,
          isStaff: false,
          isBrand: false,
          isBot: false,
          lifetimeValue: 9000,
          tier: 'gold',
        },
      }),
      { now: NOW, priorContacts: 4 },
    );
    expect(Number.isInteger(s.priority)).toBe(true);
    expect(s.priority).toBeLessThanOrEqual(100);
    expect(sum(s.reasons)).toBe(s.priority);
    expect(s.band).toBe('critical');
  });

  it('reasons add up for any mention, metrics, weights and clock (property)', () => {
    const texts = [
      '',
      'thanks!',
      'where is my refund??',
      'free followers click here',
      'app crashed, lawyer',
      'ok',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...texts),
        fc.constantFrom('public', 'private') as fc.Arbitrary<'public' | 'private'>,
        fc.constantFrom('inbound', 'outbound') as fc.Arbitrary<'inbound' | 'outbound'>,
        fc.nat(10_000_000),
        fc.nat(100_000),
        fc.nat(10),
        fc.integer({ min: -48, max: 400 }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (text, channel, direction, followers, reposts, prior, hours, exposure) => {
          const m = mention({
            text,
            channel,
            direction,
            author: {
              id: 'a',
              handle: 'a',
              followers,
              verified: false,
              isStaff: false,
              isBrand: false,
              isBot: false,
            },
            metrics: {
              likes: reposts * 2,
              replies: reposts,
              reposts,
              quotes: 0,
              views: reposts * 50,
            },
          });
          const now = Date.parse(m.createdAt) + hours * 3_600_000;
          const s = scoreMention(m, { now, priorContacts: prior, weights: { exposure } });
          expect(Number.isInteger(s.priority)).toBe(true);
          expect(s.priority).toBeGreaterThanOrEqual(0);
          expect(s.priority).toBeLessThanOrEqual(100);
          expect(sum(s.reasons)).toBe(s.priority);
          for (const r of s.reasons) expect(Number.isInteger(r.contribution)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a public complaint being reshared outranks private praise', () => {
    const complaint = scoreMention(
      mention({
        text: 'my order never arrived and nobody answers',
        metrics: { likes: 150, replies: 30, reposts: 60, quotes: 12, views: 20_000 },
      }),
      { now: NOW },
    );
    const praise = scoreMention(
      mention({ id: 'm2', channel: 'private', text: 'Thank you, you are the best, love it!' }),
      { now: NOW },
    );
    expect(complaint.priority).toBeGreaterThan(praise.priority);
    expect(complaint.reasons.find((r) => r.factor === 'exposure')?.detail).toMatch(/reshared/);
  });

  it('a public complaint rises as it is reshared', () => {
    const base = { text: 'worst service ever, still no refund', createdAt: '2026-11-22T11:00:00Z' };
    const quiet = scoreMention(
      mention({ ...base, metrics: { likes: 0, replies: 0, reposts: 0, quotes: 0, views: 10 } }),
      { now: NOW },
    );
    const viral = scoreMention(
      mention({
        ...base,
        metrics: { likes: 900, replies: 200, reposts: 700, quotes: 150, views: 400_000 },
      }),
      { now: NOW },
    );
    expect(viral.priority).toBeGreaterThan(quiet.priority + 5);
  });

  it('waiting time, repeated contact and customer value raise the priority', () => {
    const m = mention({ text: 'where is my refund?' });
    const fresh = scoreMention(m, { now: m.createdAt });
    const waited = scoreMention(m, { now: '2026-11-23T11:00:00Z' });
    expect(waited.priority).toBeGreaterThan(fresh.priority);
    expect(waited.reasons.find((r) => r.factor === 'waiting')?.detail).toMatch(/waiting 24 h/);
    const repeated = scoreMention(m, { now: m.createdAt, priorContacts: 3 });
    expect(repeated.priority).toBeGreaterThan(fresh.priority);
    expect(repeated.reasons.find((r) => r.factor === 'repeat_contact')?.detail).toBe(
      '4th message from this person',
    );
    const vip = scoreMention(
      mention({
        text: 'where is my refund?',
        author: { ...m.author, lifetimeValue: 20_000, tier: 'vip' },
      }),
      { now: m.createdAt },
    );
    expect(vip.priority).toBeGreaterThan(fresh.priority);
  });

  it('reads waiting time and repeated contact from the conversation', () => {
    const first = mention({
      id: 'c1',
      text: 'my parcel is late',
      createdAt: '2026-11-22T06:00:00Z',
    });
    const second = mention({
      id: 'c2',
      inReplyToId: 'c1',
      text: 'hello?? still waiting',
      createdAt: '2026-11-22T10:00:00Z',
    });
    const [conversation] = buildConversations([first, second]);
    const s = scoreMention(second, { now: NOW, conversation });
    expect(s.reasons.find((r) => r.factor === 'waiting')?.detail).toMatch(/waiting 6 h/);
    expect(s.reasons.find((r) => r.factor === 'repeat_contact')?.detail).toBe(
      '2nd message from this person',
    );
  });

  it('a mention already answered by a person earns no waiting points', () => {
    const q = mention({ id: 'q', text: 'where is my refund?', createdAt: '2026-11-22T06:00:00Z' });
    const a = mention({
      id: 'r',
      inReplyToId: 'q',
      direction: 'outbound',
      text: 'We have refunded you today.',
      createdAt: '2026-11-22T07:00:00Z',
      author: {
        id: 'brand',
        handle: 'acme',
        followers: 0,
        verified: true,
        isStaff: true,
        isBrand: true,
        isBot: false,
      },
    });
    const [conversation] = buildConversations([q, a]);
    expect(
      scoreMention(q, { now: NOW, conversation }).reasons.some((r) => r.factor === 'waiting'),
    ).toBe(false);
  });

  it('crisis signals are their own reason', () => {
    const s = scoreMention(mention({ text: 'the charger exploded and burned my hand' }), {
      now: NOW,
    });
    const crisis = s.reasons.find((r) => r.factor === 'crisis');
    expect(crisis?.detail).toMatch(/possible crisis/);
    expect(s.band === 'high' || s.band === 'critical').toBe(true);
  });

  it('spam loses points but never goes below 0', () => {
    const s = scoreMention(
      mention({ text: 'free followers!! check my profile, click here http://spam.example' }),
      { now: NOW },
    );
    expect(s.priority).toBeGreaterThanOrEqual(0);
    expect(s.priority).toBeLessThan(25);
    expect(s.reasons.some((r) => r.detail.includes('spam'))).toBe(true);
    expect(sum(s.reasons)).toBe(s.priority);
  });

  it("the brand's own posts count for little", () => {
    const text = 'my package never arrived';
    const inbound = scoreMention(mention({ text }), { now: NOW });
    const outbound = scoreMention(mention({ text, direction: 'outbound' }), { now: NOW });
    expect(outbound.priority).toBeLessThan(inbound.priority);
  });

  it('reuses given signals and returns them', () => {
    const signals = analyzeText('I love it');
    const s = scoreMention(mention({ text: 'ignored when signals are given' }), {
      signals,
      now: NOW,
    });
    expect(s.signals).toBe(signals);
  });

  it('weights change the score: no exposure weight, no exposure reason', () => {
    const m = mention({
      text: 'terrible',
      metrics: { likes: 10, replies: 1, reposts: 5, quotes: 0, views: 100 },
    });
    expect(
      scoreMention(m, { now: NOW, weights: { exposure: 0 } }).reasons.some(
        (r) => r.factor === 'exposure',
      ),
    ).toBe(false);
    expect(DEFAULT_SCORING_WEIGHTS.exposure).toBeGreaterThan(0);
  });

  it('bad weights given at run time fall back to defaults: the priority is never NaN', () => {
    const m = mention({ text: 'where is my refund??' });
    const s = scoreMention(m, { now: NOW, weights: { exposure: Number.NaN, waiting: -3 } });
    expect(s).toEqual(scoreMention(m, { now: NOW }));
  });

  it('now defaults to the mention time (nothing depends on the clock)', () => {
    const m = mention({ text: 'where is my refund?' });
    expect(scoreMention(m)).toEqual(scoreMention(m, { now: m.createdAt }));
    expect(scoreMention(m).reasons.some((r) => r.factor === 'waiting')).toBe(false);
  });

  it('reasons read cleanly: no repeated words, no 0% runner-up, no negative tone on a neutral text', () => {
    const waiting = scoreMention(mention({ text: 'still waiting!!' }), { now: NOW });
    const urgent = waiting.reasons.find((r) => r.factor === 'urgency')!.detail;
    expect(urgent).toBe('urgent: still waiting');

    const spam = scoreMention(
      mention({ text: 'BUY NOW crypto giveaway click here free followers' }),
      {
        now: NOW,
      },
    );
    expect(spam.reasons.find((r) => r.factor === 'intents')!.detail).toBe('wants to buy (72%)');

    const neutral = mention({ text: 'BUY CHEAP DESIGNER BAGS 90% OFF www.bags-outlet.example' });
    expect(analyzeText(neutral.text).sentiment).toEqual({ score: -0.077, label: 'neutral' });
    const tone = scoreMention(neutral, { now: NOW }).reasons.find((r) => r.factor === 'sentiment');
    expect(tone?.detail).toBe('slightly negative tone (-0.08)');
    const angry = scoreMention(mention({ text: 'this is awful, worst service ever' }), {
      now: NOW,
    });
    expect(angry.reasons.find((r) => r.factor === 'sentiment')!.detail).toMatch(
      /^(very )?negative tone/,
    );
  });

  it('counts earlier contacts in whole messages', () => {
    const m = mention({ text: 'where is my refund?' });
    const detail = (priorContacts: number) =>
      scoreMention(m, { now: NOW, priorContacts }).reasons.find(
        (r) => r.factor === 'repeat_contact',
      )?.detail;
    expect(detail(1.5)).toBe('2nd message from this person');
    expect(detail(2)).toBe('3rd message from this person');
    expect(detail(0.5)).toBeUndefined();
    expect(detail(Number.NaN)).toBeUndefined();
    expect(detail(-2)).toBeUndefined();
  });

  it('an unreadable now is an error, not a silently dropped waiting time', () => {
    const m = mention({ text: 'where is my refund?' });
    for (const now of ['yesterday', '2026-11-22 10:00', '', Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => scoreMention(m, { now })).toThrow(RangeError);
    }
    expect(() => scoreMention(m, { now: 'yesterday' })).toThrow(
      'scoreMention: now must be an ISO 8601 date-time with a zone (Z or +hh:mm) or epoch milliseconds, got "yesterday".',
    );
    // The last good reading is not reused after a bad one (the clock keeps one reading).
    expect(scoreMention(m, { now: NOW }).priority).toBe(
      scoreMention(m, { now: Date.parse(NOW) }).priority,
    );
    expect(() => scoreMention(m, { now: 'yesterday' })).toThrow(RangeError);
  });
});

describe('apportion', () => {
  it('rounds to whole points that add up to the total', () => {
    expect(apportion([33.3, 33.3, 33.4], 100)).toEqual([33, 33, 34]);
    expect(apportion([10.4, -3.2], 7)).toEqual([10, -3]);
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { maxLength: 9 }),
        (xs) => {
          const total = Math.round(xs.reduce((a, b) => a + b, 0)) + 0; // + 0 turns -0 into 0
          const out = apportion(xs, total);
          expect(out.reduce((a, b) => a + b, 0)).toBe(total);
        },
      ),
    );
  });
});
