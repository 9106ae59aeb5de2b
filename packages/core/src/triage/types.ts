import type { Author, Channel, Direction, Mention, Platform } from '../model/schemas';
import type { Conversation } from '../model/conversations';
import type { Rejected } from '../model/parse';
import type { PriorityBand } from '../scoring/bands';
import type { MentionScore, ScoringContext } from '../scoring/types';
import type { Intent, SentimentLabel, TextSignals } from '../text/types';

// ---------------------------------------------------------------------------------------------------------------
// Departments and routing
// ---------------------------------------------------------------------------------------------------------------

/** A part of the company that can act on a message. `id` is what rules and routings refer to. */
export interface Department {
  /** Stable key, e.g. `service`. Rules, SLA policies and agents refer to departments by this id. */
  id: string;
  /** Name shown to people, e.g. "Customer service". */
  name: string;
  /** What this department acts on, in a sentence. */
  description?: string;
}

/** Conditions on the author of a mention. Every given field must hold. */
export interface AuthorCondition {
  minFollowers?: number;
  maxFollowers?: number;
  verified?: boolean;
  isStaff?: boolean;
  isBrand?: boolean;
  isBot?: boolean;
  /** The author's tier is one of these (case-insensitive), e.g. `['gold', 'vip']`. */
  tiers?: string[];
  /** The author's id is one of these. */
  ids?: string[];
  minLifetimeValue?: number;
}

/** An intent condition: the intent's confidence is at least `min` (default 0.5). */
export interface IntentCondition {
  intent: Intent;
  min?: number;
}

/** A sentiment condition: label among `labels`, score within `[min, max]` (both -1..1, inclusive). */
export interface SentimentCondition {
  labels?: SentimentLabel[];
  min?: number;
  max?: number;
}

/**
 * When a routing rule applies. Every given field must hold (AND); inside a list, any item may match (OR),
 * except `allKeywords` (every phrase) and `noneKeywords` (no phrase).
 *
 * Keywords and phrases are matched on whole words, ignoring case, accents, zero-width characters and
 * punctuation: `"refund"` matches "REFUND!" and "réfund" but not "refunded". A phrase of several words matches
 * those words in a row. Scripts written without spaces between words (Chinese, Japanese, Thai, …) match inside
 * longer text: `"退款"` matches "我要退款". A keyword with no letters, digits or emoji (`"$$$"`) is rejected when
 * the routing is compiled, since it could never be found. There are no regular expressions, so matching is linear
 * in the text length.
 */
export interface RoutingCondition {
  platforms?: Platform[];
  channels?: Channel[];
  directions?: Direction[];
  /** Any of these words or phrases appears. */
  keywords?: string[];
  /** Every one of these words or phrases appears. */
  allKeywords?: string[];
  /** None of these words or phrases appears. */
  noneKeywords?: string[];
  /** Any of these intents reaches its confidence (needs text signals). */
  intents?: IntentCondition[];
  sentiment?: SentimentCondition;
  /** Urgency (0..1) at least this much. */
  minUrgency?: number;
  author?: AuthorCondition;
  /** The mention carries any of these tags (case-insensitive). */
  tags?: string[];
}

/** Why a mention needs someone to approve the answer before it goes out. */
export type ApprovalReason = 'legal' | 'crisis' | 'executive' | 'privacy';

/** What a matching rule does. Anything not given falls back to the default model (department) or nothing. */
export interface RoutingAction {
  /** Department id to route to; when absent the default model picks the department. */
  department?: string;
  /** Points added to the mention's priority (-100..100). */
  priorityBoost?: number;
  /** Tags to add to the conversation. */
  tags?: string[];
  /** Id of the SLA policy to apply (instead of choosing one by the policies' conditions). */
  slaPolicy?: string;
  /** The answer needs approval before it is sent. */
  needsApproval?: ApprovalReason;
}

