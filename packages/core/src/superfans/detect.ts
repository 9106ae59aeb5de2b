import { permittedUnder, readBasis, type ConsentBasis } from '../model/consent';
import {
  DEFAULT_GATE,
  DEFAULT_INTENT_WEIGHTS,
  DEFAULT_OUTCOME_WEIGHTS,
  DEFAULT_RANK_WEIGHTS,
  intentClassOf,
} from './classify';
import { communityHealthFromCounts } from './health';
import { radixOrder } from './radix';
import { StringIndex, repeats } from './strings';
import { DAY_MS, WEEK_MS, durationWords, isoToMs, msToIso, readNow } from './time';
import { INTERACTION_TYPES } from './types';
import type {
  CommunityReport,
  DepthScore,
  GateCheck,
  GateOptions,
  HelpfulnessScore,
  IgnoredCounts,
  IntelligenceScore,
  Interaction,
  IntentClass,
  IntentWeights,
  MemberInfo,
  MemberReport,
  OutcomeWeights,
  PresenceScore,
  RankWeights,
  RecencyScore,
  SuperfanAlert,
  SuperfanGate,
  SuperfanOptions,
  SuperfanStatus,
  TenureScore,
} from './types';

/**
 * Default options of `detectSuperfans` other than `now` (see each option's documentation in `SuperfanOptions`).
 *
 * A 90-day half-life lets a season of activity count while last year's fades; 26 weeks of presence cover two
 * product cycles; 5,000 followers is where reach starts to matter for a brand's amplifiers; the low-water mark
 * (score 50 and 7 active weeks) and 28 days of grace keep superfans from flickering on a quiet month.
 *
 * @example
 * ```ts
 * detectSuperfans(interactions, { now, halfLifeDays: DEFAULT_SUPERFAN_OPTIONS.halfLifeDays * 2 });
 * ```
 */
export const DEFAULT_SUPERFAN_OPTIONS = {
  halfLifeDays: 90,
  consumptionCap: 10,
  maxHelpPerPerson: 3,
  presenceWindowWeeks: 26,
  presenceRecentWeeks: 4,
  amplifierFollowers: 5000,
  lowWaterScore: 50,
  lowWaterActiveWeeks: 7,
  graceDays: 28,
  slippingGauge: 0.5,
  maxEvidence: 50,
} as const;

/** Options with every default filled in, and `now` read once. */
export interface ResolvedSuperfanOptions {
  now: string;
  nowMs: number;
  weights: IntentWeights;
  outcomeWeights: OutcomeWeights;
  halfLifeMs: number;
  consumptionCap: number;
  maxHelpPerPerson: number;
  windowWeeks: number;
  recentWeeks: number;
  gate: GateOptions;
  rankWeights: RankWeights;
  amplifierFollowers: number;
  directory: Map<string, MemberInfo>;
  profilingBasis: ConsentBasis;
  previous: CommunityReport | undefined;
  lowWaterScore: number;
  lowWaterActiveWeeks: number;
  graceMs: number;
  slippingGauge: number;
  maxEvidence: number;
  /**
   * Phrases already written during this evaluation. Most members share the same few phrases ("active 2 of the
   * last 26 weeks"); writing each once keeps a report of 100,000 members small.
   */
  words: Map<string | number, string>;
  gates: Map<string | number, GateFacts>;
  /** The sub-scores of members with no help or no feedback at all: the same for all of them, so shared. */
  none: { helpfulness?: HelpfulnessScore; intelligence?: IntelligenceScore };
  /** Points before decay of a help code's outcome bits (`code >> 3`: none, accepted, thanked). */
  helpPoints: [number, number, number];
  /** Points before decay of feedback, and of feedback acted on. */
  feedbackPoints: [number, number];
  /** Every member helped in this evaluation, numbered (see `MemberSlice.targets`). */
  helped: StringIndex;
  /** Per helped member's number: true when staff, brand or bot (an answer to them is not help). */
  helpedExcluded: boolean[];
  /** Working space reused from member to member (see `Scratch`). */
  scratch: Scratch;
}

/**
 * Working space for one member at a time. Evidence and reasons are collected here and copied out at their exact
 * length: arrays grown by push keep room for 16 or more, and would be garbage once copied anyway.
 */
interface Scratch {
  /** A new number per member, so that `helpStamp` and `ackStamp` need no clearing. */
  stamp: number;
  /** Per helped member's number: the stamp of the last member seen helping them, and how often they did. */
  helpStamp: Int32Array;
  helpTimes: Int32Array;
  /** Per helped member's number: the stamp of the last member whose help they accepted or thanked. */
  ackStamp: Int32Array;
  depth: string[];
  presence: string[];
  help: string[];
  feedback: string[];
  reasons: string[];
}

function newScratch(): Scratch {
  return {
    stamp: 0,
    helpStamp: new Int32Array(0),
    helpTimes: new Int32Array(0),
    ackStamp: new Int32Array(0),
    depth: [],
    presence: [],
    help: [],
    feedback: [],
    reasons: [],
  };
}

/** The first `length` strings of a scratch list, in an array of exactly that length. */
function take(list: string[], length: number): string[] {
  return length === 0 ? [] : list.slice(0, length);
}

// Interaction codes: the intent class in the low three bits, the outcome that earns a bonus in the next two.
const CONSUME = 0;
const PARTICIPATE = 1;
const ADVOCATE = 2;
const FEEDBACK = 3;
const HELP = 4;
/** Abuse earns nothing and blocks the gate. */
const ABUSE = 5;
/** A type Rapport does not know: left out like abuse, without blocking anything. */
const UNKNOWN = 6;
const CLASS_BITS = 7;
const ACCEPTED = 1 << 3;
const THANKED = 2 << 3;
const ACTIONED = 1 << 3;

/**
 * The code of an interaction (class and outcome bits), its help target not yet checked: `HELP` may still turn
 * into `PARTICIPATE` when the person helped is staff, a brand or a bot (see `helpTarget`).
 */
function codeOf(it: Interaction): number {
  switch (intentClassOf(it)) {
    case 'consume':
      return CONSUME;
    case 'participate':
      return PARTICIPATE;
    case 'advocate':
      return ADVOCATE;
    case 'feedback':
      return it.outcome === 'actioned' ? FEEDBACK | ACTIONED : FEEDBACK;
    case 'help':
      return HELP | (it.outcome === 'accepted' ? ACCEPTED : it.outcome === 'thanked' ? THANKED : 0);
    default:
      return it.type === 'abuse' ? ABUSE : UNKNOWN;
  }
}

/**
 * The item's packed code; help for another member also records that member's number in `targets[i]`, and help
 * whose target cannot be counted is read as participation.
 */
const KNOWN_TYPES: ReadonlySet<string> = /* @__PURE__ */ new Set(INTERACTION_TYPES);

/** Whether a record has what ranking reads: string id and memberId, and a known type. */
export function wellFormed(it: unknown): it is Interaction {
  if (it === null || typeof it !== 'object') return false;
  const r = it as Partial<Interaction>;
  return (
    typeof r.id === 'string' &&
    typeof r.memberId === 'string' &&
    typeof r.type === 'string' &&
    KNOWN_TYPES.has(r.type)
  );
}

function packedCode(
  o: ResolvedSuperfanOptions,
  it: Interaction,
  targets: Int32Array,
  i: number,
): number {
  const code = codeOf(it);
  if ((code & CLASS_BITS) !== HELP) return code;
  const target = helpTarget(o, it.targetMemberId!);
  if (target < 0) return PARTICIPATE;
  targets[i] = target;
  return code;
}

/** The number of the member an answer helped (see `ResolvedSuperfanOptions.helped`), or -1 when excluded. */
function helpTarget(o: ResolvedSuperfanOptions, target: string): number {
  let t = o.helped.add(target);
  if (t >= 0) o.helpedExcluded.push(isExcludedMember(o.directory.get(target)));
  else t = -1 - t;
  return o.helpedExcluded[t] ? -1 : t;
}

