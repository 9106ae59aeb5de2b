// zod schemas for kpi, re-exported from @rapport/core/schemas.
import { z } from 'zod';
import { IsoDateTimeSchema } from '../model/schemas';
import { parseBatch, RapportInputError, toInputIssues, type ParseResult } from '../model/parse';
import type {
  ArmCounts,
  Contribution,
  DataSource,
  DerivedExpr,
  EventSelector,
  MetricFilter,
  GoalEvent,
  GoalTree,
  Kpi,
  KpiTarget,
  Measure,
  MetricDef,
  Objective,
  RollingWindow,
} from './types';
import { validateGoalTree } from './validate';

const id = z.string().trim().min(1, 'must not be empty').max(256, 'is longer than 256 characters');
const field = z
  .string()
  .min(1, 'must not be empty')
  .max(128, 'is longer than 128 characters')
  .refine((f) => f !== '__proto__' && f !== 'constructor' && f !== 'prototype', {
    message: 'is not allowed as a field name',
  });
const finite = z.number().finite('must be a finite number');
const text = (max: number) => z.string().max(max, `is longer than ${max} characters`);

/** AMEC level of a KPI: `input` … `impact`. */
export const AmecLevelSchema = z.enum([
  'input',
  'activity',
  'output',
  'outtake',
  'outcome',
  'impact',
]);
/** Which way a KPI should move. */
export const KpiDirectionSchema = z.enum(['increase', 'decrease', 'neutral']);
/** Departments of the goal tree. */
export const GoalDepartmentSchema = z.enum([
  'service',
  'product',
  'sales',
  'logistics',
  'hr',
  'marketing',
]);
/** Display unit of a KPI (`ratio` is 0..1, `ms` milliseconds). */
export const KpiUnitSchema = z.enum(['count', 'ratio', 'percent', 'ms', 'currency', 'score']);
/** Calendar grain for trends and windows. */
export const TimeGrainSchema = z.enum(['hour', 'day', 'week', 'month', 'quarter', 'year']);
/** Aggregation of a measure. */
export const AggregationSchema = z.enum([
  'count',
  'count_distinct',
  'sum',
  'avg',
  'min',
  'max',
  'median',
  'percentile',
  'last',
]);
/** Whether a metric may be summed across periods and up the tree. */
export const AdditivitySchema = z.enum(['additive', 'semi_additive', 'non_additive']);
/** Attribution model of a contribution edge. */
export const AttributionModelSchema = z.enum([
  'last_touch',
  'first_touch',
  'linear',
  'position_based',
  'time_decay',
  'experiment',
]);
/** Strength of the evidence behind a contribution. */
export const EvidenceGradeSchema = z.enum(['experimental', 'modelled', 'correlational']);
/** Legal basis of a data source. */
export const DataBasisSchema = z.enum([
  'consent',
  'contract',
  'platform_terms',
  'legitimate_interest',
]);
/** Uses a data source allows. */
export const DataScopeSchema = z.enum(['aggregate', 'per_person', 'profiling', 'contact']);

const filterValue = z.union([z.string().max(1024), finite, z.boolean(), z.null()]);

/** A condition on one field; `in`/`not_in` need a list, `exists`/`missing` no value, the rest one value. */
export const MetricFieldFilterSchema = z
  .strictObject({
    field,
    op: z.enum(['eq', 'neq', 'in', 'not_in', 'gt', 'gte', 'lt', 'lte', 'exists', 'missing']),
    value: z.union([filterValue, z.array(filterValue).max(10_000)]).optional(),
  })
  .superRefine((f, ctx) => {
    const list = Array.isArray(f.value);
    if ((f.op === 'in' || f.op === 'not_in') && !list)
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: `"${f.op}" needs a list of values`,
      });
    else if ((f.op === 'exists' || f.op === 'missing') && f.value !== undefined)
      ctx.addIssue({ code: 'custom', path: ['value'], message: `"${f.op}" takes no value` });
    else if (f.op !== 'in' && f.op !== 'not_in' && f.op !== 'exists' && f.op !== 'missing') {
      if (f.value === undefined || list)
        ctx.addIssue({ code: 'custom', path: ['value'], message: `"${f.op}" needs one value` });
    }
  });

