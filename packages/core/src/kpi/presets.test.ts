import { describe, expect, it } from 'vitest';
import { checkVanity } from './guard';
import { DEPARTMENT_ORDER, presetGoalTree, presetKpis } from './presets';
import { validateGoalTree } from './validate';

describe('department presets', () => {
  it('puts service first (response rate, then first response time) and marketing last', () => {
    expect(DEPARTMENT_ORDER[0]).toBe('service');
    expect(DEPARTMENT_ORDER.at(-1)).toBe('marketing');
    const service = presetKpis('service', 'care', { targetMs: 30 * 60_000 });
    expect(service.map((k) => k.id).slice(0, 2)).toEqual([
      'care.response_rate',
      'care.first_response_median',
    ]);
    expect(service[3]!.name).toBe('Answered within 30 minutes');
  });

  it('builds a sound tree with no vanity objective', () => {
    const tree = presetGoalTree({ owner: 'Social lead' });
    expect(validateGoalTree(tree)).toEqual([]);
    const { warnings, vanityObjectives } = checkVanity(tree);
    expect(vanityObjectives).toEqual([]);
    expect(warnings).toEqual([]);
    expect(tree.objectives.map((o) => o.department ?? 'company')).toEqual([
      'company',
      ...DEPARTMENT_ORDER,
    ]);
  });

  it('warns about missing owners when none is given', () => {
    const { warnings } = checkVanity(presetGoalTree({ departments: ['hr'] }));
    expect(warnings.map((w) => w.code)).toEqual(['no_owner', 'no_owner']);
  });
});
