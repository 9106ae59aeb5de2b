import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compilePhrases, keywordTokens } from './phrases';
import { compileRouting, DEFAULT_DEPARTMENTS, routeMention } from './routing';
import { RoutingConfigSchema, RoutingRuleSchema } from './schemas';
import { testAuthor, testMention, testSignals } from './fixtures';
import type { RoutingCondition, RoutingRule } from './types';

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

  it('reads the text itself: orders that went missing, returns and exchanges go to Logistics, not Sales', () => {
    const route = (text: string) => routeMention(testMention('t', at, { text })).department;
    expect(route("Where is my order? It's been 2 weeks")).toBe('logistics');
    expect(route("where's my order")).toBe('logistics');
    expect(route('I want to return these shoes')).toBe('logistics');
    expect(route('I would like to exchange my shoes for a bigger size')).toBe('logistics');
    expect(route('can I send it back?')).toBe('logistics');
    // "return" alone is too broad to mean a parcel.
    expect(route('please return my call')).not.toBe('logistics');
    expect(route('I want to buy the red kettle')).toBe('sales');
  });

  it('sends what it cannot place but that reads like a need to Customer service, and chatter to Marketing', () => {
    const route = (text: string) => routeMention(testMention('t', at, { text }));
    for (const text of [
      'ATM only gave me $20 instead of $100',
      'Mi paquete no ha llegado',
      'help',
    ]) {
      expect(route(text)).toMatchObject({ department: 'service', decidedBy: 'fallback' });
    }
    expect(route('My transfer was rejected').department).toBe('service');
    expect(route('ATM only gave me $20 instead of $100').reasons[0]).toBe(
      'Unclear what they need, but it reads like a problem or a question, so Customer service looks first',
    );
    expect(route('Just unboxed my new kettle').department).toBe('marketing');
    // A company can send unclear needs elsewhere, or keep everything unplaced in one department.
    const elsewhere = compileRouting({ unclearNeedDepartment: 'product' });
    expect(
      elsewhere.route(testMention('t', at, { text: 'ATM only gave me $20 instead of $100' }))
        .department,
    ).toBe('product');
    expect(() => compileRouting({ unclearNeedDepartment: 'legal' })).toThrow(
      /unclear-need department "legal" is not a known department/,
    );
  });

  it('reads customers asking for a person, an existing order, a carrier and a job in words', () => {
    const route = (text: string) => routeMention(testMention('t', at, { text })).department;
    expect(route('I need to chat with an operator')).toBe('service');
    expect(route('how do I talk to a live agent')).toBe('service');
    expect(route('what is the status of my order')).toBe('logistics');
    expect(route('I need assistance seeing the status of purchase 00123842')).toBe('logistics');
    expect(route('When will my new card arrive?')).toBe('logistics');
    expect(route('the box came crushed')).toBe('logistics');
    expect(route('can I get a return label?')).toBe('logistics');
    expect(route('I want to change my order')).toBe('sales');
    expect(route('how do I order the blue one?')).toBe('sales');
    // "top ups" is not the carrier, and an app's "resume" or "cron jobs" are not job seekers.
    expect(route('Is there a limit for top ups?')).not.toBe('logistics');
    expect(route('the fast resume setting is broken')).not.toBe('hr');
    expect(route('Do you have any openings for drivers?')).toBe('hr');
    expect(route('I applied for a position last week and never heard back')).toBe('hr');
    expect(route('does the kettle work at 110V?')).not.toBe('hr');
    // A partnership offer is specific: it beats a weak feature-request cue.
    expect(route('would love to collab with you, I have 50k followers')).toBe('marketing');
    // A card, bill or account that fails is a service matter; software that fails is a bug for Product.
    expect(route('My card is not working.')).toBe('service');
    expect(route('the app crashes when I open it')).toBe('product');
    expect(route('the checkout page shows an error')).toBe('product');
  });

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

  it('rejects an empty "any of" list (a form with nothing ticked) instead of matching every mention', () => {
    const refund = testMention('r', at, { text: 'Where is my refund?' });
    // keywords: [] used to be no condition at all, so this rule sent every message to Legal.
    const nothingTicked: RoutingRule[] = [
      {
        id: 'legal-watch',
        when: { keywords: [] },
        then: { department: 'service', needsApproval: 'legal' },
      },
    ];
    expect(() => compileRouting(nothingTicked)).toThrow(
      /rule "legal-watch" has an empty keywords list, which no message could match: remove it to match any/,
    );
    expect(() => routeMention(refund, nothingTicked)).toThrow(RangeError);
    const emptyLists: [RoutingCondition, string][] = [
      [{ platforms: [] }, 'platforms'],
      [{ channels: [] }, 'channels'],
      [{ intents: [] }, 'intents'],
      [{ sentiment: { labels: [] } }, 'sentiment.labels'],
      [{ tags: [] }, 'tags'],
      [{ author: { tiers: [] } }, 'author.tiers'],
      [{ author: { ids: [] } }, 'author.ids'],
    ];
    for (const [when, list] of emptyLists) {
      expect(() => compileRouting([{ id: 'x', when, then: {} }])).toThrow(`empty ${list} list`);
    }
    // "None of nothing" and "all of nothing" hold for every message: still accepted.
    expect(() =>
      compileRouting([{ id: 'ok', when: { noneKeywords: [], allKeywords: [] }, then: {} }]),
    ).not.toThrow();
  });

  it('rejects a keyword with no words, naming the rule and keyword, instead of matching every mention', () => {
    const money: RoutingRule[] = [
      { id: 'money-talk', when: { keywords: ['$$$', '€€€'] }, then: { department: 'sales' } },
    ];
    expect(() => compileRouting(money)).toThrow(RangeError);
    expect(() => compileRouting(money)).toThrow(/rule "money-talk" has the keyword "\$\$\$"/);
    expect(() =>
      routeMention(testMention('p', at, { text: 'My package never arrived' }), money),
    ).toThrow(/could never be found/);
    for (const when of [
      { keywords: ['refund', '!!!'] },
      { allKeywords: ['?'] },
      { noneKeywords: [''] },
    ]) {
      expect(() => compileRouting([{ id: 'bad', when, then: {} }])).toThrow(/rule "bad" has/);
    }
    // Disabled rules are checked too, like their departments, so turning one on cannot break routing.
    expect(() =>
      compileRouting([{ id: 'off', enabled: false, when: { keywords: ['!!!'] }, then: {} }]),
    ).toThrow(/rule "off"/);
    // Emoji and digits are words: still accepted.
    const emoji = compileRouting([
      { id: 'e', when: { keywords: ['😡', '404'] }, then: { department: 'product' } },
    ]);
    expect(emoji.route(testMention('e1', at, { text: 'page says 404' })).matchedRule).toBe('e');
    expect(emoji.route(testMention('e2', at, { text: 'all good' })).matchedRule).toBeUndefined();
  });

  it('finds keywords in scripts written without spaces inside longer text', () => {
    const cjk = compileRouting([
      {
        id: 'refund',
        when: { keywords: ['退款', '払い戻し', 'คืนเงิน', 'app退款'] },
        then: { department: 'service' },
      },
    ]);
    const route = (text: string) => cjk.route(testMention('c', at, { text })).matchedRule;
    expect(route('我要退款')).toBe('refund');
    expect(route('払い戻しをお願いします')).toBe('refund');
    expect(route('ฉันต้องการคืนเงินค่ะ')).toBe('refund');
    expect(route('我要退货')).toBeUndefined();
    expect(route('I want my money back')).toBeUndefined();
    // A Latin start still needs a word boundary: "app" is not found inside "happ".
    const latin = compileRouting([{ id: 'app', when: { keywords: ['app退款'] }, then: {} }]);
    expect(latin.route(testMention('l1', at, { text: '我的 app退款了' })).matchedRule).toBe('app');
    expect(latin.route(testMention('l2', at, { text: 'happ退款' })).matchedRule).toBeUndefined();
    const r = cjk.route(testMention('c2', at, { text: '请给我退款!' }));
    expect(r.reasons[0]).toBe(
      'Rule "refund" matched: keyword "退款"; it sends this to Customer service',
    );
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

  it('rejects keywords with no letters, digits or emoji, saying which and why', () => {
    const result = RoutingConfigSchema.safeParse({
      rules: [
        { id: 'ok', when: { keywords: ['refund'] }, then: {} },
        { id: 'money-talk', when: { keywords: ['refund', '$$$'] }, then: { department: 'sales' } },
      ],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toHaveLength(1);
    expect(result.error?.issues[0]).toMatchObject({
      path: ['rules', 1, 'when', 'keywords', 1],
      message: expect.stringMatching(/^keyword "\$\$\$" holds no letters, digits or emoji\./),
    });
    for (const when of [{ allKeywords: ['!!!'] }, { noneKeywords: [' '] }]) {
      expect(RoutingRuleSchema.safeParse({ id: 'a', when, then: {} }).success).toBe(false);
    }
    expect(
      RoutingRuleSchema.safeParse({ id: 'a', when: { keywords: ['退款', '😡', 'C++'] }, then: {} })
        .success,
    ).toBe(true);
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
