/** The result of `radixOrder`: positions in key order, and the keys in that order. */
export interface RadixOrder {
  /** Positions `0..n-1` of the keys, in ascending order of key; equal keys keep their order. */
  order: Int32Array;
  /** `keys[order[j]]` at `j`. */
  sorted: Float64Array;
}

const DIGIT_BITS = 12;
const DIGITS = 1 << DIGIT_BITS;

/**
 * Orders positions by key (ascending, stable) with a least-significant-digit radix sort in 12-bit digits.
 *
 * Keys are numbers from 0 to `maxKey` (at most 2^53 - 1), compared by their whole part: keys with the same whole
 * part keep their order, so a caller with fractions must finish those itself. Linear time: a million 36-bit keys
 * take three passes, several times faster than a comparison sort, and no callback is called.
 *
 * @example
 * ```ts
 * radixOrder(new Float64Array([30, 10, 20]), 30).order; // Int32Array [1, 2, 0]
 * ```
 */
export function radixOrder(keys: Float64Array, maxKey: number): RadixOrder {
  const n = keys.length;
  let order = new Int32Array(n);
  for (let j = 0; j < n; j++) order[j] = j;
  let sorted = keys.slice();
  let nextOrder = new Int32Array(n);
  let nextSorted = new Float64Array(n);
  const starts = new Int32Array(DIGITS);
  for (let scale = 1; scale <= maxKey; scale *= DIGITS) {
    starts.fill(0);
    for (let j = 0; j < n; j++) starts[Math.floor(sorted[j]! / scale) & (DIGITS - 1)]!++;
    // A digit every key shares (the high digits of close dates) needs no pass.
    if (n === 0 || starts[Math.floor(sorted[0]! / scale) & (DIGITS - 1)] === n) continue;
    let at = 0;
    for (let d = 0; d < DIGITS; d++) {
      const c = starts[d]!;
      starts[d] = at;
      at += c;
    }
    for (let j = 0; j < n; j++) {
      const key = sorted[j]!;
      const to = starts[Math.floor(key / scale) & (DIGITS - 1)]!++;
      nextOrder[to] = order[j]!;
      nextSorted[to] = key;
    }
    [order, nextOrder] = [nextOrder, order];
    [sorted, nextSorted] = [nextSorted, sorted];
  }
  return { order, sorted };
}