/**
 * Codes and help targets for `items[start..end-1]` (a live community's member, kept as their own list).
 *
 * @example
 * ```ts
 * computeMemberFacts(memberId, memberSlice(items, ms, start, o), o);
 * ```
 */
export function memberSlice(
  items: readonly Interaction[],
  ms: ArrayLike<number>,
  start: number,
  o: ResolvedSuperfanOptions,
): MemberSlice {
  const end = items.length;
  const codes = new Uint8Array(end);
  const targets = new Int32Array(end);
  const ids: string[] = new Array(end);
  const ats: string[] = new Array(end);
  for (let i = start; i < end; i++) {
    const it = items[i]!;
    ids[i] = it.id;
    ats[i] = it.at;
    codes[i] = packedCode(o, it, targets, i);
  }
  return { ms, order: null, start, end, codes, targets, ids, ats };
}

function noHelp(): HelpfulnessScore {
  return {
    value: 0,
    peopleHelped: 0,
    answers: 0,
    accepted: 0,
    thanked: 0,
    acknowledgedBy: 0,
    helpDays: 0,
    evidence: [],
    evidenceCount: 0,
    percentile: 0,
    detail: 'has not answered anybody else yet',
  };
}

function noFeedback(): IntelligenceScore {
  return {
    value: 0,
    feedbackItems: 0,
    actioned: 0,
    evidence: [],
    evidenceCount: 0,
    percentile: 0,
    detail: 'no feedback yet',
  };
}

/** A gate outcome and the reason a member who does not pass it is not a superfan yet (shared between members). */
export interface GateFacts {
  gate: SuperfanGate;
  notYet: string;
}

/**
 * A number key for a phrase kind (1..15) and a non-negative whole value: cheaper to hash than a string. Values
 * beyond 2^48 fall back to a string key.
 */
function numericKey(kind: number, value: number): number | string {
  return value >= 0 && value < 2 ** 48 ? kind * 2 ** 48 + value : `${kind}|${value}`;
}

/** Stores a phrase written for `key` (see `words`) and returns it. */
function remember(o: ResolvedSuperfanOptions, key: string | number, text: string): string {
  o.words.set(key, text);
  return text;
}

/**
 * Fills in every default and checks the numbers, throwing a RangeError that names the bad option.
 *
 * @example
 * ```ts
 * const resolved = resolveSuperfanOptions({ now: '2026-11-22T00:00:00Z', halfLifeDays: 30 });
 * ```
 */
export function resolveSuperfanOptions(options: SuperfanOptions): ResolvedSuperfanOptions {
  const d = DEFAULT_SUPERFAN_OPTIONS;
  // Plain JS may leave out the options (and with them now): that is a missing now, not a TypeError.
  const nowMs = readNow((options as Partial<SuperfanOptions> | undefined)?.now);
  const positive = (name: string, v: number): number => {
    if (!(v > 0)) throw new RangeError(`${name} must be a positive number, got ${v}`);
    return v;
  };
  const nonNegative = (name: string, v: number): number => {
    if (!(v >= 0)) throw new RangeError(`${name} must be zero or more, got ${v}`);
    return v;
  };
  const windowWeeks = Math.floor(
    positive('presenceWindowWeeks', options.presenceWindowWeeks ?? d.presenceWindowWeeks),
  );
  const recentWeeks = Math.floor(
    positive('presenceRecentWeeks', options.presenceRecentWeeks ?? d.presenceRecentWeeks),
  );
  if (recentWeeks >= windowWeeks)
    throw new RangeError('presenceRecentWeeks must be smaller than presenceWindowWeeks');
  if (options.members !== undefined && !Array.isArray(options.members))
    throw new RangeError(
      'members must be an array of member records ({ id, kind?, consent?, … }).',
    );
  const directory = new Map<string, MemberInfo>();
  for (const m of options.members ?? []) directory.set(m.id, m);
  // Weights and thresholds often come from a settings file: a string "8" would be added as text, a NaN threshold
  // would never be passed. Each must be a number of at least zero.
  const numbers = <T extends object>(
    name: string,
    given: Partial<T> | undefined,
    defaults: T,
  ): T => {
    for (const [key, v] of Object.entries(given ?? {}))
      if (v !== undefined && !(typeof v === 'number' && v >= 0 && Number.isFinite(v)))
        throw new RangeError(
          `${name}.${key} must be a number of at least 0, got ${typeof v === 'number' ? String(v) : (JSON.stringify(v) ?? String(v))}.`,
        );
    return { ...defaults, ...given };
  };
  const w = numbers('weights', options.weights, DEFAULT_INTENT_WEIGHTS);
  const outcomeWeights = numbers('outcomeWeights', options.outcomeWeights, DEFAULT_OUTCOME_WEIGHTS);
  return {
    now: msToIso(nowMs),
    nowMs,
    weights: w,
    outcomeWeights,
    halfLifeMs: positive('halfLifeDays', options.halfLifeDays ?? d.halfLifeDays) * DAY_MS,
    consumptionCap: nonNegative('consumptionCap', options.consumptionCap ?? d.consumptionCap),
    maxHelpPerPerson: positive('maxHelpPerPerson', options.maxHelpPerPerson ?? d.maxHelpPerPerson),
    windowWeeks,
    recentWeeks,
    gate: numbers('gate', options.gate, DEFAULT_GATE),
    rankWeights: numbers('rankWeights', options.rankWeights, DEFAULT_RANK_WEIGHTS),
    amplifierFollowers: options.amplifierFollowers ?? d.amplifierFollowers,
    directory,
    profilingBasis: readBasis(options.profilingBasis, 'profilingBasis'),
    previous: options.previous,
    lowWaterScore: options.lowWaterScore ?? d.lowWaterScore,
    lowWaterActiveWeeks: options.lowWaterActiveWeeks ?? d.lowWaterActiveWeeks,
    graceMs: nonNegative('graceDays', options.graceDays ?? d.graceDays) * DAY_MS,
    slippingGauge: options.slippingGauge ?? d.slippingGauge,
    maxEvidence: nonNegative('maxEvidence', options.maxEvidence ?? d.maxEvidence),
    words: new Map(),
    gates: new Map(),
    none: {},
    helpPoints: [w.help, w.help + outcomeWeights.accepted, w.help + outcomeWeights.thanked],
    feedbackPoints: [w.feedback, w.feedback + outcomeWeights.actioned],
    helped: new StringIndex(),
    helpedExcluded: [],
    scratch: newScratch(),
  };
}

/** True for staff, brand accounts and bots, which are never ranked. */
export function isExcludedMember(info: MemberInfo | undefined): boolean {
  return info !== undefined && info.kind !== undefined && info.kind !== 'customer';
}

/**
 * Whether a member may be ranked under `basis` (scoring behaviour is profiling): on consent only with
 * `consent.profiling` exactly `true`; on legitimate interest unless they objected (`consent.profiling` is `false`).
 */
export function mayProfile(info: MemberInfo | undefined, basis: ConsentBasis): boolean {
  return permittedUnder(info?.consent, 'profiling', basis);
}

/** Everything about one member at `now` that does not depend on the rest of the community. */
export interface MemberFacts {
  memberId: string;
  name: string | undefined;
  interactions: number;
  lastAt: string;
  depth: DepthScore;
  presence: PresenceScore;
  helpfulness: HelpfulnessScore;
  intelligence: IntelligenceScore;
  recency: RecencyScore;
  tenure: TenureScore;
  gate: SuperfanGate;
  /** Why a member who does not pass the gate is not a superfan yet (or, after abuse, cannot be one). */
  notYet: string;
  abuse: boolean;
  amplifier: boolean;
  followers: number | undefined;
  /**
   * Plain-words reasons that do not depend on rank or status, for the status a member who does not pass the gate
   * usually gets (`notYet`, which already states a presence or tenure shortfall): see `reasonsInFull`.
   */
  reasons: string[];
  /** Where the presence and tenure reasons are in `reasons`, and how many of the two are there (0..2). */
  factsAt: number;
  factsCount: number;
  /** Contributions (participation or more) and help interactions, for community health. */
  contributions: number;
  helps: number;
  /** Ids of the feedback items acted on (for the first-actioned alert). */
  actionedIds: readonly string[];
}

