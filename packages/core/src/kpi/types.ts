// Types of the goal tree, its report, the care metrics and the experiments. Plain, serialisable data only:
// every value is JSON (numbers are finite; "no value" is `null`, never NaN), so reports can cross a network.

/**
 * AMEC's levels of evaluation, from effort to effect.
 *
 * `input` and `activity` are what the team puts in (budget, posts scheduled); `output` is what the audience was
 * exposed to (impressions, followers, likes, post counts); `outtake` is what the audience took from it (recall,
 * sentiment, replies); `outcome` is what people did (sign-ups, resolved cases, sales); `impact` is the
 * organisational result (revenue, retention, cost to serve). Outputs are never an objective on their own.
 */
export type AmecLevel = 'input' | 'activity' | 'output' | 'outtake' | 'outcome' | 'impact';

/** Which way a KPI should move: `neutral` means "stay near the target" (within a tolerance). */
export type KpiDirection = 'increase' | 'decrease' | 'neutral';

/** The departments a goal tree is organised by (social media works for all of them, marketing last). */
export type GoalDepartment = 'service' | 'product' | 'sales' | 'logistics' | 'hr' | 'marketing';

/** How a KPI is displayed: `ratio` is 0..1 (shown as a percentage), `ms` a duration in milliseconds. */
export type KpiUnit = 'count' | 'ratio' | 'percent' | 'ms' | 'currency' | 'score';

/** Calendar buckets for trends and windows. Weeks start on Monday (ISO 8601). */
export type TimeGrain = 'hour' | 'day' | 'week' | 'month' | 'quarter' | 'year';

/** How a measure turns matching events into one number per period. */
export type Aggregation =
  'count' | 'count_distinct' | 'sum' | 'avg' | 'min' | 'max' | 'median' | 'percentile' | 'last';

/** The metric kinds, after dbt MetricFlow. */
export type MetricKind = 'simple' | 'ratio' | 'derived' | 'cumulative' | 'conversion';

/**
 * Whether a metric may be added up across periods and across the tree.
 *
 * `additive`: counts and sums (add days into a month). `semi_additive`: snapshots such as a follower count —
 * a period takes the last value (per `snapshotBy` group, then summed across groups), never the sum over days.
 * `non_additive`: ratios, averages, medians, distinct counts — never summed.
 */
export type Additivity = 'additive' | 'semi_additive' | 'non_additive';

/** A value a filter compares with. */
export type MetricFilterValue = string | number | boolean | null;

/** Comparison operators of a field filter. `exists` / `missing` take no value; `in` / `not_in` take a list. */
export type MetricFilterOp =
  'eq' | 'neq' | 'in' | 'not_in' | 'gt' | 'gte' | 'lt' | 'lte' | 'exists' | 'missing';

/** One declarative condition on an event's top-level field (no code strings, so a tree is safe to store). */
export interface MetricFieldFilter {
  field: string;
  op: MetricFilterOp;
  value?: MetricFilterValue | MetricFilterValue[];
}

/** A filter: a field condition, any of several (`or`), or the negation of one. A list of filters means "all". */
export type MetricFilter = MetricFieldFilter | { any: MetricFilter[] } | { not: MetricFilter };

/** Which events a measure looks at: those from one data source that pass every filter. */
export interface EventSelector {
  /** Id of a `DataSource` in the tree. */
  source: string;
  filters?: MetricFilter[];
}

/** An aggregation over selected events. `field` is required for every aggregation except `count`. */
export interface Measure extends EventSelector {
  agg: Aggregation;
  /** The numeric field (or the field whose distinct values are counted for `count_distinct`). */
  field?: string;
  /** For `agg: 'percentile'`: 0..100 (90 for p90). Linear interpolation between closest ranks. */
  percentile?: number;
}

/** A length of time in calendar units, e.g. `{ count: 7, grain: 'day' }`. */
export interface RollingWindow {
  count: number;
  grain: TimeGrain;
}

/** One measure, e.g. "count of sign-ups from social". */
export interface SimpleMetric {
  kind: 'simple';
  measure: Measure;
  /** Defaults from the aggregation: count/sum are additive, everything else non-additive. */
  additivity?: Additivity;
  /** For semi-additive snapshots: the field that identifies one snapshot series (e.g. `account`). */
  snapshotBy?: string;
}

/** numerator ÷ denominator, each aggregated over the period first (never an average of daily ratios). */
export interface RatioMetric {
  kind: 'ratio';
  numerator: Measure;
  denominator: Measure;
}

/** An arithmetic expression over other KPIs (no code strings). `offset: 1` reads the previous period. */
export type DerivedExpr =
  | { const: number }
  | { kpi: string; offset?: number }
  | { op: 'add' | 'sub' | 'mul' | 'div'; left: DerivedExpr; right: DerivedExpr };