/** A declarative routing rule: when `when` holds, do `then`. Rules are tried in order; the first match wins. */
export interface RoutingRule {
  id: string;
  /** What the rule is for, shown in reasons. */
  description?: string;
  /** Disabled rules are skipped (default true). */
  enabled?: boolean;
  when: RoutingCondition;
  then: RoutingAction;
}

/** Which department each intent goes to, for the default model. Missing intents fall through. */
export type IntentDepartments = Partial<Record<Intent, string>>;

/** Everything routing needs: rules, departments and how the default model maps intents. */
export interface RoutingConfig {
  rules?: RoutingRule[];
  /** Known departments (default {@link DEFAULT_DEPARTMENTS}). A rule naming an unknown department is an error. */
  departments?: Department[];
  /** Intent → department for the default model (default {@link DEFAULT_INTENT_DEPARTMENTS}). */
  intentDepartments?: IntentDepartments;
  /** Department for what no one else should act on first (default `marketing`). */
  fallbackDepartment?: string;
  /**
   * Department for a message whose need is unclear but that reads like a problem or a question: a negative tone,
   * a cue too weak to decide (a complaint, a question, a billing word), or text the built-in analyzer cannot read
   * (not English). Default `service` when there is one, otherwise the fallback: somebody who can answer looks
   * first, so an unrecognised complaint does not wait in Marketing.
   */
  unclearNeedDepartment?: string;
  /** Least intent confidence the default model acts on (default 0.35). */
  minIntentConfidence?: number;
}

/** How routing decided. `rule`: a rule named the department; `model`: an intent did; `fallback`: nothing did. */
export type RoutingSource = 'rule' | 'model' | 'fallback';

/** Where a mention goes and why. */
export interface Routing {
  department: string;
  /** 0..1: 1 for a rule that names the department, the intent confidence for the model, low for the fallback. */
  confidence: number;
  /** Id of the rule that matched, if any. */
  matchedRule?: string;
  decidedBy: RoutingSource;
  /** Points to add to the priority (from the rule; 0 otherwise). */
  priorityBoost: number;
  /** Tags the rule added. */
  tags: string[];
  slaPolicy?: string;
  needsApproval?: ApprovalReason;
  /** Why, in words a community manager understands. */
  reasons: string[];
}

// ---------------------------------------------------------------------------------------------------------------
// Calendars and SLAs
// ---------------------------------------------------------------------------------------------------------------

/** Days of the week, in the calendar's own time zone. */
export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/** Working hours within one day, local wall time `HH:MM` (24-hour). `end` may be `24:00`; start < end. */
export interface WorkingInterval {
  start: string;
  end: string;
}

/** A one-off change to one local date: these intervals replace the usual ones (empty = closed all day). When a date is overridden twice, the last override wins. */
export interface CalendarOverride {
  /** Local date `YYYY-MM-DD`. */
  date: string;
  intervals: WorkingInterval[];
}

/**
 * When business time runs. Either `alwaysOpen` (24/7) or working intervals per weekday in `timeZone`, minus
 * `holidays`, with one-off `overrides` (which win over holidays and the week). DST-correct: an instant is
 * working time when its local wall time in `timeZone` falls in one of that local date's intervals, so the
 * repeated hour when clocks go back counts twice and the skipped hour when they go forward does not exist.
 */
export interface Calendar {
  id: string;
  /** IANA time zone, e.g. `Europe/London`. */
  timeZone: string;
  alwaysOpen?: boolean;
  week?: Partial<Record<Weekday, WorkingInterval[]>>;
  /** Local dates `YYYY-MM-DD` closed all day. */
  holidays?: string[];
  overrides?: CalendarOverride[];
}

/** The clocks an SLA can run. */
export type SlaTargetName =
  'first_response' | 'next_response' | 'resolution' | 'public_acknowledgement';

/** Target durations in minutes of business time. A missing target is not measured. */
export interface SlaTargets {
  firstResponse?: number;
  nextResponse?: number;
  resolution?: number;
  /** Public complaints: a first public reply (default 60 minutes when the policy does not say). */
  publicAcknowledgement?: number;
}

