import { normalCdf, normalQuantile, normalSf, studentTCdf, studentTQuantile } from './stats';
import type { ArmCounts, ExperimentResult, ExperimentVerdict } from './types';

/** Which way the team hopes the treatment moves the metric. */
export type DesiredChange = 'increase' | 'decrease';

/** Options shared by the experiment tests. */
export interface ExperimentOptions {
  /** Significance level (false-win rate), 0 < alpha < 1. Default 0.05. */
  alpha?: number;
  /** Which way counts as winning: `increase` (default) or `decrease`; anything else is a RangeError. */
  desired?: DesiredChange;
  /**
   * The sample size per arm planned before the start (see `sampleSizePerArm`); fewer means `need_more_data`.
   * A number ≥ 0; anything else (NaN, negative) is a RangeError.
   */
  plannedPerArm?: number;
}

const DESIRED: readonly DesiredChange[] = ['increase', 'decrease'];

function checkAlpha(alpha: number, name = 'alpha'): void {
  if (!(alpha > 0 && alpha < 1))
    throw new RangeError(`${name} must be between 0 and 1, got ${alpha}.`);
}

function checkDesired(desired: unknown, name = 'desired'): asserts desired is DesiredChange {
  if (!DESIRED.includes(desired as DesiredChange))
    throw new RangeError(
      `${name} must be 'increase' or 'decrease', got ${typeof desired === 'string' ? `'${desired}'` : String(desired)}.`,
    );
}

/** Validates the shared options and fills in the defaults. */
function readOptions(options: ExperimentOptions): {
  alpha: number;
  desired: DesiredChange;
  plannedPerArm: number | undefined;
} {
  const { alpha = 0.05, desired = 'increase', plannedPerArm } = options;
  checkAlpha(alpha);
  checkDesired(desired);
  if (plannedPerArm !== undefined && !(plannedPerArm >= 0 && Number.isFinite(plannedPerArm)))
    throw new RangeError(`plannedPerArm must be a number of trials ≥ 0, got ${plannedPerArm}.`);
  return { alpha, desired, plannedPerArm };
}

function checkArm(arm: ArmCounts, name: string): void {
  const { successes, trials } = arm;
  if (!Number.isInteger(trials) || trials < 0)
    throw new RangeError(`${name}.trials must be a whole number ≥ 0, got ${trials}.`);
  if (!Number.isInteger(successes) || successes < 0 || successes > trials)
    throw new RangeError(
      `${name}.successes must be a whole number between 0 and trials (${trials}), got ${successes}.`,
    );
}

const pct = (x: number, digits = 1): string => `${(x * 100).toFixed(digits)}%`;
const num = (x: number, digits = 3): string => x.toFixed(digits);

/** A difference of rates in percentage points; tiny non-zero values keep two significant digits instead of 0.00. */
function points(x: number): string {
  const p = x * 100;
  return p !== 0 && Math.abs(p) < 0.005 ? p.toPrecision(2) : p.toFixed(2);
}

/** The interval of a difference of rates, e.g. `0.55 to 4.45 points`. */
const pointsRange = ([lo, hi]: [number, number]): string => `${points(lo)} to ${points(hi)} points`;

/** `p = 0.0124`; a p-value at the floor of what a double can hold reads `p < 1e-300`. */
const pText = (p: number): string => (p < 1e-300 ? 'p < 1e-300' : `p = ${p.toPrecision(3)}`);

/** `p = 0.0124 < 0.05`. */
const pVersus = (p: number, sign: '<' | '≤' | '≥', alpha: number): string =>
  `${pText(p)} ${sign} ${alpha}`;

/** Turns a significant difference into won or lost, depending on which way the team wanted it to move. */
function signedVerdict(difference: number, desired: DesiredChange): ExperimentVerdict {
  const good = desired === 'increase' ? difference > 0 : difference < 0;
  return good ? 'won' : 'lost';
}

/**
 * The Wilson score interval for a proportion: good for small samples and rates near 0 or 1.
 *
 * Returns `[low, high]` within 0..1. With no trials the interval is `[0, 1]` (nothing is known).
 *
 * @example
 * ```ts
 * wilsonInterval(7, 40); // [0.0875, 0.3195] (95%)
 * ```
 */
