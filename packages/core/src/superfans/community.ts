import {
  computeMemberFacts,
  isExcludedMember,
  mayProfile,
  memberSlice,
  rankCommunity,
  resolveSuperfanOptions,
  wellFormed,
  type MemberFacts,
} from './detect';
import { mergeConsent } from '../model/consent';
import { isoToMs, readNow } from './time';
import type {
  CommunityReport,
  CommunityState,
  IgnoredCounts,
  Interaction,
  MemberInfo,
  MemberReport,
  SuperfanOptions,
} from './types';

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sortState(interactions: Interaction[], members: MemberInfo[]): CommunityState {
  const ms = new Map<Interaction, number>();
  for (const it of interactions) ms.set(it, isoToMs(it.at));
  interactions.sort(
    (a, b) =>
      compareIds(a.memberId, b.memberId) || ms.get(a)! - ms.get(b)! || compareIds(a.id, b.id),
  );
  members.sort((a, b) => compareIds(a.id, b.id));
  return { version: 1, interactions, members };
}

/**
 * Serialisable state of a community from interactions and a member directory: one interaction per id (the first
 * wins), interactions with unreadable dates left out, everything sorted so equal inputs give equal JSON.
 *
 * @example
 * ```ts
 * const state = toCommunityState(interactions, members);
 * await fetch('/state', { method: 'PUT', body: JSON.stringify(state) });
 * ```
 */
export function toCommunityState(
  interactions: readonly Interaction[],
  members: readonly MemberInfo[] = [],
): CommunityState {
  return mergeCommunityStates(
    { version: 1, interactions: [...interactions], members: [...members] },
    { version: 1, interactions: [], members: [] },
  );
}

/**
 * Merges two community states (`merge(a, b)`): the union of their interactions (one per id, `a`'s copy wins)
 * and of their member directories (`a`'s fields win, except consent: the record made later wins, and without
 * dates a "no" in either wins, so an objection made in one shard is never lost).
 *
 * Members sharded across workers give, once merged, exactly the report one process would give: reports are
 * computed from the merged state, and every member's numbers depend only on their own interactions. Associative,
 * and commutative when no id appears in both with different content.
 *
 * @example
 * ```ts
 * const state = mergeCommunityStates(workerA.state(), workerB.state());
 * const report = detectSuperfans(state.interactions, { now, members: state.members });
 * ```
 */
export function mergeCommunityStates(a: CommunityState, b: CommunityState): CommunityState {
  const seen = new Set<string>();
  const interactions: Interaction[] = [];
  for (const list of [a.interactions, b.interactions])
    for (const it of list) {
      if (seen.has(it.id) || !(isoToMs(it.at) === isoToMs(it.at))) continue;
      seen.add(it.id);
      interactions.push(it);
    }
  const members = new Map<string, MemberInfo>();
  for (const m of b.members) members.set(m.id, m);
  for (const m of a.members) members.set(m.id, mergeMember(m, members.get(m.id)));
  return sortState(interactions, [...members.values()]);
}

/** One member from two directories: `first`'s fields win, consent is merged (see mergeConsent). */
function mergeMember(first: MemberInfo, second: MemberInfo | undefined): MemberInfo {
  if (second === undefined) return first;
  const { consent: _, ...merged } = { ...second, ...first };
  const consent = mergeConsent(first.consent, second.consent);
  return consent === undefined ? merged : { ...merged, consent };
}

/** Options of a community shell: those of `detectSuperfans` without `now` and `previous`, which it manages. */
export type CommunityOptions = Omit<SuperfanOptions, 'now' | 'previous' | 'members'>;

