import { describe, expect, it } from 'vitest';
import {
  millerSequentialPlan,
  millerSequentialTest,
  msprtTest,
  sampleSizePerArm,
  twoProportionTest,
  welchTTest,
  wilsonInterval,
} from './experiments';
import { prng } from '../sample/random';

describe('twoProportionTest', () => {
  it('matches the reference: 200/2000 vs 250/2000 gives z ≈ 2.502, p ≈ 0.01235', () => {
    const r = twoProportionTest({ successes: 200, trials: 2000 }, { successes: 250, trials: 2000 });
    expect(r.statistic).toBeCloseTo(2.501955, 5);
    expect(r.pValue).toBeCloseTo(0.0123509, 6);
    expect(r.verdict).toBe('won');
    expect(r.interval![0]).toBeGreaterThan(0);
    expect(r.relativeLift).toBeCloseTo(0.25, 10);
    expect(r.reasons.join(' ')).toMatch(/unlikely to be chance/);
  });

  it('calls a significant move the wrong way lost', () => {
    const r = twoProportionTest({ successes: 250, trials: 2000 }, { successes: 200, trials: 2000 });
    expect(r.verdict).toBe('lost');
    const fewer = twoProportionTest(
      { successes: 250, trials: 2000 },
      { successes: 200, trials: 2000 },
      { desired: 'decrease' },
    );
    expect(fewer.verdict).toBe('won');
  });

  it('is inconclusive when the difference could be chance', () => {
    const r = twoProportionTest({ successes: 200, trials: 2000 }, { successes: 210, trials: 2000 });
    expect(r.verdict).toBe('inconclusive');
    expect(r.interval![0]).toBeLessThan(0);
    expect(r.interval![1]).toBeGreaterThan(0);
  });

  it('asks for more data before the planned sample or with too few successes', () => {
    const early = twoProportionTest(
      { successes: 200, trials: 2000 },
      { successes: 250, trials: 2000 },
      { plannedPerArm: 13809 },
    );
    expect(early.verdict).toBe('need_more_data');
    expect(early.reasons.join(' ')).toMatch(/peek/);
    const tiny = twoProportionTest({ successes: 1, trials: 40 }, { successes: 4, trials: 40 });
    expect(tiny.verdict).toBe('need_more_data');
    const empty = twoProportionTest({ successes: 0, trials: 0 }, { successes: 0, trials: 0 });
    expect(empty.verdict).toBe('need_more_data');
    expect(Number.isNaN(empty.difference)).toBe(false);
  });

  it('rejects impossible counts with a clear message', () => {
    expect(() =>
      twoProportionTest({ successes: 5, trials: 4 }, { successes: 1, trials: 4 }),
    ).toThrow(/successes must be a whole number between 0 and trials/);
    expect(() =>
      twoProportionTest({ successes: Number.NaN, trials: 4 }, { successes: 1, trials: 4 }),
    ).toThrow(RangeError);
    expect(() =>
      twoProportionTest({ successes: 1, trials: 4 }, { successes: 1, trials: 4 }, { alpha: 2 }),
    ).toThrow(/alpha/);
  });
});

describe('wilsonInterval', () => {
  it('matches the reference: 7/40 at 95% is [0.0875, 0.3195]', () => {
    const [lo, hi] = wilsonInterval(7, 40);
    expect(lo).toBeCloseTo(0.0874541, 6);
    expect(hi).toBeCloseTo(0.3194999, 6);
  });

  it('stays within 0..1 at the edges and knows nothing without trials', () => {
    expect(wilsonInterval(0, 10)[0]).toBe(0);
    expect(wilsonInterval(10, 10)[1]).toBe(1);
    expect(wilsonInterval(0, 0)).toEqual([0, 1]);
  });
});

describe('sampleSizePerArm', () => {
  it('matches the reference: 2% → 2.5% at alpha 0.05, power 0.8 needs 13,809 per arm', () => {
    expect(sampleSizePerArm({ baselineRate: 0.02, expectedRate: 0.025 })).toBe(13809);
  });

  it('needs more trials for smaller effects and rejects nonsense', () => {
    expect(sampleSizePerArm({ baselineRate: 0.02, expectedRate: 0.022 })).toBeGreaterThan(13809);
    expect(() => sampleSizePerArm({ baselineRate: 0.02, expectedRate: 0.02 })).toThrow(/differ/);
    expect(() => sampleSizePerArm({ baselineRate: 0, expectedRate: 0.02 })).toThrow(/baselineRate/);
  });
});