export function wilsonInterval(
  successes: number,
  trials: number,
  confidence = 0.95,
): [number, number] {
  checkArm({ successes, trials }, 'arm');
  checkAlpha(1 - confidence, '1 − confidence');
  if (trials === 0) return [0, 1];
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const p = successes / trials;
  const z2n = (z * z) / trials;
  const centre = (p + z2n / 2) / (1 + z2n);
  const half = (z / (1 + z2n)) * Math.sqrt((p * (1 - p)) / trials + z2n / (4 * trials));
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/**
 * The rates (treatment, control) that best explain the counts when the treatment rate must be exactly
 * `delta` above the control rate: the restricted maximum-likelihood estimate of Miettinen & Nurminen (1985),
 * in the closed form of Farrington & Manning (1990, Statistics in Medicine 9:1447–1454), the root of a cubic.
 */
function restrictedRates(
  treatment: ArmCounts,
  control: ArmCounts,
  delta: number,
): [number, number] {
  const n1 = treatment.trials;
  const n2 = control.trials;
  const p1 = treatment.successes / n1;
  const p2 = control.successes / n2;
  const ratio = n2 / n1;
  const a = 1 + ratio;
  const b = -(1 + ratio + p1 + ratio * p2 + delta * (ratio + 2));
  const c = delta * delta + delta * (2 * p1 + ratio + 1) + p1 + ratio * p2;
  const d = -p1 * delta * (1 + delta);
  const v = (b * b * b) / (27 * a * a * a) - (b * c) / (6 * a * a) + d / (2 * a);
  const u = Math.sign(v) * Math.sqrt(Math.max(0, (b * b) / (9 * a * a) - c / (3 * a)));
  const cosArg = u === 0 ? 0 : Math.min(1, Math.max(-1, v / (u * u * u)));
  const w = (Math.PI + Math.acos(cosArg)) / 3;
  // Rounding can push the root a hair outside the feasible range; clamp it back.
  const low = Math.max(0, delta);
  const high = Math.min(1, 1 + delta);
  const t = Math.min(high, Math.max(low, 2 * u * Math.cos(w) - b / (3 * a)));
  return [t, Math.min(1, Math.max(0, t - delta))];
}

/**
 * The score confidence interval for treatment − control rate (Mee 1984; Miettinen & Nurminen 1985 without their
 * n/(n − 1) factor): every difference δ whose score statistic (d − δ)/SE(δ), with SE(δ) from the rates that best
 * fit the counts under δ, stays within ±z. At δ = 0 those rates are the pooled rate, so the statistic is the
 * pooled z of the test: the interval excludes 0 exactly when the test's p-value is below alpha.
 */
function scoreInterval(control: ArmCounts, treatment: ArmCounts, z: number): [number, number] {
  const observed = treatment.successes / treatment.trials - control.successes / control.trials;
  const score = (delta: number): number => {
    const gap = observed - delta;
    if (gap === 0) return 0;
    const [t, c] = restrictedRates(treatment, control, delta);
    const variance = (t * (1 - t)) / treatment.trials + (c * (1 - c)) / control.trials;
    return variance > 0 ? gap / Math.sqrt(variance) : gap > 0 ? Infinity : -Infinity;
  };
  // The score falls as δ rises, so each bound is found by bisection between −1, the observed difference and 1.
  const bound = (lo: number, hi: number, target: number): number => {
    for (let i = 0; i < 200 && hi - lo > 1e-15; i++) {
      const mid = (lo + hi) / 2;
      if (score(mid) > target) lo = mid;
      else hi = mid;
    }
    return (lo + hi) / 2;
  };
  return [bound(-1, observed, z), bound(observed, 1, -z)];
}

/**
 * Two-proportion z-test (pooled standard error) with the matching score confidence interval for the difference.
 *
 * The verdict and the interval answer the same question: the interval is the set of differences the same
 * test would not reject (Mee's score interval), so a `won`/`lost` interval never contains 0 and an
 * `inconclusive` one always does. (A Wald interval, rate ± z·unpooled SE, can disagree with the pooled test
 * when the arms differ in size, e.g. 15/1000 vs 5/100.)
 *
 * Verdict: `need_more_data` when an arm has fewer than 5 successes or 5 failures (the normal approximation
 * does not hold) or fewer trials than `plannedPerArm` (stopping early on a peek inflates false wins: use
 * `msprtTest` to watch continuously); otherwise `won`/`lost` when the two-sided p-value is below alpha, else
 * `inconclusive`.
 *
 * @example
 * ```ts
 * const r = twoProportionTest({ successes: 200, trials: 2000 }, { successes: 250, trials: 2000 });
 * r.statistic; // ≈ 2.502
 * r.pValue; // ≈ 0.01235
 * r.interval; // ≈ [0.0054, 0.0446] (score interval, 95%)
 * r.verdict; // 'won'
 * ```
 */
export function twoProportionTest(
  control: ArmCounts,
  treatment: ArmCounts,
  options: ExperimentOptions = {},
): ExperimentResult {
  const { alpha, desired, plannedPerArm } = readOptions(options);
  checkArm(control, 'control');
  checkArm(treatment, 'treatment');
  const base = emptyResult('two_proportion_z', alpha, control, treatment);
  if (control.trials === 0 || treatment.trials === 0) {
    return { ...base, reasons: ['An arm has no trials yet.'] };
  }
  const p1 = control.successes / control.trials;
  const p2 = treatment.successes / treatment.trials;
  const difference = p2 - p1;
  const pooled = (control.successes + treatment.successes) / (control.trials + treatment.trials);
  const sePooled = Math.sqrt(pooled * (1 - pooled) * (1 / control.trials + 1 / treatment.trials));
  const zCrit = normalQuantile(1 - alpha / 2);
  const interval = scoreInterval(control, treatment, zCrit);
  const statistic = sePooled > 0 ? difference / sePooled : null;
  const pValue = statistic === null ? null : Math.min(1, 2 * normalSf(Math.abs(statistic)));
  const result: ExperimentResult = {
    ...base,
    difference,
    relativeLift: p1 > 0 ? difference / p1 : null,
    interval,
    statistic,
    pValue,
  };
  const reasons = [
    `Control converts ${pct(p1, 2)} (${control.successes}/${control.trials}), treatment ${pct(p2, 2)} (${treatment.successes}/${treatment.trials}).`,
  ];
  const small = [control, treatment].some((a) => a.successes < 5 || a.trials - a.successes < 5);
  if (small) {
    reasons.push(
      'An arm has fewer than 5 successes or 5 failures: too few for this test; compare the Wilson intervals instead.',
    );
    return { ...result, verdict: 'need_more_data', reasons };
  }
  if (plannedPerArm !== undefined && Math.min(control.trials, treatment.trials) < plannedPerArm) {
    reasons.push(
      `Planned ${plannedPerArm} per arm, have ${Math.min(control.trials, treatment.trials)}: stopping early on a peek inflates false wins (use the sequential test to watch continuously).`,
    );
    return { ...result, verdict: 'need_more_data', reasons };
  }
  if (statistic === null || pValue === null) {
    reasons.push('Neither arm varies, so there is nothing to test.');
    return { ...result, verdict: 'inconclusive', reasons };
  }
  const ci = pointsRange(interval);
  if (pValue < alpha) {
    const verdict = signedVerdict(difference, desired);
    reasons.push(
      `z = ${num(statistic)}, ${pVersus(pValue, '<', alpha)}: the difference (${ci}) is unlikely to be chance; it moved the ${verdict === 'won' ? 'desired' : 'wrong'} way.`,
    );
    return { ...result, verdict, reasons };
  }
  reasons.push(
    `z = ${num(statistic)}, ${pVersus(pValue, '≥', alpha)}: the difference could be anywhere from ${ci}, including none.`,
  );
  return { ...result, verdict: 'inconclusive', reasons };
}

function emptyResult(
  test: ExperimentResult['test'],
  alpha: number,
  control: ArmCounts,
  treatment: ArmCounts,
): ExperimentResult {
  const controlRate = control.trials > 0 ? control.successes / control.trials : 0;
  const treatmentRate = treatment.trials > 0 ? treatment.successes / treatment.trials : 0;
  return {
    test,
    verdict: 'need_more_data',
    reasons: [],
    difference: treatmentRate - controlRate,
    relativeLift: controlRate > 0 ? (treatmentRate - controlRate) / controlRate : null,
    interval: null,
    statistic: null,
    pValue: null,
    alpha,
    controlRate,
    treatmentRate,
  };
}

/** Inputs of `sampleSizePerArm`. */
export interface SampleSizeOptions {
  /** The control's expected rate, 0 < rate < 1. */
  baselineRate: number;
  /** The rate the treatment must reach to matter (the minimum detectable effect is the difference). */
  expectedRate: number;
  /** Default 0.05 (two-sided). */
  alpha?: number;
  /** Chance of detecting the effect when it is real. Default 0.8. */
  power?: number;
}

/**
 * Trials needed per arm to detect a change from `baselineRate` to `expectedRate` with a two-sided
 * two-proportion z-test (Fleiss' formula without continuity correction), rounded up.
 *
 * @example
 * ```ts
 * sampleSizePerArm({ baselineRate: 0.02, expectedRate: 0.025 }); // 13809
 * ```
 */
export function sampleSizePerArm(options: SampleSizeOptions): number {
  const { baselineRate: p1, expectedRate: p2, alpha = 0.05, power = 0.8 } = options;
  for (const [name, v] of [
    ['baselineRate', p1],
    ['expectedRate', p2],
  ] as const) {
    if (!(v > 0 && v < 1)) throw new RangeError(`${name} must be between 0 and 1, got ${v}.`);
  }
  if (p1 === p2) throw new RangeError('expectedRate must differ from baselineRate.');
  checkAlpha(alpha);
  checkAlpha(power, 'power');
  const pBar = (p1 + p2) / 2;
  const zA = normalQuantile(1 - alpha / 2);
  const zB = normalQuantile(power);
  const root =
    zA * Math.sqrt(2 * pBar * (1 - pBar)) + zB * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
  return Math.ceil((root * root) / ((p2 - p1) * (p2 - p1)));
}

/** Mean, sample standard deviation and size of one arm, when the raw values are not at hand. */
export interface SampleSummary {
  mean: number;
  sd: number;
  n: number;
}

const TOO_LARGE =
  'The values are too large to average or to compute their spread (the sum or the variance overflows); rescale them, e.g. to thousands.';

function summarize(values: readonly number[] | SampleSummary, name: string): SampleSummary {
  if (!Array.isArray(values)) {
    const s = values as SampleSummary;
    if (
      !Number.isFinite(s.mean) ||
      !(s.sd >= 0) ||
      !Number.isFinite(s.sd) ||
      !Number.isInteger(s.n) ||
      s.n < 0
    )
      throw new RangeError(`${name} needs a finite mean, a finite sd ≥ 0 and a whole n ≥ 0.`);
    return s;
  }
  const list = values as readonly number[];
  let sum = 0;
  for (let i = 0; i < list.length; i++) {
    const v = list[i]!;
    if (!Number.isFinite(v)) throw new RangeError(`${name}[${i}] is not a finite number (${v}).`);
    sum += v;
  }
  const n = list.length;
  const mean = n > 0 ? sum / n : 0;
  if (!Number.isFinite(mean)) throw new RangeError(TOO_LARGE);
  let ss = 0;
  for (const v of list) ss += (v - mean) * (v - mean);
  return { mean, sd: n > 1 ? Math.sqrt(ss / (n - 1)) : 0, n };
}

/**
 * Welch's t-test for the difference of two means with unequal variances (e.g. engagement per post).
 *
 * Takes raw values or `{ mean, sd, n }` summaries. Degrees of freedom by Welch–Satterthwaite; the p-value and
 * interval use the exact Student-t distribution. Fewer than 2 values in an arm gives `need_more_data`.
 *
 * @example
 * ```ts
 * welchTTest([3, 4, 5, 4], [6, 7, 5, 8]).verdict; // 'won' (t ≈ 3.27, p ≈ 0.022)
 * ```
 */
export function welchTTest(
  control: readonly number[] | SampleSummary,
  treatment: readonly number[] | SampleSummary,
  options: ExperimentOptions = {},
): ExperimentResult {
  const { alpha, desired, plannedPerArm } = readOptions(options);
  const a = summarize(control, 'control');
  const b = summarize(treatment, 'treatment');
  const difference = b.mean - a.mean;
  const result: ExperimentResult = {
    test: 'welch_t',
    verdict: 'need_more_data',
    reasons: [],
    difference,
    relativeLift: a.mean !== 0 ? difference / Math.abs(a.mean) : null,
    interval: null,
    statistic: null,
    pValue: null,
    alpha,
    controlRate: a.mean,
    treatmentRate: b.mean,
  };
  const reasons = [
    `Control averages ${num(a.mean)} (n = ${a.n}), treatment ${num(b.mean)} (n = ${b.n}).`,
  ];
  if (a.n < 2 || b.n < 2) {
    reasons.push('Each arm needs at least 2 values to estimate its spread.');
    return { ...result, reasons };
  }
  const va = (a.sd * a.sd) / a.n;
  const vb = (b.sd * b.sd) / b.n;
  const se = Math.sqrt(va + vb);
  if (!Number.isFinite(se)) throw new RangeError(TOO_LARGE);
  if (!(se > 0)) {
    reasons.push('Neither arm varies, so the difference cannot be tested.');
    return { ...result, verdict: 'inconclusive', reasons };
  }
  const df = ((va + vb) * (va + vb)) / ((va * va) / (a.n - 1) + (vb * vb) / (b.n - 1));
  const t = difference / se;
  const pValue = Math.min(1, 2 * studentTCdf(-Math.abs(t), df));
  const tCrit = studentTQuantile(1 - alpha / 2, df);
  const interval: [number, number] = [difference - tCrit * se, difference + tCrit * se];
  const out = { ...result, statistic: t, pValue, interval };
  if (plannedPerArm !== undefined && Math.min(a.n, b.n) < plannedPerArm) {
    reasons.push(
      `Planned ${plannedPerArm} per arm, have ${Math.min(a.n, b.n)}: wait for the full sample.`,
    );
    return { ...out, reasons };
  }
  const ci = `${num(interval[0])} to ${num(interval[1])}`;
  if (pValue < alpha) {
    const verdict = signedVerdict(difference, desired);
    reasons.push(
      `t = ${num(t)} on ${num(df, 1)} degrees of freedom, p = ${pValue.toPrecision(3)} < ${alpha}: the difference (${ci}) is unlikely to be chance.`,
    );
    return { ...out, verdict, reasons };
  }
  reasons.push(
    `t = ${num(t)} on ${num(df, 1)} degrees of freedom, p = ${pValue.toPrecision(3)} ≥ ${alpha}: the difference could be anywhere from ${ci}.`,
  );
  return { ...out, verdict: 'inconclusive', reasons };
}

/** Options of the always-valid mixture sequential test. */
export interface MsprtOptions extends ExperimentOptions {
  /**
   * Standard deviation of the normal mixing distribution over the true difference (same units as the rates):
   * the size of effect the test is most sensitive to. Default: 20% of the pooled rate.
   */
  tau?: number;
  /**
   * The always-valid p-value from the previous look (the p-value never goes up between looks): pass the
   * previous result's `pValue`. In (0, 1]; the test never returns 0, so its own p-values are always accepted.
   */
  previousPValue?: number;
  /**
   * Which way the treatment moved at the look that stopped the test: pass the previous result's `direction`
   * (null or omitted while the test runs). Once a look has stopped the test, later looks keep its verdict
   * instead of re-reading the direction from newer, noisier numbers. Only valid with a `previousPValue` ≤ alpha.
   */
  previousDirection?: DesiredChange | null;
}

/** Result of `msprtTest`: an `ExperimentResult` plus the direction to carry to the next look. */
export interface MsprtResult extends ExperimentResult {
  /**
   * Which way the treatment moved at the look that stopped the test (p ≤ alpha): `increase` or `decrease`;
   * null while the test runs, or when an earlier stop's direction was not passed in and the latest numbers
   * alone cannot tell. Pass it as `previousDirection` at the next look.
   */
  direction: DesiredChange | null;
}

/**
 * The mSPRT waits until each arm can expect this many successes and this many failures at the pooled rate
 * (Cochran's rule of 5 per cell of the 2×2 table): below that the normal approximation behind the test does
 * not hold, and a handful of trials (0/2 vs 2/2) would otherwise stop it.
 */
export const MSPRT_MIN_EXPECTED = 5;

/**
 * mSPRT: an always-valid two-proportion test (Johari, Pekelis & Walsh, 2017) — look as often as you like.
 *
 * Mixture likelihood ratio Λ = √(V/(V+τ²)) · exp(θ̂²τ² / (2V(V+τ²))) with θ̂ the difference of rates and V its
 * variance; the always-valid p-value is min(previous, 1/Λ) and the interval is the matching confidence
 * sequence (at each look it excludes 0 exactly when 1/Λ ≤ alpha). V is the larger of the variance under no
 * difference (pooled rate) and the variance of the observed rates (unpooled): the first is what the p-value
 * needs, the second what the interval needs, and taking the larger keeps both valid (slightly conservative).
 *
 * Minimum sample: nothing is decided, and the p-value is not updated, until each arm can expect at least
 * `MSPRT_MIN_EXPECTED` (5) successes and 5 failures at the pooled rate, i.e. min(trials) × min(rate, 1 − rate)
 * ≥ 5. With a look after every visitor pair and no true difference, the chance of ever stopping is then at
 * most alpha (seeded simulations in the tests).
 *
 * Verdict `won`/`lost` once p ≤ alpha, in the direction of the look that got there: carry `pValue` and
 * `direction` to the next look as `previousPValue` and `previousDirection`. Before that `need_more_data`
 * (keep going), or `inconclusive` once `plannedPerArm` is reached.
 *
 * @example
 * ```ts
 * const look = msprtTest({ successes: 200, trials: 2000 }, { successes: 260, trials: 2000 });
 * const next = msprtTest(control, treatment, {
 *   previousPValue: look.pValue!,
 *   previousDirection: look.direction,
 * });
 * ```
 */
export function msprtTest(
  control: ArmCounts,
  treatment: ArmCounts,
  options: MsprtOptions = {},
): MsprtResult {
  const { alpha, desired, plannedPerArm } = readOptions(options);
  const { previousPValue = 1, previousDirection = null, tau: tauOption } = options;
  checkArm(control, 'control');
  checkArm(treatment, 'treatment');
  if (!(previousPValue > 0 && previousPValue <= 1))
    throw new RangeError(`previousPValue must be in (0, 1], got ${previousPValue}.`);
  if (previousDirection !== null) {
    checkDesired(previousDirection, 'previousDirection');
    if (previousPValue > alpha)
      throw new RangeError(
        `previousDirection is only set once a look has stopped the test (p ≤ ${alpha}), but previousPValue is ${previousPValue}: pass both from the same earlier result and keep alpha the same at every look.`,
      );
  }
  if (tauOption !== undefined && !(tauOption > 0 && Number.isFinite(tauOption)))
    throw new RangeError(`tau must be a finite number > 0, got ${tauOption}.`);
  const n1 = control.trials;
  const n2 = treatment.trials;
  const base = { ...emptyResult('msprt', alpha, control, treatment), pValue: previousPValue };
  const p1 = base.controlRate;
  const p2 = base.treatmentRate;
  const difference = p2 - p1;
  const pooled = n1 + n2 > 0 ? (control.successes + treatment.successes) / (n1 + n2) : 0;
  const expected = Math.min(n1, n2) * Math.min(pooled, 1 - pooled);
  // This look's evidence, once there is enough data for the normal approximation.
  let look: { lookP: number; interval: [number, number]; lambda: number } | null = null;
  if (expected >= MSPRT_MIN_EXPECTED) {
    const tau = tauOption ?? 0.2 * pooled;
    const t2 = tau * tau;
    const vPooled = pooled * (1 - pooled) * (1 / n1 + 1 / n2);
    const vObserved = (p1 * (1 - p1)) / n1 + (p2 * (1 - p2)) / n2;
    const v = Math.max(vPooled, vObserved); // > 0: pooled is strictly between 0 and 1 here
    const logLambda =
      0.5 * Math.log(v / (v + t2)) + (difference * difference * t2) / (2 * v * (v + t2));
    const half = Math.sqrt(
      ((v * (v + t2)) / t2) * (2 * Math.log(1 / alpha) + Math.log((v + t2) / v)),
    );
    look = {
      // exp(−log Λ) underflows to 0 once log Λ > 745; the p-value below is floored above 0.
      lookP: Math.min(1, Math.exp(-logLambda)),
      interval: [difference - half, difference + half],
      lambda: Math.exp(Math.min(logLambda, 700)),
    };
  }
  // Never 0, so the result can always be passed back as previousPValue.
  const pValue = Math.max(Math.min(previousPValue, look?.lookP ?? 1), Number.MIN_VALUE);
  const result = {
    ...base,
    difference,
    statistic: look?.lambda ?? null,
    pValue,
    interval: look?.interval ?? null,
  };
  const rates = `Control ${pct(p1, 2)} (${control.successes}/${n1}), treatment ${pct(p2, 2)} (${treatment.successes}/${n2})`;
  const reasons: string[] = [
    n1 === 0 || n2 === 0
      ? 'An arm has no trials yet.'
      : look
        ? `${rates}; always-valid ${pText(pValue)} (safe to check at any time).`
        : `${rates}.`,
  ];
  const ci = look ? pointsRange(look.interval) : '';
  const sign = (x: number): DesiredChange => (x > 0 ? 'increase' : 'decrease');
  const moved = (direction: DesiredChange): string =>
    `the treatment moved the ${signedVerdict(direction === 'increase' ? 1 : -1, desired) === 'won' ? 'desired' : 'wrong'} way`;
  const decide = (direction: DesiredChange): MsprtResult => ({
    ...result,
    verdict: signedVerdict(direction === 'increase' ? 1 : -1, desired),
    reasons,
    direction,
  });

  if (previousPValue <= alpha) {
    // An earlier look stopped the test; its direction stands.
    if (previousDirection !== null) {
      reasons.push(
        `An earlier look already stopped the test (p ≤ ${alpha}) with the treatment ${previousDirection === 'increase' ? 'ahead' : 'behind'}: ${moved(previousDirection)}.`,
      );
      if (look && (look.lookP > alpha || sign(difference) !== previousDirection))
        reasons.push(
          look.lookP > alpha
            ? `The latest numbers alone (${ci}) no longer show a clear difference: the effect may have changed since; start a new test to measure it again.`
            : `The latest numbers alone (${ci}) point the other way: the effect may have changed since; start a new test to measure it again.`,
        );
      return decide(previousDirection);
    }
    if (look && look.lookP <= alpha) {
      reasons.push(
        `An earlier look already stopped the test (p ≤ ${alpha}), but which way it went was not passed along from that look (previousDirection); the latest numbers alone (${ci}) show that ${moved(sign(difference))}.`,
      );
      return decide(sign(difference));
    }
    reasons.push(
      `An earlier look already stopped the test (p ≤ ${alpha}), but which way it went was not passed along from that look (previousDirection), and the latest numbers alone ${look ? `(${ci}) include no change` : 'are too few to judge'}: this look cannot say whether the treatment won or lost.`,
    );
    return { ...result, verdict: 'inconclusive', reasons, direction: null };
  }
  if (look && look.lookP <= alpha) {
    reasons.push(`${pVersus(pValue, '≤', alpha)}: stop; ${moved(sign(difference))} (${ci}).`);
    return decide(sign(difference));
  }
  if (plannedPerArm !== undefined && Math.min(n1, n2) >= plannedPerArm) {
    reasons.push(
      look
        ? `Reached the planned ${plannedPerArm} per arm without a clear difference: it could be anywhere from ${ci}, including none.`
        : `Reached the planned ${plannedPerArm} per arm with too few successes or failures to judge.`,
    );
    return { ...result, verdict: 'inconclusive', reasons, direction: null };
  }
  reasons.push(
    look
      ? `No clear difference yet (${ci}, including none): keep the test running and check again whenever you like.`
      : `Too early to judge: the test waits until each arm can expect at least ${MSPRT_MIN_EXPECTED} successes and ${MSPRT_MIN_EXPECTED} failures at the combined rate (${pct(pooled, 2)}); the smaller arm expects ${num(expected, 1)} now. Keep the test running.`,
  );
  return { ...result, verdict: 'need_more_data', reasons, direction: null };
}

/** A plan for Evan Miller's simple sequential test. */
export interface MillerPlan {
  /** Stop with no winner once treatment + control successes reach this total (N). */
  totalSuccesses: number;
  /** Stop with a winner once either arm leads by this many successes (≈ 2.24√N at alpha 0.05). */
  margin: number;
  alpha: number;
  power: number;
  lift: number;
}

/**
 * Plans Evan Miller's simple sequential test ("Simple Sequential A/B Testing", 2015) for equal-sized arms.
 *
 * `lift` is the relative improvement to detect (0.2 for +20%). The margin is z(1−alpha/4)·√N: by the reflection
 * principle a false win and a false loss each have a chance of about alpha/2, so `alpha` is the chance of a false
 * verdict either way, as in `twoProportionTest`. (Miller's article gives alpha to a false win alone, with
 * z(1−alpha/2); with the "lost" rule that would allow twice alpha in all.) N is the smallest total for which a
 * real lift reaches the margin with probability `power` (Brownian approximation of the random walk).
 *
 * @example
 * ```ts
 * const plan = millerSequentialPlan({ lift: 0.2 }); // { totalSuccesses: …, margin: … }
 * ```
 */
export function millerSequentialPlan(options: {
  lift: number;
  alpha?: number;
  power?: number;
}): MillerPlan {
  const { lift, alpha = 0.05, power = 0.8 } = options;
  if (!(lift > 0) || !Number.isFinite(lift)) throw new RangeError(`lift must be > 0, got ${lift}.`);
  checkAlpha(alpha);
  checkAlpha(power, 'power');
  const zA = normalQuantile(1 - alpha / 4);
  const p = (1 + lift) / (2 + lift);
  const mu = 2 * p - 1;
  const sigma2 = 1 - mu * mu;
  const hitProbability = (n: number): number => {
    const d = zA * Math.sqrt(n);
    const s = Math.sqrt(sigma2 * n);
    const first = normalCdf((mu * n - d) / s);
    const lower = normalCdf((-mu * n - d) / s);
    const second = lower > 0 ? Math.exp((2 * mu * d) / sigma2 + Math.log(lower)) : 0;
    return Math.min(1, first + second);
  };
  let lo = 1;
  let hi = 2;
  while (hitProbability(hi) < power) {
    lo = hi;
    hi *= 2;
    if (hi > 1e12) throw new RangeError('lift is too small to plan for.');
  }
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (hitProbability(mid) >= power) hi = mid;
    else lo = mid;
  }
  return { totalSuccesses: hi, margin: Math.ceil(zA * Math.sqrt(hi)), alpha, power, lift };
}

