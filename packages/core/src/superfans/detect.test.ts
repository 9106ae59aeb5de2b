import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCommunity } from './community';
import { detectSuperfans } from './detect';
import {
  DAY,
  NOW,
  NOW_MS,
  daysAgo,
  interaction,
  randomCommunity,
  weekly,
  weeklyHelper,
} from './test-helpers';
import type { CommunityReport, Interaction, MemberReport } from './types';

function member(report: CommunityReport, id: string): MemberReport {
  const m = report.members.find((x) => x.memberId === id);
  if (!m) throw new Error(`${id} not in report`);
  return m;
}

/** A quiet helper, an influencer, an informant, a newcomer, a lurker. */
function community(): Interaction[] {
  return [
    ...weeklyHelper('ana', 30, { accepted: 4 }),
    // The influencer: reads, likes and follows every day, mentions the brand now and then.
    ...Array.from({ length: 200 }, (_, d) => interaction('inf', d % 2 ? 'like' : 'view', d)),
    interaction('inf', 'follow', 190),
    interaction('inf', 'mention', 3),
    interaction('inf', 'mention', 40),
    // The informant: comments weekly, three feature requests, one acted on.
    ...weekly('ina', 'comment', 20),
    interaction('ina', 'feature_request', 10, { outcome: 'actioned' }),
    interaction('ina', 'feature_request', 50),
    interaction('ina', 'bug_report', 90),
    // The newcomer: six answers in two weeks.
    ...Array.from({ length: 6 }, (_, i) =>
      interaction('neo', 'answer', i * 2 + 1, { targetMemberId: `asker-${i}` }),
    ),
    ...weekly('lurk', 'view', 26),
  ];
}

const members = [
  { id: 'ana', followers: 40 },
  { id: 'inf', followers: 1_200_000 },
];

