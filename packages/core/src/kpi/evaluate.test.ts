import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateGoals } from './evaluate';
import type { GoalEvent, GoalTree, Kpi, KpiResult } from './types';
import { GoalTreeError } from './validate';

const NOV = { from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z' };
const MID = '2026-11-16T00:00:00Z';
const day = (d: number, h = 12) => Date.UTC(2026, 10, d, h);

function tree(kpis: Kpi[], extra: Partial<GoalTree> = {}): GoalTree {
  return {
    objectives: [
      { id: 'company', name: 'Grow with happy customers', owner: 'CEO' },
      {
        id: 'sales',
        name: 'Sales from social',
        department: 'sales',
        parent: 'company',
        owner: 'Sales lead',
      },
    ],
    kpis,
    sources: [
      { id: 'orders', basis: 'contract', scopes: ['aggregate'] },
      { id: 'posts', basis: 'platform_terms', scopes: ['aggregate'] },
      {
        id: 'people',
        basis: 'consent',
        scopes: ['aggregate', 'per_person'],
        personField: 'person',
        consentField: 'consent',
      },
      { id: 'private', basis: 'legitimate_interest', scopes: [] },
    ],
    ...extra,
  };
}

const signups: Kpi = {
  id: 'signups',
  name: 'Sign-ups from social',
  objective: 'sales',
  level: 'outcome',
  unit: 'count',
  direction: 'increase',
  owner: 'Sales lead',
  baseline: 0,
  targets: [{ ...NOV, value: 100 }],
  metric: {
    kind: 'simple',
    measure: {
      source: 'orders',
      agg: 'count',
      filters: [{ field: 'channel', op: 'eq', value: 'social' }],
    },
  },
};

const byId = (kpis: KpiResult[], id: string) => kpis.find((k) => k.kpi === id)!;

function expectNoNaN(value: unknown): void {
  const text = JSON.stringify(value, (_k, v: unknown) =>
    typeof v === 'number' && !Number.isFinite(v) ? `BAD:${v}` : v,
  );
  expect(text).not.toMatch(/BAD:/);
}

describe('evaluateGoals: actuals, progress, pacing, status', () => {
  it('paces a count against the elapsed share of its target box', () => {
    const events: GoalEvent[] = [];
    for (let i = 0; i < 40; i++)
      events.push({ source: 'orders', at: day(1 + (i % 14)), channel: 'social' });
    for (let i = 0; i < 10; i++) events.push({ source: 'orders', at: day(3), channel: 'store' });
    const report = evaluateGoals(tree([signups]), events, { ...NOV, now: MID });
    const k = byId(report.kpis, 'signups');
    expect(k.actual).toBe(40);
    expect(k.progress).toBeCloseTo(0.4, 10);
    expect(k.elapsedShare).toBeCloseTo(0.5, 10);
    expect(k.pace).toBeCloseTo(0.8, 10);
    expect(k.status).toBe('at_risk');
    expect(k.statusReason).toBe(
      '40 of a target of 100 (40%) with 50% of the target period gone, on course for about 80 (pace 0.80); last period 0.',
    );
    expect(k.eventCount).toBe(40);
    expect(report.events.inWindow).toBe(50);
  });

  it("paces a count from 0 whatever its baseline, which is last period's total", () => {
    // 60 ideas shipped by mid-November against a target of 120 is exactly on pace, whatever last month's 100.
    const events = Array.from({ length: 60 }, (_, i) => ({
      source: 'orders',
      at: day(1 + (i % 14)),
      channel: 'social',
    }));
    const k = byId(
      evaluateGoals(
        tree([{ ...signups, baseline: 100, targets: [{ ...NOV, value: 120 }] }]),
        events,
        {
          ...NOV,
          now: MID,
        },
      ).kpis,
      'signups',
    );
    expect(k.progress).toBeCloseTo(0.5, 10);
    expect(k.pace).toBeCloseTo(1, 10);
    expect(k.status).toBe('on_track');
    expect(k.baseline).toBe(100);
    expect(k.statusReason).toMatch(/on course for about 120 \(pace 1\.00\); last period 100\.$/);
  });

  it('reads the target of a count that should go down as a limit: within it on pace, over it off track', () => {
    const escalations: Kpi = {
      ...signups,
      id: 'escalations',
      name: 'Escalations',
      direction: 'decrease',
      baseline: 60,
      targets: [{ ...NOV, value: 50 }],
    };
    const judge = (count: number, now: string) =>
      byId(
        evaluateGoals(
          tree([escalations]),
          Array.from({ length: count }, () => ({
            source: 'orders',
            at: day(1),
            channel: 'social',
          })),
          { ...NOV, now },
        ).kpis,
        'escalations',
      );
    // 10 by mid-month: on course for 20, well within 50.
    expect(judge(10, MID)).toMatchObject({ status: 'on_track', progress: null, pace: null });
    expect(judge(10, MID).statusReason).toBe(
      '10 of a limit of 50 with 50% of the target period gone, on course for about 20; last period 60.',
    );
    // 28 by mid-month is on course for 56: a little over the limit (at risk); 40 is on course for 80.
    expect(judge(28, MID).status).toBe('at_risk');
    expect(judge(40, MID).status).toBe('off_track');
    // Past the limit is off track, never "target reached".
    expect(judge(80, MID)).toMatchObject({
      status: 'off_track',
      statusReason: '80: over a limit of 50; last period 60.',
    });
    // 30 after three days is on course for 300.
    expect(judge(30, '2026-11-04T00:00:00Z').status).toBe('off_track');
    // The month over with 45: within the limit.
    expect(judge(45, '2026-12-03T00:00:00Z')).toMatchObject({ status: 'on_track' });
  });

  it('judges a past period by its own target, not by the one in force when the report is run', () => {
    const monthly: Kpi = {
      ...signups,
      targets: [
        { from: '2026-10-01T00:00:00Z', to: '2026-11-01T00:00:00Z', value: 40 },
        { ...NOV, value: 200 },
      ],
    };
    const october = Array.from({ length: 45 }, () => ({
      source: 'orders',
      at: Date.UTC(2026, 9, 10),
      channel: 'social',
    }));
    const k = byId(
      evaluateGoals(tree([monthly]), october, {
        from: '2026-10-01T00:00:00Z',
        to: '2026-11-01T00:00:00Z',
        now: '2026-11-05T00:00:00Z',
      }).kpis,
      'signups',
    );
    expect(k.target?.value).toBe(40);
    expect(k.status).toBe('on_track');
    // A window no target overlaps has no target, even if one is in force at now.
    const september = evaluateGoals(tree([monthly]), [], {
      from: '2026-09-01T00:00:00Z',
      to: '2026-10-01T00:00:00Z',
      now: '2026-11-05T00:00:00Z',
    });
    expect(byId(september.kpis, 'signups').target).toBeNull();
  });

  it('is on track once the target is reached, and off track well behind pace', () => {
    const many = Array.from({ length: 120 }, () => ({
      source: 'orders',
      at: day(2),
      channel: 'social',
    }));
    expect(
      byId(evaluateGoals(tree([signups]), many, { ...NOV, now: MID }).kpis, 'signups').status,
    ).toBe('on_track');
    const few = Array.from({ length: 5 }, () => ({
      source: 'orders',
      at: day(2),
      channel: 'social',
    }));
    const k = byId(evaluateGoals(tree([signups]), few, { ...NOV, now: MID }).kpis, 'signups');
    expect(k.status).toBe('off_track');
  });

  it('measures progress on a decreasing KPI from its baseline', () => {
    const time: Kpi = {
      ...signups,
      id: 'frt',
      name: 'First response (median)',
      unit: 'ms',
      direction: 'decrease',
      baseline: 7_200_000,
      targets: [{ ...NOV, value: 3_600_000 }],
      metric: { kind: 'simple', measure: { source: 'orders', agg: 'median', field: 'ms' } },
    };
    const events = [1_800_000, 5_400_000, 3_600_000].map((ms) => ({
      source: 'orders',
      at: day(2),
      ms,
    }));
    const k = byId(evaluateGoals(tree([time]), events, { ...NOV, now: MID }).kpis, 'frt');
    expect(k.actual).toBe(3_600_000);
    expect(k.progress).toBe(1);
    expect(k.status).toBe('on_track');
  });

  it('judges a neutral KPI by its distance from the target', () => {
    const neutral: Kpi = {
      ...signups,
      id: 'n',
      direction: 'neutral',
      targets: [{ ...NOV, value: 10, bands: { tolerance: 1 } }],
    };
    const events = Array.from({ length: 12 }, () => ({
      source: 'orders',
      at: day(2),
      channel: 'social',
    }));
    const k = byId(evaluateGoals(tree([neutral]), events, { ...NOV, now: MID }).kpis, 'n');
    expect(k.status).toBe('at_risk');
    expect(k.progress).toBeNull();
  });

  it('says no_target when no target covers the window', () => {
    const k = byId(
      evaluateGoals(
        tree([{ ...signups, targets: [] }]),
        [{ source: 'orders', at: day(2), channel: 'social' }],
        {
          ...NOV,
          now: MID,
        },
      ).kpis,
      'signups',
    );
    expect(k.status).toBe('no_target');
    expect(k.actual).toBe(1);
  });

  it('compares with the previous period of the same length', () => {
    const events = [
      { source: 'orders', at: Date.UTC(2026, 9, 10), channel: 'social' },
      { source: 'orders', at: Date.UTC(2026, 9, 11), channel: 'social' },
      { source: 'orders', at: day(3), channel: 'social' },
    ];
    const k = byId(evaluateGoals(tree([signups]), events, { ...NOV, now: MID }).kpis, 'signups');
    expect(k.previous).toBe(2);
    expect(k.change).toBeCloseTo(-0.5, 10);
  });
});

describe('evaluateGoals: no data, never NaN', () => {
  const rate: Kpi = {
    ...signups,
    id: 'rate',
    name: 'Share of social orders',
    unit: 'ratio',
    baseline: 0.1,
    targets: [{ ...NOV, value: 0.2 }],
    metric: {
      kind: 'ratio',
      numerator: {
        source: 'orders',
        agg: 'count',
        filters: [{ field: 'channel', op: 'eq', value: 'social' }],
      },
      denominator: {
        source: 'orders',
        agg: 'count',
        filters: [{ field: 'paid', op: 'eq', value: true }],
      },
    },
  };

  it('reports division by zero as no_data with the reason', () => {
    const report = evaluateGoals(
      tree([rate]),
      [{ source: 'orders', at: day(2), channel: 'social' }],
      {
        ...NOV,
        now: MID,
      },
    );
    const k = byId(report.kpis, 'rate');
    expect(k.actual).toBeNull();
    expect(k.status).toBe('no_data');
    expect(k.noDataReason).toMatch(/division by zero/);
    expectNoNaN(report);
  });

  it('tells an empty period (no events at all) from a zero count', () => {
    const empty = evaluateGoals(tree([signups]), [], { ...NOV, now: MID });
    expect(byId(empty.kpis, 'signups').status).toBe('no_data');
    expect(byId(empty.kpis, 'signups').noDataReason).toMatch(/no events from source "orders"/);
    const zero = evaluateGoals(
      tree([signups]),
      [{ source: 'orders', at: day(2), channel: 'store' }],
      {
        ...NOV,
        now: MID,
      },
    );
    expect(byId(zero.kpis, 'signups').actual).toBe(0);
    expectNoNaN(empty);
  });

  it('rejects bad events with reasons and skips non-finite values', () => {
    const avg: Kpi = {
      ...signups,
      id: 'avg',
      metric: { kind: 'simple', measure: { source: 'orders', agg: 'avg', field: 'amount' } },
    };
    const events = [
      { source: 'orders', at: Number.NaN },
      { source: 'orders', at: '2026-11-02T10:00:00' },
      null,
      { at: day(2) },
      { source: 'orders', at: day(2), amount: Number.POSITIVE_INFINITY },
      { source: 'orders', at: day(2), amount: '12' },
      { source: 'orders', at: '2026-11-02T10:00:00Z', amount: 10 },
      { source: 'orders', at: day(3), amount: 20 },
    ] as unknown as GoalEvent[];
    const report = evaluateGoals(tree([avg]), events, { ...NOV, now: MID });
    expect(report.events.rejected.map((r) => r.index)).toEqual([0, 1, 2, 3]);
    expect(report.events.rejected[1]!.reason).toMatch(/ISO 8601 date-time with a zone/);
    const k = byId(report.kpis, 'avg');
    expect(k.actual).toBe(15);
    expect(k.statusReason).toMatch(/2 matching event\(s\) in this period left out/);
    expect(report.warnings.some((w) => w.code === 'rejected_events')).toBe(true);
    expectNoNaN(report);
    // Events of the previous period feed the comparison only: their gaps are not this period's.
    const earlier = [
      ...events.slice(4),
      { source: 'orders', at: Date.UTC(2026, 9, 20), note: 'no amount' },
      { source: 'orders', at: Date.UTC(2026, 9, 21), note: 'no amount' },
    ] as unknown as GoalEvent[];
    expect(
      byId(evaluateGoals(tree([avg]), earlier, { ...NOV, now: MID }).kpis, 'avg').statusReason,
    ).toMatch(/ 2 matching event\(s\) in this period left out/);
  });

  it('never puts NaN or Infinity in a report, whatever the values (property)', () => {
    const avg: Kpi = { ...rate, id: 'r2' };
    const sum: Kpi = {
      ...signups,
      id: 's',
      metric: { kind: 'simple', measure: { source: 'orders', agg: 'sum', field: 'v' } },
    };
    const p90: Kpi = {
      ...signups,
      id: 'p',
      metric: {
        kind: 'simple',
        measure: { source: 'orders', agg: 'percentile', percentile: 90, field: 'v' },
      },
    };
    const growth: Kpi = {
      ...signups,
      id: 'g',
      unit: 'ratio',
      metric: {
        kind: 'derived',
        expr: {
          op: 'div',
          left: { op: 'sub', left: { kpi: 's' }, right: { kpi: 's', offset: 1 } },
          right: { kpi: 's', offset: 1 },
        },
      },
    };
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            at: fc.integer({ min: Date.UTC(2026, 9, 1), max: Date.UTC(2026, 11, 5) }),
            v: fc.oneof(fc.double(), fc.constant(1e308), fc.constant(-1e308)),
            channel: fc.constantFrom('social', 'store'),
            paid: fc.boolean(),
          }),
          { maxLength: 60 },
        ),
        (rows) => {
          const events = rows.map((r) => ({ source: 'orders', ...r }));
          const report = evaluateGoals(tree([avg, sum, p90, growth]), events, {
            ...NOV,
            now: MID,
            grain: 'week',
          });
          expectNoNaN(report);
        },
      ),
      { numRuns: 80 },
    );
  });
});

