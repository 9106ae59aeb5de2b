// Types for superfan detection, relationship capacity and community health.
// Plain data only (JSON-serialisable), so a report can cross a worker boundary or be stored.
import type { ConsentBasis } from '../model/consent';
import type { Consent } from '../model/schemas';

/** Every kind of interaction Rapport understands. More may be added; unknown types are rejected at the boundary. */
export const INTERACTION_TYPES = [
  'view',
  'like',
  'follow',
  'comment',
  'mention',
  'share',
  'recommendation',
  'review',
  'question',
  'feature_request',
  'bug_report',
  'complaint',
  'answer',
  'abuse',
] as const;

/**
 * What a member did. `abuse` is a moderator's record of abusive behaviour (harassment, spam, doxxing) by the
 * member: it blocks the superfan gate. A `complaint` is feedback, never abuse.
 */
export type InteractionType = (typeof INTERACTION_TYPES)[number];

/** What came of an interaction: help `accepted` or `thanked` by the person helped, feedback `actioned` by a team. */
export const INTERACTION_OUTCOMES = ['accepted', 'thanked', 'actioned'] as const;
/** What came of an interaction (see `INTERACTION_OUTCOMES`). */
export type InteractionOutcome = (typeof INTERACTION_OUTCOMES)[number];

/** Why a member did something, from passive to most valuable. Each class has a weight (see `IntentWeights`). */
export const INTENT_CLASSES = ['consume', 'participate', 'advocate', 'feedback', 'help'] as const;
/** An intent class (see `INTENT_CLASSES`). */
export type IntentClass = (typeof INTENT_CLASSES)[number];

/**
 * One thing one member did, on any channel.
 *
 * `at` is ISO 8601 with a zone. `targetMemberId` is the person the interaction was for (for an `answer`, the
 * person who asked); help counts only when it is somebody else. `url` links back to the original (used by
 * relationship memory for "last hiccup, with a link").
 *
 * @example
 * ```ts
 * const answer: Interaction = {
 *   id: 'forum:post:981',
 *   memberId: 'ana',
 *   at: '2026-11-20T09:12:00Z',
 *   channel: 'forum',
 *   type: 'answer',
 *   targetMemberId: 'ben',
 *   outcome: 'accepted',
 * };
 * ```
 */
export interface Interaction {
  id: string;
  memberId: string;
  at: string;
  /** Where it happened: a platform (`x`, `forum`, `stackexchange`, ...). Free text, at most 64 characters. */
  channel: string;
  type: InteractionType;
  threadId?: string;
  targetMemberId?: string;
  outcome?: InteractionOutcome;
  text?: string;
  url?: string;
}

/**
 * What Rapport knows about a member apart from their interactions: who they are, and their reach.
 *
 * @example
 * ```ts
 * const members: MemberInfo[] = [{ id: 'sam', kind: 'staff' }, { id: 'ana', followers: 40, name: 'Ana' }];
 * ```
 */
export interface MemberInfo {
  id: string;
  /** `customer` (default) is ranked; `staff`, `brand` and `bot` are excluded from the report. */
  kind?: 'customer' | 'staff' | 'brand' | 'bot';
  /** Followers or audience size. Never enters the score; only sets the `amplifier` flag. */
  followers?: number;
  /** Set when moderators have blocked or sanctioned the member: they cannot pass the superfan gate. */
  abusive?: boolean;
  /** A display name for people reading the report. */
  name?: string;
  /**
   * What this person has allowed (the model's `Consent`; `interactionsFromMentions` fills it from their messages).
   * Ranking them is profiling: see `SuperfanOptions.profilingBasis`.
   */
  consent?: Consent;
}

/**
 * A declared link between handles of one person: every id in `aliases` becomes `memberId`.
 *
 * @example
 * ```ts
 * const link: IdentityLink = { memberId: 'crm:42', aliases: ['x:ana', 'forum:ana_b'] };
 * ```
 */
export interface IdentityLink {
  memberId: string;
  aliases: readonly string[];
}

/** Points per intent class, and extra points per outcome. */
export interface IntentWeights {
  consume: number;
  participate: number;
  advocate: number;
  feedback: number;
  help: number;
}
/** Extra points per outcome (accepted and thanked add to help, actioned to feedback). */
export type OutcomeWeights = Record<InteractionOutcome, number>;