/** When an SLA policy applies (every given field must hold). */
export interface SlaPolicyCondition {
  departments?: string[];
  channels?: Channel[];
  platforms?: Platform[];
  bands?: PriorityBand[];
  /** The conversation carries any of these tags. */
  tags?: string[];
}

/**
 * Response-time promises. Targets are merged from general to specific: `targets`, then `byDepartment`, then
 * `byChannel`, then `byBand` (later ones win per target).
 */
export interface SlaPolicy {
  id: string;
  name?: string;
  /** Calendar id to count business time in; absent = the triage's default calendar (or 24/7). */
  calendar?: string;
  /** Policies are tried in order; the first whose condition holds applies. No condition = always. */
  when?: SlaPolicyCondition;
  targets: SlaTargets;
  byDepartment?: Record<string, SlaTargets>;
  byChannel?: Partial<Record<Channel, SlaTargets>>;
  byBand?: Partial<Record<PriorityBand, SlaTargets>>;
  /** Fractions of a target after which its clock shows `warning` (default `[0.75]`). */
  warnAt?: number[];
  /** Targets whose clock runs around the clock whatever the calendar says (default none). */
  roundTheClock?: SlaTargetName[];
}

/** A clock's state at `now`. */
export type SlaStatus = 'pending' | 'warning' | 'breached' | 'met' | 'paused';

/** Things that happened to a clock, in time order. */
export type SlaEventKind = 'applied' | 'warning' | 'breached' | 'fulfilled' | 'paused' | 'resumed';

/** One entry of a clock's event log. */
export interface SlaEvent {
  kind: SlaEventKind;
  target: SlaTargetName;
  /** ISO 8601 instant. */
  at: string;
  detail: string;
}

/** A period a clock did not run: the brand was waiting on the customer, or an agent paused it. */
export interface SlaPause {
  from: string;
  /** Absent while the pause lasts. */
  to?: string;
  reason: string;
}

/** One target's clock at `now`. Business times are in milliseconds of the calendar's working time. */
export interface SlaClock {
  target: SlaTargetName;
  /** The target, minutes of business time. */
  targetMinutes: number;
  /** When the clock (its current cycle, for `next_response`) started. */
  startedAt: string;
  /** When it breaches (or breached) if it keeps running from `now`; absent when the calendar has no working time ahead. */
  dueAt?: string;
  /** Business milliseconds left before breach; negative once overdue. */
  remaining: number;
  /** Business milliseconds used so far (pauses excluded). */
  used: number;
  status: SlaStatus;
  fulfilledAt?: string;
  breachedAt?: string;
  pauses: SlaPause[];
  /** For `next_response`: how many cycles ran (one per unanswered customer message burst). */
  cycles: number;
  events: SlaEvent[];
}

/** Every clock of one conversation under one policy at `now`. */
export interface SlaState {
  policyId: string;
  calendarId: string;
  clocks: SlaClock[];
  /** The worst status over the clocks (breached > warning > pending > paused > met). */
  status: SlaStatus;
  /** The earliest `dueAt` of a clock still running (pending or warning), if any. */
  nextDueAt?: string;
  /** Every clock's events, in time order. */
  events: SlaEvent[];
}

/** What the brand did to a conversation, as far as SLAs care. */
export type ConversationStatus = 'open' | 'resolved';

/**
 * A conversation as SLAs see it: its messages plus what the brand decided.
 *
 * `resolvedAt` stops every clock, even when the customer spoke last. A customer message after `resolvedAt`
 * reopens the conversation: the resolution is then ignored and the clocks run on. `pauses` are periods an agent
 * marked as waiting on the customer; the resolution clock also pauses by itself while the brand (a person, not a
 * bot) has replied last.
 */
