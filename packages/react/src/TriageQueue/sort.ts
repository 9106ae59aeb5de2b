import type { QueueItem } from '@rapport/core';
import type { SortingState } from '@tanstack/react-table';
import { toEpoch } from '../internal/format';

type Key = (item: QueueItem, names: Record<string, string>) => number | string | undefined;

/** Sort keys per sortable column: numbers compare as numbers, text case-insensitively; undefined sorts last. */
const KEYS: Record<string, Key> = {
  priority: (r) => r.priority,
  // Time to breach orders like the due time within one queue snapshot, without parsing 100,000 dates.
  sla: (r) => r.sla?.timeToBreach,
  department: (r, names) => (names[r.department] ?? r.department).toLowerCase(),
  author: (r) => authorKey(r.customer),
  platform: (r) => r.platform,
  // The column shows how long the customer has waited (now − waitingSince), so an earlier start is a longer
  // wait: the key is the negated start, and descending puts the longest wait first whatever "now" is.
  waiting: (r) => -epochOf(r.waitingSince),
};

/**
 * The text the Customer column shows (`personLabel`: the handle, else the name, else the id), case-insensitive and
 * without the handle's leading `@` (`@dana` and `dana` are the same customer). Read once per row, like every key.
 */
function authorKey(c: QueueItem['customer']): string {
  const handle = c.handle ? c.handle.trim().replace(/^@+/, '') : '';
  return (handle || c.name?.trim() || c.id).toLowerCase();
}

const collators = new Map<string, (x: string, y: string) => number>();

function collator(locale: string | undefined): (x: string, y: string) => number {
  const key = locale ?? '';
  let compare = collators.get(key);
  if (!compare) {
    compare = new Intl.Collator(locale, { sensitivity: 'base' }).compare;
    collators.set(key, compare);
  }
  return compare;
}

const parsed = new Map<string, number>();

/** Epoch ms of an ISO date, remembered (queues repeat the same instants across refreshes). */
function epochOf(iso: string): number {
  let ms = parsed.get(iso);
  if (ms === undefined) {
    ms = toEpoch(iso);
    if (parsed.size > 200_000) parsed.clear();
    parsed.set(iso, ms);
  }
  return ms;
}

/**
 * The rows in the order of `sorting` (the first sort only), stable: ties keep the core's queue order.
 *
 * Keys are read once per row and the sort runs on an index array, so 100,000 rows sort in tens of milliseconds
 * (a comparator that reads cells on every comparison takes about a second).
 */
export function sortRows(
  rows: readonly QueueItem[],
  sorting: SortingState,
  departmentNames: Record<string, string> = {},
  locale?: string,
): readonly QueueItem[] {
  const sort = sorting[0];
  const key = sort ? KEYS[sort.id] : undefined;
  if (!sort || !key) return rows;
  const n = rows.length;
  // Rows without a key (no SLA clock) go last in either direction, in queue order.
  const missing: number[] = [];
  const present: number[] = [];
  const numbers = new Float64Array(n);
  const texts: string[] = [];
  let numeric = true;
  for (let i = 0; i < n; i++) {
    const k = key(rows[i]!, departmentNames);
    if (k === undefined || (typeof k === 'number' && !Number.isFinite(k))) {
      missing.push(i);
      continue;
    }
    present.push(i);
    if (typeof k === 'number') numbers[i] = k;
    else {
      numeric = false;
      texts[i] = k;
    }
  }
  const dir = sort.desc ? -1 : 1;
  const order = numeric
    ? (countingOrder(present, numbers, sort.desc) ?? packedOrder(present, numbers, sort.desc))
    : undefined;
  if (order) return assemble(rows, order, missing);
  return assemble(rows, comparisonOrder(present, numeric, numbers, texts, dir, locale), missing);
}

/** A comparison sort on an index array with monomorphic comparators (ties keep queue order). */
function comparisonOrder(
  present: number[],
  numeric: boolean,
  numbers: Float64Array,
  texts: string[],
  dir: number,
  locale?: string,
): Uint32Array {
  const order = Uint32Array.from(present);
  // Monomorphic comparators over typed keys: about 1.7 million comparisons for 100,000 rows.
  if (numeric) order.sort((a, b) => dir * (numbers[a]! - numbers[b]!) || a - b);
  else {
    // Text in the reader's alphabet: "Émile" with the Es, not after "Zoé" (code-unit order put every accented
    // capital after z). Ties keep queue order.
    const compare = collator(locale);
    order.sort((a, b) => dir * compare(texts[a]!, texts[b]!) || a - b);
  }
  return order;
}

/**
 * A stable counting sort for small whole-number keys (priorities 0..100): linear time, no comparisons.
 * Returns undefined when the keys are not whole numbers in a range of at most 65,536.
 */
function countingOrder(
  present: number[],
  keys: Float64Array,
  desc: boolean,
): Uint32Array | undefined {
  if (present.length === 0) return new Uint32Array(0);
  let min = Infinity;
  let max = -Infinity;
  for (const i of present) {
    const k = keys[i]!;
    if (!Number.isInteger(k)) return undefined;
    if (k < min) min = k;
    if (k > max) max = k;
  }
  const range = max - min + 1;
  if (range > 65_536) return undefined;
  const counts = new Uint32Array(range + 1);
  const slot = (k: number) => (desc ? max - k : k - min);
  for (const i of present) counts[slot(keys[i]!) + 1]! += 1;
  for (let s = 1; s <= range; s++) counts[s]! += counts[s - 1]!;
  const order = new Uint32Array(present.length);
  for (const i of present) order[counts[slot(keys[i]!)]!++] = i;
  return order;
}

/**
 * Whole-number keys (epoch milliseconds) with the row index packed into the low bits of one float, sorted by the
 * engine's native numeric sort without a comparator. Undefined when the packed values would exceed 2^53.
 */
function packedOrder(
  present: number[],
  keys: Float64Array,
  desc: boolean,
): Uint32Array | undefined {
  let min = Infinity;
  let max = -Infinity;
  for (const i of present) {
    const k = keys[i]!;
    if (!Number.isInteger(k)) return undefined;
    if (k < min) min = k;
    if (k > max) max = k;
  }
  const slots = 2 ** Math.max(1, Math.ceil(Math.log2(keys.length + 1)));
  if ((max - min + 1) * slots > Number.MAX_SAFE_INTEGER) return undefined;
  const packed = new Float64Array(present.length);
  let j = 0;
  for (const i of present) packed[j++] = (desc ? max - keys[i]! : keys[i]! - min) * slots + i;
  packed.sort();
  const order = new Uint32Array(present.length);
  for (let p = 0; p < packed.length; p++) order[p] = packed[p]! % slots;
  return order;
}

function assemble(rows: readonly QueueItem[], order: Uint32Array, missing: number[]): QueueItem[] {
  const out = new Array<QueueItem>(rows.length);
  let j = 0;
  for (const i of order) out[j++] = rows[i]!;
  for (const i of missing) out[j++] = rows[i]!;
  return out;
}
