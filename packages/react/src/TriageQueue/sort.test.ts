import { describe, expect, it } from 'vitest';
import { queueItems } from '../test/fixtures';
import { sortRows } from './sort';

describe('sortRows', () => {
  const rows = queueItems(200);

  it('sorts numbers both ways, ties in queue order', () => {
    const desc = sortRows(rows, [{ id: 'priority', desc: true }]);
    for (let i = 1; i < desc.length; i++) {
      const a = desc[i - 1]!;
      const b = desc[i]!;
      expect(
        a.priority > b.priority || (a.priority === b.priority && a.position < b.position),
      ).toBe(true);
    }
    const asc = sortRows(rows, [{ id: 'priority', desc: false }]);
    expect(asc[0]!.priority).toBe(Math.min(...rows.map((r) => r.priority)));
  });

  it('puts rows without an SLA clock last in both directions', () => {
    for (const desc of [false, true]) {
      const out = sortRows(rows, [{ id: 'sla', desc }]);
      const firstMissing = out.findIndex((r) => !r.sla);
      expect(out.slice(firstMissing).every((r) => !r.sla)).toBe(true);
      expect(out).toHaveLength(rows.length);
    }
  });

  it('sorts text case-insensitively by department name', () => {
    const out = sortRows(rows, [{ id: 'department', desc: false }], {
      service: 'Alpha',
      logistics: 'beta',
    });
    expect(out[0]!.department).toBe('service');
  });

  it('keeps the queue order without a sort or for an unknown column', () => {
    expect(sortRows(rows, [])).toBe(rows);
    expect(sortRows(rows, [{ id: 'text', desc: false }])).toBe(rows);
  });
});
