import { describe, expect, it } from 'vitest';
import { RapportInputError } from '../model/parse';
import { presetGoalTree } from './presets';
import { ArmCountsSchema, GoalTreeSchema, parseGoalEvents, parseGoalTree } from './schemas';

describe('GoalTreeSchema', () => {
  it('accepts the preset tree and survives a JSON round trip', () => {
    const tree = presetGoalTree({ owner: 'Social lead' });
    expect(parseGoalTree(JSON.parse(JSON.stringify(tree)))).toEqual(tree);
  });

  it('rejects typos in keys (strict objects)', () => {
    const tree = presetGoalTree();
    const bad = JSON.parse(JSON.stringify(tree));
    bad.kpis[0].metric.numerator.aggr = 'count';
    const result = GoalTreeSchema.safeParse(bad);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path).toEqual(['kpis', 0, 'metric', 'numerator']);
  });

  it('reports unknown metric fields, cycles and bad filters with paths', () => {
    const tree = JSON.parse(JSON.stringify(presetGoalTree({ departments: ['service'] })));
    tree.kpis[1].metric.measure.field = 'firstResponseMS';
    tree.objectives[0].parent = 'service';
    tree.kpis[0].metric.numerator.filters = [{ field: 'answered', op: 'in', value: true }];
    try {
      parseGoalTree(tree);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(RapportInputError);
      const messages = (error as RapportInputError).issues.map((i) => `${i.path} ${i.message}`);
      expect(messages).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^kpis\.1\.metric\.measure unknown field "firstResponseMS"/),
          expect.stringMatching(/cycle in the objective tree/),
          'kpis.0.metric.numerator.filters.0.value "in" needs a list of values',
        ]),
      );
    }
  });

  it('rejects non-finite targets and zoneless dates', () => {
    const tree = JSON.parse(JSON.stringify(presetGoalTree({ departments: ['service'] })));
    tree.kpis[0].targets = [{ from: '2026-11-01T00:00:00', to: '2026-12-01T00:00:00Z', value: 1 }];
    expect(() => parseGoalTree(tree)).toThrow(/ISO 8601/);
    const withNaN = presetGoalTree({ departments: ['service'] });
    withNaN.kpis[0]!.baseline = Number.NaN;
    expect(GoalTreeSchema.safeParse(withNaN).success).toBe(false);
  });
});

describe('event and experiment schemas', () => {
  it('accepts or rejects every event with a reason', () => {
    const { accepted, rejected } = parseGoalEvents([
      { source: 'care', at: 1, answered: true },
      { source: 'care', at: Number.NaN },
      { source: '', at: '2026-11-01T00:00:00Z' },
    ]);
    expect(accepted).toHaveLength(1);
    expect(accepted[0]!.answered).toBe(true);
    expect(rejected.map((r) => r.index)).toEqual([1, 2]);
  });

  it('checks experiment arms', () => {
    expect(ArmCountsSchema.safeParse({ successes: 3, trials: 2 }).success).toBe(false);
    expect(ArmCountsSchema.safeParse({ successes: 2, trials: 3 }).success).toBe(true);
  });
});
