import { describe, expect, it } from 'vitest';
import { checkVanity } from './guard';
import type { GoalTree, Kpi } from './types';

const base: Kpi = {
  id: 'care.first_response',
  name: 'First response time',
  objective: 'care',
  level: 'outtake',
  unit: 'ms',
  direction: 'decrease',
  owner: 'Care lead',
  metric: {
    kind: 'simple',
    measure: { source: 'conversations', agg: 'median', field: 'firstResponseMs' },
  },
};

/** The ids of the KPIs the guard calls advertising value equivalents. */
function aveWarnings(...kpis: Partial<Kpi>[]): string[] {
  const tree: GoalTree = {
    objectives: [{ id: 'care', name: 'Answer people fast' }],
    kpis: kpis.map((k, i) => ({ ...base, id: `kpi${i}`, ...k })),
    sources: [],
  };
  return checkVanity(tree)
    .warnings.filter((w) => w.code === 'ave_metric')
    .map((w) => w.kpi!);
}

describe('checkVanity: advertising value equivalents', () => {
  it('does not take "Ave." (average) for an AVE', () => {
    expect(
      aveWarnings(
        { name: 'Ave. first response time' },
        { name: 'ave response time (minutes)' },
        { name: 'Ave first response', id: 'care.ave_first_response' },
        { name: 'Mentions on Main Ave store' },
      ),
    ).toEqual([]);
  });

  it('still flags the acronym, the spelled-out phrase and the explicit flag', () => {
    expect(
      aveWarnings(
        { id: 'a', name: 'Earned media AVE' },
        { id: 'b', name: 'AVEs from press coverage' },
        { id: 'c', name: 'EAV (earned advertising value)' },
        { id: 'd', name: 'Advertising value of coverage' },
        { id: 'e', name: 'Ad value equivalency' },
        { id: 'pr.advertising_value', name: 'Press value' },
        { id: 'g', name: 'Press value', ave: true },
      ),
    ).toEqual(['a', 'b', 'c', 'd', 'e', 'pr.advertising_value', 'g']);
  });

  it('explains the warning in plain words', () => {
    const [warning] = checkVanity({
      objectives: [{ id: 'care', name: 'Answer people fast' }],
      kpis: [{ ...base, id: 'pr', name: 'Earned media AVE' }],
      sources: [],
    }).warnings.filter((w) => w.code === 'ave_metric');
    expect(warning?.message).toMatch(
      /^KPI "Earned media AVE" looks like an advertising value equivalent/,
    );
  });
});
