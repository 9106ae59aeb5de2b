import { normalCdf, normalQuantile, normalSf, studentTCdf, studentTQuantile } from './stats';
import type { ArmCounts, ExperimentResult, ExperimentVerdict } from './types';

/** Which way the team hopes the treatment moves the metric. */
export type DesiredChange = 'increase' | 'decrease';

/** Options shared by the experiment tests. */
export interface ExperimentOptions {
  /** Significance level (false-win rate), 0 < alpha < 1. Default 0.05. */
  alpha?: number;
  /** Which way counts as winning. Default `increase`. */
  desired?: DesiredChange;
  /** The sample size per arm planned before the start (see `sampleSizePerArm`); fewer means `need_more_data`. */
  plannedPerArm?: number;
}

function checkAlpha(alpha: number, name = 'alpha'): void {
  if (!(alpha > 0 && alpha < 1))
    throw new RangeError(`${name} must be between 0 and 1, got ${alpha}.`);
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
 * Two-proportion z-test (pooled standard error) with a Wald confidence interval for the difference.
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
 * r.verdict; // 'won'
 * ```
 */
export function twoProportionTest(
  control: ArmCounts,
  treatment: ArmCounts,
  options: ExperimentOptions = {},
): ExperimentResult {
  const { alpha = 0.05, desired = 'increase', plannedPerArm } = options;
  checkArm(control, 'control');
  checkArm(treatment, 'treatment');
  checkAlpha(alpha);
  const base = emptyResult('two_proportion_z', alpha, control, treatment);
  if (control.trials === 0 || treatment.trials === 0) {
    return { ...base, reasons: ['An arm has no trials yet.'] };
  }
  const p1 = control.successes / control.trials;
  const p2 = treatment.successes / treatment.trials;
  const difference = p2 - p1;
  const pooled = (control.successes + treatment.successes) / (control.trials + treatment.trials);
  const sePooled = Math.sqrt(pooled * (1 - pooled) * (1 / control.trials + 1 / treatment.trials));
  const seDiff = Math.sqrt((p1 * (1 - p1)) / control.trials + (p2 * (1 - p2)) / treatment.trials);
  const zCrit = normalQuantile(1 - alpha / 2);
  const interval: [number, number] = [difference - zCrit * seDiff, difference + zCrit * seDiff];
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
  const ci = `${num(interval[0] * 100, 2)} to ${num(interval[1] * 100, 2)} points`;
  if (pValue < alpha) {
    const verdict = signedVerdict(difference, desired);
    reasons.push(
      `z = ${num(statistic)}, p = ${pValue.toPrecision(3)} < ${alpha}: the difference (${ci}) is unlikely to be chance; it moved the ${verdict === 'won' ? 'desired' : 'wrong'} way.`,
    );
    return { ...result, verdict, reasons };
  }
  reasons.push(
    `z = ${num(statistic)}, p = ${pValue.toPrecision(3)} ≥ ${alpha}: the difference could be anywhere from ${ci}, including none.`,
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
  const { alpha = 0.05, desired = 'increase', plannedPerArm } = options;
  checkAlpha(alpha);
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
  /** The always-valid p-value from the previous look (the p-value never goes up between looks). */
  previousPValue?: number;
}

/**
 * mSPRT: an always-valid two-proportion test (Johari, Pekelis & Walsh, 2017) — look as often as you like.
 *
 * Mixture likelihood ratio Λ = √(V/(V+τ²)) · exp(θ̂²τ² / (2V(V+τ²))) with θ̂ the difference of rates and V its
 * variance; the always-valid p-value is min(previous, 1/Λ) and the interval is the matching confidence
 * sequence. Verdict `won`/`lost` once p ≤ alpha; before that `need_more_data` (keep going), or `inconclusive`
 * once `plannedPerArm` is reached.
 *
 * @example
 * ```ts
 * const look = msprtTest({ successes: 200, trials: 2000 }, { successes: 260, trials: 2000 });
 * look.pValue; // always-valid p-value, pass it as previousPValue at the next look
 * ```
 */
export function msprtTest(
  control: ArmCounts,
  treatment: ArmCounts,
  options: MsprtOptions = {},
): ExperimentResult {
  const { alpha = 0.05, desired = 'increase', plannedPerArm, previousPValue = 1 } = options;
  checkArm(control, 'control');
  checkArm(treatment, 'treatment');
  checkAlpha(alpha);
  if (!(previousPValue > 0 && previousPValue <= 1))
    throw new RangeError(`previousPValue must be in (0, 1], got ${previousPValue}.`);
  const base = emptyResult('msprt', alpha, control, treatment);
  if (control.trials === 0 || treatment.trials === 0)
    return { ...base, pValue: previousPValue, reasons: ['An arm has no trials yet.'] };
  const p1 = control.successes / control.trials;
  const p2 = treatment.successes / treatment.trials;
  const pooled = (control.successes + treatment.successes) / (control.trials + treatment.trials);
  const tau = options.tau ?? Math.max(0.2 * pooled, 1e-6);
  if (!(tau > 0) || !Number.isFinite(tau)) throw new RangeError(`tau must be > 0, got ${tau}.`);
  const difference = p2 - p1;
  // Variance of the difference; a floor keeps all-zero or all-one arms from dividing by zero.
  const floor = 0.25 / (control.trials + treatment.trials) ** 2;
  const v = Math.max((p1 * (1 - p1)) / control.trials + (p2 * (1 - p2)) / treatment.trials, floor);
  const t2 = tau * tau;
  const logLambda =
    0.5 * Math.log(v / (v + t2)) + (difference * difference * t2) / (2 * v * (v + t2));
  const pValue = Math.min(previousPValue, Math.exp(-logLambda), 1);
  const half = Math.sqrt(
    ((v * (v + t2)) / t2) * (2 * Math.log(1 / alpha) + Math.log((v + t2) / v)),
  );
  const result: ExperimentResult = {
    ...base,
    difference,
    statistic: Math.exp(Math.min(logLambda, 700)),
    pValue,
    interval: [difference - half, difference + half],
  };
  const reasons = [
    `Control ${pct(p1, 2)}, treatment ${pct(p2, 2)}; always-valid p = ${pValue.toPrecision(3)} (safe to check at any time).`,
  ];
  if (pValue <= alpha) {
    const verdict = signedVerdict(difference, desired);
    reasons.push(
      `p ≤ ${alpha}: stop; the treatment moved the ${verdict === 'won' ? 'desired' : 'wrong'} way.`,
    );
    return { ...result, verdict, reasons };
  }
  if (plannedPerArm !== undefined && Math.min(control.trials, treatment.trials) >= plannedPerArm) {
    reasons.push(`Reached the planned ${plannedPerArm} per arm without a clear difference.`);
    return { ...result, verdict: 'inconclusive', reasons };
  }
  reasons.push('No clear difference yet: keep the test running and check again whenever you like.');
  return { ...result, verdict: 'need_more_data', reasons };
}

/** A plan for Evan Miller's simple sequential test. */
export interface MillerPlan {
  /** Stop with no winner once treatment + control successes reach this total (N). */
  totalSuccesses: number;
  /** Stop with a winner once treatment − control successes reach this margin (≈ 2√N at alpha 0.05). */
  margin: number;
  alpha: number;
  power: number;
  lift: number;
}

/**
 * Plans Evan Miller's simple sequential test ("Simple Sequential A/B Testing", 2015) for equal-sized arms.
 *
 * `lift` is the relative improvement to detect (0.2 for +20%). The margin is z(1−alpha/2)·√N, which bounds
 * the chance of a false win by alpha (reflection principle); N is the smallest total for which a real lift
 * reaches the margin with probability `power` (Brownian approximation of the random walk).
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
  const zA = normalQuantile(1 - alpha / 2);
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
 * Evan Miller's simple sequential rule: treatment wins once it leads by `margin` successes; control wins (`lost`)
 * once it leads by the margin; no winner once the total reaches `totalSuccesses`; otherwise keep going.
 *
 * Arms must get equal traffic. Successes are counted; trials are only used to report rates.
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
  const base = emptyResult('miller_sequential', plan.alpha, control, treatment);
  const lead = treatment.successes - control.successes;
  const total = treatment.successes + control.successes;
  const result = { ...base, statistic: lead };
  const head = `Treatment ${treatment.successes} vs control ${control.successes} successes (lead ${lead}); stop at a lead of ±${plan.margin} or a total of ${plan.totalSuccesses}.`;
  if (lead >= plan.margin)
    return { ...result, verdict: 'won', reasons: [head, 'Treatment reached the winning margin.'] };
  if (-lead >= plan.margin)
    return { ...result, verdict: 'lost', reasons: [head, 'Control reached the winning margin.'] };
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