/**
 * A member's interactions, most recent first (ties by id), all at or before `now`: positions `start..end-1` of
 * `order` index the per-interaction arrays below; `order` null means the positions index them directly.
 *
 * The interactions are read once, in input order, into these compact arrays: the per-member pass visits them in
 * member order, which is random in memory, and touching each interaction there would cost a cache miss apiece.
 */
export interface MemberSlice {
  /** Epoch ms of each interaction. */
  ms: ArrayLike<number>;
  order: ArrayLike<number> | null;
  start: number;
  end: number;
  /** Per item: intent class and outcome bits (see `codeOf`), help to excluded members already made participation. */
  codes: ArrayLike<number>;
  /** Per help item: the number of the member helped (see `ResolvedSuperfanOptions.helped`). */
  targets: ArrayLike<number>;
  /** Per item: its id. */
  ids: ArrayLike<string>;
  /** Per item: its date as given (`at`). */
  ats: ArrayLike<string>;
}

/** Makes the per-helped-member arrays of `s` hold at least `size` members. */
function fitScratch(s: Scratch, size: number): void {
  if (s.helpStamp.length >= size) return;
  const capacity = Math.max(size, s.helpStamp.length * 2, 64);
  const grow = (a: Int32Array): Int32Array => {
    const b = new Int32Array(capacity);
    b.set(a);
    return b;
  };
  s.helpStamp = grow(s.helpStamp);
  s.helpTimes = grow(s.helpTimes);
  s.ackStamp = grow(s.ackStamp);
}

/** The ids of a member with none: shared, never changed (only copies of it are handed out). */
const NO_IDS: readonly string[] = [];

