import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { radixOrder } from './radix';

describe('radixOrder', () => {
  it('orders positions like a stable sort on the whole part of each key', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(fc.nat(5000), fc.nat(), fc.double({ min: 0, max: 2 ** 40, noNaN: true })),
          {
            maxLength: 400,
          },
        ),
        (list) => {
          const keys = Float64Array.from(list);
          const max = list.reduce((m, v) => Math.max(m, v), 0);
          const { order, sorted } = radixOrder(keys, max);
          const expected = list
            .map((_, i) => i)
            .sort((a, b) => Math.floor(list[a]!) - Math.floor(list[b]!) || a - b);
          expect([...order]).toEqual(expected);
          expect([...sorted]).toEqual(expected.map((i) => list[i]));
        },
      ),
    );
  });

  it('handles keys up to 2^53 - 1 and an empty list', () => {
    const big = Number.MAX_SAFE_INTEGER;
    expect([...radixOrder(new Float64Array([big, 0, big - 1, 2 ** 32]), big).order]).toEqual([
      1, 3, 2, 0,
    ]);
    expect(radixOrder(new Float64Array(0), 0).order.length).toBe(0);
  });
});
