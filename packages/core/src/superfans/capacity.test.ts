import { describe, expect, it } from 'vitest';
import { planCapacity } from './capacity';
import { detectSuperfans } from './detect';
import { NOW, weeklyHelper } from './test-helpers';
import type { CommunityReport, StaffMember } from './types';

function fakeReport(superfans: number, others = 0): CommunityReport {
  const base = detectSuperfans(weeklyHelper('x', 30), { now: NOW });
  const template = base.members[0]!;
  const members = Array.from({ length: superfans + others }, (_, i) => ({
    ...template,
    memberId: `m${String(i).padStart(4, '0')}`,
    rank: i + 1,
    score: 100 - i / 100,
    superfan: i < superfans,
    status: i < superfans ? ('superfan' as const) : ('member' as const),
  }));
  return { ...base, members, superfanCount: superfans };
}

describe('planCapacity', () => {
  it('holds about 150 relationships per person committed online and lists the overflow', () => {
    const plan = planCapacity(fakeReport(300), [{ id: 'sam' }, { id: 'kim', commitment: 0.5 }]);
    expect(plan.capacity).toBe(225);
    expect(plan.assignments).toHaveLength(225);
    expect(plan.uncovered).toHaveLength(75);
    expect(plan.overflow).toBe(75);
    expect(plan.uncovered[0]).toBe('m0225');
    expect(plan.spare).toBe(0);
    expect(plan.summary).toBe('2 staff can hold 225 relationships; 300 superfans: 75 uncovered');
  });

  it('keeps existing owners and balances the rest in proportion to commitment', () => {
    const owners = { m0000: 'kim', m0001: 'kim', m0002: 'gone' };
    const plan = planCapacity(fakeReport(90), [{ id: 'sam' }, { id: 'kim', commitment: 0.5 }], {
      owners,
    });
    expect(plan.assignments.find((a) => a.memberId === 'm0000')).toMatchObject({
      staffId: 'kim',
      kept: true,
    });
    expect(plan.assignments.find((a) => a.memberId === 'm0002')!.kept).toBe(false);
    const load = Object.fromEntries(plan.load.map((l) => [l.staffId, l.assigned]));
    expect(load.sam! + load.kim!).toBe(90);
    expect(load.sam! / 150).toBeCloseTo(load.kim! / 75, 1);
    expect(plan.uncovered).toEqual([]);
    expect(plan.spare).toBe(135);
  });

  it('fills spare capacity with the best non-superfans only when asked', () => {
    const report = fakeReport(2, 10);
    expect(planCapacity(report, [{ id: 'sam' }]).assignments).toHaveLength(2);
    const filled = planCapacity(report, [{ id: 'sam', commitment: 0.05 }], {
      fillWithCandidates: true,
    });
    expect(filled.capacity).toBe(7);
    expect(filled.assignments.map((a) => a.superfan)).toEqual([
      true,
      true,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('rejects a commitment that is not a number from 0 to 1, naming the staff member and the value', () => {
    const report = fakeReport(2);
    const cases: Array<[unknown, string]> = [
      [Number.NaN, 'NaN'],
      [-0.1, '-0.1'],
      [1.5, '1.5'],
      ['0.5', '"0.5"'],
    ];
    for (const [commitment, shown] of cases)
      expect(() =>
        planCapacity(report, [{ id: 'sam' }, { id: 'kim', commitment } as StaffMember]),
      ).toThrow(
        new RangeError(
          `commitment of staff member "kim" must be a number from 0 to 1 (the share of their time online), got ${shown}`,
        ),
      );
    expect(planCapacity(report, [{ id: 'kim', commitment: 0 }]).summary).toBe(
      '1 staff can hold 0 relationships; 2 superfans: 2 uncovered',
    );
    expect(() => planCapacity(report, [{ id: 'sam' }], { perPerson: Infinity })).toThrow(
      RangeError,
    );
  });
});
