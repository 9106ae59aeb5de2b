import { describe, expect, it } from 'vitest';
import { BAND_THRESHOLDS, priorityBand } from './bands';

describe('priorityBand', () => {
  it('bands priorities at the documented thresholds', () => {
    expect(priorityBand(BAND_THRESHOLDS.critical)).toBe('critical');
    expect(priorityBand(BAND_THRESHOLDS.critical - 0.01)).toBe('high');
    expect(priorityBand(BAND_THRESHOLDS.high)).toBe('high');
    expect(priorityBand(BAND_THRESHOLDS.normal)).toBe('normal');
    expect(priorityBand(BAND_THRESHOLDS.normal - 0.01)).toBe('low');
  });

  it('clamps out-of-range values: Infinity is critical, -Infinity and NaN count as 0', () => {
    expect(priorityBand(1e9)).toBe('critical');
    expect(priorityBand(Infinity)).toBe('critical');
    expect(priorityBand(-Infinity)).toBe('low');
    expect(priorityBand(Number.NaN)).toBe('low');
  });
});
