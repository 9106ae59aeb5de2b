import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { logFactorial, logPoissonUpperTail, median, medianAbsoluteDeviation } from './stats';

/** P(X ≥ x) by direct summation of the pmf (built up term by term in log space, independent of logFactorial). */
function bruteUpperTail(x: number, lambda: number): number {
  let logPmf = -lambda;
  let lower = 0;
  for (let k = 0; k < x; k++) {
    lower += Math.exp(logPmf);
    logPmf += Math.log(lambda) - Math.log(k + 1);
  }
  if (x <= lambda) return 1 - lower;
  let upper = 0;
  for (let k = x; k < x + 5000; k++) {
    upper += Math.exp(logPmf);
    logPmf += Math.log(lambda) - Math.log(k + 1);
  }
  return upper;
}

describe('logPoissonUpperTail', () => {
  it('matches known values', () => {
    expect(Math.exp(logPoissonUpperTail(10, 2))).toBeCloseTo(4.6498e-5, 8);
    expect(Math.exp(logPoissonUpperTail(1, 1))).toBeCloseTo(1 - Math.exp(-1), 12);
    expect(logPoissonUpperTail(0, 5)).toBe(0);
    expect(logPoissonUpperTail(3, 0)).toBe(-Infinity);
  });

  it('agrees with direct summation to 1e-9 relative wherever the tail is above 1e-300', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 120 }),
        fc.double({ min: 0.05, max: 60, noNaN: true }),
        (x, lambda) => {
          const brute = bruteUpperTail(x, lambda);
          fc.pre(brute > 1e-300);
          const got = Math.exp(logPoissonUpperTail(x, lambda));
          expect(Math.abs(got - brute) / brute).toBeLessThan(1e-9);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('stays finite and ordered far into the tail where plain doubles underflow', () => {
    const a = logPoissonUpperTail(3000, 40);
    const b = logPoissonUpperTail(3001, 40);
    expect(Number.isFinite(a)).toBe(true);
    expect(a).toBeLessThan(-5000);
    expect(b).toBeLessThan(a);
    // Large lambda near the mean: about one half.
    expect(Math.exp(logPoissonUpperTail(1_000_000, 1_000_000))).toBeCloseTo(0.5, 2);
  });

  it('never increases with x', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5000 }),
        fc.double({ min: 0.1, max: 3000, noNaN: true }),
        (x, l) => {
          expect(logPoissonUpperTail(x + 1, l)).toBeLessThanOrEqual(
            logPoissonUpperTail(x, l) + 1e-12,
          );
        },
      ),
    );
  });
});

describe('logFactorial', () => {
  it('is exact on the table and continuous into Stirling', () => {
    expect(logFactorial(0)).toBe(0);
    expect(logFactorial(5)).toBeCloseTo(Math.log(120), 12);
    const below = logFactorial(1023) + Math.log(1024);
    expect(Math.abs(logFactorial(1024) - below) / below).toBeLessThan(1e-14);
  });
});

describe('median and MAD', () => {
  it('are robust to one outlier', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([1, 2, 3, 400])).toBe(2.5);
    expect(medianAbsoluteDeviation([1, 2, 3, 400], 2.5)).toBe(1);
    expect(median([])).toBeNaN();
  });
});
