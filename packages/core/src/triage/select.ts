/**
 * The `k` smallest items by `compare`, sorted, without sorting everything: a bounded max-heap, O(n log k).
 *
 * `cheapKey` (optional) lets most items be rejected with one number comparison once the heap is full:
 * items whose key is greater than the current worst key are skipped without calling `compare`, so `compare`
 * must order by that key first.
 *
 * @example
 * ```ts
 * smallestK([5, 1, 4, 2, 3], 2, (a, b) => a - b); // [1, 2]
 * ```
 */
export function smallestK<T>(
  items: Iterable<T>,
  k: number,
  compare: (a: T, b: T) => number,
  cheapKey?: (item: T) => number,
): T[] {
  const heap: T[] = [];
  if (k <= 0) return heap;
  let worstKey = Infinity;
  for (const item of items) {
    if (heap.length < k) {
      heap.push(item);
      siftUp(heap, heap.length - 1, compare);
      if (heap.length === k && cheapKey) worstKey = cheapKey(heap[0]!);
      continue;
    }
    if (cheapKey && cheapKey(item) > worstKey) continue;
    if (compare(item, heap[0]!) >= 0) continue;
    heap[0] = item;
    siftDown(heap, 0, compare);
    if (cheapKey) worstKey = cheapKey(heap[0]!);
  }
  return heap.sort(compare);
}

// Max-heap by `compare` (the root is the worst of the kept items).
function siftUp<T>(heap: T[], i: number, compare: (a: T, b: T) => number): void {
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (compare(heap[i]!, heap[parent]!) <= 0) return;
    [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
    i = parent;
  }
}

function siftDown<T>(heap: T[], i: number, compare: (a: T, b: T) => number): void {
  for (;;) {
    const l = 2 * i + 1;
    const r = l + 1;
    let top = i;
    if (l < heap.length && compare(heap[l]!, heap[top]!) > 0) top = l;
    if (r < heap.length && compare(heap[r]!, heap[top]!) > 0) top = r;
    if (top === i) return;
    [heap[i], heap[top]] = [heap[top]!, heap[i]!];
    i = top;
  }
}