/** The absolute superfan gate. Every part must hold; the helper and informant paths are alternatives. */
export interface GateOptions {
  /** Active weeks (with participation or more) out of `presenceWindowWeeks` needed. Default 13 (half of 26). */
  minActiveWeeks: number;
  /** Helper path: distinct other people helped. Default 5. */
  minPeopleHelped: number;
  /** Helper path: distinct days on which they helped, so one busy afternoon is not a habit. Default 3. */
  minHelpDays: number;
  /** Informant path: feedback items given. Default 3. */
  minFeedback: number;
  /** Informant path: feedback items acted on by a team. Default 1. */
  minFeedbackActioned: number;
  /** Days since the first interaction. Default 60. */
  minTenureDays: number;
}

/** Rank weights of each sub-score's percentile; they need not add up to 1 (they are normalised). */
export interface RankWeights {
  depth: number;
  presence: number;
  helpfulness: number;
  intelligence: number;
  recency: number;
  tenure: number;
}

/**
 * Everything `detectSuperfans` can be told. Only `now` is required; defaults are documented in `DEFAULT_SUPERFAN_OPTIONS`.
 *
 * @example
 * ```ts
 * const options: SuperfanOptions = { now: '2026-11-22T00:00:00Z', halfLifeDays: 60, gate: { minPeopleHelped: 3 } };
 * ```
 */
export interface SuperfanOptions {
  /**
   * The moment of evaluation: an ISO 8601 date-time with a zone (`Z`, `+01:00`), a date alone (midnight UTC) or
   * epoch ms. Required: missing or unreadable, it throws a RangeError. Interactions after it are ignored and
   * counted in `ignored.future`.
   */
  now: string | number;
  weights?: Partial<IntentWeights>;
  outcomeWeights?: Partial<OutcomeWeights>;
  /** Half-life of the exponential decay, in days. Default 90. */
  halfLifeDays?: number;
  /** Most decayed points consumption (views, likes, follows) can add to depth. Default 10. */
  consumptionCap?: number;
  /** Most help interactions counted toward one helped person, so two friends cannot farm points. Default 3. */
  maxHelpPerPerson?: number;
  /** Weeks of presence looked at. Default 26. */
  presenceWindowWeeks?: number;
  /** Recent weeks compared with the member's own baseline for the presence gauge. Default 4. */
  presenceRecentWeeks?: number;
  gate?: Partial<GateOptions>;
  rankWeights?: Partial<RankWeights>;
  /** Followers from which a member is flagged `amplifier`. Default 5000. */
  amplifierFollowers?: number;
  /** Members known apart from interactions (staff, brand, bots, followers, sanctions, consent). */
  members?: readonly MemberInfo[];
  /**
   * Why you may rank people at all (scoring their behaviour is profiling). `legitimate_interest` (default): anyone
   * is ranked except a member whose `consent.profiling` is `false` (they objected). `consent`: only members whose
   * `consent.profiling` is `true` are ranked. Members left out are counted in `membersWithoutConsent`, never named.
   */
  profilingBasis?: ConsentBasis;
  /** The previous report, for hysteresis and alerts (`rising`, `first_feedback_actioned`). */
  previous?: CommunityReport;
  /**
   * Low-water mark, part one: rank score under which a superfan who no longer passes the gate starts their grace
   * period. Default 50 (the community's median).
   */
  lowWaterScore?: number;
  /**
   * Low-water mark, part two: active weeks under which a superfan who no longer passes the gate starts their grace
   * period, even with a high score. Default 7 (about half of what the gate asks).
   */
  lowWaterActiveWeeks?: number;
  /** Days a superfan may stay under the low-water mark before demotion. Default 28. */
  graceDays?: number;
  /** Presence gauge (recent rate / own baseline) under which an alert says `slipping`. Default 0.5. */
  slippingGauge?: number;
  /** Most interaction ids listed as evidence per sub-score (most recent first). Default 50; `Infinity` for all. */
  maxEvidence?: number;
}

/** The evidence behind a sub-score: the ids of the interactions that made it, most recent first. */
export interface Evidence {
  /** Interaction ids, most recent first, at most `maxEvidence`. */
  evidence: string[];
  /** How many interactions support the sub-score in all (may exceed `evidence.length`). */
  evidenceCount: number;
  /** The member's standing on this sub-score in the community: 0..100 (0 when they have none of it). */
  percentile: number;
  /** One line in plain words, e.g. "active 18 of the last 26 weeks". */
  detail: string;
}