/** A metric computed from other KPIs, e.g. period-over-period growth `(x − x[offset 1]) ÷ x[offset 1]`. */
export interface DerivedMetric {
  kind: 'derived';
  expr: DerivedExpr;
}

/**
 * A running total (`count` or `sum` only): over all time up to the end of the period, or over a trailing
 * rolling `window` (e.g. last 28 days) ending with the period.
 */
export interface CumulativeMetric {
  kind: 'cumulative';
  measure: Measure;
  window?: RollingWindow;
}

/**
 * The share of entities (people, conversations, leads) with a `base` event in the period that also had a
 * `conversion` event at or after it, within `within`. Counted once per entity (its first base event).
 */
export interface ConversionMetric {
  kind: 'conversion';
  base: EventSelector;
  conversion: EventSelector;
  /** The field that identifies the entity in both event streams. */
  entity: string;
  within: RollingWindow;
}

/** What a KPI measures and how. */
export type MetricDef =
  SimpleMetric | RatioMetric | DerivedMetric | CumulativeMetric | ConversionMetric;

/** Tolerances that turn progress and pacing into a status. */
export interface TargetBands {
  /** Pace (progress ÷ elapsed share) from which a KPI is on track. Default 0.95. */
  onTrackAt?: number;
  /** Pace from which it is at risk (below: off track). Default 0.8. */
  atRiskAt?: number;
  /** For `neutral` KPIs: allowed absolute distance from the target for on track (at risk up to twice). */
  tolerance?: number;
}

/** A time-boxed target: reach `value` between `from` and `to` (ISO 8601 date-times with a zone). */
export interface KpiTarget {
  from: string;
  to: string;
  value: number;
  /** The AMEC level the target was set at; a different level from the KPI's own draws a warning. */
  level?: AmecLevel;
  bands?: TargetBands;
}

/** A key performance indicator: one metric with a level, a direction, a baseline, targets and an owner. */
export interface Kpi {
  id: string;
  name: string;
  /** The objective this KPI measures. */
  objective: string;
  level: AmecLevel;
  metric: MetricDef;
  unit: KpiUnit;
  /** ISO 4217 code when `unit` is `currency`. */
  currency?: string;
  direction: KpiDirection;
  /**
   * Where the KPI stood before: progress is measured from here. For a count or sum (which starts from 0 in every
   * period) it is last period's total, shown for comparison; progress is measured from 0.
   */
  baseline?: number;
  targets?: KpiTarget[];
  /** Who answers for this KPI (a person or a role). */
  owner?: string;
  description?: string;
  /** Marks an advertising-value-equivalent metric (AVE), which the Barcelona Principles reject. */
  ave?: boolean;
}

/** A business objective; department objectives point at their company objective through `parent`. */
export interface Objective {
  id: string;
  name: string;
  owner?: string;
  department?: GoalDepartment;
  parent?: string;
  /** The period the objective is meant for (ISO 8601 date-times with a zone). */
  horizon?: { from: string; to: string };
  description?: string;
}

/** How credit for a conversion is split between the social touches before it. */
export type AttributionModel =
  'last_touch' | 'first_touch' | 'linear' | 'position_based' | 'time_decay' | 'experiment';

/** How strong the evidence of a contribution is: only `experimental` shows cause. Always displayed. */
export type EvidenceGrade = 'experimental' | 'modelled' | 'correlational';

/** A claim that a social KPI (`from`) contributes to a department KPI (`to`). */
export interface Contribution {
  from: string;
  to: string;
  model: AttributionModel;
  evidence: EvidenceGrade;
  /** Share (0..1) of `to` credited to `from` under the model, when known. */
  share?: number;
  /** Assisted (not last-touch) conversions: shown, never summed up the tree. */
  assisted?: boolean;
  note?: string;
}

/** The legal basis on which a data source is processed. */
export type DataBasis = 'consent' | 'contract' | 'platform_terms' | 'legitimate_interest';

/**
 * What a data source may be used for: `aggregate` (counts and rates in reports), `per_person` (rows naming
 * people), `profiling`, `contact`.
 */
export type DataScope = 'aggregate' | 'per_person' | 'profiling' | 'contact';

/** A source of events and the permission it comes with. */
export interface DataSource {
  id: string;
  name?: string;
  basis: DataBasis;
  scopes: DataScope[];
  /** The fields events of this source carry; when given, metrics naming other fields are rejected. */
  fields?: string[];
  /**
   * The field that identifies a person (for per-person views and consent). A source with one, or with `basis`
   * `consent`, is personal: its rows are shown only with a `per_person` scope, and only for people who consented.
   */
  personField?: string;
  /**
   * The boolean field with the person's answer (required when `basis` is `consent`). On `consent`, only events
   * where it is `true` are read; on `legitimate_interest`, events where it is `false` (the person objected) are left
   * out and counted in a warning.
   */
  consentField?: string;
}