/**
 * Trials this unequal have less than a one-in-a-million chance under a 50/50 split (a "sample ratio mismatch":
 * two-sided z-test of the trials against an even split). The check runs at every look, so it is strict: a real
 * 50/50 split checked after every visitor up to 200,000 visitors never crossed it in 400 simulated runs, where a
 * 1-in-1000 threshold was crossed in 3.75% of them.
 */
const SRM_P = 1e-6;

/**
 * Evan Miller's simple sequential rule: treatment wins once it leads by `margin` successes; control wins (`lost`)
 * once it leads by the margin; no winner once the total reaches `totalSuccesses`; otherwise keep going.
 *
 * The rule compares success counts, so it needs equal traffic: each visitor equally likely to get either version.
 * Pass each arm's real trials (visitors): counts far too unequal for a 50/50 split (p < 1e-6 against an even
 * split, e.g. 900 vs 9000, or 5,300 vs 4,700) throw a RangeError, since with uneven traffic the arm with more
 * visitors collects more successes without converting better. Use `twoProportionTest` or `msprtTest` for
 * unequal arms. Should a lead that reaches the margin still come with a rate that is not higher (possible only
 * with slightly uneven traffic), the verdict is `inconclusive`, never a win that contradicts the rates.
 *
 * @example
 * ```ts
 * const plan = millerSequentialPlan({ lift: 0.5 });
 * millerSequentialTest({ successes: 30, trials: 900 }, { successes: 70, trials: 900 }, plan).verdict; // 'won'
 * ```
 */