describe('detectSuperfans', () => {
  const report = detectSuperfans(community(), { now: NOW, members });

  it('makes a quiet helper with 40 followers a superfan, with reasons in plain words', () => {
    const ana = member(report, 'ana');
    expect(ana.superfan).toBe(true);
    expect(ana.gate.paths).toEqual(['helper']);
    expect(ana.amplifier).toBe(false);
    expect(ana.subScores.helpfulness.peopleHelped).toBe(10);
    expect(ana.subScores.helpfulness.accepted).toBe(4);
    expect(ana.reasons.join('\n')).toContain(
      'answered 30 questions from 10 other people; 4 accepted',
    );
    expect(ana.rank).toBe(1);
  });

  it('never makes an influencer with no behaviour a superfan; followers only set the amplifier flag', () => {
    const inf = member(report, 'inf');
    expect(inf.superfan).toBe(false);
    expect(inf.amplifier).toBe(true);
    expect(inf.score).toBeLessThan(member(report, 'ana').score);
    expect(inf.subScores.depth.consumptionCapped).toBe(true);
    expect(inf.subScores.depth.byClass.consume).toBe(10);
    expect(inf.reasons.join('\n')).toContain('never scored');
  });

  it('lets an informant whose feedback was acted on through the informant path', () => {
    const ina = member(report, 'ina');
    expect(ina.superfan).toBe(true);
    expect(ina.gate.paths).toEqual(['informant']);
    expect(ina.subScores.intelligence.feedbackItems).toBe(3);
    expect(ina.subScores.intelligence.actioned).toBe(1);
  });

  it('keeps a newcomer out of the gate until they have tenure and presence, and says why', () => {
    const neo = member(report, 'neo');
    expect(neo.superfan).toBe(false);
    expect(neo.gate.checks.find((c) => c.name === 'helper')!.passed).toBe(true);
    expect(neo.gate.checks.find((c) => c.name === 'tenure')!.passed).toBe(false);
    expect(neo.reasons[0]).toMatch(/^not a superfan yet: .*since first seen; needs 60/);
    expect(neo.subScores.presence.trend).toBe('new');
  });

  it('gives a reader who only views no presence, no recency and no help', () => {
    const lurk = member(report, 'lurk');
    expect(lurk.subScores.presence.value).toBe(0);
    expect(lurk.subScores.recency.value).toBe(0);
    expect(lurk.subScores.helpfulness.percentile).toBe(0);
    expect(lurk.superfan).toBe(false);
  });

  it('sorts members by score, highest first, with ranks and percentiles', () => {
    const scores = report.members.map((m) => m.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(report.members.map((m) => m.rank)).toEqual(report.members.map((_, i) => i + 1));
    for (const m of report.members) {
      expect(m.score).toBeGreaterThanOrEqual(0);
      expect(m.score).toBeLessThanOrEqual(100);
    }
    expect(report.superfanCount).toBe(2);
  });

  it('lists the evidence behind every sub-score', () => {
    const ana = member(report, 'ana');
    expect(ana.subScores.helpfulness.evidence).toHaveLength(30);
    for (const id of ana.subScores.helpfulness.evidence) expect(id).toMatch(/^ana-answer-/);
    expect(ana.subScores.presence.evidenceCount).toBe(26);
    expect(ana.subScores.tenure.evidence).toHaveLength(1);
    expect(ana.subScores.recency.evidence).toEqual([ana.subScores.helpfulness.evidence[0]]);
  });

  it('does not count a complaint as abuse, but abuse blocks the gate', () => {
    const base = weeklyHelper('cara', 30);
    const complaining = detectSuperfans(
      [...base, interaction('cara', 'complaint', 2, { text: 'The app lost my order again' })],
      { now: NOW },
    );
    expect(member(complaining, 'cara').superfan).toBe(true);
    const abusive = detectSuperfans([...base, interaction('cara', 'abuse', 5)], { now: NOW });
    const cara = member(abusive, 'cara');
    expect(cara.superfan).toBe(false);
    expect(cara.gate.checks.find((c) => c.name === 'no_abuse')!.passed).toBe(false);
    // Said once, first, as final: not "not a superfan yet", and not repeated at the end.
    expect(cara.reasons[0]).toMatch(
      /^cannot be a superfan: abuse recorded by moderators on \d{4}-\d\d-\d\d$/,
    );
    expect(cara.reasons.filter((r) => r.includes('abuse'))).toHaveLength(1);
    const sanctioned = detectSuperfans(base, {
      now: NOW,
      members: [{ id: 'cara', abusive: true }],
    });
    expect(member(sanctioned, 'cara').superfan).toBe(false);
    expect(member(sanctioned, 'cara').reasons[0]).toBe(
      'cannot be a superfan: sanctioned by moderators',
    );
    expect(member(sanctioned, 'cara').reasons.filter((r) => r.includes('sanctioned'))).toHaveLength(
      1,
    );
  });

  it('excludes staff, brand accounts and bots, and counts what it left out', () => {
    const r = detectSuperfans(
      [
        ...weeklyHelper('sam', 30),
        ...weekly('bot', 'comment', 5),
        ...weeklyHelper('ana', 30),
        interaction('ana', 'comment', -3),
        { ...interaction('ana', 'comment', 2), at: 'not a date' },
      ],
      {
        now: NOW,
        members: [
          { id: 'sam', kind: 'staff' },
          { id: 'bot', kind: 'bot' },
        ],
      },
    );
    expect(r.members.map((m) => m.memberId)).toEqual(['ana']);
    expect(r.excludedMembers).toEqual(['bot', 'sam']);
    expect(r.ignored).toEqual({
      future: 1,
      excluded: 35,
      duplicates: 0,
      invalid: 1,
      withoutConsent: 0,
    });
  });

  it('does not count help to staff as help to another customer', () => {
    const r = detectSuperfans(
      Array.from({ length: 10 }, (_, i) =>
        interaction('ana', 'answer', i * 7 + 1, { targetMemberId: 'sam' }),
      ),
      { now: NOW, members: [{ id: 'sam', kind: 'staff' }] },
    );
    expect(member(r, 'ana').subScores.helpfulness.answers).toBe(0);
  });

  it('counts a repeated id once', () => {
    const list = weeklyHelper('ana', 10);
    const r = detectSuperfans([...list, ...list], { now: NOW });
    expect(r.ignored.duplicates).toBe(10);
    expect(member(r, 'ana').subScores.helpfulness.answers).toBe(10);
  });

  it('caps help to the same person so two friends cannot farm points', () => {
    const farm = Array.from({ length: 20 }, (_, i) =>
      interaction('ana', 'answer', i + 1, { targetMemberId: 'friend', outcome: 'accepted' }),
    );
    const r = detectSuperfans(farm, { now: NOW });
    const ana = member(r, 'ana');
    expect(ana.subScores.helpfulness.peopleHelped).toBe(1);
    expect(ana.subScores.helpfulness.value).toBeLessThanOrEqual(3 * 12);
    expect(ana.gate.checks.find((c) => c.name === 'helper')!.passed).toBe(false);
  });

  it('decays continuously: the same act one half-life ago counts half', () => {
    const r = detectSuperfans([interaction('a', 'comment', 0), interaction('b', 'comment', 90)], {
      now: NOW,
      halfLifeDays: 90,
    });
    const a = member(r, 'a').subScores.depth.value;
    const b = member(r, 'b').subScores.depth.value;
    expect(a).toBeCloseTo(3, 10);
    expect(b).toBeCloseTo(1.5, 10);
  });

  it('applies configurable weights and outcome bonuses', () => {
    const list = [interaction('a', 'answer', 0, { targetMemberId: 'b', outcome: 'accepted' })];
    expect(member(detectSuperfans(list, { now: NOW }), 'a').subScores.depth.value).toBeCloseTo(12);
    const custom = detectSuperfans(list, {
      now: NOW,
      weights: { help: 10 },
      outcomeWeights: { accepted: 0 },
    });
    expect(member(custom, 'a').subScores.depth.value).toBeCloseTo(10);
  });

  it('gauges presence against the member’s own baseline', () => {
    const r = detectSuperfans(weekly('gone', 'comment', 20, 35), { now: NOW });
    const p = member(r, 'gone').subScores.presence;
    expect(p.recentActiveWeeks).toBe(0);
    expect(p.gauge).toBe(0);
    expect(p.trend).toBe('quiet');
  });

  it('counts malformed records as invalid and refuses settings that are not numbers, saying which', () => {
    const ok = interaction('ana', 'answer', 2, { targetMemberId: 'ben' });
    const list = [
      ok,
      null,
      { ...ok, id: 'x1', memberId: undefined },
      { ...ok, id: 'x2', type: 'reply' },
    ] as unknown as Interaction[];
    const r = detectSuperfans(list, { now: NOW });
    expect(r.members.map((m) => m.memberId)).toEqual(['ana']);
    expect(r.ignored.invalid).toBe(3);
    const live = createCommunity();
    live.addMany(list);
    expect(live.report(NOW).ignored).toEqual(r.ignored);
    // The adapter's whole batch instead of its interactions is a mistake worth naming.
    expect(() => detectSuperfans({ interactions: [ok] } as never, { now: NOW })).toThrow(
      /pass its \.interactions/,
    );
    expect(() => detectSuperfans([ok], { now: NOW, weights: { help: '8' as never } })).toThrow(
      'weights.help must be a number of at least 0, got "8".',
    );
    expect(() =>
      detectSuperfans([ok], { now: NOW, gate: { minPeopleHelped: Number.NaN } }),
    ).toThrow('gate.minPeopleHelped must be a number of at least 0, got NaN.');
    expect(() => detectSuperfans([ok], { now: NOW, rankWeights: { helpfulness: -1 } })).toThrow(
      /rankWeights\.helpfulness/,
    );
  });

  it('rejects a now that is not a date', () => {
    expect(() => detectSuperfans([], { now: 'yesterday' })).toThrow(RangeError);
  });

  it('throws the now RangeError, not a TypeError, when the options or now are left out', () => {
    const call = detectSuperfans as (...args: unknown[]) => unknown;
    const missing = new RangeError('now must be an ISO 8601 date-time or epoch ms, got undefined');
    expect(() => call(weekly('a', 'comment', 2))).toThrow(missing);
    expect(() => call(weekly('a', 'comment', 2), {})).toThrow(missing);
    expect(() => call(weekly('a', 'comment', 2), null)).toThrow(missing);
  });

  it('reads times the same on every machine: no zone is unreadable, a date alone is midnight UTC', () => {
    expect(() => detectSuperfans([], { now: '2026-11-22 00:00' })).toThrow(
      /^now must be an ISO 8601 date-time or epoch ms, got "2026-11-22 00:00" \(no time zone/,
    );
    expect(() => detectSuperfans([], { now: 'Nov 22 2026' })).toThrow(RangeError);
    expect(detectSuperfans([], { now: '2026-11-22' }).now).toBe('2026-11-22T00:00:00.000Z');
    // An interaction without a zone is counted as unreadable, never read in the host's time zone.
    const r = detectSuperfans(
      [...weekly('a', 'comment', 3), { ...interaction('a', 'comment', 1), at: '2026-11-20 10:00' }],
      { now: NOW },
    );
    expect(r.ignored.invalid).toBe(1);
    expect(r.interactions).toBe(3);
  });

  it('reports community health: core/regular/casual and the helpers’ bus factor', () => {
    const r = detectSuperfans(
      [
        ...weeklyHelper('a', 40),
        ...weeklyHelper('b', 4),
        ...weekly('c', 'comment', 2),
        ...weekly('d', 'comment', 1),
        ...weekly('e', 'view', 3),
      ],
      { now: NOW },
    );
    expect(r.health.contributors).toBe(4);
    expect(r.health.core).toBe(1);
    // 40 of 47 contributions pass 80% with one member; the next two take it past 95%.
    expect(r.health.regular).toBe(2);
    expect(r.health.casual).toBe(1);
    expect(r.health.helperBusFactor).toBe(1);
    expect(r.health.helpers).toBe(2);
    expect(r.health.summary).toContain('fragile');
  });
});

describe('presence trend and reasons', () => {
  it('compares a newcomer only with the weeks since they were first seen: steady is not busier', () => {
    const r = detectSuperfans(
      [
        // Ana joined 5 weeks ago and answers once a week: too new to know her usual pace.
        ...weeklyHelper('ana', 5),
        // Bo joined 10 weeks ago and comments once a week: his usual pace.
        ...weekly('bo', 'comment', 10),
        // Cy commented once 12 weeks ago, then every week for the last 4: busier than usual.
        interaction('cy', 'comment', 12 * 7),
        ...weekly('cy', 'comment', 4),
      ],
      { now: NOW },
    );
    const ana = member(r, 'ana');
    expect(ana.subScores.presence).toMatchObject({ value: 5, gauge: null, trend: 'new' });
    expect(ana.subScores.presence.detail).toBe(
      'active 5 of the last 26 weeks, new: too soon to know their usual pace',
    );
    expect(ana.reasons.join('\n')).not.toMatch(/busier/);
    expect(member(r, 'bo').subScores.presence).toMatchObject({ gauge: 1, trend: 'steady' });
    const cy = member(r, 'cy');
    expect(cy.subScores.presence).toMatchObject({ gauge: 9, trend: 'rising' });
    expect(cy.reasons).toContain('busier than usual lately (4 of the last 4 weeks)');
  });

  it('calls a member who comes back after a long break returning, not new', () => {
    const r = detectSuperfans(
      [
        // Eva was first seen five years ago, said nothing for the whole window, and is back these four weeks.
        interaction('eva', 'comment', 5 * 365),
        ...weekly('eva', 'comment', 4),
        // Fay was first seen ten weeks ago and only spoke lately: she is new.
        interaction('fay', 'like', 10 * 7),
        ...weekly('fay', 'comment', 4),
      ],
      { now: NOW },
    );
    const eva = member(r, 'eva').subScores.presence;
    expect(eva).toMatchObject({ trend: 'rising', gauge: null });
    expect(eva.detail).toBe(
      'active 4 of the last 26 weeks, all of it in the last 4 weeks (back after a break)',
    );
    expect(member(r, 'eva').reasons.join('\n')).not.toMatch(/\(new\)/);
    expect(member(r, 'fay').subScores.presence.detail).toMatch(/\(new\)$/);
  });

  it('calls a newcomer with too little history new whether busier or quieter, but silent lately quiet', () => {
    const r = detectSuperfans(
      [
        // First seen 6 weeks ago: active 3 weeks in a row, then once in the last 4.
        ...weekly('dee', 'comment', 3, 4 * 7 + 1),
        interaction('dee', 'comment', 3),
        // First seen 6 weeks ago: active twice, then none of the last 4 weeks.
        interaction('eve', 'comment', 40),
        interaction('eve', 'comment', 33),
      ],
      { now: NOW },
    );
    expect(member(r, 'dee').subScores.presence).toMatchObject({ gauge: null, trend: 'new' });
    expect(member(r, 'eve').subScores.presence).toMatchObject({ gauge: 0, trend: 'quiet' });
    expect(member(r, 'eve').reasons).toContain('none of the last 4 weeks: gone quiet');
  });

  it('says each fact once: the status states the presence and tenure shortfalls, the rest how it changes', () => {
    const ana = member(detectSuperfans(weeklyHelper('ana', 5), { now: NOW }), 'ana');
    expect(ana.reasons).toEqual([
      'not a superfan yet: active 5 of the last 26 weeks; needs 13; 29 days since first seen; needs 60',
      "answered 5 other people's questions (on 5 days)",
      'new: too soon to know their usual pace',
    ]);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), (seed) => {
        for (const m of detectSuperfans(randomCommunity(seed, 300, 40), { now: NOW }).members) {
          const text = m.reasons.join('\n');
          expect(new Set(m.reasons).size).toBe(m.reasons.length);
          expect(text.match(/active \d+ of the last 26 weeks/g)?.length ?? 0).toBeLessThanOrEqual(
            1,
          );
          expect(/since first seen/.test(text) && /around for/.test(text)).toBe(false);
          // Nothing is lost: presence and tenure are in the reasons one way or the other.
          expect(text).toMatch(/active \d+ of the last 26 weeks|not active in the last 26 weeks/);
          expect(text).toMatch(/since first seen|around for/);
        }
      }),
      { numRuns: 20 },
    );
  });

  it('gives a superfan their presence and tenure in full', () => {
    const ana = member(detectSuperfans(weeklyHelper('ana', 30), { now: NOW }), 'ana');
    expect(ana.superfan).toBe(true);
    expect(ana.reasons).toContain('active 26 of the last 26 weeks, at their usual pace');
    expect(ana.reasons).toContain('around for 6 months');
  });
});