/** Decayed weighted activity. Consumption is capped so reading a lot cannot make a superfan. */
export interface DepthScore extends Evidence {
  /** Decayed points in all (after the consumption cap). */
  value: number;
  /** Decayed points per intent class (consume after the cap). */
  byClass: Record<IntentClass, number>;
  /** True when consumption was cut to the cap. */
  consumptionCapped: boolean;
}

/** How regularly the member shows up, and whether that is changing against their own habit. */
export interface PresenceScore extends Evidence {
  /** Weeks with participation or more, out of `windowWeeks`. */
  value: number;
  windowWeeks: number;
  /** Active weeks among the most recent `recentWeeks`. */
  recentActiveWeeks: number;
  recentWeeks: number;
  /**
   * Recent weekly rate divided by the member's own earlier rate: 1 is their usual, under 1 quieter, over 1 busier.
   * The earlier rate counts only the earlier weeks of the window since they were first seen. `null` when there is
   * nothing to compare with: fewer than 4 such weeks (too new to know their usual pace), or no activity in them.
   */
  gauge: number | null;
  /**
   * `new` when `gauge` is null for a member active in the window (first seen too recently, or active only
   * lately); `rising` from a gauge of 1.5, `steady` from 0.75, `slowing` above 0, `quiet` at 0; `absent` when not
   * active in the window at all.
   */
  trend: 'new' | 'rising' | 'steady' | 'slowing' | 'quiet' | 'absent';
}

/** Help given to other people, and how they received it. */
export interface HelpfulnessScore extends Evidence {
  /** Decayed help points, with outcome bonuses, at most `maxHelpPerPerson` answers per person helped. */
  value: number;
  /** Distinct other people helped. */
  peopleHelped: number;
  /** Help interactions (answers to somebody else). */
  answers: number;
  accepted: number;
  thanked: number;
  /** Distinct people who accepted or thanked their help. */
  acknowledgedBy: number;
  /** Distinct calendar days (UTC) with help. */
  helpDays: number;
}

/** Feedback given to the company, and how much of it was acted on. */
export interface IntelligenceScore extends Evidence {
  /** Decayed feedback points, with the bonus for items acted on. */
  value: number;
  feedbackItems: number;
  actioned: number;
  /** When their first item was acted on, if ever. */
  firstActionedAt?: string;
}

/** How recently the member did something beyond consuming: `value` is 1 today, 0.5 after one half-life. */
export interface RecencyScore extends Evidence {
  value: number;
  lastActiveAt?: string;
  /** Days since `lastActiveAt`; `null` when they never did more than consume. */
  daysSince: number | null;
}

/** How long the member has been around: `value` is days since their first interaction. */
export interface TenureScore extends Evidence {
  value: number;
  firstSeenAt: string;
}

/** The six sub-scores of a member, each shown separately with its evidence. */
export interface SubScores {
  depth: DepthScore;
  presence: PresenceScore;
  helpfulness: HelpfulnessScore;
  intelligence: IntelligenceScore;
  recency: RecencyScore;
  tenure: TenureScore;
}

/** One check of the superfan gate, with what was needed and what the member has. */
export interface GateCheck {
  name: 'presence' | 'helper' | 'informant' | 'tenure' | 'no_abuse';
  passed: boolean;
  detail: string;
}

/** The absolute gate: `passed` when presence, tenure and no-abuse hold and the helper or informant path does. */
export interface SuperfanGate {
  passed: boolean;
  /** Which alternative paths were met. */
  paths: Array<'helper' | 'informant'>;
  checks: GateCheck[];
}

/**
 * Where the member stands: `superfan` (passes the gate), `held` (a superfan who no longer passes the gate but
 * is kept by hysteresis: above the low-water mark or within the grace period), `member` otherwise.
 */
export type SuperfanStatus = 'superfan' | 'held' | 'member';

/**
 * One ranked member, with every sub-score, its evidence and the reasons in plain words.
 *
 * @example
 * ```ts
 * const ana = report.members.find((m) => m.memberId === 'ana');
 * ana?.subScores.helpfulness.evidence; // ids of the answers behind "answered 7 other people's questions"
 * ```
 */
