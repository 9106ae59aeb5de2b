// Distribution functions for the experiments, accurate to about 1e-14 relative error in the tails.

/**
 * The standard normal CDF Φ(x), accurate to about 1e-15 relative error in both tails.
 *
 * Near the centre (|x| < 2) a Taylor series of erf whose terms are all positive (no cancellation); further
 * out a continued fraction for erfc evaluated to convergence (modified Lentz), so the far tail keeps its
 * precision (Φ(−10) ≈ 7.619853024160e−24), unlike short approximations such as Abramowitz–Stegun 7.1.26.
 * NaN gives NaN; ±Infinity give 1 and 0.
 *
 * @example
 * ```ts
 * normalCdf(1.959963984540054); // 0.975
 * ```
 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  const z = Math.abs(x) / Math.SQRT2;
  if (z < Math.SQRT2) {
    // erf(z) = 2/√π · e^(−z²) · Σ 2ⁿ z^(2n+1) / (1·3·…·(2n+1))
    let term = z;
    let sum = z;
    for (let n = 1; n < 200; n++) {
      term *= (2 * z * z) / (2 * n + 1);
      sum += term;
      if (term < sum * 1e-17) break;
    }
    const erf = (2 / Math.sqrt(Math.PI)) * Math.exp(-z * z) * sum;
    return x >= 0 ? 0.5 + 0.5 * erf : 0.5 - 0.5 * erf;
  }
  const tail = 0.5 * erfcContinuedFraction(z);
  return x > 0 ? 1 - tail : tail;
}

/** erfc(z) for z ≥ √2 from its continued fraction erfc(z) = e^(−z²)/√π · 1/(z + (1/2)/(z + 1/(z + (3/2)/(z + …)))). */
function erfcContinuedFraction(z: number): number {
  if (z > 27.3) return 0;
  const tiny = 1e-300;
  let f = z;
  let c = z;
  let d = 0;
  for (let k = 1; k < 5000; k++) {
    const a = k / 2;
    d = z + a * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = z + a / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-z * z) / (f * Math.sqrt(Math.PI));
}

/**
 * The upper tail 1 − Φ(x), computed without cancellation (accurate for large x).
 *
 * @example
 * ```ts
 * normalSf(5); // ≈ 2.8665e-7
 * ```
 */
export function normalSf(x: number): number {
  return normalCdf(-x);
}

const A = [
  -3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2,
  -3.066479806614716e1, 2.506628277459239,
] as const;
const B = [
  -5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1,
  -1.328068155288572e1,
] as const;
const C = [
  -7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734,
  4.374664141464968, 2.938163982698783,
] as const;
const D = [
  7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416,
] as const;

/**
 * The standard normal quantile Φ⁻¹(p) for 0 < p < 1 (0 and 1 give ∓Infinity, anything else NaN).
 *
 * Acklam's rational approximation refined by one Halley step against `normalCdf`: full double precision.
 *
 * @example
 * ```ts
 * normalQuantile(0.975); // 1.959963984540054
 * ```
 */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) return Number.NaN;
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  const [a0, a1, a2, a3, a4, a5] = A;
  const [b0, b1, b2, b3, b4] = B;
  const [c0, c1, c2, c3, c4, c5] = C;
  const [d0, d1, d2, d3] = D;
  const low = 0.02425;
  let x: number;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    x =
      (((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) /
      ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
  } else if (p <= 1 - low) {
    const q = p - 0.5;
    const r = q * q;
    x =
      ((((((a0 * r + a1) * r + a2) * r + a3) * r + a4) * r + a5) * q) /
      (((((b0 * r + b1) * r + b2) * r + b3) * r + b4) * r + 1);
  } else {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    x =
      -(((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) /
      ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
  }
  // One Halley step; in the upper tail work with the survival function to keep precision.
  const e = p > 0.5 ? -(normalSf(x) - (1 - p)) : normalCdf(x) - p;
  const u = e * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
  return x - u / (1 + (x * u) / 2);
}

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
] as const;

/**
 * ln Γ(x) for x > 0 (Lanczos approximation, g = 7; relative error about 1e-15).
 *
 * @example
 * ```ts
 * logGamma(5); // ln 24
 * ```
 */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const z = x - 1;
  let s = LANCZOS[0];
  for (let i = 1; i < 9; i++) s += LANCZOS[i]! / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(s);
}

/** Continued fraction for the incomplete beta (modified Lentz). */
function betaContinuedFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 10_000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-16) break;
  }
  return h;
}

