import type { InputIssue } from '../model/parse';
import { parseInstant, TIME_GRAINS } from './time';
import type {
  Additivity,
  DerivedExpr,
  EventSelector,
  MetricFilter,
  GoalTree,
  Kpi,
  Measure,
  MetricDef,
  RollingWindow,
} from './types';
import { paceBands } from './bands';

/** Thrown when a goal tree is inconsistent (unknown references, cycles, unknown fields); lists every issue. */
export class GoalTreeError extends Error {
  override name = 'GoalTreeError';
  constructor(readonly issues: InputIssue[]) {
    super(
      `The goal tree has ${issues.length} problem${issues.length === 1 ? '' : 's'}: ` +
        issues
          .slice(0, 5)
          .map((i) => `${i.path}: ${i.message}`)
          .join('; ') +
        (issues.length > 5 ? '; …' : ''),
    );
  }
}

/**
 * The measures and event selectors a metric reads, with where they sit in the metric (for messages).
 *
 * @example
 * ```ts
 * selectorsOf({ kind: 'ratio', numerator: a, denominator: b }); // [['numerator', a], ['denominator', b]]
 * ```
 */
export function selectorsOf(metric: MetricDef): [string, EventSelector | Measure][] {
  switch (metric.kind) {
    case 'simple':
    case 'cumulative':
      return [['measure', metric.measure]];
    case 'ratio':
      return [
        ['numerator', metric.numerator],
        ['denominator', metric.denominator],
      ];
    case 'conversion':
      return [
        ['base', metric.base],
        ['conversion', metric.conversion],
      ];
    case 'derived':
      return [];
  }
}

/** KPI ids a derived expression reads. */
export function derivedInputs(expr: DerivedExpr, out: string[] = []): string[] {
  if ('kpi' in expr) out.push(expr.kpi);
  else if ('op' in expr) {
    derivedInputs(expr.left, out);
    derivedInputs(expr.right, out);
  }
  return out;
}

/**
 * Whether a KPI's values may be added across periods and up the tree.
 *
 * Counts and sums of simple metrics are additive unless declared otherwise; ratios, conversions, derived metrics,
 * averages, medians, percentiles, distinct counts and snapshots are not.
 *
 * @example
 * ```ts
 * kpiAdditivity(responseRateKpi); // 'non_additive'
 * ```
 */
export function kpiAdditivity(kpi: Kpi): Additivity {
  const m = kpi.metric;
  if (m.kind === 'simple') {
    if (m.additivity) return m.additivity;
    return m.measure.agg === 'count' || m.measure.agg === 'sum' ? 'additive' : 'non_additive';
  }
  if (m.kind === 'cumulative') return 'semi_additive';
  return 'non_additive';
}

function filterFields(filter: MetricFilter, out: string[]): void {
  if ('field' in filter) out.push(filter.field);
  else if ('any' in filter) for (const f of filter.any) filterFields(f, out);
  else filterFields(filter.not, out);
}

/** Finds one cycle in a directed graph given as adjacency lists; returns its path (a → b → a) or undefined. */
function findCycle(nodes: Iterable<string>, next: (id: string) => readonly string[]): string[][] {
  const state = new Map<string, 1 | 2>();
  const cycles: string[][] = [];
  const stack: string[] = [];
  const visit = (id: string): void => {
    state.set(id, 1);
    stack.push(id);
    for (const n of next(id)) {
      const s = state.get(n);
      if (s === 1) cycles.push([...stack.slice(stack.indexOf(n)), n]);
      else if (s === undefined) visit(n);
    }
    stack.pop();
    state.set(id, 2);
  };
  for (const id of nodes) if (!state.has(id)) visit(id);
  return cycles;
}

const START_BEFORE_END = 'must start before it ends';

/** What is wrong with a span of two times (unreadable, or not in order), or undefined when it is sound. */
function spanProblem(from: string, to: string): string | undefined {
  const a = parseInstant(from);
  const b = parseInstant(to);
  if (Number.isNaN(a) || Number.isNaN(b)) {
    return 'from and to must be ISO 8601 date-times with a zone (2026-11-01T00:00:00Z) or dates';
  }
  return a < b ? undefined : START_BEFORE_END;
}

const PARSE_HINT = 'read goal trees from outside with parseGoalTree from @rapport/core/schemas';

/** Problems that stop a value from being read as a goal tree at all (lists missing or of the wrong kind). */
function notAGoalTree(tree: unknown): InputIssue[] {
  if (tree === null || typeof tree !== 'object' || Array.isArray(tree)) {
    return [{ path: '', message: `expected a goal tree object (${PARSE_HINT})` }];
  }
  const t = tree as Record<string, unknown>;
  const issues: InputIssue[] = [];
  for (const key of ['objectives', 'kpis', 'sources', 'contributions'] as const) {
    const list = t[key];
    if (list === undefined && key === 'contributions') continue;
    if (!Array.isArray(list)) {
      issues.push({ path: key, message: `must be a list (${PARSE_HINT})` });
      continue;
    }
    list.forEach((item: unknown, i) => {
      if (item === null || typeof item !== 'object' || Array.isArray(item)) {
        issues.push({ path: `${key}.${i}`, message: `must be an object (${PARSE_HINT})` });
      }
    });
  }
  return issues;
}

