import { describe, expect, it } from 'vitest';
import { parseScoringWeights, ScoringWeightsSchema } from './schemas';

describe('ScoringWeightsSchema', () => {
  it('accepts any subset of the weights', () => {
    expect(ScoringWeightsSchema.parse({ exposure: 30, intentWeights: { praise: 0.5 } })).toEqual({
      exposure: 30,
      intentWeights: { praise: 0.5 },
    });
  });

  it('rejects typos in weight names and intent names', () => {
    expect(ScoringWeightsSchema.safeParse({ exposre: 30 }).success).toBe(false);
    expect(ScoringWeightsSchema.safeParse({ intentWeights: { praize: 1 } }).success).toBe(false);
    const r = parseScoringWeights({ exposre: 30 });
    expect(r.success).toBe(false);
    if (!r.success) expect(r.issues[0]?.message).toMatch(/unknown setting 'exposre'/);
  });

  it('rejects out-of-range and non-finite numbers', () => {
    for (const bad of [
      { exposure: -1 },
      { exposure: 101 },
      { waiting: Number.NaN },
      { outboundFactor: 2 },
      { waitingHalfLifeHours: 0 },
    ]) {
      expect(ScoringWeightsSchema.safeParse(bad).success).toBe(false);
    }
  });

  it('never lets __proto__ through', () => {
    const input = JSON.parse('{"__proto__": {"polluted": true}, "exposure": 10}') as unknown;
    expect(ScoringWeightsSchema.safeParse(input).success).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