/** Computes one member's facts from their interactions (see `MemberSlice`). */
export function computeMemberFacts(
  memberId: string,
  slice: MemberSlice,
  o: ResolvedSuperfanOptions,
): MemberFacts {
  const { ms, order, start, end, codes, targets, ids, ats } = slice;
  const now = o.nowMs;
  const k = Math.LN2 / o.halfLifeMs;
  const maxEv = o.maxEvidence;
  const w = o.weights;
  const n = end - start;
  const s = o.scratch;
  fitScratch(s, o.helped.size);
  const stamp = ++s.stamp;
  const { helpStamp, helpTimes, ackStamp } = s;
  const { helpPoints, feedbackPoints, maxHelpPerPerson, windowWeeks, recentWeeks } = o;

  let consumeRaw = 0;
  let participate = 0;
  let advocate = 0;
  let feedbackPts = 0;
  let helpPts = 0;
  const depthEv = s.depth;
  let depthLen = 0;
  let depthCount = 0;

  let activeWeeks = 0;
  let recentActive = 0;
  let lastWeek = -1;
  const presenceEv = s.presence;
  let presenceLen = 0;
  let presenceCount = 0;

  let answers = 0;
  let accepted = 0;
  let thanked = 0;
  let helpDays = 0;
  let lastHelpDay = Number.NaN;
  let peopleHelped = 0;
  let acknowledgedBy = 0;
  const helpEv = s.help;
  let helpLen = 0;
  let helpValue = 0;

  let feedbackItems = 0;
  let actioned = 0;
  let firstActionedMs = Number.NaN;
  let actionedIds: string[] | undefined;
  const feedbackEv = s.feedback;
  let feedbackLen = 0;
  let intelValue = 0;

  let lastActive = -1;
  let lastActiveMs = Number.NaN;
  let abuseMs = Number.NaN;
  let contributions = 0;
  let advocacyCount = 0;

  for (let p = start; p < end; p++) {
    const i = order === null ? p : order[p]!;
    const code = codes[i]!;
    let cls = code & CLASS_BITS;
    const t = ms[i]!;
    if (cls >= ABUSE) {
      if (cls === ABUSE && !(abuseMs >= t)) abuseMs = t;
      continue;
    }
    const id = ids[i]!;
    const age = now - t;
    const decay = Math.exp(-age * k);
    depthCount++;
    if (depthLen < maxEv) depthEv[depthLen++] = id;

    if (cls === HELP) {
      const target = targets[i]!;
      let times = 1;
      if (helpStamp[target] === stamp) times = helpTimes[target]! + 1;
      else {
        helpStamp[target] = stamp;
        peopleHelped++;
      }
      helpTimes[target] = times;
      answers++;
      const outcome = code & ~CLASS_BITS;
      if (outcome !== 0) {
        if (outcome === ACCEPTED) accepted++;
        else thanked++;
        if (ackStamp[target] !== stamp) {
          ackStamp[target] = stamp;
          acknowledgedBy++;
        }
      }
      const day = Math.floor(t / DAY_MS);
      if (day !== lastHelpDay) {
        helpDays++;
        lastHelpDay = day;
      }
      if (helpLen < maxEv) helpEv[helpLen++] = id;
      if (times > maxHelpPerPerson) cls = PARTICIPATE;
      else {
        const pts = helpPoints[outcome >> 3]! * decay;
        helpPts += pts;
        helpValue += pts;
      }
    }
    if (cls !== CONSUME) {
      contributions++;
      if (lastActive < 0) {
        lastActive = i;
        lastActiveMs = t;
      }
      const week = Math.floor(age / WEEK_MS);
      if (week < windowWeeks) {
        presenceCount++;
        if (presenceLen < maxEv) presenceEv[presenceLen++] = id;
        if (week !== lastWeek) {
          activeWeeks++;
          if (week < recentWeeks) recentActive++;
          lastWeek = week;
        }
      }
    }
    switch (cls) {
      case CONSUME:
        consumeRaw += w.consume * decay;
        break;
      case PARTICIPATE:
        participate += w.participate * decay;
        break;
      case ADVOCATE:
        advocate += w.advocate * decay;
        advocacyCount++;
        break;
      case FEEDBACK: {
        feedbackItems++;
        const done = code === (FEEDBACK | ACTIONED);
        const pts = feedbackPoints[done ? 1 : 0]! * decay;
        feedbackPts += pts;
        intelValue += pts;
        if (feedbackLen < maxEv) feedbackEv[feedbackLen++] = id;
        if (done) {
          actioned++;
          (actionedIds ??= []).push(id);
          firstActionedMs = t;
        }
        break;
      }
      default:
        break;
    }
  }

  const firstIndex = order === null ? end - 1 : order[end - 1]!;
  const lastIndex = order === null ? start : order[start]!;
  const firstMs = ms[firstIndex]!;
  const lastAt = ats[lastIndex]!;
  const info = o.directory.get(memberId);
  const abuse = info?.abusive === true || abuseMs === abuseMs;

  // Depth
  const consume = Math.min(consumeRaw, o.consumptionCap);
  const consumptionCapped = consumeRaw > o.consumptionCap;
  const byClass: Record<IntentClass, number> = {
    consume,
    participate,
    advocate,
    feedback: feedbackPts,
    help: helpPts,
  };
  const depthValue = consume + participate + advocate + feedbackPts + helpPts;
  const depth: DepthScore = {
    value: depthValue,
    byClass,
    consumptionCapped,
    evidence: take(depthEv, depthLen),
    evidenceCount: depthCount,
    percentile: -0,
    detail:
      o.words.get(numericKey(1, Math.round(depthValue * 10) * 2 + (consumptionCapped ? 1 : 0))) ??
      remember(
        o,
        numericKey(1, Math.round(depthValue * 10) * 2 + (consumptionCapped ? 1 : 0)),
        `${round1(depthValue)} points of recent activity (half-life ${round1(o.halfLifeMs / DAY_MS)} days)${
          consumptionCapped ? `; views, likes and follows capped at ${o.consumptionCap}` : ''
        }`,
      ),
  };

  // Presence: the recent weekly rate against the member's own earlier rate, over the earlier weeks of the window
  // since they were first seen (weeks before they existed are not quiet weeks). With too few of those there is no
  // usual pace to compare with, except that none at all lately is quiet against any.
  const seenWeeks = Math.min(windowWeeks, Math.floor((now - firstMs) / WEEK_MS) + 1);
  const earlierWeeks = seenWeeks - recentWeeks;
  const earlierActive = activeWeeks - recentActive;
  const tooNew =
    earlierWeeks < Math.min(MIN_BASELINE_WEEKS, windowWeeks - recentWeeks) && recentActive > 0;
  const gauge =
    tooNew || earlierActive === 0
      ? null
      : recentActive / recentWeeks / (earlierActive / earlierWeeks);
  const pace: Pace =
    activeWeeks === 0
      ? ABSENT
      : tooNew
        ? TOO_NEW
        : gauge === null
          ? // Quiet for the whole earlier window: new if first seen within it, back after a break if before it.
            now - firstMs >= windowWeeks * WEEK_MS
            ? RETURNING
            : ONLY_RECENT
          : gauge >= 1.5
            ? RISING
            : gauge >= 0.75
              ? STEADY
              : gauge > 0
                ? SLOWING
                : QUIET;
  const trend = PACE_TREND[pace]!;
  const presenceKey = numericKey(2, (activeWeeks * (windowWeeks + 1) + recentActive) * 8 + pace);
  const presence: PresenceScore = {
    value: activeWeeks,
    windowWeeks: o.windowWeeks,
    recentActiveWeeks: recentActive,
    recentWeeks: o.recentWeeks,
    gauge: gauge === null ? null : round2(gauge),
    trend,
    evidence: take(presenceEv, presenceLen),
    evidenceCount: presenceCount,
    percentile: -0,
    detail:
      o.words.get(presenceKey) ??
      remember(o, presenceKey, presenceDetail(activeWeeks, recentActive, o, pace, true)),
  };

  // Helpfulness
  const helpfulness: HelpfulnessScore =
    answers === 0
      ? (o.none.helpfulness ??= noHelp())
      : {
          value: helpValue,
          peopleHelped,
          answers,
          accepted,
          thanked,
          acknowledgedBy,
          helpDays,
          evidence: take(helpEv, helpLen),
          evidenceCount: answers,
          percentile: -0,
          detail:
            answers === 0
              ? 'has not answered anybody else yet'
              : (o.words.get(
                  `help|${answers}|${peopleHelped}|${accepted}|${thanked}|${helpDays}`,
                ) ??
                remember(
                  o,
                  `help|${answers}|${peopleHelped}|${accepted}|${thanked}|${helpDays}`,
                  helpWords(answers, peopleHelped, accepted, thanked, helpDays),
                )),
        };

  // Intelligence
  const intelligence: IntelligenceScore =
    feedbackItems === 0
      ? (o.none.intelligence ??= noFeedback())
      : {
          value: intelValue,
          feedbackItems,
          actioned,
          evidence: take(feedbackEv, feedbackLen),
          evidenceCount: feedbackItems,
          percentile: -0,
          detail:
            feedbackItems === 0
              ? 'no feedback yet'
              : (o.words.get(numericKey(3, feedbackItems * 65536 + actioned)) ??
                remember(
                  o,
                  numericKey(3, feedbackItems * 65536 + actioned),
                  `gave ${plural(feedbackItems, 'piece')} of feedback; ${actioned} acted on`,
                )),
        };
  // Optional fields go last: properties added after a spread leave the object's fixed slots (slower, larger).
  if (actioned > 0 && feedbackItems > 0) intelligence.firstActionedAt = msToIso(firstActionedMs);

  // Recency
  const daysSince = lastActive < 0 ? null : Math.floor((now - lastActiveMs) / DAY_MS);
  const recency: RecencyScore = {
    value: lastActive < 0 ? 0 : Math.exp(-(now - lastActiveMs) * k),
    daysSince,
    evidence: lastActive < 0 ? [] : [ids[lastActive]!],
    evidenceCount: lastActive < 0 ? 0 : 1,
    percentile: -0,
    detail:
      daysSince === null
        ? 'has only viewed, liked or followed'
        : daysSince === 0
          ? 'active today'
          : (o.words.get(numericKey(4, daysSince)) ??
            remember(
              o,
              numericKey(4, daysSince),
              `last active ${durationWords(now - lastActiveMs)} ago`,
            )),
  };

  if (lastActive >= 0) recency.lastActiveAt = ats[lastActive]!;

  // Tenure
  const tenureDays = Math.floor((now - firstMs) / DAY_MS);
  const tenure: TenureScore = {
    value: tenureDays,
    firstSeenAt: ats[firstIndex]!,
    evidence: [ids[firstIndex]!],
    evidenceCount: 1,
    percentile: -0,
    detail:
      o.words.get(numericKey(5, tenureDays)) ??
      remember(o, numericKey(5, tenureDays), `first seen ${durationWords(now - firstMs)} ago`),
  };

  const { gate, notYet } = gateFacts(o, {
    activeWeeks,
    peopleHelped,
    helpDays,
    feedbackItems,
    actioned,
    tenureDays,
    abuseMs,
    sanctioned: info?.abusive === true,
  });

  const followers = info?.followers;
  const amplifier = followers !== undefined && followers >= o.amplifierFollowers;
  // Slot 0 is the status reason, filled in when the member is ranked.
  const reasons = s.reasons;
  let count = 0;
  reasons[count++] = '';
  if (answers > 0) reasons[count++] = helpfulness.detail;
  if (feedbackItems > 0) reasons[count++] = intelligence.detail;
  // A member who fails the presence or tenure check is, almost always, told so in the status reason ("not a
  // superfan yet: active 5 of the last 26 weeks; needs 13; 29 days since first seen; needs 60"): their reasons
  // do not say it again, only how their pace is changing. `rankCommunity` puts it back for the other statuses.
  const factsAt = count;
  if (gate.checks[0]!.passed) reasons[count++] = presence.detail;
  else if (pace !== ABSENT) {
    const key = numericKey(9, recentActive * 8 + pace);
    reasons[count++] =
      o.words.get(key) ??
      remember(o, key, presenceDetail(activeWeeks, recentActive, o, pace, false));
  }
  if (gate.checks[3]!.passed) reasons[count++] = tenureWords(o, tenureDays);
  const factsCount = count - factsAt;
  if (advocacyCount > 0)
    reasons[count++] =
      o.words.get(numericKey(7, advocacyCount)) ??
      remember(
        o,
        numericKey(7, advocacyCount),
        `recommended or shared in their own words ${plural(advocacyCount, 'time')}`,
      );
  if (amplifier)
    reasons[count++] = `${followers} followers: an amplifier (reach is reported, never scored)`;
  if (consumptionCapped)
    reasons[count++] =
      o.words.get(numericKey(8, 0)) ??
      remember(
        o,
        numericKey(8, 0),
        `views, likes and follows capped at ${o.consumptionCap} points`,
      );

  return {
    memberId,
    name: info?.name,
    interactions: n,
    lastAt,
    depth,
    presence,
    helpfulness,
    intelligence,
    recency,
    tenure,
    gate,
    notYet,
    abuse,
    amplifier,
    followers,
    reasons: reasons.slice(0, count),
    factsAt,
    factsCount,
    contributions,
    helps: answers,
    actionedIds: actionedIds ?? NO_IDS,
  };
}

interface GateInputs {
  activeWeeks: number;
  peopleHelped: number;
  helpDays: number;
  feedbackItems: number;
  actioned: number;
  tenureDays: number;
  /** Latest abuse record, NaN when none. */
  abuseMs: number;
  sanctioned: boolean;
}