describe('evaluateGoals: the period before', () => {
  // One social order every day at noon, October and November 2026.
  const steady: GoalEvent[] = [];
  for (let t = Date.UTC(2026, 9, 1, 12); t < Date.UTC(2026, 11, 1); t += 86_400_000) {
    steady.push({ source: 'orders', at: t, channel: 'social' });
  }
  const upTo = (now: string) => steady.filter((e) => (e.at as number) < Date.parse(now));

  it('compares a month still going on with the month before to the same day, so a steady count is no fall', () => {
    const report = evaluateGoals(tree([signups]), upTo(MID), { ...NOV, now: MID });
    expect(report.previous).toEqual({
      from: '2026-10-01T00:00:00.000Z',
      to: '2026-10-16T00:00:00.000Z',
    });
    const k = report.kpis[0]!;
    expect([k.actual, k.previous, k.change]).toEqual([15, 15, 0]);
  });

  it('compares a whole calendar month with the calendar month before (October has 31 days)', () => {
    const now = '2026-12-01T00:00:00Z';
    const report = evaluateGoals(tree([signups]), upTo(now), { ...NOV, now });
    expect(report.previous).toEqual({
      from: '2026-10-01T00:00:00.000Z',
      to: '2026-11-01T00:00:00.000Z',
    });
    const k = report.kpis[0]!;
    expect([k.actual, k.previous]).toEqual([30, 31]);
    expect(k.change).toBeCloseTo(30 / 31 - 1, 10);
  });

  it('compares a window that is not whole calendar periods with the same length just before', () => {
    const from = '2026-11-03T12:00:00Z';
    const to = '2026-11-13T12:00:00Z';
    const report = evaluateGoals(tree([signups]), upTo(to), { from, to, now: to });
    expect(report.previous).toEqual({
      from: '2026-10-24T12:00:00.000Z',
      to: '2026-11-03T12:00:00.000Z',
    });
  });
});

