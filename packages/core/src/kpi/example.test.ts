// The README example for business-goal KPIs, run end to end on the sample world.
import { describe, expect, it } from 'vitest';
import { buildConversations } from '../model/conversations';
import { createSampleWorld } from '../sample';
import { careEvents, careMetrics } from './care';
import { evaluateGoals } from './evaluate';
import { twoProportionTest } from './experiments';
import { presetGoalTree } from './presets';

describe('README example: service KPIs on the sample world', () => {
  const world = createSampleWorld();
  const conversations = buildConversations(world.mentions);
  const window = { from: world.start, to: world.end };

  it('computes care metrics, and the goal tree agrees with them', () => {
    const care = careMetrics(conversations, { ...window, targetMs: 60 * 60 * 1000 });
    expect(care.needingAnswer).toBeGreaterThan(100);
    expect(care.responseRate).toBeGreaterThan(0.5);
    expect(care.responseRate).toBeLessThan(1);
    expect(care.firstResponseMs.median).toBeGreaterThan(0);
    expect(care.firstResponseMs.p90!).toBeGreaterThanOrEqual(care.firstResponseMs.median!);

    const tree = presetGoalTree({ departments: ['service'], owner: 'Head of care' });
    tree.kpis[0]!.baseline = 0.8;
    tree.kpis[0]!.targets = [{ ...window, value: 0.95 }];
    const report = evaluateGoals(tree, careEvents(conversations), {
      ...window,
      now: world.end,
      grain: 'week',
    });
    const kpi = (id: string) => report.kpis.find((k) => k.kpi === id)!;
    expect(kpi('service.response_rate').actual).toBeCloseTo(care.responseRate!, 12);
    expect(kpi('service.first_response_median').actual).toBe(care.firstResponseMs.median);
    expect(kpi('service.first_response_p90').actual).toBeCloseTo(care.firstResponseMs.p90!, 6);
    expect(kpi('service.within_target').actual).toBeCloseTo(care.withinTarget!, 12);
    expect(kpi('service.resolution_median').actual).toBe(care.resolutionMs.median);
    expect(kpi('service.response_rate').statusReason).toMatch(/of the way from 80.0% to 95.0%/);
    expect(kpi('service.response_rate').trend.length).toBeGreaterThanOrEqual(4);
  });

  it('reads an A/B test', () => {
    const test = twoProportionTest(
      { successes: 200, trials: 2000 },
      { successes: 250, trials: 2000 },
    );
    expect(test.verdict).toBe('won');
  });
});
