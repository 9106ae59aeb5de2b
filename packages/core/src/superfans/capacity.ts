import type {
  CapacityAssignment,
  CapacityOptions,
  CapacityPlan,
  CommunityReport,
  StaffLoad,
  StaffMember,
} from './types';

/** Relationships one person fully committed online can hold (Dunbar's number). */
export const RELATIONSHIPS_PER_PERSON = 150;

/**
 * Fits the superfan list to what the staff can actually hold: about 150 relationships per person committed online.
 *
 * Each staff member holds `floor(perPerson × commitment)` relationships (commitment 0..1, default 1; anything
 * else, NaN included, throws a RangeError naming the staff member). Superfans are assigned in rank order: an
 * existing owner (from `options.owners`) is kept while they are on staff and have room; everyone else goes to the
 * staff member with the most room left (ties by id), which balances the load.
 * Superfans beyond capacity are listed in `uncovered`, highest rank first. With `fillWithCandidates`, spare room
 * goes to the highest-ranked non-superfans. Deterministic.
 *
 * @example
 * ```ts
 * const plan = planCapacity(report, [{ id: 'sam' }, { id: 'kim', commitment: 0.5 }]);
 * plan.capacity; // 225
 * plan.summary; // "2 staff can hold 225 relationships; 240 superfans: 15 uncovered"
 * ```
 */
export function planCapacity(
  report: CommunityReport,
  staff: readonly StaffMember[],
  options: CapacityOptions = {},
): CapacityPlan {
  const perPerson = options.perPerson ?? RELATIONSHIPS_PER_PERSON;
  if (!(perPerson >= 0 && perPerson < Infinity))
    throw new RangeError(`perPerson must be a finite number, zero or more, got ${perPerson}`);
  const owners = options.owners ?? {};
  const load = new Map<string, StaffLoad>();
  for (const s of staff) {
    const commitment: unknown = s.commitment ?? 1;
    // Checked before the repeat test below, so a bad value is reported wherever it appears.
    if (typeof commitment !== 'number' || !(commitment >= 0 && commitment <= 1))
      throw new RangeError(
        `commitment of staff member ${JSON.stringify(s.id)} must be a number from 0 to 1 (the share of their time online), got ${typeof commitment === 'string' ? JSON.stringify(commitment) : String(commitment)}`,
      );
    if (load.has(s.id)) continue;
    load.set(s.id, { staffId: s.id, capacity: Math.floor(perPerson * commitment), assigned: 0 });
  }
  const loads = [...load.values()].sort((a, b) =>
    a.staffId < b.staffId ? -1 : a.staffId > b.staffId ? 1 : 0,
  );
  const capacity = loads.reduce((s, l) => s + l.capacity, 0);

  const assignments: CapacityAssignment[] = [];
  const uncovered: string[] = [];
  const superfans = report.members.filter((m) => m.superfan);
  // Existing owners first, so a newcomer never takes the seat of someone who already has a relationship.
  const pending: typeof superfans = [];
  const assigned = new Map<string, CapacityAssignment>();
  for (const m of superfans) {
    const owner = owners[m.memberId];
    const l = owner === undefined ? undefined : load.get(owner);
    if (l && l.assigned < l.capacity) {
      l.assigned++;
      assigned.set(m.memberId, {
        memberId: m.memberId,
        staffId: l.staffId,
        kept: true,
        superfan: true,
      });
    } else pending.push(m);
  }
  const emptiest = (): StaffLoad | undefined => {
    let best: StaffLoad | undefined;
    for (const l of loads) {
      const room = l.capacity - l.assigned;
      if (room <= 0) continue;
      // Most room left in proportion, so part-time staff are not filled first.
      if (!best || room / l.capacity > (best.capacity - best.assigned) / best.capacity) best = l;
    }
    return best;
  };
  for (const m of pending) {
    const l = emptiest();
    if (!l) {
      uncovered.push(m.memberId);
      continue;
    }
    l.assigned++;
    assigned.set(m.memberId, {
      memberId: m.memberId,
      staffId: l.staffId,
      kept: false,
      superfan: true,
    });
  }
  for (const m of superfans) {
    const a = assigned.get(m.memberId);
    if (a) assignments.push(a);
  }
  if (options.fillWithCandidates) {
    for (const m of report.members) {
      if (m.superfan || m.score <= 0) continue;
      const owner = owners[m.memberId];
      let l = owner === undefined ? undefined : load.get(owner);
      const kept = l !== undefined && l.assigned < l.capacity;
      if (!kept) l = emptiest();
      if (!l) break;
      l.assigned++;
      assignments.push({ memberId: m.memberId, staffId: l.staffId, kept, superfan: false });
    }
  }
  const superfanSeats = superfans.length - uncovered.length;
  const spare = Math.max(0, capacity - superfanSeats);
  const summary =
    `${loads.length} staff can hold ${capacity} relationships; ${superfans.length} superfans` +
    (uncovered.length > 0 ? `: ${uncovered.length} uncovered` : `: all covered, ${spare} spare`);
  return {
    capacity,
    assignments,
    load: loads.map((l) => ({ ...l })),
    uncovered,
    overflow: uncovered.length,
    spare,
    summary,
  };
}