/** The gate for these numbers, shared by every member with the same numbers. */
function gateFacts(o: ResolvedSuperfanOptions, x: GateInputs): GateFacts {
  const abuseDay = x.abuseMs === x.abuseMs ? Math.floor(x.abuseMs / DAY_MS) : -1;
  // Past the tenure bar the exact number of days does not change the gate (it is in the tenure sub-score).
  const tenure = x.tenureDays >= o.gate.minTenureDays ? -1 : x.tenureDays;
  // Most members never helped, gave feedback or were sanctioned: a number key covers them without a string.
  const key =
    x.peopleHelped === 0 &&
    x.helpDays === 0 &&
    x.feedbackItems === 0 &&
    abuseDay < 0 &&
    !x.sanctioned &&
    x.activeWeeks < 65536 &&
    tenure < 2 ** 31
      ? x.activeWeeks * 2 ** 32 + tenure + 1
      : `${x.activeWeeks}|${x.peopleHelped}|${x.helpDays}|${x.feedbackItems}|${x.actioned}|${tenure}|${abuseDay}|${x.sanctioned}`;
  const known = o.gates.get(key);
  if (known) return known;
  const g = o.gate;
  const abuse = x.sanctioned || abuseDay >= 0;
  const checks: GateCheck[] = [
    {
      name: 'presence',
      passed: x.activeWeeks >= g.minActiveWeeks,
      detail: `active ${x.activeWeeks} of the last ${o.windowWeeks} weeks; needs ${g.minActiveWeeks}`,
    },
    {
      name: 'helper',
      passed: x.peopleHelped >= g.minPeopleHelped && x.helpDays >= g.minHelpDays,
      detail: `helped ${plural(x.peopleHelped, 'person', 'people')} on ${plural(x.helpDays, 'day')}; needs ${g.minPeopleHelped} people on ${g.minHelpDays} days`,
    },
    {
      name: 'informant',
      passed: x.feedbackItems >= g.minFeedback && x.actioned >= g.minFeedbackActioned,
      detail: `${plural(x.feedbackItems, 'feedback item')}, ${x.actioned} acted on; needs ${g.minFeedback} with ${g.minFeedbackActioned} acted on`,
    },
    {
      name: 'tenure',
      passed: tenure < 0,
      detail:
        tenure < 0
          ? `first seen at least ${g.minTenureDays} days ago`
          : `${plural(tenure, 'day')} since first seen; needs ${g.minTenureDays}`,
    },
    {
      name: 'no_abuse',
      passed: !abuse,
      detail: !abuse
        ? 'no abuse recorded (complaints are not abuse)'
        : abuseDay >= 0
          ? `abuse recorded by moderators on ${msToIso(x.abuseMs).slice(0, 10)}`
          : 'sanctioned by moderators',
    },
  ];
  const paths: Array<'helper' | 'informant'> = [];
  if (checks[1]!.passed) paths.push('helper');
  if (checks[2]!.passed) paths.push('informant');
  const gate: SuperfanGate = {
    passed: checks[0]!.passed && paths.length > 0 && checks[3]!.passed && checks[4]!.passed,
    paths,
    checks,
  };
  const parts = checks
    .filter((c) => !c.passed && c.name !== 'helper' && c.name !== 'informant')
    .map((c) => c.detail);
  if (paths.length === 0) parts.push(`${checks[1]!.detail}, or ${checks[2]!.detail}`);
  // Abuse is not a shortfall time or effort can make up: the status says so, and only that.
  const facts = {
    gate,
    notYet: abuse
      ? `cannot be a superfan: ${checks[4]!.detail}`
      : `not a superfan yet: ${parts.join('; ')}`,
  };
  o.gates.set(key, facts);
  return facts;
}

/**
 * Earlier weeks (since first seen, within the window) a member needs before their recent pace is compared with
 * their own: with fewer, one active week early on would make any steady newcomer look busier than usual. A
 * newcomer active earlier but in none of the recent weeks is quiet all the same.
 */
const MIN_BASELINE_WEEKS = 4;

// How a member's presence is changing (see `PresenceScore.trend`); `new` comes in two kinds.
type Pace = number;
const ABSENT = 0;
/** Too few earlier weeks since first seen to know their usual pace. */
const TOO_NEW = 1;
/** Seen long enough, but active only in the recent weeks. */
const ONLY_RECENT = 2;
const RISING = 3;
const STEADY = 4;
const SLOWING = 5;
const QUIET = 6;
/** First seen before the window, quiet through its earlier weeks, active again lately. */
const RETURNING = 7;
const PACE_TREND: readonly PresenceScore['trend'][] = [
  'absent',
  'new',
  'new',
  'rising',
  'steady',
  'slowing',
  'quiet',
  'rising',
];

/**
 * The presence detail in words; without `full`, only how their pace is changing, for reasons that follow a status
 * already giving their active weeks (empty when there is nothing more to say).
 */
function presenceDetail(
  active: number,
  recent: number,
  o: ResolvedSuperfanOptions,
  pace: Pace,
  full: boolean,
): string {
  const base = full ? `active ${active} of the last ${o.windowWeeks} weeks, ` : '';
  const lately = `${recent} of the last ${o.recentWeeks}${full ? '' : ' weeks'}`;
  switch (pace) {
    case ABSENT:
      return full ? `not active in the last ${o.windowWeeks} weeks` : '';
    case TOO_NEW:
      return `${base}new: too soon to know their usual pace`;
    case ONLY_RECENT:
      return full
        ? `${base}all of it in the last ${o.recentWeeks} weeks (new)`
        : `active only in the last ${o.recentWeeks} weeks (new)`;
    case RETURNING:
      return full
        ? `${base}all of it in the last ${o.recentWeeks} weeks (back after a break)`
        : `active again in the last ${o.recentWeeks} weeks, after a break`;
    case RISING:
      return `${base}busier than usual lately (${lately})`;
    case STEADY:
      return full ? `${base}at their usual pace` : 'showing up at their usual pace';
    case SLOWING:
      return `${base}quieter than usual lately (${lately})`;
    default:
      return full
        ? `${base}but none of the last ${o.recentWeeks}: gone quiet`
        : `none of the last ${o.recentWeeks} weeks: gone quiet`;
  }
}

/** "around for 4 weeks", shared by every member with the same days of tenure. */
function tenureWords(o: ResolvedSuperfanOptions, tenureDays: number): string {
  return (
    o.words.get(numericKey(6, tenureDays)) ??
    remember(o, numericKey(6, tenureDays), `around for ${durationWords(tenureDays * DAY_MS)}`)
  );
}

/**
 * The member's reasons with their presence and tenure in full, for a status reason that does not state the gate's
 * shortfalls (kept as superfan, or no longer one): see `MemberFacts.reasons`.
 */
function reasonsInFull(f: MemberFacts, o: ResolvedSuperfanOptions): string[] {
  const reasons = f.reasons.slice(0, f.factsAt);
  reasons.push(f.presence.detail, tenureWords(o, f.tenure.value));
  for (let i = f.factsAt + f.factsCount; i < f.reasons.length; i++) reasons.push(f.reasons[i]!);
  return reasons;
}

