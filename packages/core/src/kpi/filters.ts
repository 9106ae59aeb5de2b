import type { MetricFilter, MetricFilterValue } from './types';

/** A compiled filter: true when an event passes. */
export type GoalEventTest = (event: Record<string, unknown>) => boolean;

const always: GoalEventTest = () => true;

function compare(a: unknown, b: MetricFilterValue): number | undefined {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return undefined;
}

/**
 * Compiles declarative filters (all must pass) into one fast test; done once per measure, not per event.
 *
 * `eq`/`neq` compare with `===` (`eq null` also matches a missing field); `in`/`not_in` take a list;
 * `gt`/`gte`/`lt`/`lte` compare numbers with numbers or strings with strings (anything else fails);
 * `exists`/`missing` test for a value other than null/undefined. `{ any: [...] }` is "or", `{ not: f }` negates.
 *
 * @example
 * ```ts
 * const test = compileFilters([{ field: 'answered', op: 'eq', value: true }]);
 * test({ answered: true }); // true
 * ```
 */
export function compileFilters(filters: readonly MetricFilter[] | undefined): GoalEventTest {
  if (!filters || filters.length === 0) return always;
  const tests = filters.map(compileFilter);
  if (tests.length === 1) return tests[0]!;
  if (tests.length === 2) {
    const [a, b] = tests as [GoalEventTest, GoalEventTest];
    return (e) => a(e) && b(e);
  }
  return (e) => {
    for (const t of tests) if (!t(e)) return false;
    return true;
  };
}

/**
 * Compiles one filter into a test (see `compileFilters`).
 *
 * @example
 * ```ts
 * compileFilter({ not: { field: 'isBot', op: 'eq', value: true } })({ isBot: false }); // true
 * ```
 */
export function compileFilter(filter: MetricFilter): GoalEventTest {
  if ('any' in filter) {
    const tests = filter.any.map(compileFilter);
    return (e) => {
      for (const t of tests) if (t(e)) return true;
      return false;
    };
  }
  if ('not' in filter) {
    const inner = compileFilter(filter.not);
    return (e) => !inner(e);
  }
  const { field, op, value } = filter;
  switch (op) {
    case 'eq':
      if (value === null) return (e) => e[field] === null || e[field] === undefined;
      return (e) => e[field] === value;
    case 'neq':
      if (value === null) return (e) => e[field] !== null && e[field] !== undefined;
      return (e) => e[field] !== value;
    case 'in':
    case 'not_in': {
      const set = new Set<unknown>(Array.isArray(value) ? value : [value]);
      return op === 'in' ? (e) => set.has(e[field]) : (e) => !set.has(e[field]);
    }
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const v = value as MetricFilterValue;
      if (op === 'gt') return (e) => (compare(e[field], v) ?? -1) > 0;
      if (op === 'gte') return (e) => (compare(e[field], v) ?? -1) >= 0;
      if (op === 'lt') return (e) => (compare(e[field], v) ?? 1) < 0;
      return (e) => (compare(e[field], v) ?? 1) <= 0;
    }
    case 'exists':
      return (e) => e[field] !== undefined && e[field] !== null;
    case 'missing':
      return (e) => e[field] === undefined || e[field] === null;
  }
}

/** A field whose text, read as a boolean or number, would have passed a filter: what it held and what was asked. */
export interface TextMismatch {
  field: string;
  text: string;
  wanted: boolean | number;
}

/**
 * A test for events a filter turned away only because a field holds text where the filter compares with a boolean
 * or a number: `"true"` against `true`, `"12"` against `12` (CSV and spreadsheet exports write everything as text).
 * Returns the first such field of the event, or undefined; the whole function is undefined when no filter compares
 * with a boolean or a number. Run it only on events the filters turned away.
 *
 * @example
 * ```ts
 * const why = textMismatchTest([{ field: 'answered', op: 'eq', value: true }])!;
 * why({ answered: 'TRUE' })!.field; // 'answered'
 * ```
 */
export function textMismatchTest(
  filters: readonly MetricFilter[] | undefined,
): ((event: Record<string, unknown>) => TextMismatch | undefined) | undefined {
  const leaves: { field: string; values: (boolean | number)[] }[] = [];
  const visit = (f: MetricFilter) => {
    if ('any' in f) f.any.forEach(visit);
    else if ('not' in f) visit(f.not);
    else if (f.op !== 'exists' && f.op !== 'missing') {
      const list = Array.isArray(f.value) ? f.value : [f.value];
      const values = list.filter(
        (v): v is boolean | number => typeof v === 'boolean' || typeof v === 'number',
      );
      if (values.length > 0) leaves.push({ field: f.field, values });
    }
  };
  (filters ?? []).forEach(visit);
  if (leaves.length === 0) return undefined;
  return (e) => {
    for (const leaf of leaves) {
      const raw = e[leaf.field];
      if (typeof raw !== 'string') continue;
      const text = raw.trim().toLowerCase();
      for (const wanted of leaf.values) {
        if (
          typeof wanted === 'boolean'
            ? text === String(wanted)
            : text !== '' && Number(text) === wanted
        ) {
          return { field: leaf.field, text: raw, wanted };
        }
      }
    }
    return undefined;
  };
}
