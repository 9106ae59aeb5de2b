import type { Channel, Mention, Platform } from '../model/schemas';
import { parseInstant } from '../model/instant';
import type { PriorityBand } from '../scoring/bands';
import { addBusinessTime, ALWAYS_OPEN, businessTimeBetween } from './calendar';
import type {
  Calendar,
  SlaClock,
  SlaConversation,
  SlaEvent,
  SlaPause,
  SlaPolicy,
  SlaState,
  SlaStatus,
  SlaTargetName,
  SlaTargets,
} from './types';

const MINUTE = 60_000;
/**
 * Default public acknowledgement target, in minutes: public complaints expect an answer within the hour.
 *
 * @example
 * ```ts
 * slaTargets({ id: 'p', targets: {} }).publicAcknowledgement === DEFAULT_PUBLIC_ACKNOWLEDGEMENT_MINUTES; // true
 * ```
 */
export const DEFAULT_PUBLIC_ACKNOWLEDGEMENT_MINUTES = 60;
const DEFAULT_WARN_AT: readonly number[] = [0.75];

const TARGET_WORDS: Record<SlaTargetName, string> = {
  first_response: 'first response',
  next_response: 'next response',
  resolution: 'resolution',
  public_acknowledgement: 'public acknowledgement',
};

/** What decides which policy and which targets apply to a conversation. */
export interface SlaFacts {
  department?: string;
  channel?: Channel;
  platform?: Platform;
  band?: PriorityBand;
  tags?: readonly string[];
}

/**
 * The first policy whose `when` condition holds for these facts (policies without a condition always hold).
 *
 * @example
 * ```ts
 * const policy = selectSlaPolicy(policies, { department: 'service', channel: 'public', band: 'high' });
 * ```
 */
export function selectSlaPolicy(
  policies: readonly SlaPolicy[],
  facts: SlaFacts,
): SlaPolicy | undefined {
  return policies.find((p) => {
    const w = p.when;
    if (!w) return true;
    if (
      w.departments &&
      !(facts.department !== undefined && w.departments.includes(facts.department))
    )
      return false;
    if (w.channels && !(facts.channel !== undefined && w.channels.includes(facts.channel)))
      return false;
    if (w.platforms && !(facts.platform !== undefined && w.platforms.includes(facts.platform)))
      return false;
    if (w.bands && !(facts.band !== undefined && w.bands.includes(facts.band))) return false;
    if (w.tags && !w.tags.some((t) => facts.tags?.includes(t))) return false;
    return true;
  });
}

/**
 * The targets (minutes of business time) a policy sets for these facts, merged from general to specific:
 * `targets`, then `byDepartment`, `byChannel` and `byBand`. The public acknowledgement target defaults to 60.
 *
 * @example
 * ```ts
 * slaTargets({ id: 'p', targets: { firstResponse: 60 }, byBand: { critical: { firstResponse: 15 } } }, { band: 'critical' });
 * // { firstResponse: 15, publicAcknowledgement: 60 }
 * ```
 */
export function slaTargets(policy: SlaPolicy, facts: SlaFacts = {}): SlaTargets {
  return {
    publicAcknowledgement: DEFAULT_PUBLIC_ACKNOWLEDGEMENT_MINUTES,
    ...policy.targets,
    ...(facts.department !== undefined && policy.byDepartment?.[facts.department]),
    ...(facts.channel !== undefined && policy.byChannel?.[facts.channel]),
    ...(facts.band !== undefined && policy.byBand?.[facts.band]),
  };
}

type Interval = [from: number, to: number];
/** 0, 1, 2, … for conversations whose mentions are already in time order. */
const INDEX: readonly number[] = Array.from({ length: 256 }, (_, i) => i);