function helpWords(
  answers: number,
  people: number,
  accepted: number,
  thanked: number,
  days: number,
): string {
  const head =
    answers === people
      ? `answered ${people} other ${people === 1 ? "person's question" : "people's questions"}`
      : `answered ${answers} questions from ${plural(people, 'other person', 'other people')}`;
  const outcomes: string[] = [];
  if (accepted > 0) outcomes.push(`${accepted} accepted`);
  if (thanked > 0) outcomes.push(`${thanked} thanked`);
  return `${head}${outcomes.length ? `; ${outcomes.join(', ')}` : ''} (on ${plural(days, 'day')})`;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function round1(v: number): number {
  return Math.round(v * 10) / 10;
}
function round2(v: number): number {
  return Math.round(v * 100) / 100;
}

/** Interactions grouped by member (ranked members only), with what was left out. */
export interface GroupedInteractions {
  /** Member ids, in order of first appearance. */
  memberIds: string[];
  /** Per member: `offsets[m]..offsets[m+1]-1` are its positions in `order`. */
  offsets: Int32Array;
  /** Indexes into the input, grouped by member, each group most recent first (ties by id). */
  order: Int32Array;
  /** Epoch ms of every input interaction (NaN when unreadable). */
  ms: Float64Array;
  ignored: IgnoredCounts;
  excludedMembers: Set<string>;
  /** How many members were left out because ranking them is not permitted (see `mayProfile`). */
  withoutConsent: number;
  interactions: number;
  /** Per input interaction: its code (see `MemberSlice.codes`); set for grouped ones only. */
  codes: Uint8Array;
  /** Per help interaction: the number of the member helped (see `MemberSlice.targets`). */
  targets: Int32Array;
  /** Per input interaction: its id. */
  ids: string[];
  /** Per input interaction that is not a repeat: its date as given. */
  ats: string[];
}

/** A string equal to `s` in memory of its own (a new string rather than a reference to `s`). */
function freshCopy(s: string): string {
  return ` ${s}`.slice(1);
}

/**
 * Groups interactions by member, counting duplicates, unreadable dates, interactions after `now` and those by
 * staff, brand accounts or bots. Linear time (radix sorts for repeated ids and for recency); no per-member arrays.
 */
export function groupInteractions(
  interactions: readonly Interaction[],
  o: ResolvedSuperfanOptions,
): GroupedInteractions {
  const n = interactions.length;
  const ids: string[] = new Array(n);
  const ms = new Float64Array(n);
  // A record whose date cannot be read is rejected as invalid, so a later copy of it with a readable date is not a
  // duplicate of it (as in a live community, which never counted the first).
  const unreadable = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const it = interactions[i]!;
    // A record plain JavaScript handed over malformed (null, no id or member, an unknown type) is counted as
    // invalid, like an unreadable date: parseInteractions gives each such record its reason.
    if (!wellFormed(it)) {
      ids[i] = '';
      ms[i] = Number.NaN;
      unreadable[i] = 1;
      continue;
    }
    ids[i] = it.id;
    const t = isoToMs(it.at);
    ms[i] = t;
    if (t !== t) unreadable[i] = 1;
  }
  const repeated = repeats(ids, unreadable);
  const ats: string[] = new Array(n);
  const memberOf = new Int32Array(n);
  const codes = new Uint8Array(n);
  const targets = new Int32Array(n);
  const index = new StringIndex(Math.min(n, 1024));
  const memberIds = index.keys;
  let counts = new Int32Array(1024);
  const ignored: IgnoredCounts = {
    future: 0,
    excluded: 0,
    duplicates: 0,
    invalid: 0,
    withoutConsent: 0,
  };
  const excludedMembers = new Set<string>();
  const withoutConsent = new Set<string>();
  // Per member not yet seen: 0 ranked, 1 excluded (staff, brand, bot), 2 not permitted (profiling basis).
  const excludedCache = new Map<string, number>();
  const everyoneMay = o.directory.size === 0 && o.profilingBasis === 'legitimate_interest';
  let counted = 0;
  let minMs = Infinity;
  let maxMs = -Infinity;
  for (let i = 0; i < n; i++) {
    memberOf[i] = -1;
    if (repeated[i] === 1) {
      ignored.duplicates++;
      continue;
    }
    const t = ms[i]!;
    if (t !== t) {
      ignored.invalid++;
      continue;
    }
    const it = interactions[i]!;
    ats[i] = it.at;
    if (t > o.nowMs) {
      ignored.future++;
      continue;
    }
    let m = index.indexOf(it.memberId);
    if (m < 0) {
      let left = 0;
      if (!everyoneMay) {
        const known = excludedCache.get(it.memberId);
        if (known !== undefined) left = known;
        else {
          const info = o.directory.get(it.memberId);
          left = isExcludedMember(info) ? 1 : mayProfile(info, o.profilingBasis) ? 0 : 2;
          excludedCache.set(it.memberId, left);
        }
      }
      if (left === 1) {
        ignored.excluded++;
        excludedMembers.add(it.memberId);
        continue;
      }
      if (left === 2) {
        ignored.withoutConsent++;
        withoutConsent.add(it.memberId);
        continue;
      }
      // A copy made now lies next to the other members' ids: every later interaction compares its memberId with
      // it, and the original, somewhere among a million interactions, would cost a cache miss each time.
      m = index.add(freshCopy(it.memberId));
      if (m >= counts.length) {
        const bigger = new Int32Array(counts.length * 2);
        bigger.set(counts);
        counts = bigger;
      }
    }
    memberOf[i] = m;
    counts[m]!++;
    counted++;
    if (t < minMs) minMs = t;
    if (t > maxMs) maxMs = t;
    // The item is at hand now: what the per-member pass needs from it goes into compact arrays.
    codes[i] = packedCode(o, it, targets, i);
  }
  const members = memberIds.length;
  const offsets = new Int32Array(members + 1);
  for (let m = 0; m < members; m++) offsets[m + 1] = offsets[m]! + counts[m]!;

  // Most recent first: a radix sort of everyone's interactions by age, then each is filed under its member in
  // that order. Equal times (rare) are put in id order afterwards, only for the members who have them.
  const grouped = new Int32Array(counted);
  const age = new Float64Array(counted);
  for (let i = 0, j = 0; i < n; i++) {
    if (memberOf[i]! < 0) continue;
    grouped[j] = i;
    age[j++] = maxMs - ms[i]!;
  }
  const byAge = radixOrder(age, maxMs - minMs);
  const fill = offsets.slice(0, members);
  const order = new Int32Array(counted);
  const ties = new Uint8Array(members);
  let anyTies = false;
  for (let j = 0; j < counted; j++) {
    const i = grouped[byAge.order[j]!]!;
    const m = memberOf[i]!;
    order[fill[m]!++] = i;
    if (j > 0 && Math.floor(byAge.sorted[j]!) === Math.floor(byAge.sorted[j - 1]!)) {
      ties[m] = 1;
      ties[memberOf[grouped[byAge.order[j - 1]!]!]!] = 1;
      anyTies = true;
    }
  }
  if (anyTies) {
    const byRecency = (a: number, b: number): number => {
      const d = ms[b]! - ms[a]!;
      if (d !== 0) return d;
      const ia = ids[a]!;
      const ib = ids[b]!;
      return ia < ib ? -1 : ia > ib ? 1 : 0;
    };
    for (let m = 0; m < members; m++) {
      if (ties[m] === 0) continue;
      const s0 = offsets[m]!;
      const e0 = offsets[m + 1]!;
      if (e0 - s0 > 32) {
        order.subarray(s0, e0).sort(byRecency);
        continue;
      }
      // Insertion sort: already in order but for the equal times.
      for (let p = s0 + 1; p < e0; p++) {
        const v = order[p]!;
        let q = p - 1;
        while (q >= s0 && byRecency(order[q]!, v) > 0) {
          order[q + 1] = order[q]!;
          q--;
        }
        order[q + 1] = v;
      }
    }
  }
  return {
    memberIds,
    offsets,
    order,
    ms,
    ignored,
    excludedMembers,
    withoutConsent: withoutConsent.size,
    interactions: counted,
    codes,
    targets,
    ids,
    ats,
  };
}

