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

describe('vanity guard details', () => {
  it('warns about targets against the direction and objectives without KPIs', () => {
    const tree = presetGoalTree({ departments: ['service'], owner: 'Care lead' });
    tree.kpis[0]!.baseline = 0.9;
    tree.kpis[0]!.targets = [
      { from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z', value: 0.8 },
    ];
    tree.objectives.push({ id: 'empty', name: 'Delight everyone', parent: 'company' });
    const codes = checkVanity(tree).warnings.map((w) => w.code);
    expect(codes).toEqual(expect.arrayContaining(['target_against_direction', 'no_kpis']));
  });
});