/** A declarative filter: a field condition, `{ any: [...] }` or `{ not: ... }` (no code strings). */
export const MetricFilterSchema: z.ZodType<MetricFilter> = z.lazy(() =>
  z.union([
    MetricFieldFilterSchema,
    z.strictObject({ any: z.array(MetricFilterSchema).min(1).max(256) }),
    z.strictObject({ not: MetricFilterSchema }),
  ]),
) as z.ZodType<MetricFilter>;

/** Events of one source that pass all filters. */
export const EventSelectorSchema = z.strictObject({
  source: id,
  filters: z.array(MetricFilterSchema).max(256).optional(),
}) satisfies z.ZodType<EventSelector>;

/** An aggregation over selected events (`field` needed except for `count`; checked with the tree). */
export const MeasureSchema = z.strictObject({
  source: id,
  filters: z.array(MetricFilterSchema).max(256).optional(),
  agg: AggregationSchema,
  field: field.optional(),
  percentile: z.number().min(0).max(100).optional(),
}) satisfies z.ZodType<Measure>;

/** A length of time in calendar units, e.g. 28 days. */
export const RollingWindowSchema = z.strictObject({
  count: z.number().int('must be a whole number').min(1).max(100_000),
  grain: TimeGrainSchema,
}) satisfies z.ZodType<RollingWindow>;

/** An arithmetic expression over KPIs (`{ kpi, offset? }`, `{ const }`, `{ op, left, right }`). */
export const DerivedExprSchema: z.ZodType<DerivedExpr> = z.lazy(() =>
  z.union([
    z.strictObject({ const: finite }),
    z.strictObject({ kpi: id, offset: z.number().int().min(0).max(1000).optional() }),
    z.strictObject({
      op: z.enum(['add', 'sub', 'mul', 'div']),
      left: DerivedExprSchema,
      right: DerivedExprSchema,
    }),
  ]),
) as z.ZodType<DerivedExpr>;

/** A metric: simple, ratio, derived, cumulative or conversion (strict: unknown keys are errors). */
export const MetricDefSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('simple'),
    measure: MeasureSchema,
    additivity: AdditivitySchema.optional(),
    snapshotBy: field.optional(),
  }),
  z.strictObject({
    kind: z.literal('ratio'),
    numerator: MeasureSchema,
    denominator: MeasureSchema,
  }),
  z.strictObject({ kind: z.literal('derived'), expr: DerivedExprSchema }),
  z.strictObject({
    kind: z.literal('cumulative'),
    measure: MeasureSchema,
    window: RollingWindowSchema.optional(),
  }),
  z.strictObject({
    kind: z.literal('conversion'),
    base: EventSelectorSchema,
    conversion: EventSelectorSchema,
    entity: field,
    within: RollingWindowSchema,
  }),
]) satisfies z.ZodType<MetricDef>;

/** A time-boxed target with optional status bands. */
export const KpiTargetSchema = z.strictObject({
  from: IsoDateTimeSchema,
  to: IsoDateTimeSchema,
  value: finite,
  level: AmecLevelSchema.optional(),
  bands: z
    .strictObject({
      onTrackAt: finite.optional(),
      atRiskAt: finite.optional(),
      tolerance: finite.nonnegative().optional(),
    })
    .optional(),
}) satisfies z.ZodType<KpiTarget>;

/** A KPI: level, metric, unit, direction, baseline, targets and owner. */
export const KpiSchema = z.strictObject({
  id,
  name: text(256).min(1, 'must not be empty'),
  objective: id,
  level: AmecLevelSchema,
  metric: MetricDefSchema,
  unit: KpiUnitSchema,
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR')
    .optional(),
  direction: KpiDirectionSchema,
  baseline: finite.optional(),
  targets: z.array(KpiTargetSchema).max(1000).optional(),
  owner: text(256).optional(),
  description: text(4096).optional(),
  ave: z.boolean().optional(),
}) satisfies z.ZodType<Kpi>;