export interface SlaConversation {
  mentions: readonly Mention[];
  channel: Channel;
  resolvedAt?: string;
  pauses?: readonly SlaPause[];
  /** Whether the opening message is a complaint (turns on the public acknowledgement target on public channels). */
  complaint?: boolean;
  /** Priority band and department, to pick targets from `byBand` and `byDepartment`. */
  band?: PriorityBand;
  department?: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Triage: queue, assignment, escalation
// ---------------------------------------------------------------------------------------------------------------

/** A person who answers. */
export interface Agent {
  id: string;
  name?: string;
  /** Department ids this agent works for. */
  departments: string[];
  /** Skills, e.g. `['spanish', 'billing']`; a conversation tagged `skill:X` wants an agent with skill X. */
  skills?: string[];
  online: boolean;
  /** Open conversations this agent can hold at once. */
  capacity: number;
}

/** One rung of the escalation ladder. */
export interface EscalationLevel {
  id: string;
  /** Minutes relative to the SLA due time (wall clock): negative = before breach, 0 = at breach. */
  after: number;
  /** Who to tell (agent ids, department ids or any address the app understands). */
  notify?: string[];
  /** Agent id or department id to move the conversation to. */
  reassign?: string;
  /** Points added to the priority at this level. */
  raisePriority?: number;
  /** Reaching this level declares the conversation a crisis (needs approval: crisis). */
  crisis?: boolean;
}

/** Why a customer should be handled gently, with what went wrong before. */
export interface CareFlag {
  kind: 'repeat_complainant' | 'irate';
  detail: string;
}

/** Where an ingested mention is now. Every ingested mention is in exactly one place. */
export type MentionPlace = 'open' | 'answered' | 'resolved' | 'rejected';

/** One conversation in the queue, most urgent first. Times are ISO 8601; durations in milliseconds. */
export interface QueueItem {
  conversationId: string;
  /** 1-based position in the queue for this filter. */
  position: number;
  customer: Author;
  platform: Platform;
  channel: Channel;
  department: string;
  /** 0..100 after rule boosts and escalations. */
  priority: number;
  band: PriorityBand;
  /** The clock that decides the order: the running clock due first. Absent when no clock runs. */
  sla?: {
    target: SlaTargetName;
    dueAt: string;
    /** Wall-clock milliseconds from `now` to `dueAt`; negative once breached. */
    timeToBreach: number;
    status: SlaStatus;
  };
  /** The sort key (smaller = sooner): see {@link QueueOrder}. */
  rank: number;
  assignee?: string;
  escalation?: string;
  needsApproval?: ApprovalReason;
  tags: string[];
  flags: CareFlag[];
  /** When the customer started waiting (the oldest unanswered message). */
  waitingSince: string;
  /** The last customer message, first 280 characters. */
  preview: string;
  /** Why this conversation is here, in words (routing and score reasons). */
  reasons: string[];
}

/** Filters for {@link Triage.queue}; every given field must hold. */
export interface QueueFilter {
  departments?: string[];
  bands?: PriorityBand[];
  /** Agent id; `null` for unassigned work only. */
  assignee?: string | null;
  statuses?: SlaStatus[];
  platforms?: Platform[];
  /** How many items (default 50). */
  limit?: number;
}

/**
 * The queue order: `rank = dueAt − priority × priorityLeadMs` (ms since the epoch), smallest first; conversations
 * with no running clock (answered and waiting on the customer, or paused) come after all others, by priority
 * (highest first) then by how long they have waited: their rank is `1e15 + (100 − priority) × 1e13 + waitingSince`.
 * Ties break by conversation id. With the default lead of one minute per point, a priority-90 conversation counts
 * as if it were due 90 minutes earlier than a priority-0 one.
 */
export interface QueueOrder {
  /** Milliseconds of lead per priority point (default 60,000). */
  priorityLeadMs: number;
}

/** Department workload at `now`. */
export interface DepartmentLoad {
  department: string;
  open: number;
  unassigned: number;
  breached: number;
  agentsOnline: number;
  capacity: number;
  assigned: number;
  /** More open work than online capacity, or unassigned work already breached. */
  overloaded: boolean;
}

/** An inbound public mention nobody has answered yet (praise included). */
export interface CoverageItem {
  mentionId: string;
  conversationId: string;
  author: Author;
  platform: Platform;
  createdAt: string;
  /** The conversation was resolved without a reply to this mention. */
  resolvedWithoutReply: boolean;
  preview: string;
}

/** A notification produced by escalation, for the app to deliver. */
export interface EscalationNotice {
  conversationId: string;
  level: string;
  at: string;
  notify: string[];
  detail: string;
}

/** What the triage computed for one accepted mention. */
export interface TriagedMention {
  mention: Mention;
  conversationId: string;
  /** How urgent the customer's message is: absent for brand replies and for inbound messages by bots. */
  score?: MentionScore;
  /** Where the customer's message goes: absent for brand replies and for inbound messages by bots. */
  routing?: Routing;
}

/** The outcome of {@link Triage.ingest}: every input record is accepted or rejected with reasons. */
export interface IngestResult {
  accepted: TriagedMention[];
  rejected: Rejected[];
}

/** What a UI reads; a new object whenever something changed (for `useSyncExternalStore`). */
export interface TriageSnapshot {
  /** Increases on every change. */
  version: number;
  openConversations: number;
  counts: Record<MentionPlace, number>;
}

/** How to score and route inside a triage (defaults: the built-in analyzer and scorer). */
export interface TriageConfig {
  routing?: RoutingConfig;
  slaPolicies?: SlaPolicy[];
  calendars?: Calendar[];
  /** Calendar id used by policies that name none (default: 24/7 UTC). */
  defaultCalendar?: string;
  agents?: Agent[];
  escalation?: EscalationLevel[];
  queueOrder?: Partial<QueueOrder>;
  /** Assign automatically to online agents with free capacity (default true when agents are given). */
  autoAssign?: boolean;
  /** Complaints from the same author within this many days count as repeat (default 30). */
  repeatWindowDays?: number;
  /** Turns text into signals (default: the built-in `analyzeText`). */
  analyze?: (text: string) => TextSignals;
  /** Scores a mention (default: the built-in `scoreMention`); it receives the signals already computed. */
  score?: (mention: Mention, context: ScoringContext) => MentionScore;
}

/** A reply the brand sends through the triage (an outbound mention is created for it). */
export interface ReplyInput {
  /** ISO 8601 instant of the reply. */
  at: string;
  /** Agent who replied (becomes the customer's known owner). */
  agentId?: string;
  text?: string;
  /** Id for the outbound mention (default `reply:<conversationId>:<n>`). */
  id?: string;
  /** Default: the conversation's channel. A private reply does not acknowledge a public complaint. */
  channel?: Channel;
  /** A bot or auto-reply: it does not satisfy any SLA. */
  automated?: boolean;
}

/** A conversation as the triage holds it. */
export interface TriageConversation {
  id: string;
  conversation: Conversation;
  status: ConversationStatus;
  resolvedAt?: string;
  department: string;
  priority: number;
  band: PriorityBand;
  assignee?: string;
  tags: string[];
  flags: CareFlag[];
  needsApproval?: ApprovalReason;
  slaPolicy: string;
  /** Highest escalation level reached, if any. */
  escalation?: string;
  pauses: SlaPause[];
  /** Routing of the opening message (the one that decided the department). */
  routing: Routing;
}

/**
 * The triage's whole state as plain JSON (no functions, no Maps): save it, send it to another worker, load it
 * with `createTriage(config, state)`, or combine shards with {@link mergeTriageStates}.
 */
export interface TriageState {
  format: 'rapport.triage/1';
  conversations: TriageConversationState[];
  rejected: Rejected[];
  /** Customer (author) id → the agent who owns the relationship. */
  owners: Record<string, string>;
}

/** One conversation in {@link TriageState}. */
export interface TriageConversationState {
  id: string;
  mentions: Mention[];
  status: ConversationStatus;
  resolvedAt?: string;
  assignee?: string;
  escalation?: string;
  /**
   * When the customer message that `escalation` climbed for was written: after a reply and a follow-up, the ladder
   * starts again for the new message. Absent in states saved before it was kept (the message waiting is assumed).
   */
  escalatedFor?: string;
  extraPriority: number;
  pauses: SlaPause[];
  /** Department set by hand or by escalation (wins over routing). */
  department?: string;
  /** Unassigned by hand (`assign(id, null)`): automatic assignment leaves it alone. */
  heldUnassigned?: boolean;
  /** Per inbound mention id: what was decided at ingest (so a reload or merge does not re-analyze). */
  decisions: Record<string, TriageDecision>;
}

/** What the triage decided for one inbound mention when it was ingested. */
export interface TriageDecision {
  /** Score priority 0..100 before rule boosts. */
  priority: number;
  routing: Routing;
  /** Read as a complaint (complaint intent, or negative with a concrete problem). */
  complaint: boolean;
  /** Very negative or furious. */
  irate: boolean;
  /** What it was about, in words ("delivery problem"), for "what went wrong last time". */
  about: string;
  /** The score's reasons in words. */
  reasons: string[];
}

/**
 * The stateful triage shell: feed mentions and actions in, read the queue out.
 *
 * Every time argument (`now`, an action's `at`) is an ISO 8601 instant such as `2026-11-23T10:00:00Z`; one that
 * cannot be read throws a RangeError naming it, before anything changes.
 */
export interface Triage {
  /**
   * Threads, scores, routes and applies SLAs to one mention or many; invalid ones (holes of a sparse array
   * included) are kept as rejected, with their index.
   */
  ingest(mentions: Mention | readonly Mention[]): IngestResult;
  /** Records a brand reply (a person's unless `automated`). */
  reply(conversationId: string, reply: ReplyInput): void;
  /**
   * Closes a conversation at `at`: every SLA clock stops. A later customer message reopens it. `resolvedAt` is
   * kept as the same instant in UTC (`toISOString()` form).
   */
  resolve(conversationId: string, at: string): void;
  /**
   * Gives a conversation to an agent, or `null` to unassign it: then automatic assignment leaves it alone until
   * someone assigns it again, and the agent's freed capacity goes to the next most urgent conversation.
   */
  assign(conversationId: string, agentId: string | null): void;
  /**
   * Pauses the conversation's SLA clocks from `at` (kept in UTC form). With the default reason, "waiting on the
   * customer", the pause ends by itself when the customer writes again; a pause for another reason (a supplier,
   * a legal review) lasts until `resume`.
   */
  pause(conversationId: string, at: string, reason?: string): void;
  /** Ends a pause at `at`. */
  resume(conversationId: string, at: string): void;
  /** Adds or updates an agent (online state, capacity); freed capacity takes the most urgent waiting work. */
  setAgent(agent: Agent): void;
  /** Open conversations, most urgent first, at `now` (ISO 8601). */
  queue(now: string, filter?: QueueFilter): QueueItem[];
  /** A conversation by id. */
  get(conversationId: string): TriageConversation | undefined;
  /** Its SLA clocks at `now`. */
  sla(conversationId: string, now: string): SlaState | undefined;
  /**
   * Where an ingested mention is now (undefined for an id never ingested). Ids are unique only within a platform:
   * when two platforms use the same id, pass the `platform`; without it, the oldest of them answers (earliest
   * `createdAt`, then platform name), live and after a reload or merge alike.
   */
  place(mentionId: string, platform?: Platform): MentionPlace | undefined;
  /**
   * Every inbound public mention not answered in public by a person, oldest first: spectators do not see a
   * private reply, so a public complaint answered only by direct message is still listed.
   */
  coverage(): CoverageItem[];
  /** Load per department at `now`. */
  workload(now: string): DepartmentLoad[];
  /** Climbs the escalation ladder at `now`; returns the notices of levels newly reached. */
  escalate(now: string): EscalationNotice[];
  subscribe(listener: () => void): () => void;
  getSnapshot(): TriageSnapshot;
  toJSON(): TriageState;
}
