import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  incompleteBeta,
  logGamma,
  normalCdf,
  normalQuantile,
  normalSf,
  percentileInPlace,
  percentileOfSorted,
  studentTCdf,
  studentTQuantile,
} from './stats';

// Reference values from SciPy 1.17 (scipy.stats.norm / scipy.stats.t / scipy.special.betainc).
const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('normalCdf', () => {
  it.each([
    [-37, 5.7255712225239266e-300],
    [-20, 2.7536241186061556e-89],
    [-10, 7.61985302416047e-24],
    [-8, 6.22096057427174e-16],
    [-5, 2.866515718791933e-7],
    [-3, 0.0013498980316300933],
    [-1, 0.15865525393145707],
    [0.5, 0.6914624612740131],
    [1.96, 0.9750021048517795],
    [3, 0.9986501019683699],
  ])('Φ(%d) matches the reference to 1e-12 relative', (x, want) => {
    expect(rel(normalCdf(x), want)).toBeLessThan(1e-12);
  });

  it('keeps the far upper tail through the survival function', () => {
    expect(rel(normalSf(10), 7.61985302416047e-24)).toBeLessThan(1e-12);
  });

  it('handles infinities and NaN', () => {
    expect(normalCdf(Infinity)).toBe(1);
    expect(normalCdf(-Infinity)).toBe(0);
    expect(normalCdf(Number.NaN)).toBeNaN();
  });

  it('is monotone and symmetric', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -30, max: 30, noNaN: true }),
        fc.double({ min: 0, max: 5, noNaN: true }),
        (x, d) => {
          expect(normalCdf(x + d)).toBeGreaterThanOrEqual(normalCdf(x));
          expect(Math.abs(normalCdf(x) + normalCdf(-x) - 1)).toBeLessThan(1e-15);
        },
      ),
    );
  });
});

describe('normalQuantile', () => {
  it.each([
    [1e-300, -37.0470962993612],
    [1e-20, -9.262340089798409],
    [1e-5, -4.264890793922825],
    [0.3, -0.5244005127080409],
    [0.975, 1.959963984540054],
    [0.999999, 4.753424308817087],
  ])('Φ⁻¹(%d) matches the reference', (p, want) => {
    expect(rel(normalQuantile(p), want)).toBeLessThan(1e-12);
  });

  it('inverts normalCdf', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true }), (p) => {
        expect(rel(normalCdf(normalQuantile(p)), p)).toBeLessThan(1e-10);
      }),
    );
  });

  it('returns infinities at 0 and 1 and NaN outside', () => {
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalQuantile(1.5)).toBeNaN();
  });
});

describe('Student t and incomplete beta', () => {
  it.each([
    [2, 10, 0.9633059826146299],
    [-3, 2.5, 0.036288047774515914],
    [10, 3, 0.9989358004707929],
    [0.5, 100, 0.6909132170845567],
    [-40, 5, 9.205981085886477e-8],
    [1.5, 1, 0.8128329581890011],
  ])('t CDF at %d with %d df matches the reference', (t, df, want) => {
    expect(rel(studentTCdf(t, df), want)).toBeLessThan(1e-12);
  });

  it('finds t quantiles', () => {
    expect(studentTQuantile(0.975, 10)).toBeCloseTo(2.228138851986274, 12);
    expect(studentTQuantile(0.995, 3.7)).toBeCloseTo(4.8692522532278275, 10);
    expect(studentTQuantile(0.025, 10)).toBeCloseTo(-2.228138851986274, 12);
  });

  it('computes the regularized incomplete beta and ln Γ', () => {
    expect(incompleteBeta(0.3, 2.5, 7)).toBeCloseTo(0.6412224629717214, 13);
    expect(incompleteBeta(0.5, 2, 2)).toBeCloseTo(0.5, 14);
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 13);
    expect(incompleteBeta(2, 1, 1)).toBeNaN();
  });
});

describe('percentiles', () => {
  it('quickselect agrees with sorting on any input', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), {
          minLength: 1,
          maxLength: 200,
        }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (values, p) => {
          const sorted = Float64Array.from(values).sort();
          const want = percentileOfSorted(sorted, p)!;
          const got = percentileInPlace(Float64Array.from(values), p)!;
          if (Number.isFinite(want)) expect(got).toBeCloseTo(want, 6);
        },
      ),
    );
  });

  it('interpolates between closest ranks (median of an even count is the mean of the middle two)', () => {
    expect(percentileOfSorted([1, 2, 3, 4], 50)).toBe(2.5);
    expect(percentileInPlace(new Float64Array([4, 1, 3, 2]), 50)).toBe(2.5);
    expect(percentileOfSorted([10, 20, 30, 40, 50], 90)).toBeCloseTo(46, 10);
    expect(percentileOfSorted([], 50)).toBeNull();
    expect(percentileInPlace(new Float64Array(0), 50)).toBeNull();
  });
});