/**
 * The whole goal tree: objectives, KPIs, contributions and data sources, referring to each other by id.
 *
 * Plain JSON: store it, send it, validate it with `parseGoalTree` from `@rapport/core/schemas`.
 *
 * @example
 * ```ts
 * const tree: GoalTree = {
 *   objectives: [{ id: 'care', name: 'Answer every customer fast', department: 'service', owner: 'Head of care' }],
 *   sources: [{ id: 'care', basis: 'legitimate_interest', scopes: ['aggregate'] }],
 *   kpis: [
 *     {
 *       id: 'response_rate',
 *       name: 'Response rate',
 *       objective: 'care',
 *       level: 'outcome',
 *       unit: 'ratio',
 *       direction: 'increase',
 *       owner: 'Head of care',
 *       baseline: 0.8,
 *       targets: [{ from: '2026-10-01T00:00:00Z', to: '2027-01-01T00:00:00Z', value: 0.95 }],
 *       metric: {
 *         kind: 'ratio',
 *         numerator: { source: 'care', agg: 'count', filters: [{ field: 'answered', op: 'eq', value: true }] },
 *         denominator: { source: 'care', agg: 'count' },
 *       },
 *     },
 *   ],
 * };
 * ```
 */
export interface GoalTree {
  objectives: Objective[];
  kpis: Kpi[];
  contributions?: Contribution[];
  sources: DataSource[];
}

/** One plain event record: its source, its time (epoch ms or ISO 8601 with a zone) and any other fields. */
export interface GoalEvent {
  source: string;
  at: number | string;
  [field: string]: unknown;
}

/** A KPI's state. `unavailable`: its sources lack permission (never shown as zero). */
export type KpiStatus =
  'on_track' | 'at_risk' | 'off_track' | 'no_data' | 'no_target' | 'unavailable';

/** One bucket of a KPI's trend; `value` is null when the bucket has no data (see `reason`). */
export interface TrendPoint {
  /** Bucket start and end (ISO 8601, UTC). */
  start: string;
  end: string;
  value: number | null;
  /**
   * True when the bucket covers only part of its calendar period: the period is still going on at `now`, or the
   * report's window cuts it. Its count holds fewer events than a whole period's and its rate may still change, so a
   * chart should not read a dip into it (the sparkline draws it dashed).
   */
  partial?: true;
  /** Why `value` is null, or why the bucket is partial, in words. */
  reason?: string;
}

/** A warning about the tree or the data, in words a community manager understands. */
export interface GoalWarning {
  code:
    | 'vanity_objective'
    | 'cross_level_target'
    | 'cumulative_kpi'
    | 'ave_metric'
    | 'no_owner'
    | 'no_kpis'
    | 'target_against_direction'
    | 'target_window_mismatch'
    | 'no_permission'
    | 'excluded_without_consent'
    | 'excluded_on_objection'
    | 'filter_type_mismatch'
    | 'rejected_events';
  message: string;
  objective?: string;
  kpi?: string;
}

/** Everything computed for one KPI. All numbers are finite or null. */
export interface KpiResult {
  kpi: string;
  name: string;
  objective: string;
  level: AmecLevel;
  unit: KpiUnit;
  /** ISO 4217 code of a `currency` KPI, from its definition (so a display can show EUR as EUR). */
  currency?: string;
  direction: KpiDirection;
  owner: string | null;
  status: KpiStatus;
  /** Why the status is what it is, e.g. "62% of the way to 95% with 70% of the quarter gone". */
  statusReason: string;
  /** The value over the report window; null with `noDataReason` when it cannot be computed. */
  actual: number | null;
  noDataReason?: string;
  /**
   * The value over the period before (see `GoalReport.previous`), and the relative change (period over period). While
   * the window is still going on, both read to the same point: November to the 16th against October to the 16th.
   */
  previous: number | null;
  change: number | null;
  baseline: number | null;
  /**
   * The target for the report window: of the targets overlapping it, the one whose box holds `now` when `now` is
   * in the window, else the one covering most of the window (so a past month is judged by that month's target).
   */
  target: KpiTarget | null;
  /**
   * How far towards the target: (actual − baseline) ÷ (target − baseline), 1 means reached. For a count or sum,
   * which starts from 0 in every period, actual ÷ target. Null for a count or sum that should go down (the target
   * is a limit: see `statusReason`).
   */
  progress: number | null;
  /** Share of the target's time box elapsed at `now`, 0..1. */
  elapsedShare: number | null;
  /** progress ÷ elapsed share: 1 is exactly on schedule (null where progress is). */
  pace: number | null;
  trend: TrendPoint[];
  /** How many events counted towards the actual. */
  eventCount: number;
  /** The events behind the actual, when asked for (`rows` option), without people who did not consent. */
  rows?: GoalEvent[];
  /** Rows left out of `rows` because the person had not consented or the source has no per-person scope. */
  rowsWithheld?: number;
  /**
   * AttributionCredit this KPI receives from contribution edges, added up per attribution model (never across models,
   * never assisted conversions, never for ratios), with the weakest evidence grade among the edges added.
   */
  credit: { model: AttributionModel; evidence: EvidenceGrade; total: number; edges: number }[];
}