/**
 * The regularized incomplete beta function I_x(a, b) for a, b > 0 and 0 ≤ x ≤ 1 (NaN outside).
 *
 * Continued fraction (Numerical Recipes §6.4) evaluated where it converges fast, with the symmetry
 * I_x(a, b) = 1 − I_{1−x}(b, a) elsewhere.
 *
 * @example
 * ```ts
 * incompleteBeta(0.5, 2, 2); // 0.5
 * ```
 */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (!(a > 0 && b > 0 && x >= 0 && x <= 1)) return Number.NaN;
  if (x === 0 || x === 1) return x;
  const lnFront =
    logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x);
  const front = Math.exp(lnFront);
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(a, b, x)) / a;
  return 1 - (front * betaContinuedFraction(b, a, 1 - x)) / b;
}

/**
 * Student's t CDF with `df` degrees of freedom (df > 0, may be fractional as in Welch's test).
 *
 * Exact through the regularized incomplete beta: P(T ≤ t) = 1 − ½ I_{df/(df+t²)}(df/2, ½) for t ≥ 0.
 *
 * @example
 * ```ts
 * studentTCdf(2.228138851986274, 10); // 0.975
 * ```
 */
export function studentTCdf(t: number, df: number): number {
  if (Number.isNaN(t) || !(df > 0)) return Number.NaN;
  if (!Number.isFinite(t)) return t > 0 ? 1 : 0;
  if (!Number.isFinite(df)) return normalCdf(t);
  const tail = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
  return t > 0 ? 1 - tail : tail;
}

/**
 * Student's t quantile: the t with `studentTCdf(t, df) = p` (bisection to full precision).
 *
 * @example
 * ```ts
 * studentTQuantile(0.975, 10); // 2.228138851986274
 * ```
 */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1) || !(df > 0)) {
    if (p === 0) return Number.NEGATIVE_INFINITY;
    if (p === 1) return Number.POSITIVE_INFINITY;
    return Number.NaN;
  }
  if (p === 0.5) return 0;
  if (p < 0.5) return -studentTQuantile(1 - p, df);
  let lo = 0;
  let hi = Math.max(2, 2 * normalQuantile(p));
  while (studentTCdf(hi, df) < p) {
    lo = hi;
    hi *= 2;
    if (hi > 1e300) return Number.POSITIVE_INFINITY;
  }
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (mid === lo || mid === hi) break;
    if (studentTCdf(mid, df) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * The p-th percentile (0..100) of values sorted ascending, interpolating linearly between closest ranks
 * (Hyndman & Fan type 7, as in Excel PERCENTILE.INC and NumPy): the median of an even count is the mean of
 * the middle two. Null for an empty list.
 *
 * @example
 * ```ts
 * percentileOfSorted([1, 2, 3, 4], 50); // 2.5
 * ```
 */
export function percentileOfSorted(sorted: ArrayLike<number>, p: number): number | null {
  const n = sorted.length;
  if (n === 0 || !(p >= 0 && p <= 100)) return null;
  const h = ((n - 1) * p) / 100;
  const lo = Math.floor(h);
  const a = sorted[lo]!;
  if (lo + 1 >= n) return a;
  return a + (h - lo) * (sorted[lo + 1]! - a);
}

/**
 * The p-th percentile (0..100) of unsorted values, same definition as `percentileOfSorted`, in linear expected
 * time (quickselect). Reorders `values` in place; null for an empty array.
 *
 * @example
 * ```ts
 * percentileInPlace(new Float64Array([4, 1, 3, 2]), 50); // 2.5
 * ```
 */
export function percentileInPlace(values: Float64Array, p: number): number | null {
  const n = values.length;
  if (n === 0 || !(p >= 0 && p <= 100)) return null;
  const h = ((n - 1) * p) / 100;
  const lo = Math.floor(h);
  select(values, lo);
  const a = values[lo]!;
  if (lo + 1 >= n || h === lo) return a;
  let b = values[lo + 1]!;
  for (let i = lo + 2; i < n; i++) if (values[i]! < b) b = values[i]!;
  return a + (h - lo) * (b - a);
}

/** Moves the k-th smallest value to index k, smaller ones before it and larger ones after (Hoare selection). */
function select(a: Float64Array, k: number): void {
  let left = 0;
  let right = a.length - 1;
  while (right > left) {
    // Median of three as pivot keeps sorted and reversed inputs linear.
    const mid = (left + right) >>> 1;
    const x = a[left]!;
    const y = a[mid]!;
    const z = a[right]!;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = left;
    let j = right;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return;
  }
}
