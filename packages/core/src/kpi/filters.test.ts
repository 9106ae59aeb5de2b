import { describe, expect, it } from 'vitest';
import { compileFilter, compileFilters } from './filters';

describe('compileFilters', () => {
  const e = { platform: 'x', likes: 12, when: '2026-11-02', isBot: false, note: null };

  it('compares with eq/neq/in/not_in, and eq null also matches a missing field', () => {
    expect(compileFilter({ field: 'platform', op: 'eq', value: 'x' })(e)).toBe(true);
    expect(compileFilter({ field: 'platform', op: 'neq', value: 'x' })(e)).toBe(false);
    expect(compileFilter({ field: 'platform', op: 'in', value: ['x', 'instagram'] })(e)).toBe(true);
    expect(compileFilter({ field: 'platform', op: 'not_in', value: ['x'] })(e)).toBe(false);
    expect(compileFilter({ field: 'note', op: 'eq', value: null })(e)).toBe(true);
    expect(compileFilter({ field: 'absent', op: 'eq', value: null })(e)).toBe(true);
    expect(compileFilter({ field: 'absent', op: 'neq', value: null })(e)).toBe(false);
  });

  it('orders numbers with numbers and strings with strings only', () => {
    expect(compileFilter({ field: 'likes', op: 'gt', value: 10 })(e)).toBe(true);
    expect(compileFilter({ field: 'likes', op: 'lte', value: 11 })(e)).toBe(false);
    expect(compileFilter({ field: 'when', op: 'gte', value: '2026-11-01' })(e)).toBe(true);
    expect(compileFilter({ field: 'likes', op: 'gt', value: '10' })(e)).toBe(false);
    expect(compileFilter({ field: 'likes', op: 'lt', value: '99' })(e)).toBe(false);
  });

  it('tests presence, and combines with any / not / all', () => {
    expect(compileFilter({ field: 'note', op: 'exists' })(e)).toBe(false);
    expect(compileFilter({ field: 'note', op: 'missing' })(e)).toBe(true);
    const test = compileFilters([
      {
        any: [
          { field: 'platform', op: 'eq', value: 'tiktok' },
          { field: 'likes', op: 'gte', value: 12 },
        ],
      },
      { not: { field: 'isBot', op: 'eq', value: true } },
      { field: 'platform', op: 'exists' },
    ]);
    expect(test(e)).toBe(true);
    expect(test({ ...e, isBot: true })).toBe(false);
    expect(test({ ...e, likes: 1 })).toBe(false);
    expect(compileFilters(undefined)(e)).toBe(true);
  });
});