/**
 * Checks a goal tree's references and structure; returns every problem (empty when the tree is sound).
 *
 * Catches duplicate ids, objectives, sources and KPIs that do not exist, cycles among objectives, derived KPIs
 * and contributions, metric fields a source does not declare, measures without the field their aggregation
 * needs, impossible percentiles, windows and target boxes.
 *
 * @example
 * ```ts
 * const issues = validateGoalTree(tree);
 * if (issues.length) throw new GoalTreeError(issues);
 * ```
 */
export function validateGoalTree(tree: GoalTree): InputIssue[] {
  // Plain JavaScript callers may hand over JSON that was never parsed: say so rather than fail inside.
  const shape = notAGoalTree(tree);
  if (shape.length > 0) return shape;
  try {
    return referenceIssues(tree);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    return [
      {
        path: '',
        message: `parts of the tree are missing or of the wrong kind, so it cannot be checked (${PARSE_HINT})`,
      },
    ];
  }
}

/** The reference and structure checks of validateGoalTree, on a tree whose lists hold objects. */
function referenceIssues(tree: GoalTree): InputIssue[] {
  const issues: InputIssue[] = [];
  const add = (path: string, message: string) => issues.push({ path, message });
  const ids = (list: { id: string }[], what: string) => {
    const seen = new Set<string>();
    list.forEach((x, i) => {
      if (seen.has(x.id)) add(`${what}.${i}.id`, `duplicate ${what.slice(0, -1)} id "${x.id}"`);
      seen.add(x.id);
    });
    return seen;
  };
  const objectives = ids(tree.objectives, 'objectives');
  const kpiIds = ids(tree.kpis, 'kpis');
  const sourceIds = ids(tree.sources, 'sources');
  const sources = new Map(tree.sources.map((s) => [s.id, s]));

  tree.objectives.forEach((o, i) => {
    if (o.parent !== undefined && !objectives.has(o.parent))
      add(`objectives.${i}.parent`, `unknown objective "${o.parent}"`);
    if (o.horizon) {
      const problem = spanProblem(o.horizon.from, o.horizon.to);
      if (problem) add(`objectives.${i}.horizon`, problem);
    }
  });
  const parentOf = new Map(tree.objectives.map((o) => [o.id, o.parent]));
  for (const cycle of findCycle(objectives, (id) => {
    const p = parentOf.get(id);
    return p !== undefined && objectives.has(p) ? [p] : [];
  }))
    add('objectives', `cycle in the objective tree: ${cycle.join(' → ')}`);

  tree.sources.forEach((s, i) => {
    if (s.basis === 'consent' && s.consentField === undefined)
      add(
        `sources.${i}.consentField`,
        'a source processed on consent must name the field that records consent',
      );
  });

  tree.kpis.forEach((k, i) => {
    const at = `kpis.${i}`;
    if (!objectives.has(k.objective)) add(`${at}.objective`, `unknown objective "${k.objective}"`);
    if (k.baseline !== undefined && !Number.isFinite(k.baseline))
      add(`${at}.baseline`, 'must be a finite number');
    k.targets?.forEach((t, j) => {
      const problem = spanProblem(t.from, t.to);
      if (problem)
        add(
          `${at}.targets.${j}`,
          problem === START_BEFORE_END ? `the target box ${problem}` : problem,
        );
      if (!Number.isFinite(t.value)) add(`${at}.targets.${j}.value`, 'must be a finite number');
      const b = t.bands;
      if (b) {
        const { onTrackAt, atRiskAt } = paceBands(t);
        for (const [name, v] of [
          ['onTrackAt', b.onTrackAt],
          ['atRiskAt', b.atRiskAt],
        ] as const)
          if (v !== undefined && !(Number.isFinite(v) && v > 0))
            add(
              `${at}.targets.${j}.bands.${name}`,
              'must be a number above 0 (a pace, 1 = on schedule)',
            );
        if (onTrackAt > 0 && atRiskAt > 0 && atRiskAt > onTrackAt)
          add(
            `${at}.targets.${j}.bands`,
            `atRiskAt (${atRiskAt}) is above onTrackAt (${onTrackAt}): at risk must start below on track`,
          );
        if (b.tolerance !== undefined && !(Number.isFinite(b.tolerance) && b.tolerance >= 0))
          add(`${at}.targets.${j}.bands.tolerance`, 'must be a number of at least 0');
      }
    });
    const m = k.metric;
    for (const [where, sel] of selectorsOf(m)) {
      const path = `${at}.metric.${where}`;
      const source = sources.get(sel.source);
      if (!sourceIds.has(sel.source)) {
        add(`${path}.source`, `unknown data source "${sel.source}"`);
        continue;
      }
      const fields: string[] = [];
      for (const f of sel.filters ?? []) filterFields(f, fields);
      if ('agg' in sel) {
        const measure = sel as Measure;
        if (measure.agg !== 'count' && measure.field === undefined)
          add(`${path}.field`, `aggregation "${measure.agg}" needs a field`);
        if (measure.field !== undefined) fields.push(measure.field);
        if (measure.agg === 'percentile') {
          const p = measure.percentile;
          if (p === undefined || !(p >= 0 && p <= 100))
            add(`${path}.percentile`, 'percentile needs a value between 0 and 100');
        }
      }
      if (m.kind === 'conversion') fields.push(m.entity);
      if (m.kind === 'simple' && m.snapshotBy !== undefined) fields.push(m.snapshotBy);
      if (source?.fields) {
        const known = new Set(source.fields);
        for (const f of fields)
          if (!known.has(f))
            add(
              `${path}`,
              `unknown field "${f}": source "${source.id}" declares ${source.fields.join(', ') || 'no fields'}`,
            );
      }
    }
    if (m.kind === 'cumulative' && m.measure.agg !== 'count' && m.measure.agg !== 'sum')
      add(`${at}.metric.measure.agg`, 'a cumulative metric adds up counts or sums only');
    const windowed: [string, RollingWindow | undefined][] = [
      ['within', m.kind === 'conversion' ? m.within : undefined],
      ['window', m.kind === 'cumulative' ? m.window : undefined],
    ];
    for (const [name, w] of windowed) {
      if (w === undefined) continue;
      if (!(Number.isInteger(w.count) && w.count >= 1 && w.count <= 100_000))
        add(`${at}.metric.${name}.count`, 'must be a whole number from 1 to 100000');
      if (!TIME_GRAINS.includes(w.grain))
        add(`${at}.metric.${name}.grain`, `must be one of ${TIME_GRAINS.join(', ')}`);
    }
    if (m.kind === 'simple' && m.snapshotBy !== undefined && m.additivity !== 'semi_additive')
      add(`${at}.metric.snapshotBy`, 'snapshotBy is only meaningful for semi_additive metrics');
    if (m.kind === 'derived')
      for (const ref of derivedInputs(m.expr))
        if (!kpiIds.has(ref)) add(`${at}.metric.expr`, `unknown KPI "${ref}"`);
  });

  const byId = new Map(tree.kpis.map((k) => [k.id, k]));
  for (const cycle of findCycle(kpiIds, (id) => {
    const k = byId.get(id);
    return k?.metric.kind === 'derived'
      ? derivedInputs(k.metric.expr).filter((r) => kpiIds.has(r))
      : [];
  }))
    add('kpis', `cycle among derived KPIs: ${cycle.join(' → ')}`);

  const contributions = tree.contributions ?? [];
  contributions.forEach((c, i) => {
    if (!kpiIds.has(c.from)) add(`contributions.${i}.from`, `unknown KPI "${c.from}"`);
    if (!kpiIds.has(c.to)) add(`contributions.${i}.to`, `unknown KPI "${c.to}"`);
    if (c.from === c.to) add(`contributions.${i}`, 'a KPI cannot contribute to itself');
    if (c.share !== undefined && !(c.share >= 0 && c.share <= 1))
      add(`contributions.${i}.share`, 'must be between 0 and 1');
    // Only a controlled test shows cause; a path-based model (last touch and the like) shows association.
    if (c.evidence === 'experimental' && c.model !== 'experiment')
      add(
        `contributions.${i}.evidence`,
        `'experimental' means a controlled test showed the cause (model 'experiment'); a ${c.model} model shows association at most: use 'modelled'`,
      );
  });
  // Under one model, the credit given to a KPI cannot exceed all of it.
  const credited = new Map<string, number>();
  for (const c of contributions) {
    if (c.share === undefined || c.assisted === true || !(c.share >= 0 && c.share <= 1)) continue;
    const key = `${c.to}\u0000${c.model}`;
    credited.set(key, (credited.get(key) ?? 0) + c.share);
  }
  for (const [key, total] of credited) {
    if (total <= 1 + 1e-9) continue;
    const [to, model] = key.split('\u0000');
    add(
      'contributions',
      `the ${model} shares credited to KPI "${to}" add up to ${Math.round(total * 100)}%: under one model they can give at most all of it (100%)`,
    );
  }
  const edges = new Map<string, string[]>();
  for (const c of contributions) {
    if (c.from === c.to) continue;
    const list = edges.get(c.from) ?? [];
    list.push(c.to);
    edges.set(c.from, list);
  }
  for (const cycle of findCycle(edges.keys(), (id) => edges.get(id) ?? []))
    add('contributions', `cycle among contributions: ${cycle.join(' → ')}`);
  return issues;
}