/** Turns `now` (ISO 8601 with a zone, or ms since the epoch) into ms. */
function toEpochMs(now: string | number): number {
  const ms = typeof now === 'number' ? now : parseInstant(now);
  if (!Number.isFinite(ms))
    throw new RangeError(
      `"${String(now)}" is not an ISO 8601 instant with a zone (2026-11-23T10:00:00Z) or epoch milliseconds.`,
    );
  return ms;
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Every SLA clock of a conversation at `now` (ISO 8601 or ms since the epoch), in business time.
 *
 * - **first_response** starts at the customer's first message and is fulfilled by the first reply from a person
 *   at the brand (bot and automated replies never count).
 * - **public_acknowledgement** (public channel and `complaint` only) is fulfilled by the first public reply from
 *   a person.
 * - **next_response** starts a new cycle at each customer message that follows a reply, fulfilled by the next
 *   reply; the clock shows the latest cycle, the events every cycle.
 * - **resolution** starts at the first customer message and stops at `resolvedAt`; it pauses by itself while the
 *   brand has replied last (waiting on the customer).
 *
 * Resolving stops every clock, even when the customer spoke last: a clock not yet fulfilled then counts as met
 * unless it had already breached. A customer message after `resolvedAt` reopens the conversation: the resolved
 * time is a pause for the resolution clock and the response clocks run again. `pauses` stop every clock.
 * Messages of the same second count in the order given (as `buildConversations` and the triage order a
 * thread: a reply after the message it answers), so a follow-up sent the second a reply went out starts a
 * next-response clock, and a reply answers only what came before it.
 * Messages, pauses and resolutions after `now` are not known yet and are ignored. Targets come from
 * {@link slaTargets}; a target left undefined is not measured. Without a calendar, business time is wall time.
 *
 * @example
 * ```ts
 * const state = computeSla({ mentions: conversation.mentions, channel: 'public', complaint: true }, policy, calendar, '2026-11-23T10:00:00Z');
 * state.clocks.find((c) => c.target === 'first_response')?.status; // 'pending' | 'warning' | 'breached' | 'met' | 'paused'
 * ```
 */
export function computeSla(
  conversation: SlaConversation,
  policy: SlaPolicy,
  calendar: Calendar | undefined,
  now: string | number,
): SlaState {
  const cal = calendar ?? ALWAYS_OPEN;
  const clocks = evaluateSla(conversation, policy, cal, toEpochMs(now), true).map((c) => c.clock!);
  const events = clocks
    .flatMap((c) => c.events)
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  let nextDue: number | undefined;
  for (const c of clocks) {
    if ((c.status === 'pending' || c.status === 'warning') && c.dueAt !== undefined) {
      const d = Date.parse(c.dueAt);
      if (nextDue === undefined || d < nextDue) nextDue = d;
    }
  }
  return {
    policyId: policy.id,
    calendarId: cal.id,
    clocks,
    status: worstStatus(clocks.map((c) => c.status)),
    ...(nextDue !== undefined && { nextDueAt: iso(nextDue) }),
    events,
  };
}

/** A clock's outcome in numbers; `clock` holds the full, worded clock when details were asked for. */
export interface LiteClock {
  target: SlaTargetName;
  status: SlaStatus;
  /** Fulfilled or stopped by a resolution (its status is final). */
  stopped: boolean;
  /** Due (or breach) instant in ms since the epoch; undefined when the calendar has no working time ahead. */
  dueMs: number | undefined;
  /** Without details, for a pending or warning clock: when it shows `warning` if it keeps running (-Infinity: already). */
  warnMs?: number;
  clock?: SlaClock;
}

/**
 * The engine behind {@link computeSla}: every clock in numbers, with the worded clock only when `detail` is
 * true (the triage asks without details on every ingest, which is much cheaper). `times` (optional) are the
 * mentions' `createdAt` in ms, in the same order, when the mentions are already sorted by time.
 *
 * @example
 * ```ts
 * const clocks = evaluateSla(conversation, policy, calendar, Date.parse(now), false);
 * const due = Math.min(...clocks.map((c) => c.dueMs ?? Infinity));
 * ```
 */
export function evaluateSla(
  conversation: SlaConversation,
  policy: SlaPolicy,
  cal: Calendar,
  nowMs: number,
  detail: boolean,
  times?: readonly number[],
): LiteClock[] {
  const prepared = prepare(policy);
  const targets = targetsFor(prepared, policy, conversation);
  const warnAt = prepared.warnAt;
  const roundTheClock = prepared.roundTheClock;

  // The known past: messages at or before now, in time order.
  const all = conversation.mentions;
  let order: readonly number[];
  let at: readonly number[];
  if (times) {
    at = times;
    order = all.length < INDEX.length ? INDEX : all.map((_, i) => i);
  } else {
    const parsed = all.map((m) => Date.parse(m.createdAt));
    at = parsed;
    order = all.map((_, i) => i).sort((a, b) => parsed[a]! - parsed[b]!);
  }
  // Each message keeps its place in that order (rank): messages of the same second count in the order given, so a
  // reply answers only the customer messages before it, and a follow-up sent the same second after a reply waits.
  const customer: number[] = [];
  const customerRank: number[] = [];
  const replies: { t: number; channel: Channel; rank: number }[] = [];
  for (let k = 0; k < all.length; k++) {
    const i = order[k]!;
    const t = at[i]!;
    if (!(t <= nowMs)) continue;
    const m: Mention = all[i]!;
    if (m.direction === 'inbound') {
      customer.push(t);
      customerRank.push(k);
    } else if (!m.author.isBot) replies.push({ t, channel: m.channel, rank: k });
  }

  const clocks: LiteClock[] = [];
  const first = customer[0];
  if (first !== undefined) {
    const lastCustomer = customer[customer.length - 1]!;
    const resolvedKnown = resolvedBy(conversation.resolvedAt, nowMs);
    const resolved =
      resolvedKnown !== undefined && resolvedKnown >= lastCustomer ? resolvedKnown : undefined;
    const explicit: (Interval & { reason: string })[] = [];
    for (const p of conversation.pauses ?? []) {
      const from = Date.parse(p.from);
      const to = p.to !== undefined ? Date.parse(p.to) : Infinity;
      if (from <= nowMs && to > from)
        explicit.push(Object.assign([from, to] as Interval, { reason: p.reason }));
    }
    const stopByResolve =
      resolved !== undefined ? { at: resolved, detail: 'conversation resolved' } : undefined;
    // Response clocks that began before a resolution stop there even if the customer wrote again later.
    const stopByAnyResolve =
      resolvedKnown !== undefined && resolvedKnown >= first
        ? { at: resolvedKnown, detail: 'conversation resolved' }
        : undefined;

    const firstRank = customerRank[0]!;
    const firstReply = replies.find((r) => r.rank > firstRank);
    // (Plain calls, no closure per evaluation: this runs on every ingested message.)
    if (targets.firstResponse !== undefined)
      clocks.push(
        runClock(
          'first_response',
          targets.firstResponse,
          first,
          earliest(
            firstReply && { at: firstReply.t, detail: 'a person replied' },
            stopByAnyResolve,
          ),
          explicit,
          roundTheClock.has('first_response') ? ALWAYS_OPEN : cal,
          nowMs,
          warnAt,
          detail,
        ),
      );
    if (
      conversation.channel === 'public' &&
      conversation.complaint &&
      targets.publicAcknowledgement !== undefined
    ) {
      const publicReply = replies.find((r) => r.rank > firstRank && r.channel === 'public');
      clocks.push(
        runClock(
          'public_acknowledgement',
          targets.publicAcknowledgement,
          first,
          earliest(
            publicReply && { at: publicReply.t, detail: 'a person replied in public' },
            stopByAnyResolve,
          ),
          explicit,
          roundTheClock.has('public_acknowledgement') ? ALWAYS_OPEN : cal,
          nowMs,
          warnAt,
          detail,
        ),
      );
    }

    // Next response: a cycle starts at the first customer message after each reply.
    if (targets.nextResponse !== undefined && (firstReply || stopByAnyResolve)) {
      const cycles: { t: number; rank: number }[] = [];
      let answered = true;
      let ri = 0;
      let ci = 0;
      const stream: { t: number; rank: number; customer: boolean }[] = [];
      // A resolution answers like a reply: a customer message after it starts a new cycle. It comes after the
      // replies of its instant, and after the customer messages of its instant.
      const answers: { t: number; rank: number }[] = replies.map((r) => ({ t: r.t, rank: r.rank }));
      if (stopByAnyResolve) {
        let k = 0;
        while (k < answers.length && answers[k]!.t <= stopByAnyResolve.at) k++;
        answers.splice(k, 0, { t: stopByAnyResolve.at, rank: -1 });
      }
      while (ri < answers.length || ci < customer.length) {
        const r = answers[ri];
        const c = customer[ci];
        // Replies and customer messages in the given order; the resolution after the customer's at its instant.
        if (
          c !== undefined &&
          (r === undefined || (r.rank >= 0 ? customerRank[ci]! < r.rank : c <= r.t))
        ) {
          stream.push({ t: c, rank: customerRank[ci]!, customer: true });
          ci++;
        } else {
          stream.push({ t: r!.t, rank: r!.rank, customer: false });
          ri++;
        }
      }
      let seenReply = false;
      for (const e of stream) {
        if (!e.customer) {
          seenReply = true;
          answered = true;
        } else if (seenReply && answered) {
          cycles.push({ t: e.t, rank: e.rank });
          answered = false;
        }
      }
      const history: LiteClock[] = [];
      for (const { t: start, rank } of cycles) {
        const reply = replies.find((r) => r.rank > rank);
        const resolvedAfter =
          resolvedKnown !== undefined && resolvedKnown >= start
            ? { at: resolvedKnown, detail: 'conversation resolved' }
            : undefined;
        history.push(
          runClock(
            'next_response',
            targets.nextResponse,
            start,
            earliest(reply && { at: reply.t, detail: 'a person replied' }, resolvedAfter),
            explicit,
            roundTheClock.has('next_response') ? ALWAYS_OPEN : cal,
            nowMs,
            warnAt,
            detail,
          ),
        );
      }
      const latest = history[history.length - 1];
      if (latest) {
        if (latest.clock) {
          latest.clock.cycles = history.length;
          latest.clock.events = history.flatMap((h) => h.clock!.events);
        }
        clocks.push(latest);
      }
    }

    if (targets.resolution !== undefined) {
      // Waiting on the customer: from each reply by a person until the customer writes again.
      const waiting: (Interval & { reason: string })[] = [];
      let ci = 0;
      for (const r of replies) {
        if (r.rank < firstRank) continue;
        while (ci < customer.length && customerRank[ci]! < r.rank) ci++;
        const next = customer[ci] ?? Infinity;
        waiting.push(Object.assign([r.t, next] as Interval, { reason: 'waiting on the customer' }));
      }
      if (resolvedKnown !== undefined && resolved === undefined) {
        const back = customer.find((c) => c > resolvedKnown)!;
        waiting.push(
          Object.assign([resolvedKnown, back] as Interval, {
            reason: 'resolved until the customer wrote again',
          }),
        );
      }
      clocks.push(
        runClock(
          'resolution',
          targets.resolution,
          first,
          stopByResolve,
          mergePauses([...explicit, ...waiting]),
          roundTheClock.has('resolution') ? ALWAYS_OPEN : cal,
          nowMs,
          warnAt,
          detail,
        ),
      );
    }
  }

  return clocks;
}

/** What the queue keeps of a conversation's clocks: see {@link slaDue}. */
export interface SlaDue {
  /**
   * Earliest due instant (ms since the epoch) of a clock that is neither fulfilled nor paused (a breached clock
   * counts, with its breach instant); Infinity when there is none.
   */
  dueMs: number;
  /** When that clock shows `warning` if it keeps running (-Infinity: already; Infinity: never or no clock due). */
  warnMs: number;
  /** Which clock is due first (the first in the order of {@link evaluateSla} on a tie); undefined when none. */
  target: SlaTargetName | undefined;
  /** Some clock is paused at `now`. */
  paused: boolean;
}

/**
 * The earliest running deadline of a conversation at `nowMs`, in numbers: exactly what folding the clocks of
 * {@link evaluateSla} (without details) gives, computed without building them. Fulfilled clocks are skipped
 * outright, next-response cycles before the latest are not evaluated, and nothing is allocated for a
 * conversation without pauses. Writes into `out` and returns it. `times` are the mentions' `createdAt` in ms
 * when the mentions are already sorted by time (as {@link evaluateSla}).
 *
 * The triage calls this on every ingested message, for the queue order.
 *
 * @example
 * ```ts
 * const due = slaDue(conversation, policy, calendar, Date.parse(now), undefined, { dueMs: Infinity, warnMs: Infinity, target: undefined, paused: false });
 * due.target; // 'first_response'
 * ```
 */
export function slaDue(
  conversation: SlaConversation,
  policy: SlaPolicy,
  cal: Calendar,
  nowMs: number,
  times: readonly number[] | undefined,
  out: SlaDue,
): SlaDue {
  out.dueMs = Infinity;
  out.warnMs = Infinity;
  out.target = undefined;
  out.paused = false;
  const prepared = prepare(policy);
  const targets = targetsFor(prepared, policy, conversation);
  const warnAt = prepared.warnAt;
  const roundTheClock = prepared.roundTheClock;

  // The known past, in time order: customer messages and replies by a person (the same walk as evaluateSla).
  const all = conversation.mentions;
  const n = all.length;
  if (customerAt.length < n) {
    const size = Math.max(n, 2 * customerAt.length);
    customerAt = new Float64Array(size);
    customerRank = new Int32Array(size);
    replyAt = new Float64Array(size);
    replyRank = new Int32Array(size);
    replyPublic = new Uint8Array(size);
  }
  let order: readonly number[] | undefined;
  let at: readonly number[];
  if (times) at = times;
  else {
    const parsed = all.map((m) => Date.parse(m.createdAt));
    at = parsed;
    order = all.map((_, i) => i).sort((a, b) => parsed[a]! - parsed[b]!);
  }
  let nc = 0;
  let nr = 0;
  for (let k = 0; k < n; k++) {
    const i = order ? order[k]! : k;
    const t = at[i]!;
    if (!(t <= nowMs)) continue;
    const m: Mention = all[i]!;
    if (m.direction === 'inbound') {
      customerAt[nc] = t;
      customerRank[nc++] = k;
    } else if (!m.author.isBot) {
      replyAt[nr] = t;
      replyRank[nr] = k;
      replyPublic[nr] = m.channel === 'public' ? 1 : 0;
      nr++;
    }
  }
  if (nc === 0) return out;
  const first = customerAt[0]!;
  const lastCustomer = customerAt[nc - 1]!;
  const resolvedKnown = resolvedBy(conversation.resolvedAt, nowMs);
  const resolved =
    resolvedKnown !== undefined && resolvedKnown >= lastCustomer ? resolvedKnown : undefined;
  // Explicit pauses as flat [from, to, from, to, …] pairs.
  let np = 0;
  const pauses = conversation.pauses;
  if (pauses && pauses.length) {
    if (explicitPauses.length < 2 * pauses.length)
      explicitPauses = new Float64Array(4 * pauses.length);
    for (const p of pauses) {
      const from = Date.parse(p.from);
      const to = p.to !== undefined ? Date.parse(p.to) : Infinity;
      if (from <= nowMs && to > from) {
        explicitPauses[2 * np] = from;
        explicitPauses[2 * np + 1] = to;
        np++;
      }
    }
  }
  // Stops as instants; Infinity for none (earliest() of evaluateSla is then the smaller one).
  const anyResolveStop =
    resolvedKnown !== undefined && resolvedKnown >= first ? resolvedKnown : Infinity;
  const firstRank = customerRank[0]!;
  const firstReply = replyAfter(firstRank, nr, false);

  if (targets.firstResponse !== undefined)
    foldClock(
      out,
      'first_response',
      targets.firstResponse,
      first,
      Math.min(firstReply, anyResolveStop),
      explicitPauses,
      np,
      roundTheClock.has('first_response') ? ALWAYS_OPEN : cal,
      nowMs,
      warnAt,
    );
  if (
    conversation.channel === 'public' &&
    conversation.complaint &&
    targets.publicAcknowledgement !== undefined
  ) {
    const publicReply = replyAfter(firstRank, nr, true);
    foldClock(
      out,
      'public_acknowledgement',
      targets.publicAcknowledgement,
      first,
      Math.min(publicReply, anyResolveStop),
      explicitPauses,
      np,
      roundTheClock.has('public_acknowledgement') ? ALWAYS_OPEN : cal,
      nowMs,
      warnAt,
    );
  }

  // Next response: only the latest cycle shows. Cycles start at the first customer message after each answer
  // (a reply, or the resolution): replies and customer messages in their order; at the resolution's instant, the
  // customer's messages first.
  if (
    targets.nextResponse !== undefined &&
    (firstReply !== Infinity || anyResolveStop !== Infinity)
  ) {
    let latestCycle: number | undefined;
    let latestRank = 0;
    let answered = true;
    let seenReply = false;
    let ri = 0;
    let ci = 0;
    let resolveUsed = anyResolveStop === Infinity;
    for (;;) {
      // The next answer in time order: replies are sorted; the resolution goes after replies at its instant.
      let r: number | undefined;
      let fromReplies = false;
      if (ri < nr && (resolveUsed || replyAt[ri]! <= anyResolveStop)) {
        r = replyAt[ri]!;
        fromReplies = true;
      } else if (!resolveUsed) r = anyResolveStop;
      const c = ci < nc ? customerAt[ci]! : undefined;
      if (r === undefined && c === undefined) break;
      if (
        c !== undefined &&
        (r === undefined || (fromReplies ? customerRank[ci]! < replyRank[ri]! : c <= r))
      ) {
        if (seenReply && answered) {
          latestCycle = c;
          latestRank = customerRank[ci]!;
          answered = false;
        }
        ci++;
      } else {
        seenReply = true;
        answered = true;
        if (fromReplies) ri++;
        else resolveUsed = true;
      }
    }
    if (latestCycle !== undefined) {
      const start = latestCycle;
      const reply = replyAfter(latestRank, nr, false);
      const resolvedAfter =
        resolvedKnown !== undefined && resolvedKnown >= start ? resolvedKnown : Infinity;
      foldClock(
        out,
        'next_response',
        targets.nextResponse,
        start,
        Math.min(reply, resolvedAfter),
        explicitPauses,
        np,
        roundTheClock.has('next_response') ? ALWAYS_OPEN : cal,
        nowMs,
        warnAt,
      );
    }
  }

  if (targets.resolution !== undefined) {
    // Paused while waiting on the customer (from each reply by a person until the customer writes again), after a
    // resolution the customer reopened, and during explicit pauses: merged.
    let nw = np;
    const room = 2 * (np + nr + 1);
    if (resolutionPauses.length < room) resolutionPauses = new Float64Array(2 * room);
    const w = resolutionPauses;
    for (let i = 0; i < 2 * np; i++) w[i] = explicitPauses[i]!;
    let ci = 0;
    for (let r = 0; r < nr; r++) {
      const t = replyAt[r]!;
      if (replyRank[r]! < firstRank) continue;
      while (ci < nc && customerRank[ci]! < replyRank[r]!) ci++;
      w[2 * nw] = t;
      w[2 * nw + 1] = ci < nc ? customerAt[ci]! : Infinity;
      nw++;
    }
    if (resolvedKnown !== undefined && resolved === undefined) {
      let back = 0;
      for (let c = 0; c < nc; c++) {
        if (customerAt[c]! > resolvedKnown) {
          back = customerAt[c]!;
          break;
        }
      }
      w[2 * nw] = resolvedKnown;
      w[2 * nw + 1] = back;
      nw++;
    }
    nw = mergePairs(w, nw);
    foldClock(
      out,
      'resolution',
      targets.resolution,
      first,
      resolved !== undefined ? resolved : Infinity,
      w,
      nw,
      roundTheClock.has('resolution') ? ALWAYS_OPEN : cal,
      nowMs,
      warnAt,
    );
  }
  return out;
}

// Scratch space of slaDue and foldClock (synchronous and never re-entered): grown on demand, never shrunk.
let customerAt = new Float64Array(64);
/** Each message's place in the conversation's order (same-second messages keep the order given). */
let customerRank = new Int32Array(64);
let replyAt = new Float64Array(64);
let replyRank = new Int32Array(64);
let replyPublic = new Uint8Array(64);
let explicitPauses = new Float64Array(16);
let resolutionPauses = new Float64Array(64);
let clockPauses = new Float64Array(64);
let pieceSpans = new Float64Array(64);

/**
 * The time of the first of the `count` replies (in order) after the message ranked `rank`, public ones only if
 * asked; Infinity if none.
 */
function replyAfter(rank: number, count: number, publicOnly: boolean): number {
  for (let r = 0; r < count; r++) {
    if (replyRank[r]! > rank && (!publicOnly || replyPublic[r] === 1)) return replyAt[r]!;
  }
  return Infinity;
}

/** When the conversation was resolved, if that is known and not after `nowMs`. */
function resolvedBy(resolvedAt: string | undefined, nowMs: number): number | undefined {
  if (resolvedAt === undefined) return undefined;
  const t = Date.parse(resolvedAt);
  return Number.isFinite(t) && t <= nowMs ? t : undefined;
}

/** Sorts `count` [from, to] pairs by `from` and merges overlapping or touching ones in place; returns the new count. */
function mergePairs(p: Float64Array, count: number): number {
  // Insertion sort, stable like Array.prototype.sort: a conversation has few pauses.
  for (let i = 1; i < count; i++) {
    const a = p[2 * i]!;
    const b = p[2 * i + 1]!;
    let j = i - 1;
    while (j >= 0 && p[2 * j]! > a) {
      p[2 * j + 2] = p[2 * j]!;
      p[2 * j + 3] = p[2 * j + 1]!;
      j--;
    }
    p[2 * j + 2] = a;
    p[2 * j + 3] = b;
  }
  let out = 0;
  for (let i = 0; i < count; i++) {
    const a = p[2 * i]!;
    const b = p[2 * i + 1]!;
    if (out > 0 && a <= p[2 * out - 1]!) {
      if (b > p[2 * out - 1]!) p[2 * out - 1] = b;
    } else {
      p[2 * out] = a;
      p[2 * out + 1] = b;
      out++;
    }
  }
  return out;
}

/**
 * runClock without details, for a clock that `slaDue` folds in: the same numbers, without the objects. A clock
 * already fulfilled (or stopped by a resolution) by `now` neither drives the queue nor pauses it: skipped.
 */
function foldClock(
  out: SlaDue,
  target: SlaTargetName,
  minutes: number,
  start: number,
  stopAt: number,
  rawPauses: Float64Array,
  rawCount: number,
  cal: Calendar,
  now: number,
  warnAt: readonly number[],
): void {
  if (stopAt <= now) return;
  const targetMs = minutes * MINUTE;
  const end = Math.max(start, now);
  // The pauses that overlap [start, end), merged.
  if (clockPauses.length < 2 * rawCount) clockPauses = new Float64Array(4 * rawCount);
  const pauses = clockPauses;
  let count = 0;
  for (let i = 0; i < rawCount; i++) {
    const a = rawPauses[2 * i]!;
    const b = rawPauses[2 * i + 1]!;
    if (b > start && a < end) {
      pauses[2 * count] = a;
      pauses[2 * count + 1] = b;
      count++;
    }
  }
  if (count > 1) count = mergePairs(pauses, count);
  // Business time used over the running pieces of [start, end) outside pauses; the pieces' starts and spans are
  // kept for the breach instant.
  if (pieceSpans.length < 2 * (count + 1)) pieceSpans = new Float64Array(4 * (count + 1));
  const pieces = pieceSpans;
  let np = 0;
  let used = 0;
  let cursor = start;
  for (let i = 0; i < count; i++) {
    const a = pauses[2 * i]!;
    if (a > cursor) {
      const span = businessTimeBetween(cal, cursor, Math.min(a, end));
      pieces[2 * np] = cursor;
      pieces[2 * np + 1] = span;
      np++;
      used += span;
    }
    cursor = Math.max(cursor, pauses[2 * i + 1]!);
    if (cursor >= end) break;
  }
  if (cursor < end) {
    const span = businessTimeBetween(cal, cursor, end);
    pieces[2 * np] = cursor;
    pieces[2 * np + 1] = span;
    np++;
    used += span;
  }
  const breached = used >= targetMs;
  let breachedAt: number | undefined;
  if (breached) {
    let acc = 0;
    for (let i = 0; i < np; i++) {
      const span = pieces[2 * i + 1]!;
      if (acc + span >= targetMs) {
        breachedAt = addBusinessTime(cal, pieces[2 * i]!, targetMs - acc);
        break;
      }
      acc += span;
    }
  }
  let pausedNow = false;
  for (let i = 0; i < rawCount; i++) {
    const a = rawPauses[2 * i]!;
    const b = rawPauses[2 * i + 1]!;
    if (a <= now && now < b && b > start) pausedNow = true;
  }
  if (!breached && pausedNow) {
    out.paused = true;
    return;
  }
  const warning = !breached && warnAt.length > 0 && used >= warnAt[0]! * targetMs;
  const due = breachedAt ?? addBusinessTime(cal, now, targetMs - used);
  if (due === undefined || !(due < out.dueMs)) return;
  out.dueMs = due;
  out.target = target;
  out.warnMs = breached
    ? Infinity
    : warning
      ? -Infinity
      : warnAt.length
        ? (addBusinessTime(cal, now, warnAt[0]! * targetMs - used) ?? Infinity)
        : Infinity;
}

/** What evaluateSla needs from a policy, computed once per policy object (policies are treated as immutable). */
interface PreparedPolicy {
  warnAt: readonly number[];
  roundTheClock: ReadonlySet<SlaTargetName>;
  /** Targets by channel, then band, then department (`''` for none): no key string built per call. */
  targets: Map<string, Map<string, Map<string, SlaTargets>>>;
}
const preparedPolicies = new WeakMap<SlaPolicy, PreparedPolicy>();

function prepare(policy: SlaPolicy): PreparedPolicy {
  let p = preparedPolicies.get(policy);
  if (!p) {
    p = {
      warnAt: [...(policy.warnAt ?? DEFAULT_WARN_AT)].sort((a, b) => a - b),
      roundTheClock: new Set(policy.roundTheClock ?? []),
      targets: new Map(),
    };
    preparedPolicies.set(policy, p);
  }
  return p;
}

function targetsFor(p: PreparedPolicy, policy: SlaPolicy, c: SlaConversation): SlaTargets {
  const band = c.band ?? '';
  const department = c.department ?? '';
  let byBand = p.targets.get(c.channel);
  if (!byBand) p.targets.set(c.channel, (byBand = new Map()));
  let byDepartment = byBand.get(band);
  if (!byDepartment) byBand.set(band, (byDepartment = new Map()));
  let t = byDepartment.get(department);
  if (!t) {
    t = slaTargets(policy, { channel: c.channel, band: c.band, department: c.department });
    byDepartment.set(department, t);
  }
  return t;
}

/** The instant at which `amount` ms of business time have run over `pieces` (undefined if never). */
function crossingOf(
  cal: Calendar,
  pieces: readonly Interval[],
  spans: readonly number[],
  amount: number,
): number | undefined {
  let acc = 0;
  for (let i = 0; i < pieces.length; i++) {
    if (acc + spans[i]! >= amount) return addBusinessTime(cal, pieces[i]![0], amount - acc);
    acc += spans[i]!;
  }
  return undefined;
}

interface Stop {
  at: number;
  detail: string;
}

function earliest(a: Stop | undefined, b: Stop | undefined): Stop | undefined {
  if (!a) return b;
  if (!b) return a;
  return b.at < a.at ? b : a;
}

const STATUS_ORDER: readonly SlaStatus[] = ['breached', 'warning', 'pending', 'paused', 'met'];

/**
 * The most serious of several statuses: breached, then warning, pending, paused, met (met when there are none).
 *
 * @example
 * ```ts
 * worstStatus(['met', 'warning', 'pending']); // 'warning'
 * ```
 */
export function worstStatus(statuses: readonly SlaStatus[]): SlaStatus {
  let best = STATUS_ORDER.length - 1;
  for (const s of statuses) best = Math.min(best, STATUS_ORDER.indexOf(s));
  return STATUS_ORDER[best]!;
}

function mergePauses<T extends Interval & { reason: string }>(pauses: T[]): T[] {
  const sorted = [...pauses].sort((a, b) => a[0] - b[0]);
  const out: T[] = [];
  for (const p of sorted) {
    const last = out[out.length - 1];
    if (last && p[0] <= last[1]) {
      if (p[1] > last[1]) last[1] = p[1];
    } else out.push(Object.assign([p[0], p[1]] as Interval, { reason: p.reason }) as T);
  }
  return out;
}

function runClock(
  target: SlaTargetName,
  minutes: number,
  start: number,
  stop: Stop | undefined,
  rawPauses: readonly (Interval & { reason: string })[],
  cal: Calendar,
  now: number,
  warnAt: readonly number[],
  detail: boolean,
): LiteClock {
  const words = TARGET_WORDS[target];
  const targetMs = minutes * MINUTE;
  const stopped = stop !== undefined && stop.at <= now;
  const end = Math.max(start, stopped ? stop.at : now);
  const pauses = rawPauses.length
    ? mergePauses(rawPauses.filter((p) => p[1] > start && p[0] < end))
    : (rawPauses as (Interval & { reason: string })[]);
  // Running pieces of [start, end) outside pauses.
  const pieces: Interval[] = [];
  let cursor = start;
  for (const [a, b] of pauses) {
    if (a > cursor) pieces.push([cursor, Math.min(a, end)]);
    cursor = Math.max(cursor, b);
    if (cursor >= end) break;
  }
  if (cursor < end) pieces.push([cursor, end]);
  const spans: number[] = [];
  let used = 0;
  for (const [a, b] of pieces) {
    const span = businessTimeBetween(cal, a, b);
    spans.push(span);
    used += span;
  }
  const breached = stopped ? used > targetMs : used >= targetMs;
  const breachedAt = breached ? crossingOf(cal, pieces, spans, targetMs) : undefined;
  let pausedNow = false;
  if (!stopped)
    for (const p of rawPauses) if (p[0] <= now && now < p[1] && p[1] > start) pausedNow = true;
  const remaining = targetMs - used;
  let status: SlaStatus;
  if (breached) status = 'breached';
  else if (stopped) status = 'met';
  else if (pausedNow) status = 'paused';
  else if (warnAt.length && used >= warnAt[0]! * targetMs) status = 'warning';
  else status = 'pending';
  const due = breachedAt ?? addBusinessTime(cal, stopped ? stop.at : now, remaining);
  if (!detail) {
    // When the first warning point is (or will be, if the clock keeps running) reached: -Infinity if already.
    let warnMs: number | undefined;
    if (status === 'warning') warnMs = -Infinity;
    else if (status === 'pending' && warnAt.length)
      warnMs = addBusinessTime(cal, now, warnAt[0]! * targetMs - used);
    return { target, status, stopped, dueMs: due, ...(warnMs !== undefined && { warnMs }) };
  }
  const events: SlaEvent[] = [
    {
      kind: 'applied',
      target,
      at: iso(start),
      detail: `${cap(words)} target: ${formatMinutes(minutes)} of business time`,
    },
  ];
  const shownPauses: SlaPause[] = [];
  for (const p of pauses) {
    const from = Math.max(p[0], start);
    events.push({ kind: 'paused', target, at: iso(from), detail: `Clock paused: ${p.reason}` });
    const pause: SlaPause = { from: iso(from), reason: p.reason };
    if (p[1] < end)
      events.push({ kind: 'resumed', target, at: iso(p[1]), detail: 'Clock running again' });
    if (p[1] <= end || stopped) pause.to = iso(Math.min(p[1], end));
    shownPauses.push(pause);
  }
  for (const f of warnAt) {
    const w = crossingOf(cal, pieces, spans, f * targetMs);
    if (w !== undefined) {
      events.push({
        kind: 'warning',
        target,
        at: iso(w),
        detail: `${Math.round(f * 100)}% of the ${words} time used`,
      });
    }
  }
  if (breachedAt !== undefined) {
    events.push({
      kind: 'breached',
      target,
      at: iso(breachedAt),
      detail: `${cap(words)} target of ${formatMinutes(minutes)} missed`,
    });
  }
  if (stopped)
    events.push({
      kind: 'fulfilled',
      target,
      at: iso(stop.at),
      detail: `${cap(words)}: ${stop.detail}`,
    });
  events.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));

  const clock: SlaClock = {
    target,
    targetMinutes: minutes,
    startedAt: iso(start),
    ...(due !== undefined && { dueAt: iso(due) }),
    remaining,
    used,
    status,
    ...(stopped && { fulfilledAt: iso(stop.at) }),
    ...(breachedAt !== undefined && { breachedAt: iso(breachedAt) }),
    pauses: shownPauses,
    cycles: 1,
    events,
  };
  return { target, status, stopped, dueMs: due, clock };
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * A duration in minutes as people say it: "45 min", "2 h", "1 h 30 min", "3 d".
 *
 * @example
 * ```ts
 * formatMinutes(90); // '1 h 30 min'
 * ```
 */
export function formatMinutes(minutes: number): string {
  const m = Math.round(minutes);
  if (m < 60) return `${m} min`;
  if (m % 1440 === 0) return `${m / 1440} d`;
  const h = Math.floor(m / 60);
  return m % 60 ? `${h} h ${m % 60} min` : `${h} h`;
}
