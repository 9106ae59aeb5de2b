import {
  detectSpikes,
  detectSuperfans,
  evaluateGoals,
  planCapacity,
  type CapacityOptions,
  type CapacityPlan,
  type CommunityReport,
  type DepartmentLoad,
  type EvaluateOptions,
  type GoalEvent,
  type GoalReport,
  type GoalTree,
  type Interaction,
  type QueueFilter,
  type QueueItem,
  type SeriesBucket,
  type Spike,
  type SpikeDetector,
  type SpikeOptions,
  type SpikeSnapshot,
  type StaffMember,
  type SuperfanOptions,
  type Triage,
  type TriageSnapshot,
} from '@rapport/core';
import { useMemo, useSyncExternalStore } from 'react';
import { createClock } from '../clock/clock';
import { toEpoch } from '../internal/format';

/** A computed value, or the error the core threw for bad input (never both). */
export interface Computed<T> {
  value: T | undefined;
  error: Error | undefined;
}

function attempt<T>(fn: () => T): Computed<T> {
  try {
    return { value: fn(), error: undefined };
  } catch (e) {
    return { value: undefined, error: e instanceof Error ? e : new Error(String(e)) };
  }
}

export interface UseTriageOptions {
  /** Fixed "now" (ISO 8601 or epoch ms). By default the queue is recomputed every `refreshMs`. */
  now?: string | number;
  /** How often to recompute the queue and workload when `now` is not given (default 30,000 ms). */
  refreshMs?: number;
  /** The queue filter (keep it stable, e.g. with `useMemo`). Default: the first 100,000 open conversations. */
  filter?: QueueFilter;
}

export interface UseTriageResult {
  /** Open conversations, most urgent first, at `now`. */
  queue: QueueItem[];
  /** Load per department at `now`. */
  workload: DepartmentLoad[];
  /** The triage's snapshot (version and counts); changes on every ingest or action. */
  snapshot: TriageSnapshot;
  /** The moment the queue was computed for (ISO 8601); empty when `now` was not a valid moment. */
  now: string;
  /**
   * Why the queue could not be computed, such as a `now` that is not a date and time. The queue and workload are
   * then empty; the hook does not throw during render.
   */
  error: Error | undefined;
}

const noSubscribe = () => () => {};
const DEFAULT_FILTER: QueueFilter = { limit: 100_000 };

/**
 * Binds a `createTriage()` store to React: re-renders when the triage changes (ingest, reply, assign, resolve)
 * and recomputes the queue when time moves on, every `refreshMs` (not every second: the SLA timers tick on their
 * own).
 *
 * @example
 * ```tsx
 * const triage = useMemo(() => createTriage(config), []);
 * const { queue, workload } = useTriage(triage);
 * return <TriageQueue rows={queue} onResolve={(i) => triage.resolve(i.conversationId, new Date().toISOString())} />;
 * ```
 */
export function useTriage(triage: Triage, options: UseTriageOptions = {}): UseTriageResult {
  const { now, refreshMs = 30_000, filter = DEFAULT_FILTER } = options;
  const snapshot = useSyncExternalStore(triage.subscribe, triage.getSnapshot, triage.getSnapshot);
  const clock = useMemo(() => createClock({ intervalMs: refreshMs }), [refreshMs]);
  const ticking = useSyncExternalStore(
    now === undefined ? clock.subscribe : noSubscribe,
    clock.getSnapshot,
    clock.getSnapshot,
  );
  const epoch = now === undefined ? ticking : toEpoch(now);
  // Beyond ±8.64e15 ms a Date is invalid too: `toISOString` would throw during render.
  const nowIso = Number.isFinite(new Date(epoch).getTime())
    ? new Date(epoch).toISOString()
    : undefined;
  const nowError = useMemo(() => (nowIso === undefined ? badNow(now) : undefined), [nowIso, now]);
  const queue = useMemo(
    () => listOrError(nowIso, (at) => triage.queue(at, filter)),
    // `snapshot` changes whenever the triage does, so the queue is recomputed then.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [triage, snapshot, nowIso, filter],
  );
  const workload = useMemo(
    () => listOrError(nowIso, (at) => triage.workload(at)),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [triage, snapshot, nowIso],
  );
  return {
    queue: queue.value,
    workload: workload.value,
    snapshot,
    now: nowIso ?? '',
    error: nowError ?? queue.error ?? workload.error,
  };
}