/**
 * Ranks members by behaviour and finds the superfans, explaining every number.
 *
 * Each member gets six sub-scores (depth, presence, helpfulness, intelligence, recency, tenure), each with its
 * evidence (interaction ids) and a percentile within the community. The rank `score` (0..100) is the weighted
 * mean of those percentiles: deterministic, no clustering, ties broken by memberId. `superfan` comes from an
 * absolute gate (presence AND (helper OR informant) AND tenure AND no abuse), with hysteresis when `previous`
 * is given. Followers never enter the score: they only set `amplifier`. Staff, brand accounts and bots (by
 * `options.members`) are left out. Interactions after `now`, repeated ids and unreadable dates (a date-time
 * without a zone among them: see `isoToMs`) are counted in `report.ignored`, never silently dropped. A missing or
 * unreadable `now` throws a RangeError. Validate outside data first with `parseInteractions`.
 *
 * @example
 * ```ts
 * const report = detectSuperfans(interactions, { now: '2026-11-22T00:00:00Z', members: directory });
 * for (const m of report.members.filter((m) => m.superfan)) console.log(m.memberId, m.reasons.join('; '));
 * ```
 */
export function detectSuperfans(
  interactions: readonly Interaction[],
  options: SuperfanOptions,
): CommunityReport {
  if (!Array.isArray(interactions))
    throw new RangeError(
      'interactions must be an array of interactions (from interactionsFromMentions, pass its .interactions).',
    );
  const o = resolveSuperfanOptions(options);
  const g = groupInteractions(interactions, o);
  const facts: MemberFacts[] = new Array(g.memberIds.length);
  const slice: MemberSlice = {
    ms: g.ms,
    order: g.order,
    start: 0,
    end: 0,
    codes: g.codes,
    targets: g.targets,
    ids: g.ids,
    ats: g.ats,
  };
  for (let m = 0; m < g.memberIds.length; m++) {
    slice.start = g.offsets[m]!;
    slice.end = g.offsets[m + 1]!;
    facts[m] = computeMemberFacts(g.memberIds[m]!, slice, o);
  }
  return rankCommunity(
    facts,
    o,
    g.ignored,
    g.excludedMembers,
    g.withoutConsent,
    g.interactions,
    true,
  );
}

const DIMENSIONS = [
  'depth',
  'presence',
  'helpfulness',
  'intelligence',
  'recency',
  'tenure',
] as const;

/**
 * Turns every member's facts into the ranked report: percentiles, rank score, hysteresis, alerts, health.
 * Cost O(n log n) in members; no interaction is read again.
 */
export function rankCommunity(
  facts: readonly MemberFacts[],
  o: ResolvedSuperfanOptions,
  ignored: IgnoredCounts,
  excludedMembers: ReadonlySet<string>,
  membersWithoutConsent: number,
  interactions: number,
  fresh = false,
  reuse?: ReadonlyMap<MemberFacts, MemberReport>,
): CommunityReport {
  const n = facts.length;
  const rw = o.rankWeights;
  let weightSum = 0;
  for (const d of DIMENSIONS) weightSum += Math.max(0, rw[d]);
  const percentiles = DIMENSIONS.map(() => new Float64Array(n));
  const columns = DIMENSIONS.map(() => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    const f = facts[i]!;
    columns[0]![i] = f.depth.value;
    columns[1]![i] = f.presence.value;
    columns[2]![i] = f.helpfulness.value;
    columns[3]![i] = f.intelligence.value;
    columns[4]![i] = f.recency.value;
    columns[5]![i] = f.tenure.value;
  }
  for (let di = 0; di < DIMENSIONS.length; di++) percentilesOf(columns[di]!, percentiles[di]!);
  const scores = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let di = 0; di < DIMENSIONS.length; di++)
      s += Math.max(0, rw[DIMENSIONS[di]!]) * percentiles[di]![i]!;
    scores[i] = weightSum > 0 ? Math.round((s / weightSum) * 100) / 100 : 0;
  }
  const order = rankOrder(scores, facts);

  // Rank and percentile of each member: this pass reads only numbers, so rank order costs little here.
  const rankOf = new Int32Array(n);
  const percentileOf = new Float64Array(n);
  let lowerStart = 0;
  for (let r = 0; r < n; r++) {
    const i = order[r]!;
    const score = scores[i]!;
    if (lowerStart <= r) {
      lowerStart = r + 1;
      while (lowerStart < n && scores[order[lowerStart]!] === score) lowerStart++;
    }
    rankOf[i] = r;
    percentileOf[i] = n > 0 ? Math.round((10000 * (n - lowerStart)) / n) / 100 : 0;
  }

  const prev = new Map<string, MemberReport>();
  if (o.previous) for (const m of o.previous.members) prev.set(m.memberId, m);
  const hasPrev = o.previous !== undefined;
  const topQuartile = Math.ceil(n / 4);

  // Reports are built in the order the facts were made (and lie in memory), each put at its rank: in rank order
  // every member's objects would be a cache miss. Alerts are put in rank order at the end.
  const members: MemberReport[] = new Array(n);
  const alerts: SuperfanAlert[] = [];
  const alertRanks: number[] = [];
  let superfanCount = 0;
  for (let i = 0; i < n; i++) {
    const r = rankOf[i]!;
    const f = facts[i]!;
    const score = scores[i]!;
    const percentile = percentileOf[i]!;
    const p = hasPrev ? prev.get(f.memberId) : undefined;

    // Hysteresis: promotion at once; demotion only under the low-water mark after the grace period.
    let status: SuperfanStatus = 'member';
    let superfanSince: string | undefined;
    let belowSince: string | undefined;
    let statusReason: string;
    // True when the status reason does not state the gate's shortfalls (see `reasonsInFull`).
    let inFull = false;
    if (f.gate.passed) {
      status = 'superfan';
      superfanSince = p?.superfan ? (p.superfanSince ?? o.now) : o.now;
      statusReason = `superfan (${f.gate.paths.join(' and ')} path${f.gate.paths.length > 1 ? 's' : ''})`;
    } else if (p?.superfan && !f.abuse) {
      // Helper and informant are two ways through one check: short only when neither passes.
      const failed = f.gate.checks
        .filter((c) => !c.passed && c.name !== 'helper' && c.name !== 'informant')
        .map((c) => c.name as string);
      if (f.gate.paths.length === 0) failed.push('helper or informant');
      const weeks = f.presence.value;
      if (score >= o.lowWaterScore && weeks >= o.lowWaterActiveWeeks) {
        status = 'held';
        statusReason = `kept as superfan: below the gate (${failed.join(', ')}) but above the low-water mark (score ${score} of at least ${o.lowWaterScore}, ${weeks} active weeks of at least ${o.lowWaterActiveWeeks})`;
      } else {
        const under =
          score < o.lowWaterScore
            ? `score ${score} under the low-water mark ${o.lowWaterScore}`
            : `${weeks} active weeks, under the low-water mark of ${o.lowWaterActiveWeeks}`;
        const sinceMs = p.belowLowWaterSince ? isoToMs(p.belowLowWaterSince) : o.nowMs;
        const left = sinceMs + o.graceMs - o.nowMs;
        if (left > 0) {
          status = 'held';
          belowSince = msToIso(sinceMs);
          statusReason = `kept as superfan for ${durationWords(left)} more of grace: ${under}`;
        } else
          statusReason = `no longer a superfan: ${under} for ${durationWords(o.nowMs - sinceMs)}`;
      }
      if (status === 'held') superfanSince = p.superfanSince;
      inFull = true;
    } else statusReason = f.notYet;
    const superfan = status !== 'member';
    if (superfan) superfanCount++;

    const old = reuse?.get(f);
    let member: MemberReport;
    if (
      old !== undefined &&
      old.rank === r + 1 &&
      old.score === score &&
      old.percentile === percentile &&
      old.status === status &&
      old.superfanSince === superfanSince &&
      old.belowLowWaterSince === belowSince &&
      old.reasons[0] === statusReason &&
      old.subScores.depth.percentile === round2(percentiles[0]![i]!) &&
      old.subScores.presence.percentile === round2(percentiles[1]![i]!) &&
      old.subScores.helpfulness.percentile === round2(percentiles[2]![i]!) &&
      old.subScores.intelligence.percentile === round2(percentiles[3]![i]!) &&
      old.subScores.recency.percentile === round2(percentiles[4]![i]!) &&
      old.subScores.tenure.percentile === round2(percentiles[5]![i]!)
    ) {
      // Nothing about this member changed since the last report at this moment: share it.
      member = old;
    } else {
      // Fresh facts belong to this report alone, so they are completed in place instead of copied.
      const reasons = inFull ? reasonsInFull(f, o) : fresh ? f.reasons : f.reasons.slice();
      reasons[0] = statusReason;
      const was = old?.subScores;
      member = {
        memberId: f.memberId,
        rank: r + 1,
        score,
        percentile,
        superfan,
        status,
        amplifier: f.amplifier,
        subScores: {
          depth: keep(fresh, was?.depth, f.depth, percentiles[0]![i]!),
          presence: keep(fresh, was?.presence, f.presence, percentiles[1]![i]!),
          helpfulness: keep(fresh, was?.helpfulness, f.helpfulness, percentiles[2]![i]!),
          intelligence: keep(fresh, was?.intelligence, f.intelligence, percentiles[3]![i]!),
          recency: keep(fresh, was?.recency, f.recency, percentiles[4]![i]!),
          tenure: keep(fresh, was?.tenure, f.tenure, percentiles[5]![i]!),
        },
        gate: f.gate,
        reasons,
        interactions: f.interactions,
        firstSeenAt: f.tenure.firstSeenAt,
        lastSeenAt: f.lastAt,
      };
      if (f.name !== undefined) member.name = f.name;
      if (superfanSince !== undefined) member.superfanSince = superfanSince;
      if (belowSince !== undefined) member.belowLowWaterSince = belowSince;
      if (f.followers !== undefined) member.followers = f.followers;
    }
    members[r] = member;

    // Alerts
    const before = alerts.length;
    if (hasPrev && status === 'superfan' && !p?.superfan)
      alerts.push({
        kind: 'rising',
        memberId: f.memberId,
        message: `crossed the superfan gate: ${
          f.gate.paths.includes('helper') ? f.helpfulness.detail : f.intelligence.detail
        }; ${f.presence.detail}`,
        evidence: f.gate.paths.includes('helper')
          ? f.helpfulness.evidence
          : f.intelligence.evidence,
      });
    const gauge = f.presence.gauge;
    if ((superfan || (r < topQuartile && score > 0)) && gauge !== null && gauge < o.slippingGauge)
      alerts.push({
        kind: 'slipping',
        memberId: f.memberId,
        message: `${superfan ? 'superfan' : 'top-quartile member'} going quiet: ${f.presence.detail}`,
        evidence: f.recency.evidence,
      });
    if (hasPrev && f.intelligence.actioned > 0 && !(p && p.subScores.intelligence.actioned > 0))
      alerts.push({
        kind: 'first_feedback_actioned',
        memberId: f.memberId,
        message: `their feedback was acted on for the first time: thank them and tell them what changed`,
        evidence: f.actionedIds.slice(-1),
      });
    for (let a = before; a < alerts.length; a++) alertRanks.push(r);
  }

  const contributions: number[] = [];
  const helps: number[] = [];
  for (const f of facts) {
    if (f.contributions > 0) contributions.push(f.contributions);
    if (f.helps > 0) helps.push(f.helps);
  }
  return {
    now: o.now,
    members,
    superfanCount,
    alerts: inRankOrder(alerts, alertRanks),
    health: communityHealthFromCounts(contributions, helps),
    interactions,
    ignored,
    excludedMembers: [...excludedMembers].sort(),
    membersWithoutConsent,
  };
}

