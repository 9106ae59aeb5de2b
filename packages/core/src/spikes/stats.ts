// Small numeric helpers for spike detection: medians, MAD and the exact Poisson tail in log space.

/** Median of the values (sorts a copy); NaN for an empty list. */
export function median(values: readonly number[]): number {
  const n = values.length;
  if (n === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = n >> 1;
  return n % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Median absolute deviation from `center` (unscaled: multiply by 1.4826 for a normal standard deviation). */
export function medianAbsoluteDeviation(values: readonly number[], center: number): number {
  return median(values.map((v) => Math.abs(v - center)));
}

const LOG_FACTORIAL_TABLE_SIZE = 1024;
let logFactorialTable: Float64Array | undefined;

/**
 * Natural log of n! for a whole number n ≥ 0: exact summation below 1024, Stirling's series (error below 1e-15
 * relative) above.
 */
export function logFactorial(n: number): number {
  if (n < LOG_FACTORIAL_TABLE_SIZE) {
    if (!logFactorialTable) {
      logFactorialTable = new Float64Array(LOG_FACTORIAL_TABLE_SIZE);
      for (let i = 2; i < LOG_FACTORIAL_TABLE_SIZE; i++) {
        logFactorialTable[i] = logFactorialTable[i - 1]! + Math.log(i);
      }
    }
    return logFactorialTable[n]!;
  }
  const inv = 1 / n;
  const inv2 = inv * inv;
  return (
    n * Math.log(n) -
    n +
    0.5 * Math.log(2 * Math.PI * n) +
    inv * (1 / 12 - inv2 * (1 / 360 - inv2 * (1 / 1260 - inv2 / 1680)))
  );
}

/**
 * Natural log of P(X ≥ x) for X ~ Poisson(lambda), computed in log space so it stays accurate far into the tail
 * (probabilities like 1e-300 and below do not underflow to zero).
 *
 * `x` is a whole number; `x ≤ 0` gives 0 (certain). `lambda ≤ 0` gives -Infinity for `x > 0`.
 *
 * @example
 * ```ts
 * Math.exp(logPoissonUpperTail(10, 2)); // ≈ 4.6498e-5
 * ```
 */
export function logPoissonUpperTail(x: number, lambda: number): number {
  if (x <= 0) return 0;
  if (!(lambda > 0)) return -Infinity;
  if (x > lambda) {
    // P(X ≥ x) = P(X = x) · (1 + λ/(x+1) + λ²/((x+1)(x+2)) + …): positive terms, ratio below 1.
    const logHead = -lambda + x * Math.log(lambda) - logFactorial(x);
    let term = 1;
    let sum = 1;
    for (let i = 1; i < 1_000_000; i++) {
      term *= lambda / (x + i);
      sum += term;
      if (term < sum * 1e-17) break;
    }
    return logHead + Math.log(sum);
  }
  // P(X ≥ x) = 1 − P(X ≤ x−1); P(X ≤ m) = P(X = m) · (1 + m/λ + m(m−1)/λ² + …) with m < λ.
  const m = x - 1;
  const logHead = -lambda + m * Math.log(lambda) - logFactorial(m);
  let term = 1;
  let sum = 1;
  for (let i = 0; i < m && i < 1_000_000; i++) {
    term *= (m - i) / lambda;
    sum += term;
    if (term < sum * 1e-17) break;
  }
  const logLower = logHead + Math.log(sum);
  return Math.log1p(-Math.exp(Math.min(logLower, 0)));
}