/** A business or department objective. */
export const ObjectiveSchema = z.strictObject({
  id,
  name: text(256).min(1, 'must not be empty'),
  owner: text(256).optional(),
  department: GoalDepartmentSchema.optional(),
  parent: id.optional(),
  horizon: z.strictObject({ from: IsoDateTimeSchema, to: IsoDateTimeSchema }).optional(),
  description: text(4096).optional(),
}) satisfies z.ZodType<Objective>;

/** A contribution edge from one KPI to another, with its attribution model and evidence grade. */
export const ContributionSchema = z.strictObject({
  from: id,
  to: id,
  model: AttributionModelSchema,
  evidence: EvidenceGradeSchema,
  share: z.number().min(0).max(1).optional(),
  assisted: z.boolean().optional(),
  note: text(4096).optional(),
}) satisfies z.ZodType<Contribution>;

/** A data source with its legal basis, scopes and (optionally) declared fields. */
export const DataSourceSchema = z.strictObject({
  id,
  name: text(256).optional(),
  basis: DataBasisSchema,
  scopes: z.array(DataScopeSchema).max(8),
  fields: z.array(field).max(10_000).optional(),
  personField: field.optional(),
  consentField: field.optional(),
}) satisfies z.ZodType<DataSource>;

/**
 * A whole goal tree: shapes are strict (a typo in a key is an error), and references are checked too —
 * unknown objectives, sources, KPIs and metric fields, and cycles among objectives, derived KPIs and
 * contributions are reported with their path.
 */
export const GoalTreeSchema = z
  .strictObject({
    objectives: z.array(ObjectiveSchema).max(10_000),
    kpis: z.array(KpiSchema).max(10_000),
    contributions: z.array(ContributionSchema).max(100_000).optional(),
    sources: z.array(DataSourceSchema).max(1000),
  })
  .superRefine((tree, ctx) => {
    for (const issue of validateGoalTree(tree))
      ctx.addIssue({
        code: 'custom',
        message: issue.message,
        path: issue.path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
      });
  }) satisfies z.ZodType<GoalTree>;

/**
 * Validates a goal tree from outside (JSON, a database); returns it typed or throws `RapportInputError`
 * listing every problem with its path.
 *
 * @example
 * ```ts
 * import { parseGoalTree } from '@rapport/core/schemas';
 * const tree = parseGoalTree(JSON.parse(text));
 * ```
 */
export function parseGoalTree(input: unknown): GoalTree {
  const result = GoalTreeSchema.safeParse(input);
  if (!result.success) {
    const issues = toInputIssues(result.error);
    throw new RapportInputError(
      `The goal tree is not valid: ${issues
        .slice(0, 5)
        .map((i) => `${i.path} ${i.message}`)
        .join('; ')}${issues.length > 5 ? '; …' : ''}`,
      issues,
    );
  }
  return result.data;
}

/** One event record: a source id and a time (finite epoch ms or ISO 8601 with a zone); other fields pass. */
export const GoalEventSchema = z.looseObject({
  source: id,
  at: z.union([finite, IsoDateTimeSchema], {
    message: 'must be epoch milliseconds or an ISO 8601 date-time with a zone',
  }),
});

/**
 * Validates a batch of events; each is accepted or rejected with reasons (nothing dropped silently).
 *
 * @example
 * ```ts
 * const { accepted, rejected } = parseGoalEvents(rows);
 * ```
 */
export function parseGoalEvents(input: unknown): ParseResult<GoalEvent> {
  return parseBatch(GoalEventSchema, input, undefined, 'events') as ParseResult<GoalEvent>;
}

/** Successes out of trials for one experiment arm (whole numbers, successes ≤ trials). */
export const ArmCountsSchema = z
  .strictObject({
    successes: z.number().int('must be a whole number').nonnegative(),
    trials: z.number().int('must be a whole number').nonnegative(),
  })
  .refine((a) => a.successes <= a.trials, {
    message: 'successes cannot exceed trials',
    path: ['successes'],
  }) satisfies z.ZodType<ArmCounts>;