/** Alerts sorted by their member's rank, a member's alerts in the order they were raised. */
function inRankOrder(alerts: SuperfanAlert[], ranks: number[]): SuperfanAlert[] {
  const at = alerts.map((_, a) => a);
  // Array sort is stable: a member's alerts keep their order.
  at.sort((a, b) => ranks[a]! - ranks[b]!);
  return at.map((a) => alerts[a]!);
}

/**
 * Member positions by score, highest first, ties by memberId.
 *
 * Scores are hundredths from 0 to 100, so a counting sort over the 10,001 possible scores does most of the work;
 * only members with equal scores are compared, by id. Scores of any other shape (weights that make them NaN) fall
 * back to a comparison sort.
 */
function rankOrder(scores: Float64Array, facts: readonly MemberFacts[]): Int32Array {
  const n = scores.length;
  const ids: string[] = new Array(n);
  for (let i = 0; i < n; i++) ids[i] = facts[i]!.memberId;
  const byId = (a: number, b: number): number => {
    const ia = ids[a]!;
    const ib = ids[b]!;
    return ia < ib ? -1 : ia > ib ? 1 : 0;
  };
  const order = new Int32Array(n);
  const keys = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const key = Math.round(scores[i]! * 100);
    if (!(key >= 0 && key <= 10000 && key / 100 === scores[i])) {
      const all = Array.from({ length: n }, (_, j) => j);
      all.sort((a, b) => {
        const d = scores[b]! - scores[a]!;
        return d !== 0 ? d : byId(a, b);
      });
      order.set(all);
      return order;
    }
    keys[i] = 10000 - key;
  }
  const starts = new Int32Array(10002);
  for (let i = 0; i < n; i++) starts[keys[i]! + 1]!++;
  for (let k = 1; k < starts.length; k++) starts[k]! += starts[k - 1]!;
  const fill = starts.slice(0, 10001);
  for (let i = 0; i < n; i++) order[fill[keys[i]!]!++] = i;
  for (let k = 0; k < 10001; k++) {
    const s0 = starts[k]!;
    const e0 = starts[k + 1]!;
    if (e0 - s0 < 2) continue;
    if (e0 - s0 > 16) {
      order.subarray(s0, e0).sort(byId);
      continue;
    }
    for (let p = s0 + 1; p < e0; p++) {
      const v = order[p]!;
      const id = ids[v]!;
      let q = p - 1;
      while (q >= s0 && ids[order[q]!]! > id) {
        order[q + 1] = order[q]!;
        q--;
      }
      order[q + 1] = v;
    }
  }
  return order;
}

/**
 * A sub-score with its percentile: fresh facts are completed in place; otherwise the previous report's object is
 * shared when its percentile has not moved, or a copy is made.
 */
function keep<T extends { percentile: number }>(
  fresh: boolean,
  previous: T | undefined,
  score: T,
  percentile: number,
): T {
  const p = round2(percentile);
  if (fresh) {
    score.percentile = p;
    return score;
  }
  return previous !== undefined && previous.percentile === p
    ? previous
    : { ...score, percentile: p };
}

/** Whole numbers up to this (active weeks, days of tenure) are counted rather than sorted. */
const COUNTED_UP_TO = 1 << 16;

/**
 * For each value: the share (0..100) of all values at or below it, or 0 when it is not above 0.
 *
 * Whole numbers in a small range are tallied (linear); other values are sorted and looked up by binary search.
 */
function percentilesOf(values: Float64Array, out: Float64Array): void {
  const n = values.length;
  let max = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (!(v >= 0 && v <= COUNTED_UP_TO && Math.floor(v) === v)) {
      max = -1;
      break;
    }
    if (v > max) max = v;
  }
  if (max >= 0) {
    const atMost = new Int32Array(max + 1);
    for (let i = 0; i < n; i++) atMost[values[i]!]!++;
    for (let v = 1; v <= max; v++) atMost[v]! += atMost[v - 1]!;
    for (let i = 0; i < n; i++) {
      const v = values[i]!;
      out[i] = v > 0 ? (100 * atMost[v]!) / n : 0;
    }
    return;
  }
  const sorted = values.slice().sort();
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    out[i] = v > 0 ? (100 * upperBound(sorted, v)) / n : 0;
  }
}

/** Number of values in the ascending `sorted` that are at most `v`. */
function upperBound(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