describe('hysteresis and alerts', () => {
  /** Reports day by day, each with the previous one, over `days` days ending at NOW. */
  function daily(list: Interaction[], days: number, withPrevious: boolean): CommunityReport[] {
    const reports: CommunityReport[] = [];
    let previous: CommunityReport | undefined;
    for (let d = days; d >= 0; d--) {
      const now = new Date(NOW_MS - d * DAY).toISOString();
      const r: CommunityReport = detectSuperfans(list, {
        now,
        ...(withPrevious && previous && { previous }),
      });
      reports.push(r);
      previous = r;
    }
    return reports;
  }
  const flips = (reports: CommunityReport[], id: string): number => {
    let n = 0;
    for (let i = 1; i < reports.length; i++) {
      const a = reports[i - 1]!.members.find((m) => m.memberId === id)?.superfan ?? false;
      const b = reports[i]!.members.find((m) => m.memberId === id)?.superfan ?? false;
      if (a !== b) n++;
    }
    return n;
  };

  // Active every 15 days: 12 or 13 active weeks of 26 depending on the day, right on the gate.
  const borderline = [
    ...Array.from({ length: 40 }, (_, i) =>
      interaction('bo', 'answer', i * 15 + 3, { targetMemberId: `asker-${i % 8}` }),
    ),
    ...Array.from({ length: 30 }, (_, i) => interaction(`other${i}`, 'comment', i * 3)),
  ];

  it('flickers without a previous report (the problem hysteresis solves)', () => {
    expect(flips(daily(borderline, 42, false), 'bo')).toBeGreaterThan(1);
  });

  it('does not flicker with the previous report: promotion at once, demotion only after grace', () => {
    const reports = daily(borderline, 42, true);
    expect(flips(reports, 'bo')).toBeLessThanOrEqual(1);
    const statuses = new Set(
      reports.map((r) => r.members.find((m) => m.memberId === 'bo')!.status),
    );
    expect(statuses.has('held')).toBe(true);
  });

  it('keeps presence and tenure in the reasons of a held superfan, whose status does not state them', () => {
    const held = daily(borderline, 42, true)
      .map((r) => r.members.find((m) => m.memberId === 'bo')!)
      .filter((m) => m.status === 'held');
    expect(held.length).toBeGreaterThan(0);
    for (const bo of held) {
      expect(bo.reasons[0]).toMatch(/^kept as superfan/);
      expect(bo.reasons).toContain(bo.subScores.presence.detail);
      expect(bo.reasons.some((r) => r.startsWith('around for '))).toBe(true);
      expect(new Set(bo.reasons).size).toBe(bo.reasons.length);
    }
  });

  it("names only the gate's real shortfalls when holding a helper: the informant path is an alternative, not a need", () => {
    const held = daily(borderline, 42, true)
      .map((r) => r.members.find((m) => m.memberId === 'bo')!)
      .filter((m) => m.status === 'held' && m.reasons[0]!.includes('below the gate'));
    expect(held.length).toBeGreaterThan(0);
    for (const bo of held) {
      // bo helps (the helper path passes) but gave no feedback: only presence is short.
      expect(bo.gate.paths).toEqual(['helper']);
      expect(bo.reasons[0]).toContain('below the gate (presence)');
      expect(bo.reasons[0]).not.toContain('informant');
    }
  });

  it('demotes a superfan who left only after the grace period under the low-water mark', () => {
    const list = [
      ...weeklyHelper('gone', 30).map((i) => ({
        ...i,
        at: new Date(Date.parse(i.at) - 200 * DAY).toISOString(),
      })),
      ...Array.from({ length: 50 }, (_, i) => interaction(`o${i}`, 'comment', i)),
    ];
    const reports = daily(list, 210, true);
    const status = reports.map((r) => r.members.find((m) => m.memberId === 'gone')!.status);
    expect(status[0]).toBe('superfan');
    expect(status.at(-1)).toBe('member');
    expect(flips(reports, 'gone')).toBe(1);
    const firstHeld = status.indexOf('held');
    const demoted = status.indexOf('member');
    expect(firstHeld).toBeGreaterThan(0);
    const lastReportHeld = reports[demoted - 1]!.members.find((m) => m.memberId === 'gone')!;
    expect(lastReportHeld.belowLowWaterSince).toBeDefined();
    const graceStart = Date.parse(lastReportHeld.belowLowWaterSince!);
    expect(Date.parse(reports[demoted]!.now) - graceStart).toBeGreaterThanOrEqual(28 * DAY);
  });

  it('raises rising, slipping and first-feedback-acted-on alerts', () => {
    const before = [
      ...weeklyHelper('ana', 30).map((i) => ({
        ...i,
        at: new Date(Date.parse(i.at) - 30 * DAY).toISOString(),
      })),
      ...weekly('ina', 'comment', 20),
      interaction('ina', 'feature_request', 60),
    ];
    const earlier = detectSuperfans(before, { now: daysAgo(7) });
    const later = detectSuperfans(
      [
        ...before,
        interaction('ina', 'bug_report', 3, { outcome: 'actioned' }),
        interaction('ina', 'feature_request', 2),
      ],
      { now: NOW, previous: earlier },
    );
    const kinds = later.alerts.map((a) => `${a.kind}:${a.memberId}`);
    expect(kinds).toContain('rising:ina');
    expect(kinds).toContain('first_feedback_actioned:ina');
    expect(kinds).toContain('slipping:ana');
    const first = later.alerts.find((a) => a.kind === 'first_feedback_actioned')!;
    expect(first.evidence).toHaveLength(1);
  });
});