export function millerSequentialTest(
  control: ArmCounts,
  treatment: ArmCounts,
  plan: MillerPlan,
): ExperimentResult {
  checkArm(control, 'control');
  checkArm(treatment, 'treatment');
  if (!(Number.isInteger(plan.margin) && plan.margin >= 1))
    throw new RangeError(`plan.margin must be a whole number ≥ 1, got ${plan.margin}.`);
  if (!(Number.isInteger(plan.totalSuccesses) && plan.totalSuccesses >= 1))
    throw new RangeError(
      `plan.totalSuccesses must be a whole number ≥ 1, got ${plan.totalSuccesses}.`,
    );
  checkAlpha(plan.alpha, 'plan.alpha');
  const visitors = control.trials + treatment.trials;
  if (visitors > 0) {
    const z = (treatment.trials - control.trials) / Math.sqrt(visitors);
    if (2 * normalSf(Math.abs(z)) < SRM_P)
      throw new RangeError(
        `millerSequentialTest needs equal traffic in both arms, but control has ${control.trials} trials and treatment ${treatment.trials}: far more unequal than a 50/50 split allows (p < 1e-6). Fix the split, or use twoProportionTest or msprtTest, which handle unequal arms.`,
      );
  }
  const base = emptyResult('miller_sequential', plan.alpha, control, treatment);
  const lead = treatment.successes - control.successes;
  const total = treatment.successes + control.successes;
  const result = { ...base, statistic: lead };
  const head = `Treatment ${treatment.successes} vs control ${control.successes} successes (lead ${lead}); stop at a lead of ±${plan.margin} or a total of ${plan.totalSuccesses}.`;
  const leader = lead >= plan.margin ? 'Treatment' : -lead >= plan.margin ? 'Control' : null;
  if (leader !== null) {
    // Within the allowed imbalance the leader's rate is almost always higher too; if not, the lead came from
    // extra traffic rather than better conversion, so no winner is named.
    const leaderConvertsBetter =
      leader === 'Treatment'
        ? base.treatmentRate > base.controlRate
        : base.controlRate > base.treatmentRate;
    if (leaderConvertsBetter)
      return {
        ...result,
        verdict: leader === 'Treatment' ? 'won' : 'lost',
        reasons: [head, `${leader} reached the winning margin.`],
      };
    return {
      ...result,
      verdict: 'inconclusive',
      reasons: [
        head,
        `${leader} reached the winning margin in successes but not in rate (${pct(base.controlRate, 2)} control, ${pct(base.treatmentRate, 2)} treatment): its lead comes from extra traffic, so there is no winner.`,
      ],
    };
  }
  if (total >= plan.totalSuccesses)
    return {
      ...result,
      verdict: 'inconclusive',
      reasons: [
        head,
        'The planned total was reached without a winner: no lift of the planned size.',
      ],
    };
  return {
    ...result,
    verdict: 'need_more_data',
    reasons: [
      head,
      `Keep going: at most ${plan.totalSuccesses - total} more successes to a decision.`,
    ],
  };
}