export interface MemberReport {
  memberId: string;
  name?: string;
  /** 1-based position in `report.members`. */
  rank: number;
  /** Rank score 0..100: the weighted mean of the sub-score percentiles. Relative to this community. */
  score: number;
  /** Share of ranked members with a lower score, 0..100. */
  percentile: number;
  /** True for `superfan` and `held` status. */
  superfan: boolean;
  status: SuperfanStatus;
  /** When they became a superfan (kept across reports through `previous`). */
  superfanSince?: string;
  /** When a held superfan first fell under the low-water mark (their grace period runs from here). */
  belowLowWaterSince?: string;
  /** Large audience (followers at or over `amplifierFollowers`). Reported only; never part of the score. */
  amplifier: boolean;
  followers?: number;
  subScores: SubScores;
  gate: SuperfanGate;
  /** Plain-words reasons, most important first: "answered 7 other customers' questions; 4 accepted". */
  reasons: string[];
  interactions: number;
  firstSeenAt: string;
  lastSeenAt: string;
}

/** `rising`: crossed the gate; `slipping`: a superfan or top-quartile member gone quiet; `first_feedback_actioned`. */
export type SuperfanAlertKind = 'rising' | 'slipping' | 'first_feedback_actioned';

/** Something a community manager should act on now. */
export interface SuperfanAlert {
  kind: SuperfanAlertKind;
  memberId: string;
  /** Plain words: "crossed the superfan gate: helped 6 people, present 15 of 26 weeks". */
  message: string;
  /** Interaction ids behind the alert. */
  evidence: string[];
}

/** Core/regular/casual shares and the helpers' bus factor. */
export interface CommunityHealth {
  /** Members with at least one contribution (participation or more). */
  contributors: number;
  /** Fewest members who make 80% of contributions. */
  core: number;
  /** The next members up to 95% of contributions. */
  regular: number;
  /** The rest of the contributors. */
  casual: number;
  /** Shares of contributors, 0..1. */
  shares: { core: number; regular: number; casual: number };
  /** Fewest helpers who give half of all help (0 when nobody helps). Low means fragile. */
  helperBusFactor: number;
  helpers: number;
  /** Plain words: "3 people give half of all help: fragile". */
  summary: string;
}

/** Interactions left out of the ranking, counted so nothing disappears silently. */
export interface IgnoredCounts {
  /** Dated after `now`. */
  future: number;
  /** By staff, brand accounts or bots. */
  excluded: number;
  /** Repeats of an id already counted. */
  duplicates: number;
  /** With a date that cannot be read (validate with `parseInteractions` to see why). */
  invalid: number;
  /** By members who may not be ranked under `profilingBasis` (see `membersWithoutConsent`). */
  withoutConsent: number;
}

/**
 * The ranked community at `now`: plain, JSON-serialisable data.
 *
 * @example
 * ```ts
 * const report: CommunityReport = detectSuperfans(interactions, { now });
 * const superfans = report.members.filter((m) => m.superfan);
 * ```
 */
export interface CommunityReport {
  now: string;
  /** Ranked members, highest score first (ties by memberId). */
  members: MemberReport[];
  superfanCount: number;
  alerts: SuperfanAlert[];
  health: CommunityHealth;
  interactions: number;
  ignored: IgnoredCounts;
  /** Excluded members (staff, brand, bots) seen in the interactions, sorted. */
  excludedMembers: string[];
  /**
   * How many people were left out because ranking them is not permitted (see `SuperfanOptions.profilingBasis`):
   * counted, never named, and not in `members`, `alerts` or `health`.
   */
  membersWithoutConsent: number;
}

/**
 * A person at the company who holds relationships, and how much of their time is committed online (0..1).
 *
 * @example
 * ```ts
 * const staff: StaffMember[] = [{ id: 'sam' }, { id: 'kim', commitment: 0.5 }];
 * ```
 */
export interface StaffMember {
  id: string;
  name?: string;
  /** Share of a full-time role committed to online relationships, 0..1. Default 1. */
  commitment?: number;
}