/** An objective's line in the report. */
export interface ObjectiveResult {
  objective: string;
  name: string;
  department: GoalDepartment | null;
  parent: string | null;
  /** Depth in the tree (0 for a company objective). */
  depth: number;
  kpis: string[];
  /** The worst status among its KPIs that have data (`no_data` when none has). */
  status: KpiStatus;
  vanity: boolean;
}

/** A contribution edge as reported: evidence always shown; `summable` false for assisted conversions and ratios. */
export interface ContributionResult extends Contribution {
  evidenceLabel: string;
  /** share × the `to` KPI's actual, when both are known. */
  attributed: number | null;
  summable: boolean;
  reason: string;
}

/**
 * What `evaluateGoals` returns: one line per objective and KPI, contributions with their evidence, warnings.
 *
 * @example
 * ```ts
 * const report = evaluateGoals(tree, events, { from, to, now });
 * report.kpis.filter((k) => k.status === 'off_track').map((k) => k.statusReason);
 * ```
 */
export interface GoalReport {
  /** The report window and moment (ISO 8601, UTC). */
  from: string;
  to: string;
  now: string;
  /**
   * The period `previous` and `change` compare with (ISO 8601, UTC): the calendar period before when the window is
   * whole months, quarters, years, weeks or days in `timeZone`, else the same length before; while the window is
   * still going on, only as far into it as the window is at `now`.
   */
  previous?: { from: string; to: string };
  grain: TimeGrain;
  timeZone: string;
  objectives: ObjectiveResult[];
  kpis: KpiResult[];
  contributions: ContributionResult[];
  warnings: GoalWarning[];
  /**
   * What happened to the input events: in the window, after `now` (ignored), from a source the tree does not
   * declare (ignored), or rejected with a reason.
   */
  events: {
    total: number;
    inWindow: number;
    future: number;
    unknownSource: number;
    rejected: { index: number; reason: string }[];
  };
}

/** Options of `evaluateGoals`. Times are epoch ms or ISO 8601 with a zone; `to` is exclusive. */
export interface EvaluateOptions {
  from: number | string;
  to: number | string;
  /** The moment of evaluation: events after it are ignored, pacing is measured at it. */
  now: number | string;
  /** Trend buckets. Default `day`. */
  grain?: TimeGrain;
  /** IANA time zone for calendar buckets (Intl). Default `UTC`. */
  timeZone?: string;
  /** Return the rows behind the actual: `true` for every KPI, or a list of KPI ids. */
  rows?: boolean | string[];
  /** At most this many rows per KPI. Default 1000. */
  rowLimit?: number;
}

/** Median and 90th percentile of a set of durations (ms); null when the set is empty. */
export interface DurationSummary {
  median: number | null;
  p90: number | null;
  count: number;
}

/** The social-care metrics of a set of conversations (see `careMetrics` for exact definitions). */
export interface CareMetrics {
  conversations: number;
  needingAnswer: number;
  answered: number;
  responseRate: number | null;
  firstResponseMs: DurationSummary;
  nextResponseMs: DurationSummary;
  resolutionMs: DurationSummary;
  withinTarget: number | null;
  targetMs: number;
  csat: number | null;
  netSentiment: number | null;
  /**
   * Conversations in the period left out of every figure because the customer objected to analytics (their
   * consent in force at `now` says no to `analytics`).
   */
  objected: number;
  /** Why a value is null, by metric name. */
  noData: Record<string, string>;
}

/** Outcome of an experiment in the team's terms. */
export type ExperimentVerdict = 'won' | 'lost' | 'inconclusive' | 'need_more_data';

/** Successes out of trials in one arm. */
export interface ArmCounts {
  successes: number;
  trials: number;
}

/** Result of a frequentist or sequential test, with the verdict and the reasons for it. */
export interface ExperimentResult {
  test: 'two_proportion_z' | 'welch_t' | 'msprt' | 'miller_sequential';
  verdict: ExperimentVerdict;
  reasons: string[];
  /** Treatment minus control (absolute difference of rates or means). */
  difference: number;
  /** difference ÷ control, null when control is 0. */
  relativeLift: number | null;
  /** Confidence interval of the difference at 1 − alpha. */
  interval: [number, number] | null;
  statistic: number | null;
  pValue: number | null;
  alpha: number;
  controlRate: number;
  treatmentRate: number;
}
