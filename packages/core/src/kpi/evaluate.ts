import { compileFilters, textMismatchTest, type GoalEventTest, type TextMismatch } from './filters';
import { checkVanity } from './guard';
import { percentileInPlace, percentileOfSorted } from './stats';
import {
  addCalendar,
  assertTimeZone,
  bucketBoundaries,
  bucketIndex,
  floorToGrain,
  parseInstant,
  TIME_GRAINS,
} from './time';
import type {
  ContributionResult,
  DataSource,
  DerivedExpr,
  EvaluateOptions,
  EvidenceGrade,
  GoalEvent,
  GoalReport,
  GoalTree,
  GoalWarning,
  Kpi,
  KpiResult,
  KpiStatus,
  KpiTarget,
  Measure,
  ObjectiveResult,
  RollingWindow,
  TimeGrain,
  TrendPoint,
} from './types';
import { paceBands } from './bands';
import { GoalTreeError, kpiAdditivity, selectorsOf, validateGoalTree } from './validate';

// Slots: 0 = the report's range [from, to), 1 = the period it is compared with (see previousPeriod), 2 + i = trend
// bucket i.
const CURRENT = 0;
const PREVIOUS = 1;

/** A value or the reason there is none. */
type Cell = { v: number; why?: undefined } | { v: null; why: string };
const none = (why: string): Cell => ({ v: null, why });
const some = (v: number): Cell =>
  Number.isFinite(v) ? { v } : none('the result is not a finite number (overflow)');

/** Collects one measure per slot. `n` counts matching events per slot. */
abstract class Acc {
  readonly n: Float64Array;
  constructor(readonly slots: number) {
    this.n = new Float64Array(slots);
  }
  abstract push(slot: number, v: number, key: unknown, t: number): void;
  /** Adds one event to its window slot and, for the current window, its trend bucket (−1: none). */
  add(slot: number, bucket: number, v: number, key: unknown, t: number): void {
    this.push(slot, v, key, t);
    if (bucket >= 0) this.push(2 + bucket, v, key, t);
  }
  /** The slot's value; `p` is the percentile (0..100) for percentile measures, ignored by the others. */
  abstract value(slot: number, p?: number): Cell;
}

/**
 * Every event once, tagged with its slot: the compared period, or the trend bucket of the report's range
 * (the range is the union of its buckets). Grouped per slot on first read, in linear time.
 */
class SlotLog {
  v = new Float64Array(1024);
  tag = new Int32Array(1024);
  length = 0;
  add(slot: number, bucket: number, v: number): void {
    if (this.length === this.v.length) {
      const v2 = new Float64Array(this.length * 2);
      v2.set(this.v);
      this.v = v2;
      const t2 = new Int32Array(this.length * 2);
      t2.set(this.tag);
      this.tag = t2;
    }
    this.v[this.length] = v;
    this.tag[this.length++] = slot === CURRENT ? 2 + bucket : PREVIOUS;
  }
  /** Values per slot (slot 0 = everything tagged with a bucket); computed once. */
  groups(slots: number): Float64Array[] {
    const counts = new Int32Array(slots);
    for (let i = 0; i < this.length; i++) {
      const tag = this.tag[i]!;
      counts[tag]!++;
      if (tag >= 2) counts[CURRENT]!++;
    }
    const out = Array.from({ length: slots }, (_, s) => new Float64Array(counts[s]!));
    const fill = new Int32Array(slots);
    for (let i = 0; i < this.length; i++) {
      const tag = this.tag[i]!;
      const v = this.v[i]!;
      out[tag]![fill[tag]!++] = v;
      if (tag >= 2) out[CURRENT]![fill[CURRENT]!++] = v;
    }
    this.v = new Float64Array(0);
    this.tag = new Int32Array(0);
    return out;
  }
}

class CountAcc extends Acc {
  push(slot: number): void {
    this.n[slot]!++;
  }
  value(slot: number): Cell {
    return { v: this.n[slot]! };
  }
}

class SumAcc extends Acc {
  readonly s = new Float64Array(this.slots);
  push(slot: number, v: number): void {
    this.n[slot]!++;
    this.s[slot]! += v;
  }
  value(slot: number): Cell {
    return some(this.s[slot]!);
  }
}

class AvgAcc extends SumAcc {
  override value(slot: number): Cell {
    return this.n[slot]! > 0 ? some(this.s[slot]! / this.n[slot]!) : none('no numeric values');
  }
}

class ExtremeAcc extends Acc {
  readonly x: Float64Array;
  constructor(
    slots: number,
    readonly max: boolean,
  ) {
    super(slots);
    this.x = new Float64Array(slots).fill(max ? -Infinity : Infinity);
  }
  push(slot: number, v: number): void {
    this.n[slot]!++;
    if (this.max ? v > this.x[slot]! : v < this.x[slot]!) this.x[slot] = v;
  }
  value(slot: number): Cell {
    return this.n[slot]! > 0 ? some(this.x[slot]!) : none('no numeric values');
  }
}

/** Keeps every value once; percentiles per slot are read later by quickselect (linear time). */
class PercentileAcc extends Acc {
  readonly log = new SlotLog();
  private packed: Float64Array[] | undefined;
  push(): void {
    throw new Error('PercentileAcc takes add()');
  }
  override add(slot: number, bucket: number, v: number): void {
    this.n[slot]!++;
    if (bucket >= 0) this.n[2 + bucket]!++;
    this.log.add(slot, bucket, v);
  }
  value(slot: number, p = 50): Cell {
    this.packed ??= this.log.groups(this.slots);
    const v = percentileInPlace(this.packed[slot]!, p);
    return v === null ? none('no numeric values') : some(v);
  }
}

/**
 * Distinct values per slot: each value gets a small id once (one lookup per event), the log keeps ids, and a
 * stamp array counts the distinct ids of every slot in linear time at the end.
 */
class DistinctAcc extends Acc {
  readonly ids = new Map<unknown, number>();
  readonly log = new SlotLog();
  private sizes: Float64Array | undefined;
  push(): void {
    throw new Error('DistinctAcc takes add()');
  }
  override add(slot: number, bucket: number, _v: number, key: unknown): void {
    this.n[slot]!++;
    if (bucket >= 0) this.n[2 + bucket]!++;
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(key, id);
    }
    this.log.add(slot, bucket, id);
  }
  value(slot: number): Cell {
    if (!this.sizes) {
      const groups = this.log.groups(this.slots);
      const stamp = new Int32Array(this.ids.size).fill(-1);
      this.sizes = new Float64Array(this.slots);
      for (let s = 0; s < this.slots; s++) {
        let distinct = 0;
        for (const id of groups[s]!) {
          if (stamp[id] !== s) {
            stamp[id] = s;
            distinct++;
          }
        }
        this.sizes[s] = distinct;
      }
    }
    return { v: this.sizes[slot]! };
  }
}