/** A live community: add interactions one at a time, get a report at any `now`, subscribe from a UI. */
export interface Community {
  /** Adds one interaction; false when its id was already counted or its date cannot be read. */
  add(interaction: Interaction): boolean;
  /** Adds many; returns how many were new. */
  addMany(interactions: readonly Interaction[]): number;
  /** Adds or replaces members of the directory (staff, bots, followers, sanctions). Recomputes everyone next time. */
  setMembers(members: readonly MemberInfo[]): void;
  /**
   * Merges another shard's state into this one, as `mergeCommunityStates(this.state(), state)` would: this
   * community's member fields win, except consent (an objection from either side is kept).
   */
  merge(state: CommunityState): void;
  /**
   * The ranked report at `now` (ISO 8601 with a zone; missing or unreadable, it throws a RangeError). Only
   * members changed since the last report at the same `now` are recomputed; a new `now` recomputes everyone
   * (decay and windows move). The last report at an earlier `now` is the `previous` for hysteresis and alerts.
   * Notifies subscribers.
   */
  report(now: string): CommunityReport;
  /** The serialisable state (for storage or `mergeCommunityStates`). */
  state(): CommunityState;
  /** For `useSyncExternalStore`: called after each `report`. Returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** The last report, or undefined before the first `report(now)`. */
  getSnapshot(): CommunityReport | undefined;
}

interface MemberGroup {
  items: Interaction[];
  ms: number[];
}

interface CachedFacts {
  facts: MemberFacts | undefined;
  future: number;
}

/**
 * Creates a live community: a thin stateful shell around `detectSuperfans` with incremental updates.
 *
 * `add` files the interaction under its member (O(log k) for a member with k interactions) and marks only that
 * member for recomputation; `report(now)` at the same `now` recomputes just the marked members, then re-ranks
 * (percentiles need everyone's numbers, but no other interaction is read). Reports equal `detectSuperfans`
 * over the same interactions.
 *
 * @example
 * ```ts
 * const community = createCommunity({ halfLifeDays: 60 }, savedState);
 * community.add({ id: 'a1', memberId: 'ana', at: '2026-11-22T09:00:00Z', channel: 'forum', type: 'answer', targetMemberId: 'ben' });
 * const report = community.report('2026-11-22T10:00:00Z');
 * ```
 */