describe('evaluateGoals: text where a filter asks for a boolean', () => {
  it('warns when events were not counted because a CSV wrote "true" where the filter asks for true', () => {
    const answered: Kpi = {
      ...signups,
      id: 'answered',
      metric: {
        kind: 'simple',
        measure: {
          source: 'orders',
          agg: 'count',
          filters: [{ field: 'paid', op: 'eq', value: true }],
        },
      },
    };
    const events = [
      { source: 'orders', at: day(3), channel: 'social', paid: true },
      { source: 'orders', at: day(4), channel: 'social', paid: 'TRUE' },
      { source: 'orders', at: day(5), channel: 'social', paid: 'true' },
      { source: 'orders', at: day(6), channel: 'social', paid: 'false' },
    ];
    const report = evaluateGoals(tree([answered]), events, { ...NOV, now: MID });
    expect(byId(report.kpis, 'answered').actual).toBe(1);
    const warning = report.warnings.find((w) => w.code === 'filter_type_mismatch');
    expect(warning).toMatchObject({ kpi: 'answered' });
    expect(warning!.message).toBe(
      '2 event(s) in this period were not counted because "paid" holds text ("TRUE") where the filter asks for the value true: load "paid" as a boolean.',
    );
  });

  it('says nothing when the events hold real booleans', () => {
    const report = evaluateGoals(
      tree([signups]),
      [{ source: 'orders', at: day(3), channel: 'email' }],
      { ...NOV, now: MID },
    );
    expect(report.warnings.map((w) => w.code)).not.toContain('filter_type_mismatch');
  });
});