describe('welchTTest', () => {
  it('matches SciPy (ttest_ind, equal_var=False)', () => {
    const r = welchTTest([12.1, 9.8, 11.4, 10.2, 13.5, 8.9, 10.0], [14.2, 12.9, 15.1, 11.8, 13.3]);
    expect(r.statistic).toBeCloseTo(3.192002570658431, 10);
    expect(r.pValue).toBeCloseTo(0.00987028425383381, 12);
    expect(r.verdict).toBe('won');
    const s = welchTTest([3, 4, 5, 4], [6, 7, 5, 8]);
    expect(s.pValue).toBeCloseTo(0.021679307749166064, 12);
  });

  it('accepts summaries, and needs two values per arm', () => {
    const r = welchTTest({ mean: 10, sd: 2, n: 50 }, { mean: 10.2, sd: 2, n: 50 });
    expect(r.verdict).toBe('inconclusive');
    expect(welchTTest([1], [2, 3]).verdict).toBe('need_more_data');
    expect(welchTTest([1, 1], [1, 1]).verdict).toBe('inconclusive');
  });

  it('rejects non-finite values', () => {
    expect(() => welchTTest([1, Number.NaN], [2, 3])).toThrow(
      /control\[1\] is not a finite number/,
    );
    expect(() => welchTTest([1, 2], [2, Infinity])).toThrow(/treatment\[1\]/);
  });
});

describe('msprtTest', () => {
  it('is more cautious than the fixed-horizon test at the same data', () => {
    const fixed = twoProportionTest(
      { successes: 200, trials: 2000 },
      { successes: 250, trials: 2000 },
    );
    const seq = msprtTest({ successes: 200, trials: 2000 }, { successes: 250, trials: 2000 });
    expect(seq.pValue!).toBeGreaterThan(fixed.pValue!);
    expect(seq.verdict).toBe('need_more_data');
  });

  it('stops with a winner on a clear effect, and never raises the p-value between looks', () => {
    const first = msprtTest({ successes: 200, trials: 2000 }, { successes: 320, trials: 2000 });
    expect(first.verdict).toBe('won');
    const later = msprtTest(
      { successes: 400, trials: 4000 },
      { successes: 410, trials: 4000 },
      { previousPValue: first.pValue! },
    );
    expect(later.pValue).toBeLessThanOrEqual(first.pValue!);
  });

  it('has a false-win rate of at most alpha under continuous peeking (seeded simulation)', () => {
    const rand = prng(7);
    let falseWins = 0;
    const runs = 200;
    for (let run = 0; run < runs; run++) {
      const c = { successes: 0, trials: 0 };
      const t = { successes: 0, trials: 0 };
      let p = 1;
      for (let i = 1; i <= 2000; i++) {
        c.trials++;
        t.trials++;
        if (rand() < 0.1) c.successes++;
        if (rand() < 0.1) t.successes++;
        if (i % 50 === 0) {
          p = msprtTest(c, t, { tau: 0.03, previousPValue: p }).pValue!;
          if (p <= 0.05) break;
        }
      }
      if (p <= 0.05) falseWins++;
    }
    expect(falseWins / runs).toBeLessThanOrEqual(0.06);
  });
});

describe('Evan Miller sequential test', () => {
  it('plans a margin of about 2√N at alpha 0.05', () => {
    const plan = millerSequentialPlan({ lift: 0.2 });
    expect(plan.margin).toBe(Math.ceil(1.959963984540054 * Math.sqrt(plan.totalSuccesses)));
    expect(millerSequentialPlan({ lift: 0.1 }).totalSuccesses).toBeGreaterThan(plan.totalSuccesses);
  });

  it('wins at the margin, finds no winner at the total, otherwise waits', () => {
    const plan = millerSequentialPlan({ lift: 0.5 });
    const arm = (s: number) => ({ successes: s, trials: 10_000 });
    expect(millerSequentialTest(arm(10), arm(10 + plan.margin), plan).verdict).toBe('won');
    expect(millerSequentialTest(arm(10 + plan.margin), arm(10), plan).verdict).toBe('lost');
    const half = Math.floor(plan.totalSuccesses / 2);
    expect(millerSequentialTest(arm(half), arm(half + 1), plan).verdict).toBe('inconclusive');
    expect(millerSequentialTest(arm(5), arm(6), plan).verdict).toBe('need_more_data');
  });

  it('delivers the planned power and false-win rate (seeded simulation)', () => {
    const plan = millerSequentialPlan({ lift: 0.5 });
    const rand = prng(11);
    const simulate = (p: number) => {
      let wins = 0;
      for (let run = 0; run < 1000; run++) {
        let lead = 0;
        for (let total = 0; total < plan.totalSuccesses; total++) {
          lead += rand() < p ? 1 : -1;
          if (lead >= plan.margin) {
            wins++;
            break;
          }
        }
      }
      return wins / 1000;
    };
    expect(simulate(1.5 / 2.5)).toBeGreaterThan(0.75);
    expect(simulate(0.5)).toBeLessThan(0.065);
  });
});