class LastAcc extends Acc {
  readonly t = new Float64Array(this.slots).fill(-Infinity);
  readonly x = new Float64Array(this.slots);
  push(slot: number, v: number, _k: unknown, t: number): void {
    this.n[slot]!++;
    if (t >= this.t[slot]!) {
      this.t[slot] = t;
      this.x[slot] = v;
    }
  }
  value(slot: number): Cell {
    return this.n[slot]! > 0 ? some(this.x[slot]!) : none('no numeric values');
  }
}

/** Semi-additive snapshots: the last value per series in the period, then combined across series. */
class SnapshotAcc extends Acc {
  readonly series: Map<unknown, [number, number]>[];
  constructor(
    slots: number,
    readonly combine: Measure['agg'],
    readonly p: number,
  ) {
    super(slots);
    this.series = Array.from({ length: slots }, () => new Map());
  }
  push(slot: number, v: number, key: unknown, t: number): void {
    this.n[slot]!++;
    const m = this.series[slot]!;
    const prev = m.get(key);
    if (!prev || t >= prev[0]) m.set(key, [t, v]);
  }
  value(slot: number, p = this.p): Cell {
    const lasts = [...this.series[slot]!.values()];
    if (lasts.length === 0) return none('no snapshot in this period');
    const values = lasts.map((x) => x[1]);
    switch (this.combine) {
      case 'count':
      case 'count_distinct':
        return { v: values.length };
      case 'avg':
        return some(values.reduce((a, b) => a + b, 0) / values.length);
      case 'min':
        return some(Math.min(...values));
      case 'max':
        return some(Math.max(...values));
      case 'median':
      case 'percentile':
        return some(
          percentileOfSorted(
            values.sort((a, b) => a - b),
            p,
          )!,
        );
      case 'last': {
        let best = lasts[0]!;
        for (const x of lasts) if (x[0] >= best[0]) best = x;
        return some(best[1]);
      }
      case 'sum':
        return some(values.reduce((a, b) => a + b, 0));
    }
  }
}

/** Raw (time, value) pairs for running totals and conversions, evaluated after the pass. */
class RawAcc {
  t: number[] = [];
  v: number[] = [];
  keys: unknown[] = [];
  private sorted: { t: Float64Array; prefix: Float64Array; keys: unknown[] } | undefined;
  private byKey: Map<unknown, Float64Array> | undefined;
  push(t: number, v: number, key: unknown): void {
    this.t.push(t);
    this.v.push(v);
    this.keys.push(key);
  }
  /** Times sorted ascending, prefix sums of values and keys in that order (computed once). */
  order(): { t: Float64Array; prefix: Float64Array; keys: unknown[] } {
    if (!this.sorted) {
      const idx = Array.from(this.t.keys()).sort((a, b) => this.t[a]! - this.t[b]!);
      const t = new Float64Array(idx.length);
      const prefix = new Float64Array(idx.length + 1);
      const keys = new Array<unknown>(idx.length);
      idx.forEach((i, j) => {
        t[j] = this.t[i]!;
        prefix[j + 1] = prefix[j]! + this.v[i]!;
        keys[j] = this.keys[i];
      });
      this.sorted = { t, prefix, keys };
    }
    return this.sorted;
  }
  /** Sorted times per key (computed once). */
  timesByKey(): Map<unknown, Float64Array> {
    if (!this.byKey) {
      const lists = new Map<unknown, number[]>();
      for (let i = 0; i < this.t.length; i++) {
        const list = lists.get(this.keys[i]);
        if (list) list.push(this.t[i]!);
        else lists.set(this.keys[i], [this.t[i]!]);
      }
      this.byKey = new Map();
      for (const [k, list] of lists) this.byKey.set(k, Float64Array.from(list).sort());
    }
    return this.byKey;
  }
}

/**
 * Running totals without keeping events: every event lands in the cell between the query points (window
 * starts and ends known before the pass) that hold it; a total over [a, b) adds whole cells.
 */
class CumulativeAcc {
  readonly sums: Float64Array;
  readonly counts: Float64Array;
  total = 0;
  private prefix: { sums: Float64Array; counts: Float64Array } | undefined;
  constructor(readonly points: Float64Array) {
    this.sums = new Float64Array(points.length + 1);
    this.counts = new Float64Array(points.length + 1);
  }
  add(t: number, v: number): void {
    // Cell k holds the times with exactly k points at or before them.
    const p = this.points;
    let lo = 0;
    let hi = p.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (p[mid]! <= t) lo = mid + 1;
      else hi = mid;
    }
    this.sums[lo]! += v;
    this.counts[lo]!++;
    this.total++;
  }
  /** Sum (or count) over [a, b); a = −Infinity means "since the beginning". Both must be query points. */
  between(a: number, b: number, what: 'sums' | 'counts' = 'sums'): number {
    if (!this.prefix) {
      const sums = new Float64Array(this.sums.length + 1);
      const counts = new Float64Array(this.sums.length + 1);
      for (let k = 0; k < this.sums.length; k++) {
        sums[k + 1] = sums[k]! + this.sums[k]!;
        counts[k + 1] = counts[k]! + this.counts[k]!;
      }
      this.prefix = { sums, counts };
    }
    const first = a === Number.NEGATIVE_INFINITY ? 0 : lowerBound(this.points, a) + 1;
    const last = lowerBound(this.points, b);
    const prefix = this.prefix[what];
    return last >= first ? prefix[last + 1]! - prefix[first]! : 0;
  }
}