describe('evaluateGoals: currency', () => {
  it('carries a currency KPI’s ISO code into its result, so a display shows EUR as EUR', () => {
    const revenue: Kpi = {
      ...signups,
      id: 'revenue',
      unit: 'currency',
      currency: 'EUR',
      metric: { kind: 'simple', measure: { source: 'orders', agg: 'sum', field: 'amount' } },
    };
    const report = evaluateGoals(
      tree([revenue, signups]),
      [{ source: 'orders', at: day(3), channel: 'social', amount: 1200 }],
      { ...NOV, now: MID },
    );
    expect(byId(report.kpis, 'revenue').currency).toBe('EUR');
    expect(byId(report.kpis, 'revenue').actual).toBe(1200);
    expect(byId(report.kpis, 'signups')).not.toHaveProperty('currency');
  });
});

describe('evaluateGoals: metric kinds', () => {
  it('takes the last snapshot per account for a semi-additive follower count, never the sum over days', () => {
    const followers: Kpi = {
      ...signups,
      id: 'followers',
      level: 'output',
      targets: [],
      metric: {
        kind: 'simple',
        measure: { source: 'posts', agg: 'sum', field: 'followers' },
        additivity: 'semi_additive',
        snapshotBy: 'account',
      },
    };
    const events = [
      { source: 'posts', at: day(1), account: 'x', followers: 1000 },
      { source: 'posts', at: day(2), account: 'x', followers: 1010 },
      { source: 'posts', at: day(3), account: 'x', followers: 1020 },
      { source: 'posts', at: day(1), account: 'ig', followers: 500 },
      { source: 'posts', at: day(2), account: 'ig', followers: 505 },
    ];
    const report = evaluateGoals(tree([followers]), events, { ...NOV, now: MID });
    const k = byId(report.kpis, 'followers');
    expect(k.actual).toBe(1525);
    expect(k.trend[1]!.value).toBe(1515);
    expect(k.trend[4]!.value).toBeNull();
  });

  it('marks the trend buckets that cover only part of their week: cut by the report period or still going on', () => {
    const events = [1, 3, 5, 9, 10, 12, 17, 18].map((d) => ({
      source: 'orders',
      at: day(d),
      channel: 'social',
    }));
    // November 2026 starts on a Sunday; now is Thursday the 19th at noon.
    const report = evaluateGoals(tree([signups]), events, {
      ...NOV,
      now: '2026-11-19T12:00:00Z',
      grain: 'week',
    });
    const partial = report.kpis[0]!.trend.map((p) => [
      p.start.slice(5, 10),
      p.partial ?? false,
      p.reason,
    ]);
    expect(partial).toEqual([
      ['11-01', true, "partial: only the part of this week inside the report's period"],
      ['11-02', false, undefined],
      ['11-09', false, undefined],
      ['11-16', true, 'partial: this week so far, up to now'],
      ['11-23', false, 'this period is after now'],
      ['11-30', false, 'this period is after now'],
    ]);
  });

  it('builds a daily trend in a time zone (Berlin midnight, not UTC)', () => {
    const events = [
      { source: 'orders', at: '2026-11-02T22:30:00Z', channel: 'social' }, // Nov 2, 23:30 Berlin
      { source: 'orders', at: '2026-11-02T23:30:00Z', channel: 'social' }, // Nov 3, 00:30 Berlin
    ];
    const utc = evaluateGoals(tree([signups]), events, { ...NOV, now: MID });
    expect(utc.kpis[0]!.trend[1]!.value).toBe(2);
    const berlin = evaluateGoals(tree([signups]), events, {
      ...NOV,
      now: MID,
      timeZone: 'Europe/Berlin',
    });
    const points = berlin.kpis[0]!.trend;
    expect(points[0]!.start).toBe('2026-11-01T00:00:00.000Z');
    expect(points[1]!.start).toBe('2026-10-31T23:00:00.000Z'.replace('10-31', '11-01'));
    const counts = points
      .filter((p) => p.value !== null && p.value > 0)
      .map((p) => [p.start, p.value]);
    expect(counts).toEqual([
      ['2026-11-01T23:00:00.000Z', 1],
      ['2026-11-02T23:00:00.000Z', 1],
    ]);
    expect(() =>
      evaluateGoals(tree([signups]), events, { ...NOV, now: MID, timeZone: 'Mars/Base' }),
    ).toThrow(/Unknown time zone "Mars\/Base"/);
  });

  it('adds up a running total from before the window, and over a rolling window', () => {
    const total: Kpi = {
      ...signups,
      id: 'total',
      metric: { kind: 'cumulative', measure: { source: 'orders', agg: 'count' } },
    };
    const rolling: Kpi = {
      ...signups,
      id: 'rolling',
      metric: {
        kind: 'cumulative',
        measure: { source: 'orders', agg: 'count' },
        window: { count: 7, grain: 'day' },
      },
    };
    const events = [
      { source: 'orders', at: Date.UTC(2025, 0, 1) },
      { source: 'orders', at: day(1) },
      { source: 'orders', at: day(10) },
      { source: 'orders', at: day(14) },
    ];
    const report = evaluateGoals(tree([total, rolling]), events, { ...NOV, now: MID });
    expect(byId(report.kpis, 'total').actual).toBe(4);
    expect(byId(report.kpis, 'total').previous).toBe(1);
    // The 7 days before Dec 1 hold nothing; on Nov 14 the window holds Nov 10 and Nov 14.
    expect(byId(report.kpis, 'rolling').actual).toBe(0);
    expect(byId(report.kpis, 'rolling').trend[13]!.value).toBe(2);
    expect(report.warnings.some((w) => w.code === 'cumulative_kpi' && w.kpi === 'total')).toBe(
      true,
    );
    expect(report.warnings.some((w) => w.code === 'cumulative_kpi' && w.kpi === 'rolling')).toBe(
      false,
    );
  });

  it('matches a naive running sum over rolling and all-time windows (property)', () => {
    const rolling: Kpi = {
      ...signups,
      id: 'rolling',
      metric: {
        kind: 'cumulative',
        measure: { source: 'orders', agg: 'sum', field: 'v' },
        window: { count: 3, grain: 'day' },
      },
    };
    const total: Kpi = {
      ...signups,
      id: 'total',
      metric: { kind: 'cumulative', measure: { source: 'orders', agg: 'sum', field: 'v' } },
    };
    const DAY = 86_400_000;
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            at: fc.integer({ min: Date.UTC(2026, 9, 20), max: Date.UTC(2026, 10, 30) }),
            v: fc.integer({ min: -5, max: 50 }),
          }),
          { minLength: 1, maxLength: 80 },
        ),
        (rows) => {
          const events = rows.map((r) => ({ source: 'orders', ...r }));
          const now = Date.UTC(2026, 11, 10);
          const report = evaluateGoals(tree([rolling, total]), events, { ...NOV, now });
          const sum = (a: number, b: number) =>
            rows.filter((r) => r.at >= a && r.at < b).reduce((x, r) => x + r.v, 0);
          const r = byId(report.kpis, 'rolling');
          const t = byId(report.kpis, 'total');
          r.trend.forEach((p) => {
            const end = Date.parse(p.end);
            expect(p.value).toBe(sum(end - 3 * DAY, end));
          });
          t.trend.forEach((p) => expect(p.value).toBe(sum(-Infinity, Date.parse(p.end))));
          expect(r.actual).toBe(sum(Date.parse(NOV.to) - 3 * DAY, Date.parse(NOV.to)));
          expect(t.previous).toBe(sum(-Infinity, Date.parse(NOV.from)));
          expect(t.eventCount).toBe(
            rows.filter((x) => x.at >= Date.parse(NOV.from) && x.at < Date.parse(NOV.to)).length,
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  it('computes a conversion rate per entity within a time limit', () => {
    const conv: Kpi = {
      ...signups,
      id: 'conv',
      unit: 'ratio',
      metric: {
        kind: 'conversion',
        base: { source: 'posts', filters: [{ field: 'type', op: 'eq', value: 'reply' }] },
        conversion: { source: 'orders' },
        entity: 'person',
        within: { count: 7, grain: 'day' },
      },
    };
    const events = [
      { source: 'posts', at: day(1), type: 'reply', person: 'a' },
      { source: 'posts', at: day(2), type: 'reply', person: 'b' },
      { source: 'posts', at: day(3), type: 'reply', person: 'c' },
      { source: 'posts', at: day(3), type: 'like', person: 'd' },
      { source: 'orders', at: day(4), person: 'a' },
      { source: 'orders', at: day(12), person: 'b' },
      { source: 'orders', at: day(4), person: 'd' },
    ];
    const k = byId(evaluateGoals(tree([conv]), events, { ...NOV, now: MID }).kpis, 'conv');
    expect(k.actual).toBeCloseTo(1 / 3, 10);
    // A reply on the 12th has had 3.5 of its 7 days by now (the 16th): it may still convert, so it is left out
    // rather than counted as a failure, and the reason says so.
    const late = [
      ...events,
      { source: 'posts', at: day(12), type: 'reply', person: 'e' },
      { source: 'posts', at: day(13), type: 'reply', person: 'f' },
    ];
    const k2 = byId(evaluateGoals(tree([conv]), late, { ...NOV, now: MID }).kpis, 'conv');
    expect(k2.actual).toBeCloseTo(1 / 3, 10);
    expect(k2.statusReason).toMatch(
      / 2 started less than 7 day\(s\) before now and are left out until that time is up\.$/,
    );
  });

  it('derives period-over-period growth from another KPI', () => {
    const growth: Kpi = {
      ...signups,
      id: 'growth',
      unit: 'ratio',
      targets: [],
      metric: {
        kind: 'derived',
        expr: {
          op: 'div',
          left: { op: 'sub', left: { kpi: 'signups' }, right: { kpi: 'signups', offset: 1 } },
          right: { kpi: 'signups', offset: 1 },
        },
      },
    };
    const events = [
      { source: 'orders', at: Date.UTC(2026, 9, 5), channel: 'social' },
      { source: 'orders', at: Date.UTC(2026, 9, 6), channel: 'social' },
      { source: 'orders', at: day(1), channel: 'social' },
      { source: 'orders', at: day(2), channel: 'social' },
      { source: 'orders', at: day(2), channel: 'social' },
    ];
    const report = evaluateGoals(tree([signups, growth]), events, { ...NOV, now: MID });
    expect(byId(report.kpis, 'growth').actual).toBeCloseTo(0.5, 10);
    const trend = byId(report.kpis, 'growth').trend;
    expect(trend[0]!.reason).toMatch(/1 period\(s\) earlier is outside the report/);
    expect(trend[1]!.value).toBeCloseTo(1, 10);
  });
});

describe('evaluateGoals: permission and consent', () => {
  it('reports a KPI whose source lacks permission as unavailable, never zero', () => {
    const secret: Kpi = {
      ...signups,
      id: 'secret',
      metric: { kind: 'simple', measure: { source: 'private', agg: 'count' } },
    };
    const derived: Kpi = {
      ...signups,
      id: 'twice',
      metric: {
        kind: 'derived',
        expr: { op: 'mul', left: { kpi: 'secret' }, right: { const: 2 } },
      },
    };
    const report = evaluateGoals(tree([secret, derived]), [{ source: 'private', at: day(2) }], {
      ...NOV,
      now: MID,
    });
    for (const id of ['secret', 'twice']) {
      const k = byId(report.kpis, id);
      expect(k.status).toBe('unavailable');
      expect(k.actual).toBeNull();
      expect(k.statusReason).toMatch(/^unavailable: no permission/);
    }
    expect(report.warnings.filter((w) => w.code === 'no_permission')).toHaveLength(2);
  });

  it('leaves out events of people without consent and keeps them out of per-person rows', () => {
    const people: Kpi = {
      ...signups,
      id: 'people',
      metric: { kind: 'simple', measure: { source: 'people', agg: 'count' } },
    };
    const events = [
      { source: 'people', at: day(2), person: 'ana', consent: true },
      { source: 'people', at: day(2), person: 'bo', consent: false },
      { source: 'people', at: day(2), person: 'cy' },
    ];
    const report = evaluateGoals(tree([people]), events, { ...NOV, now: MID, rows: true });
    const k = byId(report.kpis, 'people');
    expect(k.actual).toBe(1);
    expect(k.rows!.map((r) => r.person)).toEqual(['ana']);
    expect(report.warnings.find((w) => w.code === 'excluded_without_consent')!.message).toMatch(
      /^2 event/,
    );
  });

  it('leaves out, on legitimate interest, the events of people who objected, and counts them', () => {
    const t = tree(
      [{ ...signups, metric: { kind: 'simple', measure: { source: 'care', agg: 'count' } } }],
      {
        sources: [
          {
            id: 'care',
            basis: 'legitimate_interest',
            scopes: ['aggregate'],
            personField: 'customerId',
            consentField: 'consent',
          },
        ],
      },
    );
    const events = [
      { source: 'care', at: day(2), customerId: 'ana', consent: true },
      { source: 'care', at: day(2), customerId: 'bo', consent: false },
      { source: 'care', at: day(2), customerId: 'cy' },
    ];
    const report = evaluateGoals(t, events, { ...NOV, now: MID });
    // Ana said yes and Cy was never asked (legitimate interest covers both); Bo said no.
    expect(byId(report.kpis, 'signups').actual).toBe(2);
    expect(report.warnings.find((w) => w.code === 'excluded_on_objection')!.message).toBe(
      '1 event(s) from "care" were left out because the person objected to this use of their data.',
    );
  });

  it('withholds per-person rows when the source has no per-person scope', () => {
    const t = tree([signups]);
    t.sources[0] = {
      id: 'orders',
      basis: 'contract',
      scopes: ['aggregate'],
      personField: 'person',
      consentField: 'consent',
    };
    const events = [
      { source: 'orders', at: day(2), channel: 'social', person: 'ana', consent: true },
    ];
    const k = evaluateGoals(t, events, { ...NOV, now: MID, rows: ['signups'] }).kpis[0]!;
    expect(k.rows).toEqual([]);
    expect(k.rowsWithheld).toBe(1);
    const plain = evaluateGoals(tree([signups]), events, { ...NOV, now: MID, rows: ['signups'] })
      .kpis[0]!;
    expect(plain.rows).toHaveLength(1);
  });

  it('withholds rows of a consent-based source without a per-person scope, even with no person field', () => {
    const t = tree([signups]);
    t.sources[0] = {
      id: 'orders',
      basis: 'consent',
      scopes: ['aggregate'],
      consentField: 'consent',
    };
    const events = [
      { source: 'orders', at: day(2), channel: 'social', applicant: 'Ana Lima', consent: true },
      { source: 'orders', at: day(3), channel: 'social', applicant: 'Bo Berg', consent: true },
    ];
    const k = evaluateGoals(t, events, { ...NOV, now: MID, rows: ['signups'] }).kpis[0]!;
    expect(k.actual).toBe(2);
    expect(k.rows).toEqual([]);
    expect(k.rowsWithheld).toBe(2);
    // With a per-person scope, the people who consented are shown.
    t.sources[0] = { ...t.sources[0]!, scopes: ['aggregate', 'per_person'] };
    const shown = evaluateGoals(t, events, { ...NOV, now: MID, rows: ['signups'] }).kpis[0]!;
    expect(shown.rows!.map((r) => r.applicant)).toEqual(['Ana Lima', 'Bo Berg']);
  });
});

describe('evaluateGoals: tree validation', () => {
  it('rejects cycles in the objective tree', () => {
    const t = tree([signups]);
    t.objectives[0] = { ...t.objectives[0]!, parent: 'sales' };
    expect(() => evaluateGoals(t, [], { ...NOV, now: MID })).toThrow(GoalTreeError);
    expect(() => evaluateGoals(t, [], { ...NOV, now: MID })).toThrow(
      /cycle in the objective tree: company → sales → company|sales → company → sales/,
    );
  });

  it('rejects cycles among derived KPIs and contributions', () => {
    const a: Kpi = { ...signups, id: 'a', metric: { kind: 'derived', expr: { kpi: 'b' } } };
    const b: Kpi = { ...signups, id: 'b', metric: { kind: 'derived', expr: { kpi: 'a' } } };
    expect(() => evaluateGoals(tree([a, b]), [], { ...NOV, now: MID })).toThrow(
      /cycle among derived KPIs/,
    );
    const c = tree([signups, { ...signups, id: 'other' }], {
      contributions: [
        { from: 'signups', to: 'other', model: 'linear', evidence: 'modelled' },
        { from: 'other', to: 'signups', model: 'linear', evidence: 'modelled' },
      ],
    });
    expect(() => evaluateGoals(c, [], { ...NOV, now: MID })).toThrow(/cycle among contributions/);
  });

  it('refuses status bands that could never work: swapped, zero or negative', () => {
    const withBands = (bands: object) =>
      tree([{ ...signups, targets: [{ ...NOV, value: 100, bands }] }]);
    expect(() =>
      evaluateGoals(withBands({ onTrackAt: 0.8, atRiskAt: 0.95 }), [], { ...NOV, now: MID }),
    ).toThrow(/atRiskAt \(0\.95\) is above onTrackAt \(0\.8\): at risk must start below on track/);
    expect(() => evaluateGoals(withBands({ onTrackAt: -1 }), [], { ...NOV, now: MID })).toThrow(
      /bands\.onTrackAt: must be a number above 0/,
    );
    expect(() =>
      evaluateGoals(withBands({ onTrackAt: 1, atRiskAt: 0.9 }), [], { ...NOV, now: MID }),
    ).not.toThrow();
  });

  it('refuses a causal label on a path-based model, and credit beyond all of a KPI under one model', () => {
    const other = { ...signups, id: 'dms' };
    const claim = (contributions: GoalTree['contributions']) => () =>
      evaluateGoals(tree([signups, other, { ...signups, id: 'replies' }], { contributions }), [], {
        ...NOV,
        now: MID,
      });
    expect(
      claim([
        { from: 'dms', to: 'signups', model: 'last_touch', evidence: 'experimental', share: 0.5 },
      ]),
    ).toThrow(/a last_touch model shows association at most: use 'modelled'/);
    expect(
      claim([
        { from: 'dms', to: 'signups', model: 'last_touch', evidence: 'modelled', share: 0.8 },
        { from: 'replies', to: 'signups', model: 'last_touch', evidence: 'modelled', share: 0.8 },
      ]),
    ).toThrow(/the last_touch shares credited to KPI "signups" add up to 160%/);
    // Shares of different models, assisted edges and a real experiment are fine.
    expect(
      claim([
        { from: 'dms', to: 'signups', model: 'last_touch', evidence: 'modelled', share: 0.8 },
        { from: 'replies', to: 'signups', model: 'linear', evidence: 'modelled', share: 0.8 },
        {
          from: 'replies',
          to: 'signups',
          model: 'last_touch',
          evidence: 'modelled',
          share: 0.8,
          assisted: true,
        },
        { from: 'dms', to: 'signups', model: 'experiment', evidence: 'experimental', share: 0.1 },
      ]),
    ).not.toThrow();
  });

  it('rejects metric fields a source does not declare, unknown sources and missing fields', () => {
    const t = tree([
      {
        ...signups,
        metric: { kind: 'simple', measure: { source: 'orders', agg: 'sum', field: 'amuont' } },
      },
      {
        ...signups,
        id: 'x',
        metric: { kind: 'simple', measure: { source: 'nowhere', agg: 'count' } },
      },
      { ...signups, id: 'y', metric: { kind: 'simple', measure: { source: 'posts', agg: 'avg' } } },
    ]);
    t.sources[0] = { ...t.sources[0]!, fields: ['channel', 'amount'] };
    try {
      evaluateGoals(t, [], { ...NOV, now: MID });
      expect.unreachable();
    } catch (error) {
      const issues = (error as GoalTreeError).issues.map((i) => i.message);
      expect(issues).toContain('unknown field "amuont": source "orders" declares channel, amount');
      expect(issues).toContain('unknown data source "nowhere"');
      expect(issues).toContain('aggregation "avg" needs a field');
    }
  });

  it('says a tree that was never parsed is not a goal tree, instead of failing inside', () => {
    const unparsed = [
      null,
      [],
      'tree',
      { goals: [] },
      { objectives: [], kpis: {}, sources: [null] },
      { objectives: [{}], kpis: [{}], sources: [{}] },
      { objectives: [], kpis: [{ id: 'k', metric: { kind: 'simple' } }], sources: [] },
    ];
    for (const t of unparsed) {
      expect(() => evaluateGoals(t as unknown as GoalTree, [], { ...NOV, now: MID })).toThrow(
        GoalTreeError,
      );
    }
    try {
      evaluateGoals({ objectives: [], kpis: {}, sources: [null] } as unknown as GoalTree, [], {
        ...NOV,
        now: MID,
      });
      expect.unreachable();
    } catch (error) {
      expect((error as GoalTreeError).issues.map((i) => i.path)).toEqual(['kpis', 'sources.0']);
      expect((error as GoalTreeError).message).toMatch(/parseGoalTree/);
    }
  });

  it('rejects target boxes whose times have no zone, instead of reading them in the server time zone', () => {
    const t = tree([
      {
        ...signups,
        targets: [{ from: '2026-11-01 00:00', to: '2026-12-01T00:00:00Z', value: 10 }],
      },
    ]);
    expect(() => evaluateGoals(t, [], { ...NOV, now: MID })).toThrow(
      /kpis\.0\.targets\.0: from and to must be ISO 8601 date-times with a zone/,
    );
  });

  it('rejects bad windows', () => {
    expect(() =>
      evaluateGoals(tree([signups]), [], { from: NOV.to, to: NOV.from, now: MID }),
    ).toThrow(/after `from`/);
    expect(() => evaluateGoals(tree([signups]), [], { ...NOV, now: 'soon' })).toThrow(
      /now must be/,
    );
    expect(() =>
      evaluateGoals(tree([signups]), [], {
        from: '2000-01-01T00:00:00Z',
        to: '2026-01-01T00:00:00Z',
        now: MID,
        grain: 'hour',
      }),
    ).toThrow(/coarser grain/);
  });

  it('refuses options and windows it cannot honour, instead of returning an empty trend or no rows', () => {
    const run = (options: object) => () =>
      evaluateGoals(tree([signups]), [], { ...NOV, now: MID, ...options } as never);
    expect(run({ grain: 'weekly' })).toThrow(
      'grain must be one of hour, day, week, month, quarter, year, got "weekly".',
    );
    expect(run({ rows: true, rowLimit: Number.NaN })).toThrow(
      'rowLimit must be a number ≥ 0, got NaN.',
    );
    expect(run({ now: new Date(MID) })).toThrow(
      /a Date: pass its getTime\(\)\), got a Date object/,
    );
    const lateWindow: Kpi = {
      ...signups,
      id: 'conv',
      unit: 'ratio',
      metric: {
        kind: 'conversion',
        base: { source: 'orders' },
        conversion: { source: 'orders' },
        entity: 'who',
        within: { count: -7, grain: 'days' as never },
      },
    };
    expect(() => evaluateGoals(tree([lateWindow]), [], { ...NOV, now: MID })).toThrow(
      /kpis\.0\.metric\.within\.count: must be a whole number from 1 to 100000; kpis\.0\.metric\.within\.grain: must be one of/,
    );
  });
});

