import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StringIndex, repeats } from './strings';

describe('StringIndex', () => {
  it('numbers distinct strings in order of first appearance, like a Map', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 6 }), { maxLength: 500 }), (keys) => {
        const index = new StringIndex(4);
        const map = new Map<string, number>();
        for (const k of keys) {
          const known = map.get(k);
          const got = index.add(k);
          if (known === undefined) {
            map.set(k, map.size);
            expect(got).toBe(map.size - 1);
          } else expect(got).toBe(-1 - known);
        }
        for (const [k, v] of map) expect(index.indexOf(k)).toBe(v);
        expect(index.indexOf('\u0000absent')).toBe(
          map.has('\u0000absent') ? map.get('\u0000absent') : -1,
        );
        expect(index.keys).toEqual([...map.keys()]);
      }),
    );
  });

  it('keeps its own table for ordinary ids (the probe budget is not spent on normal collisions)', () => {
    const index = new StringIndex(1);
    for (let i = 0; i < 200_000; i++) index.add(`i${i}`);
    for (let i = 0; i < 200_000; i += 7) expect(index.indexOf(`i${i}`)).toBe(i);
    expect(index.degraded).toBe(false);
  });

  it('stays correct when it gives up on its table for a Map (as it does under crafted collisions)', () => {
    const index = new StringIndex(1, -1e9);
    const keys = Array.from({ length: 5000 }, (_, i) => `k${i}`);
    for (const k of keys) index.add(k);
    for (const k of keys) expect(index.add(k)).toBe(-1 - keys.indexOf(k));
    expect(index.size).toBe(5000);
    expect(index.degraded).toBe(true);
    expect(index.indexOf('k4999')).toBe(4999);
    expect(index.indexOf('nope')).toBe(-1);
  });
});

describe('repeats', () => {
  it('flags every copy after the first, like a Set', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 3 }), { maxLength: 500 }), (keys) => {
        const seen = new Set<string>();
        const expected = keys.map((k) => (seen.has(k) ? 1 : (seen.add(k), 0)));
        expect([...repeats(keys)]).toEqual(expected);
      }),
    );
  });

  it('sorts out large groups of equal hashes (twenty copies of each id) as well as small ones', () => {
    const keys = Array.from({ length: 2000 }, (_, i) => `k${i % 100}`);
    const flags = repeats(keys);
    expect(flags.slice(0, 100).every((f) => f === 0)).toBe(true);
    expect(flags.slice(100).every((f) => f === 1)).toBe(true);
  });
});