/** First index i with sorted[i] >= x. */
function lowerBound(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

interface CompiledMeasure {
  role: string;
  /** A plain count: the hot loop increments it directly. */
  isCount: boolean;
  test: GoalEventTest;
  /** Field whose value is aggregated (numeric) or counted (distinct / snapshot key field). */
  field: string | undefined;
  numeric: boolean;
  keyField: string | undefined;
  acc: Acc | undefined;
  raw: RawAcc | undefined;
  cum: CumulativeAcc | undefined;
  skipped: number;
  /** Finds a field holding text where a filter compares with a boolean or number (see textMismatchTest). */
  textMismatch: ((e: GoalEvent) => TextMismatch | undefined) | undefined;
  /** Events in the report's range turned away only for such text, and the first of them. */
  mismatched: number;
  mismatch: TextMismatch | undefined;
  rows: GoalEvent[] | undefined;
  rowsWithheld: number;
  rowTest: ((e: GoalEvent) => boolean) | undefined;
}

interface SourceState {
  source: DataSource;
  windowed: CompiledMeasure[];
  raw: CompiledMeasure[];
  /** Events per slot from this source (to tell "zero" from "no data"). */
  events: Float64Array;
  withoutConsent: number;
  /** Events left out because the person objected (a `false` consent field on a legitimate-interest source). */
  objected: number;
}

const pctText = (x: number) => `${Math.round(x * 100)}%`;

const EVIDENCE_LABELS: Record<EvidenceGrade, string> = {
  experimental:
    'Experimental: a controlled test (holdout or A/B) showed that the social activity caused the change.',
  modelled:
    'Modelled: an attribution model assigned this credit; it is an estimate, not proof of cause.',
  correlational:
    'Correlational: the two moved together; this does not show that one caused the other.',
};

function makeAcc(measure: Measure, slots: number, snapshot: boolean): Acc {
  const p = measure.agg === 'median' ? 50 : (measure.percentile ?? 50);
  if (snapshot) return new SnapshotAcc(slots, measure.agg, p);
  switch (measure.agg) {
    case 'count':
      return new CountAcc(slots);
    case 'sum':
      return new SumAcc(slots);
    case 'avg':
      return new AvgAcc(slots);
    case 'min':
      return new ExtremeAcc(slots, false);
    case 'max':
      return new ExtremeAcc(slots, true);
    case 'median':
    case 'percentile':
      return new PercentileAcc(slots);
    case 'count_distinct':
      return new DistinctAcc(slots);
    case 'last':
      return new LastAcc(slots);
  }
}

function percentileOf(measure: Measure): number {
  return measure.agg === 'median' ? 50 : (measure.percentile ?? 50);
}

function isoOf(t: number): string {
  return new Date(t).toISOString();
}

function parseTime(value: number | string, name: string): number {
  const t = parseInstant(value);
  if (!Number.isFinite(t))
    throw new RangeError(
      `${name} must be epoch milliseconds or an ISO 8601 date-time with a zone (a Date: pass its getTime()), got ${shownValue(value)}.`,
    );
  return t;
}

/** A value as a person would recognise it in a message: a Date as a Date, not as the JSON string it becomes. */
function shownValue(value: unknown): string {
  if (value instanceof Date) return `a Date object (${String(value)})`;
  return JSON.stringify(value) ?? String(value);
}

const STATUS_ORDER: KpiStatus[] = [
  'off_track',
  'at_risk',
  'on_track',
  'no_target',
  'no_data',
  'unavailable',
];

/**
 * Evaluates a goal tree over plain events: actual, target, progress, pacing, status and trend for every KPI.
 *
 * One pass over `events` (each event is tested once per measure of its source, filters precompiled), then
 * per-KPI arithmetic. Times are epoch ms or ISO 8601 with a zone; the window is [from, to); events after `now`
 * are ignored. Definitions:
 * - actual: the metric over [from, to); `previous` the same over the period before it (the calendar month,
 *   quarter, year, week or days before when the range is whole ones, else the same length), read only up to the
 *   same point while the range is still going on (November to the 16th against October to the 16th);
 *   `change` = (actual − previous) ÷ |previous|.
 * - progress = (actual − baseline) ÷ (target − baseline) for `increase`/`decrease` KPIs (1 = reached; a count or
 *   sum without a baseline starts from 0). pace = progress ÷ the share of the target's box elapsed at `now`.
 * - status: `on_track` when reached or pace ≥ bands.onTrackAt (0.95), `at_risk` from bands.atRiskAt (0.8),
 *   else `off_track`; `neutral` KPIs compare |actual − target| with bands.tolerance (default 5% of target).
 *   `no_data` when the actual cannot be computed (no events from a source, division by zero, no numeric
 *   values), with the reason; `no_target` when no target covers the window; `unavailable` when a source lacks
 *   permission for aggregate reporting (never reported as zero).
 * - A count is 0 when its source sent events in the period but none matched, and no data when the source sent
 *   none. Events from a `consent` source whose consent field is not `true` are left out (and counted).
 * Bad events (not an object, no source, a time that is not finite or has no zone) are rejected with reasons;
 * an inconsistent tree throws `GoalTreeError` listing every problem. No number in the report is NaN.
 *
 * @example
 * ```ts
 * const report = evaluateGoals(tree, events, {
 *   from: '2026-10-01T00:00:00Z',
 *   to: '2027-01-01T00:00:00Z',
 *   now: '2026-11-22T12:00:00Z',
 *   grain: 'week',
 * });
 * for (const k of report.kpis) console.log(k.name, k.actual, k.status, k.statusReason);
 * ```
 */
export function evaluateGoals(
  tree: GoalTree,
  events: readonly GoalEvent[],
  options: EvaluateOptions,
): GoalReport {
  const issues = validateGoalTree(tree);
  if (issues.length > 0) throw new GoalTreeError(issues);
  if (!Array.isArray(events)) throw new RangeError('events must be an array of event records.');
  const from = parseTime(options.from, 'from');
  const to = parseTime(options.to, 'to');
  const now = parseTime(options.now, 'now');
  if (!(to > from)) throw new RangeError('`to` must be after `from`.');
  const grain = options.grain ?? 'day';
  if (!TIME_GRAINS.includes(grain))
    throw new RangeError(
      `grain must be one of ${TIME_GRAINS.join(', ')}, got ${JSON.stringify(grain)}.`,
    );
  const timeZone = options.timeZone ?? 'UTC';
  assertTimeZone(timeZone);
  const askedRows = options.rowLimit ?? 1000;
  if (!(typeof askedRows === 'number' && askedRows >= 0))
    throw new RangeError(`rowLimit must be a number ≥ 0, got ${String(askedRows)}.`);
  const rowLimit = Math.floor(askedRows);
  const wantRows = new Set<string>(
    options.rows === true
      ? tree.kpis.map((k) => k.id)
      : Array.isArray(options.rows)
        ? options.rows
        : [],
  );

  const { prevFrom, prevTo } = previousPeriod(from, to, now, timeZone);
  const boundaries = bucketBoundaries(from, to, grain, timeZone);
  const bucketCount = boundaries.length - 1;
  const bounds = Float64Array.from(boundaries);
  const slots = 2 + bucketCount;
  const slotStart = (s: number) =>
    s === CURRENT ? from : s === PREVIOUS ? prevFrom : Math.max(from, bounds[s - 2]!);
  const slotEnd = (s: number) =>
    s === CURRENT ? to : s === PREVIOUS ? prevTo : Math.min(to, bounds[s - 1]!);

  const sources = new Map(tree.sources.map((s) => [s.id, s]));
  const kpiIndex = new Map(tree.kpis.map((k, i) => [k.id, i]));
  const warnings: GoalWarning[] = [...checkVanity(tree).warnings];

  // Permission: every source a KPI reads (through derived KPIs too) must allow aggregate reporting.
  const denied = new Map<number, string>();
  const permissionOf = (i: number, seen = new Set<number>()): string | undefined => {
    if (denied.has(i)) return denied.get(i);
    if (seen.has(i)) return undefined;
    seen.add(i);
    const k = tree.kpis[i]!;
    let why: string | undefined;
    if (k.metric.kind === 'derived') {
      for (const ref of derivedRefs(k.metric.expr)) {
        const j = kpiIndex.get(ref)!;
        const w = permissionOf(j, seen);
        if (w) {
          why = `it is computed from "${tree.kpis[j]!.name}", and ${w}`;
          break;
        }
      }
    } else {
      for (const [, sel] of selectorsOf(k.metric)) {
        const s = sources.get(sel.source)!;
        if (!s.scopes.includes('aggregate')) {
          why = `source "${s.name ?? s.id}" (basis: ${s.basis.replace('_', ' ')}) does not allow aggregate reporting`;
          break;
        }
      }
    }
    if (why !== undefined) denied.set(i, why);
    return why;
  };
  tree.kpis.forEach((k, i) => {
    const why = permissionOf(i);
    if (why)
      warnings.push({
        code: 'no_permission',
        kpi: k.id,
        message: `KPI "${k.name}" is unavailable: no permission — ${why}.`,
      });
  });

  // Compile measures, grouped by source. KPIs without permission read nothing.
  const states = new Map<string, SourceState>();
  const stateOf = (id: string): SourceState => {
    let st = states.get(id);
    if (!st) {
      st = {
        source: sources.get(id)!,
        windowed: [],
        raw: [],
        events: new Float64Array(slots),
        withoutConsent: 0,
        objected: 0,
      };
      states.set(id, st);
    }
    return st;
  };
  // Identical measures (same source, filters, aggregation and field) are computed once and shared.
  const measures: { cm: CompiledMeasure; role: string }[][] = tree.kpis.map(() => []);
  const shared = new Map<string, CompiledMeasure>();
  tree.kpis.forEach((k, i) => {
    if (denied.has(i)) return;
    const m = k.metric;
    for (const [role, sel] of selectorsOf(m)) {
      const st = stateOf(sel.source);
      const measure = 'agg' in sel ? (sel as Measure) : undefined;
      const agg = measure?.agg ?? 'count';
      const snapshot = m.kind === 'simple' && m.additivity === 'semi_additive';
      const isRaw = m.kind === 'cumulative' || m.kind === 'conversion';
      const numeric = agg !== 'count' && agg !== 'count_distinct';
      const keyField =
        m.kind === 'conversion'
          ? m.entity
          : snapshot
            ? m.kind === 'simple'
              ? m.snapshotBy
              : undefined
            : agg === 'count_distinct'
              ? measure?.field
              : undefined;
      const wantsRows = wantRows.has(k.id) && role !== 'denominator' && role !== 'conversion';
      const key = JSON.stringify([
        sel.source,
        sel.filters ?? [],
        agg === 'median' ? 'percentile' : agg,
        measure?.field ?? null,
        snapshot,
        keyField ?? null,
        isRaw ? role : 'windowed',
        m.kind === 'cumulative' ? (m.window ?? 'all') : null,
      ]);
      const existing = shared.get(key);
      if (existing) {
        if (wantsRows && !existing.rows) existing.rows = [];
        measures[i]!.push({ cm: existing, role });
        continue;
      }
      const source = st.source;
      const cm: CompiledMeasure = {
        role,
        isCount: !isRaw && !snapshot && agg === 'count',
        test: compileFilters(sel.filters),
        field: numeric ? measure?.field : undefined,
        numeric,
        keyField,
        acc: isRaw ? undefined : makeAcc(measure!, slots, snapshot),
        raw: m.kind === 'conversion' ? new RawAcc() : undefined,
        cum:
          m.kind === 'cumulative'
            ? new CumulativeAcc(cumulativePoints(m.window, slots, slotEnd, from, to, timeZone))
            : undefined,
        skipped: 0,
        textMismatch: textMismatchTest(sel.filters),
        mismatched: 0,
        mismatch: undefined,
        rows: wantsRows ? [] : undefined,
        rowsWithheld: 0,
        // Rows of a personal source (one naming people, or read on consent) need a per-person scope and the
        // person's consent; other sources' rows name nobody and are all shown.
        rowTest:
          source.personField === undefined && source.basis !== 'consent'
            ? undefined
            : (e) =>
                source.scopes.includes('per_person') &&
                source.consentField !== undefined &&
                e[source.consentField] === true,
      };
      shared.set(key, cm);
      (isRaw ? st.raw : st.windowed).push(cm);
      measures[i]!.push({ cm, role });
    }
  });

  // The single pass.
  const rejected: { index: number; reason: string }[] = [];
  let inWindow = 0;
  let future = 0;
  let unknownSource = 0;
  for (let index = 0; index < events.length; index++) {
    const e = events[index] as GoalEvent;
    if (typeof e !== 'object' || e === null) {
      rejected.push({ index, reason: 'not an event record (expected an object)' });
      continue;
    }
    const sourceId = e.source;
    if (typeof sourceId !== 'string') {
      rejected.push({ index, reason: 'has no source (a data source id string)' });
      continue;
    }
    const at = e.at;
    const t = typeof at === 'number' && Number.isFinite(at) ? at : parseInstant(at);
    if (!Number.isFinite(t)) {
      rejected.push({
        index,
        reason: `time ${JSON.stringify(at)} is not epoch milliseconds or an ISO 8601 date-time with a zone`,
      });
      continue;
    }
    if (t > now) {
      future++;
      continue;
    }
    const st = states.get(sourceId);
    if (st === undefined) {
      if (!sources.has(sourceId)) unknownSource++;
      continue;
    }
    const src = st.source;
    if (src.basis === 'consent' && e[src.consentField!] !== true) {
      st.withoutConsent++;
      continue;
    }
    // On legitimate interest a person may object: their "no" keeps their events out of every figure.
    if (
      src.basis === 'legitimate_interest' &&
      src.consentField !== undefined &&
      e[src.consentField] === false
    ) {
      st.objected++;
      continue;
    }
    let slot = -1;
    let bucket = -1;
    if (t >= from && t < to) {
      slot = CURRENT;
      bucket = bucketIndex(bounds, t);
      inWindow++;
      st.events[CURRENT]!++;
      if (bucket >= 0) st.events[2 + bucket]!++;
    } else if (t >= prevFrom && t < prevTo) {
      slot = PREVIOUS;
      st.events[PREVIOUS]!++;
    }
    if (slot >= 0) {
      const list = st.windowed;
      for (let j = 0; j < list.length; j++) {
        const m = list[j]!;
        if (!m.test(e)) {
          if (m.textMismatch !== undefined && slot === CURRENT) noteMismatch(m, e);
          continue;
        }
        if (m.isCount) {
          const n = m.acc!.n;
          n[slot]!++;
          if (bucket >= 0) n[2 + bucket]!++;
          if (m.rows !== undefined && slot === CURRENT) collectRow(m, e, rowLimit);
          continue;
        }
        let v = 0;
        if (m.field !== undefined) {
          const raw = e[m.field];
          if (typeof raw !== 'number' || !Number.isFinite(raw)) {
            if (slot === CURRENT) m.skipped++;
            continue;
          }
          v = raw;
        }
        const key = m.keyField === undefined ? undefined : e[m.keyField];
        if (m.keyField !== undefined && (key === undefined || key === null)) {
          if (slot === CURRENT) m.skipped++;
          continue;
        }
        m.acc!.add(slot, bucket, v, key, t);
        if (m.rows !== undefined && slot === CURRENT) collectRow(m, e, rowLimit);
      }
    }
    const rawList = st.raw;
    for (let j = 0; j < rawList.length; j++) {
      const m = rawList[j]!;
      if (t >= to && m.role !== 'conversion') continue;
      if (!m.test(e)) {
        if (m.textMismatch !== undefined && slot === CURRENT) noteMismatch(m, e);
        continue;
      }
      let v = 1;
      if (m.field !== undefined) {
        const raw = e[m.field];
        if (typeof raw !== 'number' || !Number.isFinite(raw)) {
          if (slot === CURRENT) m.skipped++;
          continue;
        }
        v = raw;
      }
      const key = m.keyField === undefined ? undefined : e[m.keyField];
      if (m.keyField !== undefined && (key === undefined || key === null)) {
        if (slot === CURRENT) m.skipped++;
        continue;
      }
      if (m.cum !== undefined) m.cum.add(t, v);
      else m.raw!.push(t, v, key);
      if (m.rows !== undefined && slot === CURRENT) collectRow(m, e, rowLimit);
    }
  }

  // Values per KPI and slot.
  const cells: (Cell[] | undefined)[] = tree.kpis.map(() => undefined);
  /** Per KPI index: conversion entities of the report window whose window is still open at now (left out). */
  const stillOpen = new Map<number, number>();
  const sourceHadEvents = (sourceId: string, slot: number) =>
    (states.get(sourceId)?.events[slot] ?? 0) > 0;
  const measureCell = (cm: CompiledMeasure, sourceId: string, slot: number, p?: number): Cell => {
    if (!sourceHadEvents(sourceId, slot))
      return none(`no events from source "${sourceId}" in this period`);
    return cm.acc!.value(slot, p);
  };
  const computeKpi = (i: number): Cell[] => {
    const done = cells[i];
    if (done) return done;
    const k = tree.kpis[i]!;
    const out: Cell[] = new Array<Cell>(slots);
    const why = denied.get(i);
    if (why !== undefined) {
      out.fill(none(`unavailable: no permission — ${why}`));
      cells[i] = out;
      return out;
    }
    const m = k.metric;
    const ms = measures[i]!.map((x) => x.cm);
    for (let s = 0; s < slots; s++) {
      if (s >= 2 && slotStart(s) > now) {
        out[s] = none('this period is after now');
        continue;
      }
      switch (m.kind) {
        case 'simple':
          out[s] = measureCell(ms[0]!, m.measure.source, s, percentileOf(m.measure));
          break;
        case 'ratio': {
          const num = measureCell(ms[0]!, m.numerator.source, s, percentileOf(m.numerator));
          const den = measureCell(ms[1]!, m.denominator.source, s, percentileOf(m.denominator));
          if (den.v === null) out[s] = none(`no denominator: ${den.why}`);
          else if (den.v === 0)
            out[s] = none('division by zero: the denominator is 0 in this period');
          else if (num.v === null) out[s] = none(`no numerator: ${num.why}`);
          else out[s] = some(num.v / den.v);
          break;
        }
        case 'cumulative':
          out[s] = cumulativeCell(ms[0]!.cum!, slotEnd(s), m.window, timeZone);
          break;
        case 'conversion': {
          const open = { count: 0 };
          out[s] = conversionCell(
            ms[0]!.raw!,
            ms[1]!.raw!,
            slotStart(s),
            slotEnd(s),
            m.within,
            timeZone,
            now,
            open,
          );
          if (s === CURRENT && open.count > 0) stillOpen.set(i, open.count);
          break;
        }
        case 'derived':
          out[s] = { v: null, why: 'pending' };
          break;
      }
    }
    cells[i] = out;
    if (m.kind === 'derived') {
      for (let s = 0; s < slots; s++) {
        if (s >= 2 && slotStart(s) > now) continue;
        out[s] = derivedCell(m.expr, s);
      }
    }
    return out;
  };
  const derivedCell = (expr: DerivedExpr, s: number): Cell => {
    if ('const' in expr) return some(expr.const);
    if ('kpi' in expr) {
      const offset = expr.offset ?? 0;
      let slot = s;
      if (offset > 0) {
        if (s === CURRENT && offset === 1) slot = PREVIOUS;
        else if (s >= 2 && s - offset >= 2) slot = s - offset;
        else return none(`"${expr.kpi}" ${offset} period(s) earlier is outside the report`);
      }
      const c = computeKpi(kpiIndex.get(expr.kpi)!)[slot]!;
      return c.v === null ? none(`"${expr.kpi}": ${c.why}`) : c;
    }
    const a = derivedCell(expr.left, s);
    if (a.v === null) return a;
    const b = derivedCell(expr.right, s);
    if (b.v === null) return b;
    switch (expr.op) {
      case 'add':
        return some(a.v + b.v);
      case 'sub':
        return some(a.v - b.v);
      case 'mul':
        return some(a.v * b.v);
      case 'div':
        return b.v === 0 ? none('division by zero in the derived metric') : some(a.v / b.v);
    }
  };

  const kpis: KpiResult[] = tree.kpis.map((k, i) => {
    const c = computeKpi(i);
    const ms = measures[i]!;
    const trend: TrendPoint[] = [];
    for (let b = 0; b < bucketCount; b++) {
      const cell = c[2 + b]!;
      const start = slotStart(2 + b);
      const end = slotEnd(2 + b);
      const point: TrendPoint = { start: isoOf(start), end: isoOf(end), value: cell.v };
      if (cell.v === null) point.reason = cell.why;
      else {
        const partial = partialBucket(start, end, bounds[b]!, bounds[b + 1]!, now, grain);
        if (partial !== undefined) {
          point.partial = true;
          point.reason = partial;
        }
      }
      trend.push(point);
    }
    const result = judge(k, c[CURRENT]!, c[PREVIOUS]!, from, to, now, warnings);
    const primary = measures[i]!.filter(
      (x) => x.role !== 'denominator' && x.role !== 'conversion',
    ).map((x) => x.cm);
    const eventCount = primary.reduce(
      (n, m) =>
        n +
        (m.acc
          ? m.acc.n[CURRENT]!
          : m.cum
            ? m.cum.between(from, to, 'counts')
            : countRawIn(m.raw!, from, to)),
      0,
    );
    const skipped = ms.reduce((n, x) => n + x.cm.skipped, 0);
    const reasons: string[] = [];
    const mismatched = ms.find((x) => x.cm.mismatched > 0)?.cm;
    if (mismatched !== undefined) {
      const { field, text, wanted } = mismatched.mismatch!;
      warnings.push({
        code: 'filter_type_mismatch',
        kpi: k.id,
        message: `${mismatched.mismatched} event(s) in this period were not counted because "${field}" holds text (${JSON.stringify(text)}) where the filter asks for ${typeof wanted === 'boolean' ? 'the value' : 'the number'} ${String(wanted)}: load "${field}" as a ${typeof wanted === 'boolean' ? 'boolean' : 'number'}.`,
      });
    }
    if (skipped > 0)
      reasons.push(
        `${skipped} matching event(s) in this period left out: the measured field was missing or not a finite number.`,
      );
    const open = stillOpen.get(i);
    if (open !== undefined && k.metric.kind === 'conversion')
      reasons.push(
        `${open} started less than ${k.metric.within.count} ${k.metric.within.grain}(s) before now and are left out until that time is up.`,
      );
    const out: KpiResult = {
      ...result,
      ...(k.currency !== undefined && { currency: k.currency }),
      trend,
      eventCount,
      credit: [],
      ...(reasons.length > 0 && { statusReason: `${result.statusReason} ${reasons.join(' ')}` }),
    };
    if (wantRows.has(k.id)) {
      out.rows = primary.flatMap((m) => m.rows ?? []).slice(0, rowLimit);
      out.rowsWithheld = primary.reduce((n, m) => n + m.rowsWithheld, 0);
    }
    return out;
  });

  for (const st of states.values()) {
    if (st.withoutConsent > 0)
      warnings.push({
        code: 'excluded_without_consent',
        message: `${st.withoutConsent} event(s) from "${st.source.name ?? st.source.id}" were left out because the person had not consented.`,
      });
    if (st.objected > 0)
      warnings.push({
        code: 'excluded_on_objection',
        message: `${st.objected} event(s) from "${st.source.name ?? st.source.id}" were left out because the person objected to this use of their data.`,
      });
  }
  if (rejected.length > 0)
    warnings.push({
      code: 'rejected_events',
      message: `${rejected.length} event(s) were rejected (see events.rejected for each reason).`,
    });

  const byKpi = new Map(kpis.map((k) => [k.kpi, k]));
  const contributions: ContributionResult[] = (tree.contributions ?? []).map((c) => {
    const target = tree.kpis[kpiIndex.get(c.to)!]!;
    const toResult = byKpi.get(c.to)!;
    const additive = kpiAdditivity(target) === 'additive';
    const summable = additive && !c.assisted;
    const attributed =
      c.share !== undefined && toResult.actual !== null ? c.share * toResult.actual : null;
    const reason = c.assisted
      ? 'Assisted conversions are shown but never added up the tree: the same conversion is assisted by many touches.'
      : !additive
        ? `"${target.name}" is a ${target.unit === 'ratio' ? 'ratio' : 'non-additive metric'}: credit for it is shown, never summed.`
        : `AttributionCredit under the ${c.model.replace('_', ' ')} model is added up with other ${c.model.replace('_', ' ')} credit for "${target.name}", never across models.`;
    return {
      ...c,
      evidenceLabel: EVIDENCE_LABELS[c.evidence],
      attributed: attributed !== null && Number.isFinite(attributed) ? attributed : null,
      summable,
      reason,
    };
  });

  const grades: EvidenceGrade[] = ['experimental', 'modelled', 'correlational'];
  for (const c of contributions) {
    if (!c.summable || c.attributed === null) continue;
    const result = byKpi.get(c.to)!;
    const line = result.credit.find((x) => x.model === c.model);
    if (!line)
      result.credit.push({ model: c.model, evidence: c.evidence, total: c.attributed, edges: 1 });
    else {
      line.total += c.attributed;
      line.edges++;
      if (grades.indexOf(c.evidence) > grades.indexOf(line.evidence)) line.evidence = c.evidence;
    }
  }

  const objectives = objectiveResults(tree, kpis, checkVanity(tree).vanityObjectives);
  return {
    from: isoOf(from),
    to: isoOf(to),
    now: isoOf(now),
    previous: { from: isoOf(prevFrom), to: isoOf(prevTo) },
    grain,
    timeZone,
    objectives,
    kpis,
    contributions,
    warnings,
    events: { total: events.length, inWindow, future, unknownSource, rejected },
  };
}

function collectRow(m: CompiledMeasure, e: GoalEvent, limit: number): void {
  if (m.rowTest !== undefined && !m.rowTest(e)) {
    m.rowsWithheld++;
    return;
  }
  if (m.rows!.length < limit) m.rows!.push(e);
}

function derivedRefs(expr: DerivedExpr): string[] {
  if ('kpi' in expr) return [expr.kpi];
  if ('op' in expr) return [...derivedRefs(expr.left), ...derivedRefs(expr.right)];
  return [];
}

function countRawIn(raw: RawAcc, from: number, to: number): number {
  let n = 0;
  for (const t of raw.t) if (t >= from && t < to) n++;
  return n;
}

function cumulativePoints(
  rolling: RollingWindow | undefined,
  slots: number,
  slotEnd: (s: number) => number,
  from: number,
  to: number,
  timeZone: string,
): Float64Array {
  const points = new Set<number>([from, to]);
  for (let s = 0; s < slots; s++) {
    const end = slotEnd(s);
    points.add(end);
    if (rolling) points.add(addCalendar(end, rolling.grain, -rolling.count, timeZone));
  }
  return Float64Array.from(points).sort();
}

function cumulativeCell(
  cum: CumulativeAcc,
  end: number,
  rolling: RollingWindow | undefined,
  timeZone: string,
): Cell {
  if (cum.total === 0) return none('no matching events up to the end of this period');
  const start = rolling
    ? addCalendar(end, rolling.grain, -rolling.count, timeZone)
    : Number.NEGATIVE_INFINITY;
  return some(cum.between(start, end));
}

/**
 * Share of the entities first seen in [start, end) that converted within `within` of first being seen. An entity
 * whose time to convert has not run out by `now` is left out (and counted in `open`): it may still convert, so
 * counting it as "not converted" would pull the rate down on every report run before the period's last entities
 * have had their time.
 */
function conversionCell(
  base: RawAcc,
  conv: RawAcc,
  start: number,
  end: number,
  within: RollingWindow,
  timeZone: string,
  now: number,
  open: { count: number },
): Cell {
  const { t, keys } = base.order();
  const first = new Map<unknown, number>();
  for (let i = lowerBound(t, start); i < t.length && t[i]! < end; i++)
    if (!first.has(keys[i])) first.set(keys[i], t[i]!);
  if (first.size === 0) return none('no base events in this period (division by zero)');
  const conversions = conv.timesByKey();
  let converted = 0;
  let decided = 0;
  for (const [key, t0] of first) {
    const limit = addCalendar(t0, within.grain, within.count, timeZone);
    if (limit > now) {
      open.count++;
      continue;
    }
    decided++;
    const times = conversions.get(key);
    if (!times) continue;
    const j = lowerBound(times, t0);
    if (j < times.length && times[j]! <= limit) converted++;
  }
  if (decided === 0)
    return none(
      `every one of the ${first.size} started less than ${within.count} ${within.grain}(s) before now: their windows are still open`,
    );
  return some(converted / decided);
}

/**
 * The target for the report window [from, to): only targets whose time box overlaps it count. Among them, the one
 * holding `now` when `now` is inside the window (a report on the running period); otherwise the one that covers
 * most of the window, the later on a tie (a report on a past period is judged by that period's target, not by the
 * target in force when it is run).
 */
function pickTarget(k: Kpi, from: number, to: number, now: number): KpiTarget | null {
  const targets = k.targets ?? [];
  const overlapping = targets.filter((t) => parseInstant(t.from) < to && parseInstant(t.to) > from);
  if (now >= from && now < to) {
    const containing = overlapping.find(
      (t) => parseInstant(t.from) <= now && now < parseInstant(t.to),
    );
    if (containing) return containing;
  }
  let best: KpiTarget | null = null;
  let bestOverlap = -1;
  for (const t of overlapping) {
    const a = parseInstant(t.from);
    const b = parseInstant(t.to);
    const overlap = Math.min(b, to) - Math.max(a, from);
    if (overlap > bestOverlap || (overlap === bestOverlap && b > parseInstant(best!.to))) {
      best = t;
      bestOverlap = overlap;
    }
  }
  return best;
}

function formatValue(k: Kpi, v: number): string {
  switch (k.unit) {
    case 'ratio':
      return `${(v * 100).toFixed(1)}%`;
    case 'percent':
      return `${v.toFixed(1)}%`;
    case 'ms':
      return v >= 3_600_000
        ? `${(v / 3_600_000).toFixed(1)} h`
        : v >= 60_000
          ? `${(v / 60_000).toFixed(1)} min`
          : `${(v / 1000).toFixed(1)} s`;
    case 'currency':
      return `${v.toFixed(2)}${k.currency ? ` ${k.currency}` : ''}`;
    default:
      return Number.isInteger(v) ? String(v) : v.toFixed(2);
  }
}

/**
 * Why a trend bucket covers less than its whole calendar period, in words (undefined when it covers all of it): the
 * period is still going on at `now`, or the report's range cuts it. Such a bucket holds fewer events than a whole
 * one (a count dips), and a rate over it may still change (replies to its last messages are yet to come).
 */
function partialBucket(
  start: number,
  end: number,
  periodStart: number,
  periodEnd: number,
  now: number,
  grain: TimeGrain,
): string | undefined {
  if (start < now && now < end) return `partial: this ${grain} so far, up to now`;
  if (start > periodStart || end < periodEnd)
    return `partial: only the part of this ${grain} inside the report's period`;
  return undefined;
}

/** Counts an event a filter turned away only because a field holds text (see textMismatchTest). */
function noteMismatch(m: CompiledMeasure, e: GoalEvent): void {
  const found = m.textMismatch!(e);
  if (found === undefined) return;
  m.mismatched++;
  m.mismatch ??= found;
}

/** Calendar periods a report's range may be whole ones of, coarsest first. */
const WHOLE: readonly TimeGrain[] = ['year', 'quarter', 'month', 'week', 'day'];

/**
 * The period a report is compared with: [prevFrom, prevTo).
 *
 * When [from, to) is whole calendar periods in the report's zone (a month, a quarter, two weeks), it is the same
 * number of those periods just before: November is compared with October, not with the 30 days before it. Else it
 * is the same length just before. While the range is still going on at `now`, the previous one is read only as far
 * into it as the range is: half-way through a month, a steady count would otherwise read as a 50% fall.
 */
function previousPeriod(
  from: number,
  to: number,
  now: number,
  timeZone: string,
): { prevFrom: number; prevTo: number } {
  let prevFrom = from - (to - from);
  for (const grain of WHOLE) {
    if (floorToGrain(from, grain, timeZone) !== from) continue;
    let end = from;
    let count = 0;
    while (end < to && count < 1000) {
      end = addCalendar(end, grain, 1, timeZone);
      count++;
    }
    if (end === to) {
      prevFrom = addCalendar(from, grain, -count, timeZone);
      break;
    }
  }
  const prevTo = now < to ? Math.min(from, prevFrom + Math.max(0, now - from)) : from;
  return { prevFrom, prevTo };
}

type Judged = Omit<KpiResult, 'trend' | 'eventCount' | 'rows' | 'rowsWithheld' | 'credit'>;

function judge(
  k: Kpi,
  current: Cell,
  previous: Cell,
  from: number,
  to: number,
  now: number,
  warnings: GoalWarning[],
): Judged {
  const additive = kpiAdditivity(k) === 'additive';
  const baseline = k.baseline ?? null;
  const target = pickTarget(k, from, to, now);
  const change =
    current.v !== null && previous.v !== null && previous.v !== 0
      ? (current.v - previous.v) / Math.abs(previous.v)
      : null;
  const base: Judged = {
    kpi: k.id,
    name: k.name,
    objective: k.objective,
    level: k.level,
    unit: k.unit,
    direction: k.direction,
    owner: k.owner ?? null,
    status: 'no_data',
    statusReason: '',
    actual: current.v,
    previous: previous.v,
    change: change !== null && Number.isFinite(change) ? change : null,
    baseline,
    target,
    progress: null,
    elapsedShare: null,
    pace: null,
  };
  if (current.v === null) {
    const unavailable = current.why.startsWith('unavailable');
    return {
      ...base,
      status: unavailable ? 'unavailable' : 'no_data',
      statusReason: unavailable ? current.why : `No data: ${current.why}.`,
      noDataReason: current.why,
    };
  }
  const actual = current.v;
  const shown = formatValue(k, actual);
  if (!target)
    return {
      ...base,
      status: 'no_target',
      statusReason: `${shown}; no target covers this period.`,
    };
  const tFrom = parseInstant(target.from);
  const tTo = parseInstant(target.to);
  if (additive && (tFrom !== from || tTo !== to))
    warnings.push({
      code: 'target_window_mismatch',
      kpi: k.id,
      message: `KPI "${k.name}" adds up events from ${isoOf(from).slice(0, 10)} to ${isoOf(to).slice(0, 10)}, but its target is for ${target.from.slice(0, 10)} to ${target.to.slice(0, 10)}: evaluate over the target's period to compare like with like.`,
    });
  const elapsed = Math.min(1, Math.max(0, (now - tFrom) / (tTo - tFrom)));
  const bands = target.bands ?? {};
  const shownTarget = formatValue(k, target.value);
  if (k.direction === 'neutral') {
    const tolerance = bands.tolerance ?? Math.abs(target.value) * 0.05;
    const distance = Math.abs(actual - target.value);
    const status: KpiStatus =
      distance <= tolerance ? 'on_track' : distance <= 2 * tolerance ? 'at_risk' : 'off_track';
    return {
      ...base,
      elapsedShare: elapsed,
      status,
      statusReason: `${shown} against a target of ${shownTarget} (±${formatValue(k, tolerance)} allowed).`,
    };
  }
  if (additive) return judgeRunningTotal(k, base, actual, target, elapsed);
  const better = (a: number, b: number) => (k.direction === 'increase' ? a >= b : a <= b);
  if (baseline === null) {
    const met = better(actual, target.value);
    const near = Math.abs(actual - target.value) <= Math.abs(target.value) * 0.1;
    return {
      ...base,
      elapsedShare: elapsed,
      status: met ? 'on_track' : near ? 'at_risk' : 'off_track',
      statusReason: `${shown} against a target of ${shownTarget}${met ? ' (reached)' : ''}; no baseline, so progress and pace are not computed.`,
    };
  }
  const progress =
    target.value === baseline
      ? better(actual, target.value)
        ? 1
        : 0
      : (actual - baseline) / (target.value - baseline);
  const pace = elapsed > 0 ? progress / elapsed : null;
  const { onTrackAt, atRiskAt } = paceBands(target);
  let status: KpiStatus;
  let why: string;
  const where = `${shown}: ${pctText(progress)} of the way from ${formatValue(k, baseline)} to ${shownTarget}`;
  if (progress >= 1) {
    status = 'on_track';
    why = `${where} — target reached.`;
  } else if (pace === null) {
    status = 'on_track';
    why = `${where}; the target period has not started yet.`;
  } else {
    status = pace >= onTrackAt ? 'on_track' : pace >= atRiskAt ? 'at_risk' : 'off_track';
    why = `${where} with ${pctText(elapsed)} of the target period gone (pace ${pace.toFixed(2)}).`;
  }
  return {
    ...base,
    progress: Number.isFinite(progress) ? progress : null,
    elapsedShare: elapsed,
    pace: pace !== null && Number.isFinite(pace) ? pace : null,
    status,
    statusReason: why,
  };
}

/**
 * Judges a count or sum against its target. Such a total starts from 0 in every period, so the total so far is
 * compared with the target taken pro rata to the time gone, not with a line from the baseline (which, for a total,
 * is last period's figure and is shown for comparison).
 *
 * - To increase: progress is the share of the target reached, and pace is progress ÷ time gone.
 * - To decrease: the target is a limit. Passing it is off track; otherwise the status comes from the total the
 *   period is on course for, against the limit (the bands read the other way: on track up to 1 ÷ `onTrackAt` of
 *   the limit). A share of a limit is not progress towards a goal, so `progress` and `pace` are null.
 */
function judgeRunningTotal(
  k: Kpi,
  base: Judged,
  actual: number,
  target: KpiTarget,
  elapsed: number,
): Judged {
  const shown = formatValue(k, actual);
  const shownTarget = formatValue(k, target.value);
  const { onTrackAt, atRiskAt } = paceBands(target);
  const last = k.baseline !== undefined ? `; last period ${formatValue(k, k.baseline)}` : '';
  const gone = `${pctText(elapsed)} of the target period gone`;
  const course =
    elapsed > 0 && elapsed < 1
      ? `, on course for about ${formatValue(k, round2(actual / elapsed))}`
      : '';
  const judged = { ...base, elapsedShare: elapsed };
  if (k.direction === 'increase') {
    const progress = target.value > 0 ? actual / target.value : actual >= target.value ? 1 : 0;
    const pace = elapsed > 0 ? progress / elapsed : null;
    const where = `${shown} of a target of ${shownTarget} (${pctText(progress)})`;
    let status: KpiStatus;
    let why: string;
    if (progress >= 1) {
      status = 'on_track';
      why = `${where}: target reached${last}.`;
    } else if (pace === null) {
      status = 'on_track';
      why = `${where}; the target period has not started yet${last}.`;
    } else {
      status = pace >= onTrackAt ? 'on_track' : pace >= atRiskAt ? 'at_risk' : 'off_track';
      why = `${where} with ${gone}${course} (pace ${pace.toFixed(2)})${last}.`;
    }
    return { ...judged, progress, pace, status, statusReason: why };
  }
  const limit = `a limit of ${shownTarget}`;
  let status: KpiStatus;
  let why: string;
  if (actual > target.value) {
    status = 'off_track';
    why = `${shown}: over ${limit}${last}.`;
  } else if (elapsed === 0) {
    status = 'on_track';
    why = `${shown} of ${limit}; the target period has not started yet${last}.`;
  } else if (elapsed >= 1) {
    status = 'on_track';
    why = `${shown}: within ${limit} for the whole period${last}.`;
  } else {
    const use = target.value > 0 ? actual / elapsed / target.value : actual === 0 ? 0 : Infinity;
    status = use <= 1 / onTrackAt ? 'on_track' : use <= 1 / atRiskAt ? 'at_risk' : 'off_track';
    why = `${shown} of ${limit} with ${gone}${course}${last}.`;
  }
  return { ...judged, progress: null, pace: null, status, statusReason: why };
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

function objectiveResults(
  tree: GoalTree,
  kpis: KpiResult[],
  vanity: readonly string[],
): ObjectiveResult[] {
  const byId = new Map(tree.objectives.map((o) => [o.id, o]));
  const children = new Map<string, string[]>();
  for (const o of tree.objectives)
    if (o.parent !== undefined) children.set(o.parent, [...(children.get(o.parent) ?? []), o.id]);
  const statusMemo = new Map<string, KpiStatus>();
  const statusOf = (id: string): KpiStatus => {
    const memo = statusMemo.get(id);
    if (memo) return memo;
    const statuses = kpis.filter((k) => k.objective === id).map((k) => k.status);
    for (const c of children.get(id) ?? []) statuses.push(statusOf(c));
    let status: KpiStatus = 'no_data';
    if (statuses.length > 0) {
      const order = statuses.map((s) => STATUS_ORDER.indexOf(s));
      status = STATUS_ORDER[Math.min(...order)]!;
      // "no data" wins over "unavailable" only when something had data; all-unavailable stays unavailable.
    }
    statusMemo.set(id, status);
    return status;
  };
  const depthOf = (id: string): number => {
    let d = 0;
    let p = byId.get(id)?.parent;
    while (p !== undefined && d < tree.objectives.length) {
      d++;
      p = byId.get(p)?.parent;
    }
    return d;
  };
  const vanitySet = new Set(vanity);
  return tree.objectives.map((o) => ({
    objective: o.id,
    name: o.name,
    department: o.department ?? null,
    parent: o.parent ?? null,
    depth: depthOf(o.id),
    kpis: kpis.filter((k) => k.objective === o.id).map((k) => k.kpi),
    status: statusOf(o.id),
    vanity: vanitySet.has(o.id),
  }));
}