describe('evaluateGoals: warnings, objectives and contributions', () => {
  it('flags an objective measured only by outputs, and other weak measurement', () => {
    const likes: Kpi = {
      id: 'likes',
      name: 'Likes',
      objective: 'awareness',
      level: 'output',
      unit: 'count',
      direction: 'increase',
      targets: [{ ...NOV, value: 1000, level: 'outcome' }],
      metric: { kind: 'simple', measure: { source: 'posts', agg: 'sum', field: 'likes' } },
    };
    const ave: Kpi = { ...likes, id: 'ave', name: 'Earned media AVE', owner: 'PR', targets: [] };
    const t = tree([likes, ave, signups]);
    t.objectives.push({ id: 'awareness', name: 'Be known', parent: 'company' });
    const report = evaluateGoals(t, [{ source: 'posts', at: day(2), likes: 10 }], {
      ...NOV,
      now: MID,
    });
    const codes = report.warnings.map((w) => `${w.code}:${w.objective ?? w.kpi}`);
    expect(codes).toEqual(
      expect.arrayContaining([
        'vanity_objective:awareness',
        'no_owner:likes',
        'ave_metric:ave',
        'cross_level_target:likes',
      ]),
    );
    expect(codes).not.toContain('vanity_objective:sales');
    const awareness = report.objectives.find((o) => o.objective === 'awareness')!;
    expect(awareness.vanity).toBe(true);
    expect(report.warnings.find((w) => w.code === 'vanity_objective')!.message).toMatch(
      /not whether customers or the business/,
    );
    const company = report.objectives.find((o) => o.objective === 'company')!;
    expect(company.depth).toBe(0);
    expect(awareness.depth).toBe(1);
  });

  it('shows evidence on every contribution and never sums assisted conversions or ratios', () => {
    const rate: Kpi = {
      ...signups,
      id: 'rate',
      unit: 'ratio',
      metric: {
        kind: 'ratio',
        numerator: {
          source: 'orders',
          agg: 'count',
          filters: [{ field: 'channel', op: 'eq', value: 'social' }],
        },
        denominator: { source: 'orders', agg: 'count' },
      },
    };
    const replies: Kpi = {
      ...signups,
      id: 'replies',
      metric: { kind: 'simple', measure: { source: 'posts', agg: 'count' } },
    };
    const t = tree([signups, rate, replies], {
      contributions: [
        { from: 'replies', to: 'signups', model: 'last_touch', evidence: 'modelled', share: 0.25 },
        {
          from: 'replies',
          to: 'signups',
          model: 'linear',
          evidence: 'correlational',
          assisted: true,
          share: 0.5,
        },
        { from: 'replies', to: 'rate', model: 'experiment', evidence: 'experimental', share: 0.1 },
      ],
    });
    const events = [
      ...Array.from({ length: 8 }, () => ({ source: 'orders', at: day(2), channel: 'social' })),
      { source: 'posts', at: day(2) },
    ];
    const report = evaluateGoals(t, events, { ...NOV, now: MID });
    const [direct, assisted, ratio] = report.contributions;
    expect(byId(report.kpis, 'signups').credit).toEqual([
      { model: 'last_touch', evidence: 'modelled', total: 2, edges: 1 },
    ]);
    expect(byId(report.kpis, 'rate').credit).toEqual([]);
    expect(direct!.attributed).toBe(2);
    expect(direct!.summable).toBe(true);
    expect(direct!.evidenceLabel).toMatch(/^Modelled/);
    expect(assisted!.summable).toBe(false);
    expect(assisted!.reason).toMatch(/never added up the tree/);
    expect(ratio!.summable).toBe(false);
    expect(ratio!.evidenceLabel).toMatch(/^Experimental/);
  });

  it('rolls the worst status up to parent objectives', () => {
    const few = Array.from({ length: 5 }, () => ({
      source: 'orders',
      at: day(2),
      channel: 'social',
    }));
    const report = evaluateGoals(tree([signups]), few, { ...NOV, now: MID });
    expect(report.objectives.map((o) => [o.objective, o.status])).toEqual([
      ['company', 'off_track'],
      ['sales', 'off_track'],
    ]);
  });
});
