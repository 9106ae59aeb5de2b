import type { AmecLevel, GoalTree, GoalWarning } from './types';

const EFFORT_LEVELS: ReadonlySet<AmecLevel> = new Set(['input', 'activity', 'output']);
// The acronym only in capitals ("AVE", "AVEs", "EAV"): "Ave." is short for average. The spelled-out phrase in any case.
const AVE_ACRONYM = /\b(?:AVEs?|EAV)\b/;
const AVE_PHRASE = /advertising[\s_-]*value|\bad[\s_-]*value[\s_-]*equivalen/i;
const isAve = (text: string) => AVE_ACRONYM.test(text) || AVE_PHRASE.test(text);

/** What the vanity guard found: warnings, and the objectives measured only by outputs. */
export interface VanityCheck {
  warnings: GoalWarning[];
  vanityObjectives: string[];
}

/**
 * Checks a goal tree for vanity metrics and weak measurement; each finding is a warning a person can act on.
 *
 * - `vanity_objective`: every KPI of an objective is an input, activity or output (followers, likes,
 *   impressions, post counts): it shows effort and reach, not whether the business moved.
 * - `cross_level_target`: a target set at another AMEC level than its KPI (e.g. an outcome target on an output).
 * - `cumulative_kpi`: an all-time running total used as a KPI only ever goes up, so it always looks good.
 * - `ave_metric`: advertising value equivalents are rejected by the Barcelona Principles. Found by `ave: true`,
 *   or a name or id holding the acronym in capitals ("AVE", "EAV") or the words "advertising value" or
 *   "ad value equivalent"; "Ave." (average) and a lower-case "ave" are not taken for it.
 * - `no_owner`: nobody answers for the KPI. `no_kpis`: an objective with no KPI and no sub-objective.
 * - `target_against_direction`: the target lies on the wrong side of the baseline for the KPI's direction.
 *
 * @example
 * ```ts
 * const { warnings, vanityObjectives } = checkVanity(tree);
 * ```
 */
export function checkVanity(tree: GoalTree): VanityCheck {
  const warnings: GoalWarning[] = [];
  const vanityObjectives: string[] = [];
  const hasChild = new Set(tree.objectives.map((o) => o.parent).filter((p) => p !== undefined));
  for (const o of tree.objectives) {
    const kpis = tree.kpis.filter((k) => k.objective === o.id);
    if (kpis.length === 0) {
      if (!hasChild.has(o.id))
        warnings.push({
          code: 'no_kpis',
          objective: o.id,
          message: `Objective "${o.name}" has no KPI and no sub-objective, so nobody can tell whether it is met.`,
        });
      continue;
    }
    if (kpis.every((k) => EFFORT_LEVELS.has(k.level))) {
      vanityObjectives.push(o.id);
      warnings.push({
        code: 'vanity_objective',
        objective: o.id,
        message:
          `Objective "${o.name}" is measured only by effort and reach (${kpis.map((k) => k.name).join(', ')}). ` +
          'Followers, likes, impressions and post counts show activity, not whether customers or the business ' +
          'gained anything: add an outtake, outcome or impact KPI such as response rate, resolved cases, sign-ups or sales.',
      });
    }
  }
  for (const k of tree.kpis) {
    if (!k.owner?.trim())
      warnings.push({
        code: 'no_owner',
        kpi: k.id,
        message: `KPI "${k.name}" has no owner: name the person or role who answers for it.`,
      });
    if (k.metric.kind === 'cumulative' && !k.metric.window)
      warnings.push({
        code: 'cumulative_kpi',
        kpi: k.id,
        message: `KPI "${k.name}" is an all-time running total: it can only go up, so it always looks good. Measure per period or over a rolling window (the last 30 days, say).`,
      });
    if (k.ave || isAve(k.name) || isAve(k.id))
      warnings.push({
        code: 'ave_metric',
        kpi: k.id,
        message: `KPI "${k.name}" looks like an advertising value equivalent (AVE). The Barcelona Principles reject AVEs: they price attention as if it were bought ads and say nothing about outcomes.`,
      });
    for (const t of k.targets ?? []) {
      if (t.level !== undefined && t.level !== k.level)
        warnings.push({
          code: 'cross_level_target',
          kpi: k.id,
          message: `KPI "${k.name}" is an ${k.level} metric but its target for ${t.from.slice(0, 10)}…${t.to.slice(0, 10)} was set at the ${t.level} level: compare like with like.`,
        });
      if (k.baseline !== undefined && k.direction !== 'neutral') {
        const wrong = k.direction === 'increase' ? t.value < k.baseline : t.value > k.baseline;
        if (wrong)
          warnings.push({
            code: 'target_against_direction',
            kpi: k.id,
            message: `KPI "${k.name}" should ${k.direction} but its target (${t.value}) is on the other side of the baseline (${k.baseline}).`,
          });
      }
    }
  }
  return { warnings, vanityObjectives };
}