describe('properties', () => {
  it('gives the same report whatever the input order (determinism)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 1, max: 1000 }),
        (seed, shuffleSeed) => {
          const list = randomCommunity(seed, 300, 40);
          const shuffled = [...list];
          let s = shuffleSeed;
          for (let i = shuffled.length - 1; i > 0; i--) {
            s = (s * 1103515245 + 12345) % 2147483648;
            const j = s % (i + 1);
            [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
          }
          expect(detectSuperfans(shuffled, { now: NOW })).toEqual(
            detectSuperfans(list, { now: NOW }),
          );
        },
      ),
      { numRuns: 20 },
    );
  });

  it('never lets followers change a score', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.array(fc.nat({ max: 10_000_000 }), { minLength: 40, maxLength: 40 }),
        (seed, followers) => {
          const list = randomCommunity(seed, 200, 40);
          const plain = detectSuperfans(list, { now: NOW });
          const loud = detectSuperfans(list, {
            now: NOW,
            members: followers.map((f, i) => ({ id: `m${i}`, followers: f })),
          });
          expect(loud.members.map((m) => [m.memberId, m.score, m.superfan])).toEqual(
            plain.members.map((m) => [m.memberId, m.score, m.superfan]),
          );
        },
      ),
      { numRuns: 20 },
    );
  });

  it('never makes a member with only views, likes, follows and mentions a superfan', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            type: fc.constantFrom('view', 'like', 'follow', 'mention', 'share' as const),
            days: fc.integer({ min: 0, max: 400 }),
          }),
          { maxLength: 300 },
        ),
        fc.nat({ max: 100_000_000 }),
        (acts, followers) => {
          const list = acts.map((a) => interaction('inf', a.type, a.days));
          list.push(interaction('inf', 'view', 399));
          const r = detectSuperfans(list, { now: NOW, members: [{ id: 'inf', followers }] });
          expect(member(r, 'inf').superfan).toBe(false);
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe('consent: ranking people is profiling', () => {
  const everyone = [
    ...weeklyHelper('ana', 30),
    ...weeklyHelper('bo', 30),
    ...weeklyHelper('cy', 30),
    interaction('cy', 'complaint', 3, { text: 'The lid broke' }),
  ];
  const directory = [
    { id: 'ana', name: 'Ana Yes', consent: { profiling: true } },
    { id: 'bo', name: 'Bo Objects', consent: { profiling: false, analytics: true } },
    { id: 'cy', name: 'Cy Unknown' },
  ];

  it('on legitimate interest (default) ranks everyone but a member who objected, counted and never named', () => {
    const r = detectSuperfans(everyone, { now: NOW, members: directory });
    expect(r.members.map((m) => m.memberId).sort()).toEqual(['ana', 'cy']);
    expect(r.membersWithoutConsent).toBe(1);
    expect(r.ignored.withoutConsent).toBe(30);
    expect(r.interactions).toBe(61);
    expect(JSON.stringify(r)).not.toMatch(/Bo Objects|"bo"/);
    expect(r.health.helpers).toBe(2);
  });

  it('on consent ranks only members who said yes', () => {
    const r = detectSuperfans(everyone, {
      now: NOW,
      members: directory,
      profilingBasis: 'consent',
    });
    expect(r.members.map((m) => m.memberId)).toEqual(['ana']);
    expect(r.membersWithoutConsent).toBe(2);
    expect(r.ignored.withoutConsent).toBe(61);
    // Without a directory nobody has said yes.
    const none = detectSuperfans(everyone, { now: NOW, profilingBasis: 'consent' });
    expect(none.members).toEqual([]);
    expect(none.membersWithoutConsent).toBe(3);
  });

  it('a live community agrees with detectSuperfans, and consent changed later applies at the next report', () => {
    for (const profilingBasis of ['legitimate_interest', 'consent'] as const) {
      const live = createCommunity({ profilingBasis });
      live.setMembers(directory);
      live.addMany(everyone);
      expect(live.report(NOW)).toEqual(
        detectSuperfans(everyone, { now: NOW, members: directory, profilingBasis }),
      );
    }
    const live = createCommunity();
    live.setMembers(directory);
    live.addMany(everyone);
    expect(live.report(NOW).members).toHaveLength(2);
    live.setMembers([{ id: 'ana', consent: { profiling: false } }]);
    const after = live.report(NOW);
    expect(after.members.map((m) => m.memberId)).toEqual(['cy']);
    expect(after.membersWithoutConsent).toBe(2);
  });

  it('rejects an unknown basis', () => {
    expect(() =>
      detectSuperfans(everyone, { now: NOW, profilingBasis: 'because' as 'consent' }),
    ).toThrow(/profilingBasis must be 'legitimate_interest' or 'consent', got "because"/);
  });
});