/** Options of `planCapacity`. */
export interface CapacityOptions {
  /** Relationships one fully committed person can hold. Default 150. */
  perPerson?: number;
  /** Existing owners (memberId → staffId), kept when the owner is still on staff and has room. */
  owners?: Readonly<Record<string, string>>;
  /** Also give spare capacity to the highest-ranked non-superfans. Default false. */
  fillWithCandidates?: boolean;
}

/** One relationship: a member and the staff member who holds it. */
export interface CapacityAssignment {
  memberId: string;
  staffId: string;
  /** True when the member kept their existing owner. */
  kept: boolean;
  /** True when the member is a superfan (false for candidates filling spare capacity). */
  superfan: boolean;
}

/** How many relationships one staff member can hold and holds. */
export interface StaffLoad {
  staffId: string;
  capacity: number;
  assigned: number;
}

/** Who holds which relationship, who is uncovered, and by how much the superfans overflow the staff. */
export interface CapacityPlan {
  /** Relationships the staff can hold in all. */
  capacity: number;
  assignments: CapacityAssignment[];
  load: StaffLoad[];
  /** Superfans with no owner because capacity ran out, highest rank first. */
  uncovered: string[];
  /** Superfans beyond capacity (uncovered.length). */
  overflow: number;
  /** Capacity left after every superfan has an owner. */
  spare: number;
  /** Plain words: "2 staff hold 300 relationships; 312 superfans: 12 uncovered". */
  summary: string;
}

/** Something the company said it would do for a member. */
export interface Commitment {
  id: string;
  memberId: string;
  madeAt: string;
  text: string;
  dueAt?: string;
  /** When it was kept; absent means still open. */
  keptAt?: string;
}

/** A personal contact from staff to a member (a DM, a call, a thank-you note). */
export interface PersonalTouch {
  memberId: string;
  at: string;
  staffId?: string;
  note?: string;
}

/** Options of `relationshipMemory`. */
export interface RelationshipOptions {
  /** Moment of evaluation: ISO 8601 with a zone, a date alone (midnight UTC) or epoch ms. Required. */
  now: string | number;
  commitments?: readonly Commitment[];
  touches?: readonly PersonalTouch[];
  /** Days between personal touches. Default 30. */
  touchEveryDays?: number;
  /** What this person has allowed (their `MemberInfo.consent`, the model's `Consent`). */
  consent?: Consent;
  /**
   * Why you may remember this person and reach out. `legitimate_interest` (default): unless they said no
   * (`consent.relationship` or `consent.contact` is `false`). `consent`: only what they said yes to. Remembering
   * their hiccups and celebrations needs `relationship`; scheduling personal touches needs `contact`.
   */
  basis?: ConsentBasis;
}

/** A moment worth remembering: what happened, when, the interaction behind it and a link if there is one. */
export interface RelationshipMoment {
  at: string;
  what: string;
  interactionId?: string;
  url?: string;
}

/** What a community manager should remember about one person before talking to them. */
export interface RelationshipMemory {
  memberId: string;
  /** Their last complaint or problem report. */
  lastHiccup?: RelationshipMoment;
  /** Their last milestone or praise (a recommendation, accepted help, feedback acted on, a round number). */
  lastCelebration?: RelationshipMoment;
  /** Commitments not yet kept, oldest due first. */
  openPromises: Commitment[];
  lastTouchAt?: string;
  /**
   * When the next personal touch is due (ISO 8601): earlier when a promise is due or a hiccup is recent. Absent
   * when reaching out to them is not permitted (see `withheld`).
   */
  nextTouchDue?: string;
  /** True when `nextTouchDue` is at or before `now`. */
  touchOverdue: boolean;
  /**
   * What is left out because it is not permitted: `relationship` (no hiccups, celebrations or anniversaries kept)
   * and `contact` (no personal touch scheduled). Promises the company made are always listed.
   */
  withheld: ('relationship' | 'contact')[];
  /** Plain words: "last hiccup 3 days ago (bug report); 1 open promise due 2026-11-30". */
  summary: string;
}

/**
 * Serialisable state of a community: everything needed to rebuild a report, mergeable across shards.
 *
 * @example
 * ```ts
 * const state: CommunityState = mergeCommunityStates(shardA, shardB);
 * ```
 */
export interface CommunityState {
  version: 1;
  /** Interactions, sorted by memberId, then time, then id; one per id. */
  interactions: Interaction[];
  /** Member directory, sorted by id. */
  members: MemberInfo[];
}