export function createCommunity(
  options: CommunityOptions = {},
  initial?: CommunityState,
): Community {
  const groups = new Map<string, MemberGroup>();
  const ids = new Set<string>();
  const directory = new Map<string, MemberInfo>();
  const cache = new Map<string, CachedFacts>();
  const dirty = new Set<string>();
  const listeners = new Set<() => void>();
  let cacheNow = Number.NaN;
  let duplicates = 0;
  let invalid = 0;
  let last: CommunityReport | undefined;
  let lastPrevious: CommunityReport | undefined;
  // Member reports of the last report, by the facts they were made from: shared again when nothing changed.
  let lastByFacts: Map<MemberFacts, MemberReport> | undefined;

  const add = (it: Interaction): boolean => {
    // Malformed records count as invalid, as in detectSuperfans (checked first: they may have no id).
    if (!wellFormed(it)) {
      invalid++;
      return false;
    }
    if (ids.has(it.id)) {
      duplicates++;
      return false;
    }
    const t = isoToMs(it.at);
    if (t !== t) {
      invalid++;
      return false;
    }
    ids.add(it.id);
    let g = groups.get(it.memberId);
    if (!g) {
      g = { items: [], ms: [] };
      groups.set(it.memberId, g);
    }
    // Most recent first, ties by id: binary search for the slot.
    let lo = 0;
    let hi = g.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const d = g.ms[mid]! - t;
      if (d > 0 || (d === 0 && g.items[mid]!.id < it.id)) lo = mid + 1;
      else hi = mid;
    }
    if (lo === g.items.length) {
      g.items.push(it);
      g.ms.push(t);
    } else {
      g.items.splice(lo, 0, it);
      g.ms.splice(lo, 0, t);
    }
    dirty.add(it.memberId);
    return true;
  };

  const addMany = (list: readonly Interaction[]): number => {
    if (!Array.isArray(list))
      throw new RangeError(
        'addMany takes an array of interactions (from interactionsFromMentions, pass its .interactions).',
      );
    let added = 0;
    for (const it of list) if (add(it)) added++;
    return added;
  };

  /** The directory changed: everyone is recomputed at the next report. */
  const directoryChanged = (): void => {
    cacheNow = Number.NaN;
    lastByFacts = undefined;
  };

  const setMembers = (members: readonly MemberInfo[]): void => {
    for (const m of members) directory.set(m.id, { ...directory.get(m.id), ...m });
    directoryChanged();
  };

  const merge = (state: CommunityState): void => {
    addMany(state.interactions);
    if (state.members.length === 0) return;
    for (const m of state.members) {
      const known = directory.get(m.id);
      directory.set(m.id, known === undefined ? { ...m } : mergeMember(known, m));
    }
    directoryChanged();
  };

  if (initial) merge(initial);

  const report = (now: string): CommunityReport => {
    // A missing or unreadable now throws the RangeError of detectSuperfans before anything is touched.
    const nowMs = readNow(now);
    let previous: CommunityReport | undefined;
    if (last && isoToMs(last.now) === nowMs) previous = lastPrevious;
    else if (last && isoToMs(last.now) < nowMs) previous = last;
    const o = resolveSuperfanOptions({
      ...options,
      now,
      members: [...directory.values()],
      ...(previous && { previous }),
    });
    const full = o.nowMs !== cacheNow;
    const reusable =
      !full && last !== undefined && previous === lastPrevious ? lastByFacts : undefined;
    if (full) cache.clear();
    const todo = full ? groups.keys() : dirty.values();
    for (const memberId of todo) {
      const g = groups.get(memberId);
      const info = directory.get(memberId);
      if (!g || isExcludedMember(info) || !mayProfile(info, o.profilingBasis)) {
        cache.delete(memberId);
        continue;
      }
      let start = 0;
      while (start < g.ms.length && g.ms[start]! > o.nowMs) start++;
      const facts =
        start === g.items.length
          ? undefined
          : computeMemberFacts(memberId, memberSlice(g.items, g.ms, start, o), o);
      cache.set(memberId, { facts, future: start });
    }
    dirty.clear();
    cacheNow = o.nowMs;

    const facts: MemberFacts[] = [];
    const ignored: IgnoredCounts = {
      future: 0,
      excluded: 0,
      duplicates,
      invalid,
      withoutConsent: 0,
    };
    let counted = 0;
    for (const entry of cache.values()) {
      ignored.future += entry.future;
      if (entry.facts) {
        facts.push(entry.facts);
        counted += entry.facts.interactions;
      }
    }
    const excludedMembers = new Set<string>();
    let withoutConsent = 0;
    for (const [memberId, g] of groups) {
      const info = directory.get(memberId);
      const excluded = isExcludedMember(info);
      if (!excluded && mayProfile(info, o.profilingBasis)) continue;
      for (const t of g.ms) {
        if (t > o.nowMs) ignored.future++;
        else if (excluded) ignored.excluded++;
        else ignored.withoutConsent++;
      }
      if (g.ms.some((t) => t <= o.nowMs)) {
        if (excluded) excludedMembers.add(memberId);
        else withoutConsent++;
      }
    }
    const result = rankCommunity(
      facts,
      o,
      ignored,
      excludedMembers,
      withoutConsent,
      counted,
      false,
      reusable,
    );
    lastByFacts = new Map();
    for (const m of result.members) {
      const f = cache.get(m.memberId)?.facts;
      if (f) lastByFacts.set(f, m);
    }
    lastPrevious = previous;
    last = result;
    for (const listener of [...listeners]) listener();
    return result;
  };

  const state = (): CommunityState => {
    const interactions: Interaction[] = [];
    const memberIds = [...groups.keys()].sort(compareIds);
    for (const id of memberIds) {
      const g = groups.get(id)!;
      for (let i = g.items.length - 1; i >= 0; i--) interactions.push(g.items[i]!);
    }
    return sortState(interactions, [...directory.values()]);
  };

  return {
    add: (it) => add(it),
    addMany,
    setMembers,
    merge,
    report,
    state,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    getSnapshot: () => last,
  };
}
