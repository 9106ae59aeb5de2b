import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compilePhrases, keywordTokens } from './phrases';
import { compileRouting, DEFAULT_DEPARTMENTS, routeMention } from './routing';
import { RoutingConfigSchema, RoutingRuleSchema } from './schemas';
import { testAuthor, testMention, testSignals } from './fixtures';
import type { RoutingRule } from './types';

const at = '2026-11-20T09:00:00Z';

describe('keywordTokens', () => {
  it('ignores case, accents, zero-width characters and punctuation', () => {
    expect(keywordTokens('RÉ\u200Bfund now!!! 😡')).toEqual(['refund', 'now', '😡']);
    expect(keywordTokens("don't")).toEqual(['don', 't']);
    expect(keywordTokens('')).toEqual([]);
  });
});

describe('compilePhrases', () => {
  it('finds single words and multi-word phrases, whole words only', () => {
    const m = compilePhrases(['refund', 'never arrived', 'arrived late']);
    expect([...m.match(keywordTokens('It NEVER arrived, refund me'))].sort()).toEqual([0, 1]);
    expect(m.match(keywordTokens('refunded, it arrived'))).toEqual(new Set());
    expect(m.match(keywordTokens('never arrived late'))).toEqual(new Set([1, 2]));
  });

  it('agrees with a naive search on random word soups', () => {
    const word = fc.constantFrom('a', 'b', 'c', 'ab');
    fc.assert(
      fc.property(
        fc.array(fc.array(word, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 6 }),
        fc.array(word, { maxLength: 30 }),
        (phrases, text) => {
          const m = compilePhrases(phrases.map((p) => p.join(' ')));
          const expected = new Set<number>();
          phrases.forEach((p, i) => {
            for (let s = 0; s + p.length <= text.length; s++) {
              if (p.every((w, k) => text[s + k] === w)) expected.add(i);
            }
          });
          expect(m.match(text)).toEqual(expected);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('matchText(text) finds exactly what match(keywordTokens(text)) finds', () => {
    const piece = fc.constantFrom(
      'a',
      'b',
      'ab',
      'Ab',
      'é',
      'É',
      ' ',
      ',',
      '\u200b',
      '😡',
      'x1',
      '-',
      // Folded by keywordTokens into something else, or dropped: the fast scan must agree or step aside.
      '\ufe0f',
      '\u200d',
      '\u0301',
      '…',
      '£',
      '™',
      'ﬁ',
      'İ',
      'Σ',
      'ß',
      '❤',
      '🇬🇧',
      '\ud83d',
      'ת',
      '٣',
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(piece, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }),
        fc.array(piece, { maxLength: 30 }),
        (phrases, text) => {
          const m = compilePhrases(phrases.map((p) => p.join('')));
          const t = text.join('');
          expect(m.matchText(t)).toEqual(m.match(keywordTokens(t)));
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('routeMention: default model', () => {
  const mention = testMention('m1', at, { text: 'where is my parcel' });

  it('sends delivery problems to logistics even when they are also complaints', () => {
    const r = routeMention(
      mention,
      undefined,
      testSignals({ delivery_issue: 0.7, complaint: 0.9 }, -0.6),
    );
    expect(r).toMatchObject({ department: 'logistics', decidedBy: 'model', confidence: 0.7 });
    expect(r.matchedRule).toBeUndefined();
    expect(r.reasons[0]).toMatch(/Delivery problem \(70% sure\) goes to Logistics/);
  });

  it.each([
    ['feature_request', 'product'],
    ['bug_report', 'product'],
    ['purchase_intent', 'sales'],
    ['job_inquiry', 'hr'],
    ['billing_issue', 'service'],
    ['account_issue', 'service'],
    ['cancellation', 'service'],
    ['complaint', 'service'],
    ['partnership', 'marketing'],
    ['praise', 'marketing'],
  ] as const)('%s → %s', (intent, department) => {
    expect(routeMention(mention, undefined, testSignals({ [intent]: 0.8 })).department).toBe(
      department,
    );
  });

  it('leaves praise-only and unclear messages to marketing, with a low confidence', () => {
    const r = routeMention(mention, undefined, testSignals({}));
    expect(r).toMatchObject({ department: 'marketing', decidedBy: 'fallback' });
    expect(r.confidence).toBeLessThan(0.5);
    expect(routeMention(testMention('e', at, { text: '' })).decidedBy).toBe('fallback');
  });

  it('honours renamed departments and intent mappings', () => {
    const config = {
      departments: [...DEFAULT_DEPARTMENTS, { id: 'careers', name: 'Careers' }],
      intentDepartments: { job_inquiry: 'careers' },
    };
    expect(routeMention(mention, config, testSignals({ job_inquiry: 0.9 })).department).toBe(
      'careers',
    );
    expect(() => compileRouting({ intentDepartments: { job_inquiry: 'nope' } })).toThrow(
      /unknown department "nope"/,
    );
  });
});

describe('routeMention: rules', () => {
  const rules: RoutingRule[] = [
    { id: 'off', enabled: false, when: {}, then: { department: 'hr' } },
    {
      id: 'legal',
      description: 'Legal threats',
      when: { keywords: ['lawyer', 'see you in court'] },
      then: { department: 'service', needsApproval: 'legal', priorityBoost: 30, tags: ['legal'] },
    },
    {
      id: 'vip',
      when: { author: { tiers: ['VIP'] }, channels: ['public'] },
      then: { priorityBoost: 15, slaPolicy: 'vip' },
    },
    {
      id: 'angry-influencer',
      when: { author: { minFollowers: 10_000 }, sentiment: { labels: ['negative'] } },
      then: { department: 'marketing', needsApproval: 'crisis' },
    },
    {
      id: 'returns',
      when: { allKeywords: ['return', 'label'], noneKeywords: ['thanks'] },
      then: { department: 'logistics' },
    },
  ];

  it('first match wins and says which rule and why', () => {
    const m = testMention('m2', at, {
      text: 'My LAWYER will hear about this',
      author: testAuthor('a', { tier: 'vip' }),
    });
    const r = routeMention(m, rules, testSignals({ complaint: 0.9 }, -0.8));
    expect(r).toMatchObject({
      department: 'service',
      matchedRule: 'legal',
      decidedBy: 'rule',
      confidence: 1,
      priorityBoost: 30,
      needsApproval: 'legal',
      tags: ['legal'],
    });
    expect(r.reasons[0]).toBe(
      'Rule "legal" (Legal threats) matched: keyword "lawyer"; it sends this to Customer service',
    );
  });

  it('matches multi-word phrases across punctuation and case', () => {
    const m = testMention('m3', at, { text: 'Fine. SEE YOU... in court!' });
    expect(routeMention(m, rules).matchedRule).toBe('legal');
  });

  it('a rule without a department keeps the model department but applies its actions', () => {
    const m = testMention('m4', at, {
      text: 'where is my order',
      author: testAuthor('a', { tier: 'Vip' }),
    });
    const r = routeMention(m, rules, testSignals({ delivery_issue: 0.8 }));
    expect(r).toMatchObject({
      department: 'logistics',
      matchedRule: 'vip',
      decidedBy: 'model',
      slaPolicy: 'vip',
      priorityBoost: 15,
    });
    expect(r.reasons[0]).toContain('author tier Vip');
  });

  it('reads the text itself when no signals are given', () => {
    const r = routeMention(
      testMention('real', at, {
        text: 'My package never arrived and nobody answers. Where is my order??',
      }),
    );
    expect(r.department).toBe('logistics');
    expect(r.decidedBy).toBe('model');
  });

  it('conditions on sentiment and author facts', () => {
    const m = testMention('m5', at, { author: testAuthor('b', { followers: 50_000 }) });
    expect(routeMention(m, rules, testSignals({}, -0.7))).toMatchObject({
      matchedRule: 'angry-influencer',
      needsApproval: 'crisis',
    });
    expect(routeMention(m, rules, testSignals({}, 0.7)).matchedRule).toBeUndefined();
  });

  it('allKeywords needs every phrase and noneKeywords vetoes', () => {
    const route = (text: string) => routeMention(testMention('x', at, { text }), rules).matchedRule;
    expect(route('I need a return label')).toBe('returns');
    expect(route('I need a return')).toBeUndefined();
    expect(route('got the return label, thanks')).toBeUndefined();
  });

  it('conditions on platform, channel, direction and tags', () => {
    const tagged: RoutingRule[] = [
      {
        id: 'press',
        when: { tags: ['Press'], platforms: ['linkedin'], directions: ['inbound'] },
        then: { department: 'marketing' },
      },
    ];
    const m = testMention('t', at, { platform: 'linkedin', tags: ['press'] });
    expect(routeMention(m, tagged).matchedRule).toBe('press');
    expect(routeMention({ ...m, platform: 'x' }, tagged).matchedRule).toBeUndefined();
    expect(routeMention({ ...m, tags: [] }, tagged).matchedRule).toBeUndefined();
  });

  it('rejects unknown departments and repeated rule ids when compiling', () => {
    expect(() => compileRouting([{ id: 'a', when: {}, then: { department: 'legal' } }])).toThrow(
      /unknown department "legal"/,
    );
    expect(() =>
      compileRouting([
        { id: 'a', when: {}, then: {} },
        { id: 'a', when: {}, then: {} },
      ]),
    ).toThrow(/used twice/);
  });

  it('costs linear time on hostile text', () => {
    // 1 MiB of near-matches: the automaton never backtracks, so this finishes (no timing assertion).
    const text = 'see you in '.repeat(95_000) + 'court';
    expect(routeMention(testMention('h', at, { text }), rules).matchedRule).toBe('legal');
  });
});

describe('RoutingRuleSchema', () => {
  it('rejects typos in configuration', () => {
    expect(
      RoutingRuleSchema.safeParse({ id: 'a', when: { keyword: ['x'] }, then: {} }).success,
    ).toBe(false);
    expect(
      RoutingRuleSchema.safeParse({ id: 'a', when: {}, then: { departement: 'x' } }).success,
    ).toBe(false);
    expect(
      RoutingRuleSchema.safeParse({
        id: 'a',
        when: { intents: [{ intent: 'complaint', min: 2 }] },
        then: {},
      }).success,
    ).toBe(false);
  });

  it('accepts a full configuration', () => {
    const parsed = RoutingConfigSchema.parse({
      rules: [
        {
          id: 'a',
          when: { keywords: ['x'], intents: [{ intent: 'complaint' }] },
          then: { department: 'service' },
        },
      ],
      intentDepartments: { praise: 'marketing' },
    });
    expect(
      routeMention(testMention('s', at, { text: 'x' }), parsed, testSignals({ complaint: 0.6 }))
        .matchedRule,
    ).toBe('a');
  });
});