/** The list computed at `nowIso`, or an empty list and the error (none when `nowIso` is missing). */
function listOrError<T>(
  nowIso: string | undefined,
  compute: (nowIso: string) => T[],
): { value: T[]; error: Error | undefined } {
  if (nowIso === undefined) return { value: [], error: undefined };
  const { value, error } = attempt(() => compute(nowIso));
  return { value: value ?? [], error };
}

function badNow(now: string | number | undefined): RangeError {
  const shown = typeof now === 'string' ? JSON.stringify(now) : String(now);
  return new RangeError(
    `useTriage: now ${shown} is not a date and time. Give an ISO 8601 moment such as ` +
      '"2026-11-22T09:00:00Z", or milliseconds since 1970, or leave it out to follow the clock.',
  );
}

/**
 * Spikes in a series of mention counts, memoised on the series and options (keep both stable).
 * Bad input comes back as `error` instead of throwing during render.
 *
 * @example
 * ```tsx
 * const { value: spikes = [] } = useSpikes(series);
 * <VolumeChart data={series} spikes={spikes} />
 * ```
 */
export function useSpikes(
  series: readonly SeriesBucket[],
  options?: SpikeOptions,
): Computed<Spike[]> {
  return useMemo(() => attempt(() => detectSpikes(series, options)), [series, options]);
}

/**
 * Follows a streaming `createSpikeDetector()`: re-renders after each pushed bucket with the recent spikes.
 *
 * @example
 * ```tsx
 * const { spikes } = useSpikeDetector(detector);
 * ```
 */
export function useSpikeDetector(detector: SpikeDetector): SpikeSnapshot {
  return useSyncExternalStore(detector.subscribe, detector.getSnapshot, detector.getSnapshot);
}

export interface UseSuperfansResult {
  report: CommunityReport | undefined;
  /** Owners and coverage when `staff` is given. */
  plan: CapacityPlan | undefined;
  error: Error | undefined;
}

/**
 * Ranks the community and, given staff, plans who holds which relationship. Memoised: keep `interactions`,
 * `options`, `staff` and `capacity` stable (for example with `useMemo`).
 *
 * @example
 * ```tsx
 * const options = useMemo(() => ({ now }), [now]);
 * const { report, plan } = useSuperfans(interactions, options, staff);
 * <SuperfanLeaderboard report={report} />
 * ```
 */
export function useSuperfans(
  interactions: readonly Interaction[],
  options: SuperfanOptions,
  staff?: readonly StaffMember[],
  capacity?: CapacityOptions,
): UseSuperfansResult {
  const ranked = useMemo(
    () => attempt(() => detectSuperfans(interactions, options)),
    [interactions, options],
  );
  const planned = useMemo(
    () =>
      ranked.value && staff
        ? attempt(() => planCapacity(ranked.value!, staff, capacity))
        : undefined,
    [ranked, staff, capacity],
  );
  return {
    report: ranked.value,
    plan: planned?.value,
    error: ranked.error ?? planned?.error,
  };
}

/**
 * Evaluates a goal tree over events, memoised (keep `tree`, `events` and `options` stable).
 * An invalid tree comes back as `error` (with the core's issues) instead of throwing during render.
 *
 * @example
 * ```tsx
 * const { value: report, error } = useGoals(tree, events, options);
 * <KpiScorecard report={report} error={error} />
 * ```
 */
export function useGoals(
  tree: GoalTree,
  events: readonly GoalEvent[],
  options: EvaluateOptions,
): Computed<GoalReport> {
  return useMemo(
    () => attempt(() => evaluateGoals(tree, events, options)),
    [tree, events, options],
  );
}
