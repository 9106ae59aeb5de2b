import { MAX_TEXT_LENGTH, PLATFORM_SET, PLATFORMS } from '../model/constants';
import { summarizeConversation } from '../model/conversations';
import type { InputIssue, Rejected } from '../model/parse';
import type { Author, Mention, Platform } from '../model/schemas';
import { priorityBand, type PriorityBand } from '../scoring/bands';
import { scoreMention } from '../scoring';
import type { MentionScore } from '../scoring/types';
import { analyzeText } from '../text';
import type { Intent, TextSignals } from '../text/types';
import { ALWAYS_OPEN, calendarProblem } from './calendar';
import { shownValue } from '../model/errors';
import { parseInstant } from '../model/instant';
import { orderTies } from '../model/ties';
import { compileRouting } from './routing';
import { smallestK } from './select';
import { computeSla, selectSlaPolicy, slaDue, type SlaDue } from './sla';
import type {
  Agent,
  ApprovalReason,
  Calendar,
  CareFlag,
  CoverageItem,
  DepartmentLoad,
  EscalationLevel,
  EscalationNotice,
  IngestResult,
  MentionPlace,
  QueueFilter,
  QueueItem,
  ReplyInput,
  Routing,
  SlaConversation,
  SlaPause,
  SlaPolicy,
  SlaState,
  SlaStatus,
  SlaTargetName,
  Triage,
  TriageConfig,
  TriageConversation,
  TriageConversationState,
  TriageDecision,
  TriagedMention,
  TriageSnapshot,
  TriageState,
} from './types';

const MINUTE = 60_000;
const DAY = 86_400_000;
const PREVIEW = 280;
const STATE_FORMAT = 'rapport.triage/1';
/** At most this many distinct score reason wordings are shared per triage (see `internReason`). */
const MAX_SHARED_REASONS = 50_000;

/**
 * The SLA policy used when a triage is configured with none: first response 60 min, next response 2 h,
 * resolution 24 h, public acknowledgement of public complaints 60 min, warnings at 75%.
 *
 * @example
 * ```ts
 * const triage = createTriage({ slaPolicies: [{ ...DEFAULT_SLA_POLICY, byBand: { critical: { firstResponse: 15 } } }] });
 * ```
 */
export const DEFAULT_SLA_POLICY: SlaPolicy = {
  id: 'default',
  name: 'Default',
  targets: { firstResponse: 60, nextResponse: 120, resolution: 24 * 60, publicAcknowledgement: 60 },
};

const ABOUT: Partial<Record<Intent, string>> = {
  delivery_issue: 'a delivery problem',
  billing_issue: 'a billing problem',
  account_issue: 'an account problem',
  cancellation: 'cancelling',
  bug_report: 'a bug',
  feature_request: 'a missing feature',
  complaint: 'a complaint',
  question: 'a question',
};
/** Ranks of conversations with no running clock start here (far beyond any deadline in ms since the epoch). */
const NO_DUE_RANK = 1e15;
const ABOUT_LIST = Object.entries(ABOUT) as [Intent, string][];
const PROBLEM_INTENTS: readonly Intent[] = [
  'delivery_issue',
  'billing_issue',
  'account_issue',
  'bug_report',
  'cancellation',
];

/** One conversation inside the triage, with what is derived from it cached for the queue. */
interface Rec {
  id: string;
  /** Oldest first; among messages of the same time, a reply after the message it answers (as `orderMentions`). */
  mentions: Mention[];
  times: number[];
  /** How many of the mentions are inbound bot messages (a reminder or thread-unroll bot): not customer turns. */
  bots: number;
  status: 'open' | 'resolved';
  resolvedAt?: string;
  assignee?: string;
  escalation?: string;
  /** The ladder level reached; -1 before the first. */
  escalationIndex: number;
  /**
   * The customer message (its time) the ladder climbed for. When another message is the one waiting (a follow-up
   * after a reply, a reopen), the ladder starts again, so a later breach is escalated too.
   */
  ladderFor: number;
  /** A crisis level was reached: the conversation stays a crisis (needs approval) until it is resolved. */
  crisis: boolean;
  /** Unassigned by hand (`assign(id, null)`): automatic assignment leaves it alone until someone assigns it. */
  heldUnassigned: boolean;
  /** The decision the priority comes from (what is still unanswered), for the queue's reasons. */
  priorityDecision?: TriageDecision;
  extraPriority: number;
  pauses: SlaPause[];
  department?: string;
  /**
   * Decisions by mention id, in the order they were made: the first one in two fields, the rest (rare: a second
   * customer message) in a map created on demand. Most conversations hold one decision, and a Map each would
   * be most of their memory.
   */
  firstDecisionId: string | undefined;
  firstDecision: TriageDecision | undefined;
  moreDecisions: Map<string, TriageDecision> | undefined;
  // Derived by refresh():
  routing: Routing;
  deptNow: string;
  priority: number;
  band: PriorityBand;
  tags: string[];
  needsApproval?: ApprovalReason;
  policy: SlaPolicy;
  /** Earliest due instant of a clock not met and not paused (breached clocks count), or Infinity. */
  dueMs: number;
  dueTarget?: SlaTargetName;
  /** When the clock due first shows `warning` (-Infinity: already; Infinity: never). */
  warnMs: number;
  /** Status when no clock is due: `paused` (waiting on the customer) or `met`. */
  idleStatus: SlaStatus;
  rank: number;
  waitingSinceMs: number;
  unanswered: number;
  answered: number;
  /** What this conversation adds to the open, answered and resolved counters. */
  countedOpen: number;
  countedAnswered: number;
  countedResolved: number;
  /** Slot in the open list, -1 when not open. */
  openIndex: number;
  complaint: boolean;
  /** Already listed among its customer's complaints. */
  complained: boolean;
}

/**
 * Creates the stateful triage: ingest mentions, read the queue, act on conversations.
 *
 * Each accepted inbound mention is analyzed (`analyzeText`), scored (`scoreMention`) and routed
 * ({@link routeMention}) once; its conversation's SLA clocks are recomputed with {@link computeSla}. Time always
 * comes from the data (mention times, action times, `now` arguments), never from the system clock.
 *
 * The queue order ({@link QueueOrder}): `rank = due − priority × priorityLeadMs`, smallest first, where `due` is
 * the earliest deadline of a clock that is running or already breached; conversations without such a clock come
 * last, by priority then by waiting time. Ties break by conversation id. `queue(now)` selects the top items with
 * a bounded heap instead of sorting everything.
 *
 * Load a saved or merged {@link TriageState} by passing it as `state`. The configuration is not part of the
 * state: give the same configuration to every shard.
 *
 * Ingest keeps about 550 bytes per mention (beyond the mention objects themselves) and allocates little else,
 * but at millions of mentions in one Node process the young generation's copying still shows: starting Node
 * with `--max-semi-space-size=64` (MB) made ingest about 5-15% faster in the repository's triage bench.
 *
 * @example
 * ```ts
 * const triage = createTriage({ calendars: [uk], defaultCalendar: 'uk', agents: [{ id: 'mk', departments: ['service'], online: true, capacity: 5 }] });
 * triage.ingest(mentions);
 * const top = triage.queue('2026-11-23T10:00:00Z', { departments: ['service'], limit: 20 });
 * triage.reply(top[0]!.conversationId, { at: '2026-11-23T10:02:00Z', agentId: 'mk', text: 'So sorry, on it.' });
 * ```
 */
export function createTriage(config: TriageConfig = {}, state?: TriageState): Triage {
  const routing = compileRouting(config.routing ?? {});
  const calendars = new Map<string, Calendar>((config.calendars ?? []).map((c) => [c.id, c]));
  for (const c of calendars.values()) {
    const problem = calendarProblem(c);
    if (problem) throw new RangeError(`Triage: calendar "${c.id}": ${problem}.`);
  }
  const defaultCalendar =
    config.defaultCalendar !== undefined ? calendars.get(config.defaultCalendar) : undefined;
  if (config.defaultCalendar !== undefined && !defaultCalendar) {
    throw new RangeError(
      `Triage: default calendar "${config.defaultCalendar}" is not among the calendars.`,
    );
  }
  const policies = config.slaPolicies?.length ? config.slaPolicies : [DEFAULT_SLA_POLICY];
  const policyById = new Map(policies.map((p) => [p.id, p]));
  /** The first policy when it has no condition: it is then always the one selected. */
  const unconditional = policies[0]!.when === undefined ? policies[0]! : undefined;
  for (const p of policies) {
    if (p.calendar !== undefined && !calendars.has(p.calendar)) {
      throw new RangeError(`Triage: SLA policy "${p.id}" uses unknown calendar "${p.calendar}".`);
    }
  }
  const ladder: EscalationLevel[] = [...(config.escalation ?? [])].sort(
    (a, b) => a.after - b.after,
  );
  // Names that point elsewhere in the configuration must exist: a typo would silently fall back to the standard
  // policy, or move a breached conversation to a department nobody works in.
  for (const rule of config.routing?.rules ?? []) {
    const policy = rule.then?.slaPolicy;
    if (policy !== undefined && !policyById.has(policy)) {
      throw new RangeError(
        `Triage: routing rule "${rule.id}" uses unknown SLA policy "${policy}" (policies: ${[...policyById.keys()].join(', ')}).`,
      );
    }
  }
  const departmentIds = new Set(routing.departments.map((d) => d.id));
  const departmentName = (id: string) => routing.departments.find((d) => d.id === id)?.name ?? id;
  for (const level of ladder) {
    const to = level.reassign;
    if (
      to !== undefined &&
      !departmentIds.has(to) &&
      !(config.agents ?? []).some((a) => a.id === to)
    ) {
      throw new RangeError(
        `Triage: escalation level "${level.id}" reassigns to "${to}", which is neither a department nor an agent.`,
      );
    }
  }
  const lead = config.queueOrder?.priorityLeadMs ?? MINUTE;
  const repeatWindow = (config.repeatWindowDays ?? 30) * DAY;
  const analyze = config.analyze ?? ((text: string) => analyzeText(text));
  const score = config.score ?? scoreMention;
  const agents = new Map<string, Agent>((config.agents ?? []).map((a) => [a.id, a]));
  const autoAssign = config.autoAssign ?? agents.size > 0;

  const recs = new Map<string, Rec>();
  /** Open conversations, in no order (swap-removal keeps add and delete O(1)); `rec.openIndex` is the slot. */
  const open: Rec[] = [];
  /** `openRanks[i]` is `open[i].rank`: the queue scan reads this packed array, not the records. */
  let openRanks = new Float64Array(1024);
  const isOpen = (rec: Rec) => rec.openIndex >= 0;
  const addOpen = (rec: Rec) => {
    if (rec.openIndex >= 0) return;
    rec.openIndex = open.push(rec) - 1;
    if (rec.openIndex >= openRanks.length) {
      const grown = new Float64Array(openRanks.length * 2);
      grown.set(openRanks);
      openRanks = grown;
    }
  };
  const removeOpen = (rec: Rec) => {
    const i = rec.openIndex;
    if (i < 0) return;
    const last = open.pop()!;
    if (last !== rec) {
      open[i] = last;
      last.openIndex = i;
      openRanks[i] = last.rank;
    }
    rec.openIndex = -1;
  };
  /**
   * Mention → its conversation. Ids are unique only within a platform: a mention is kept under its bare id, and
   * only when another platform holds that id under its platform and id (see mentionConv). The bare id belongs to the
   * oldest of them (earliest `createdAt`, then platform name), so `place(id)` answers the same live, after a reload
   * and after a merge, whatever order the mentions came in.
   */
  const convOfMention = new Map<string, string>();
  /** The conversation of mention `id` on `platform`, if ingested. */
  function mentionConv(platform: Platform, id: string): string | undefined {
    const bare = convOfMention.get(id);
    if (bare === undefined) return undefined;
    if (recs.get(bare)!.mentions[0]!.platform === platform) return bare;
    return convOfMention.get(platformScoped(platform, id));
  }
  /**
   * Registers mention `id` on `platform`, written at `t`. Without `t` (a reload registers the oldest first) the bare
   * id stays with whoever holds it.
   */
  function setMentionConv(
    platform: Platform,
    id: string,
    conversationId: string,
    t?: number,
  ): void {
    const bare = convOfMention.get(id);
    if (bare === undefined || bare === conversationId) {
      convOfMention.set(id, conversationId);
      return;
    }
    if (t !== undefined) {
      const holder = recs.get(bare)!;
      const i = holder.mentions.findIndex((x) => x.id === id);
      const other = holder.mentions[i]!;
      const otherT = holder.times[i]!;
      if (t < otherT || (t === otherT && platform < other.platform)) {
        // The new mention is older: it takes the bare id, and the holder moves under its platform.
        convOfMention.set(platformScoped(other.platform, id), bare);
        convOfMention.set(id, conversationId);
        return;
      }
    }
    convOfMention.set(platformScoped(platform, id), conversationId);
  }
  /** Conversation ids made unique with a platform prefix (`x:100`) → the thread key they stand for. */
  const qualified = new Map<string, string>();
  const rejected: Rejected[] = [];
  const owners = new Map<string, string>();
  /** Author id → their complaints (conversation, time, what about), in the order they were ingested. */
  const complaints = new Map<string, { conversationId: string; at: number; about: string }[]>();
  const load = new Map<string, number>();
  const counts: Record<MentionPlace, number> = { open: 0, answered: 0, resolved: 0, rejected: 0 };
  let version = 0;
  let snapshot: TriageSnapshot | undefined;
  const listeners = new Set<() => void>();

  const calendarOf = (p: SlaPolicy): Calendar =>
    p.calendar !== undefined ? calendars.get(p.calendar)! : (defaultCalendar ?? ALWAYS_OPEN);

  // ----- derived state ------------------------------------------------------------------------------------------

  function place(rec: Rec, index: number): MentionPlace {
    if (rec.status === 'resolved') return 'resolved';
    if (isCustomerTurn(rec.mentions[index]!) && index >= firstUnanswered(rec)) return 'open';
    return 'answered';
  }

  /** Index of the first mention after the last reply by a person (0 when none). */
  function firstUnanswered(rec: Rec): number {
    for (let i = rec.mentions.length - 1; i >= 0; i--) {
      const m = rec.mentions[i]!;
      if (m.direction === 'outbound' && !m.author.isBot) return i + 1;
    }
    return 0;
  }

  function refresh(rec: Rec): void {
    // Take the old contribution out of the counters.
    counts.open -= rec.countedOpen;
    counts.answered -= rec.countedAnswered;
    counts.resolved -= rec.countedResolved;
    const wasOpen = isOpen(rec);
    const mentions = rec.mentions;
    const n = mentions.length;
    // A customer message after the resolution reopens the conversation.
    if (rec.status === 'resolved' && rec.resolvedAt !== undefined) {
      // Bots writing in do not reopen it.
      const lastInbound = lastCustomerIndex(mentions);
      if (lastInbound >= 0 && rec.times[lastInbound]! > Date.parse(rec.resolvedAt))
        rec.status = 'open';
    }
    const first = firstUnanswered(rec);
    let unanswered = 0;
    /** First customer message from `first` on (the one waiting longest), -1 when none. */
    let waiting = -1;
    for (let i = first; i < n; i++) {
      if (isCustomerTurn(mentions[i]!)) {
        if (waiting < 0) waiting = i;
        unanswered++;
      }
    }
    rec.unanswered = unanswered;
    rec.answered = n - unanswered;
    const resolved = rec.status === 'resolved';
    rec.countedOpen = resolved ? 0 : unanswered;
    rec.countedAnswered = resolved ? 0 : rec.answered;
    rec.countedResolved = resolved ? rec.mentions.length : 0;
    counts.open += rec.countedOpen;
    counts.answered += rec.countedAnswered;
    counts.resolved += rec.countedResolved;

    // Routing: the first inbound decision that is not a fallback decides (or the first one at all).
    let decider: TriageDecision | undefined;
    let opener: TriageDecision | undefined;
    let boost = 0;
    let top: TriageDecision | undefined;
    let tags: Set<string> | undefined;
    let approval: ApprovalReason | undefined;
    for (let i = 0; i < n; i++) {
      const d = decisionOf(rec, mentions[i]!.id);
      if (!d) continue;
      opener ??= d;
      if (
        !decider ||
        (decider.routing.decidedBy === 'fallback' && d.routing.decidedBy !== 'fallback')
      )
        decider = d;
      boost = Math.max(boost, d.routing.priorityBoost);
      if (d.routing.tags.length) for (const t of d.routing.tags) (tags ??= new Set()).add(t);
      approval ??= d.routing.needsApproval;
      // Priority reflects what is still unanswered (or the whole conversation once everything is answered).
      if (i >= first || unanswered === 0) if (!top || d.priority > top.priority) top = d;
    }
    if (rec.crisis) {
      approval = 'crisis';
      (tags ??= new Set()).add('crisis');
    }
    rec.routing = decider?.routing ?? fallbackRouting;
    rec.deptNow = rec.department ?? rec.routing.department;
    rec.priority = clamp((top?.priority ?? 0) + boost + rec.extraPriority, 0, 100);
    rec.priorityDecision = top;
    rec.band = priorityBand(rec.priority);
    if (tags ? !sameTags(rec.tags, tags) : rec.tags.length > 0)
      rec.tags = tags ? [...tags] : NO_TAGS;
    rec.needsApproval = approval;
    rec.complaint = opener?.complaint ?? false;
    const head = mentions[0]!;
    rec.policy =
      (rec.routing.slaPolicy !== undefined ? policyById.get(rec.routing.slaPolicy) : undefined) ??
      unconditional ??
      selectSlaPolicy(policies, {
        department: rec.deptNow,
        channel: head.channel,
        platform: head.platform,
        band: rec.band,
        tags: rec.tags,
      }) ??
      DEFAULT_SLA_POLICY;
    rec.waitingSinceMs = rec.times[first < n && waiting >= 0 ? waiting : n - 1]!;

    rec.dueMs = Infinity;
    rec.dueTarget = undefined;
    rec.idleStatus = 'met';
    if (rec.status === 'open') {
      // Clocks already fulfilled (even late) no longer drive the queue.
      const input = liteSlaInput(rec);
      const due = slaDue(
        input,
        rec.policy,
        calendarOf(rec.policy),
        latest(rec),
        rec.bots > 0 ? botlessTimes : rec.times,
        nextDue,
      );
      if (due.paused) rec.idleStatus = 'paused';
      if (due.target !== undefined) {
        rec.dueMs = due.dueMs;
        rec.warnMs = due.warnMs;
        rec.dueTarget = due.target;
      }
      addOpen(rec);
    } else removeOpen(rec);
    // Without a running clock: after every deadline, by priority (highest first), then by waiting time. Encoded
    // in the number itself so that the queue scan compares plain numbers.
    rec.rank = Number.isFinite(rec.dueMs)
      ? rec.dueMs - rec.priority * lead
      : NO_DUE_RANK + (100 - rec.priority) * 1e13 + rec.waitingSinceMs;
    if (rec.openIndex >= 0) openRanks[rec.openIndex] = rec.rank;

    if (rec.assignee !== undefined && wasOpen && rec.status === 'resolved') {
      adjustLoad(rec.assignee, -1);
      freed.add(rec.assignee);
    } else if (rec.assignee !== undefined && !wasOpen && rec.status === 'open') {
      adjustLoad(rec.assignee, 1);
    }
  }

  function latest(rec: Rec): number {
    let t = rec.times[rec.times.length - 1]!;
    if (rec.resolvedAt !== undefined) t = Math.max(t, Date.parse(rec.resolvedAt));
    for (const p of rec.pauses)
      t = Math.max(t, Date.parse(p.from), p.to !== undefined ? Date.parse(p.to) : -Infinity);
    return t;
  }

  /**
   * The SLA input and output of refresh(), each one object reused for every call (slaDue keeps nothing of
   * them): the triage asks on every ingested message.
   */
  const liteInput: {
    mentions: readonly Mention[];
    channel: SlaConversation['channel'];
    resolvedAt: string | undefined;
    pauses: readonly SlaPause[];
    complaint: boolean;
    band: PriorityBand;
    department: string;
  } = {
    mentions: [],
    channel: 'public',
    resolvedAt: undefined,
    pauses: NO_PAUSES,
    complaint: false,
    band: 'low',
    department: '',
  };
  const nextDue: SlaDue = { dueMs: Infinity, warnMs: Infinity, target: undefined, paused: false };
  /** The times of the mentions liteSlaInput() last handed out when it left bots out (see `withoutBots`). */
  let botlessTimes: number[] = [];
  function liteSlaInput(rec: Rec): SlaConversation {
    liteInput.mentions = rec.bots > 0 ? withoutBots(rec) : rec.mentions;
    liteInput.channel = rec.mentions[0]!.channel;
    liteInput.resolvedAt = rec.resolvedAt;
    liteInput.pauses = rec.pauses;
    liteInput.complaint = rec.complaint;
    liteInput.band = rec.band;
    liteInput.department = rec.deptNow;
    return liteInput;
  }

  /**
   * The SLA clocks run on customer and brand messages only: an inbound bot is not a customer turn, so it starts
   * no clock (`computeSla` reads every inbound message as the customer's). Allocates only for conversations
   * that hold a bot message; sets `botlessTimes` to the kept messages' times.
   */
  function withoutBots(rec: Rec): Mention[] {
    const kept: Mention[] = [];
    botlessTimes = [];
    for (let i = 0; i < rec.mentions.length; i++) {
      const m = rec.mentions[i]!;
      if (m.direction === 'inbound' && m.author.isBot) continue;
      kept.push(m);
      botlessTimes.push(rec.times[i]!);
    }
    return kept;
  }

  function slaInput(rec: Rec): SlaConversation {
    return {
      mentions: rec.bots > 0 ? withoutBots(rec) : rec.mentions,
      channel: rec.mentions[0]!.channel,
      // computeSla reopens by itself when the customer wrote after the resolution.
      ...(rec.resolvedAt !== undefined && { resolvedAt: rec.resolvedAt }),
      pauses: rec.pauses,
      complaint: rec.complaint,
      band: rec.band,
      department: rec.deptNow,
    };
  }

  function slaOf(rec: Rec, now: number): SlaState {
    return computeSla(slaInput(rec), rec.policy, calendarOf(rec.policy), now);
  }

  // ----- assignment ---------------------------------------------------------------------------------------------

  const freed = new Set<string>();

  function adjustLoad(agentId: string, delta: number): void {
    load.set(agentId, (load.get(agentId) ?? 0) + delta);
  }

  function canTake(agent: Agent, rec: Rec): boolean {
    if (!agent.online || !agent.departments.includes(rec.deptNow)) return false;
    for (const t of rec.tags)
      if (t.startsWith('skill:') && !agent.skills?.includes(t.slice(6))) return false;
    return true;
  }

  function setAssignee(rec: Rec, agentId: string | undefined): void {
    if (rec.assignee === agentId) return;
    if (rec.assignee !== undefined && rec.status === 'open') {
      adjustLoad(rec.assignee, -1);
      freed.add(rec.assignee);
    }
    rec.assignee = agentId;
    if (agentId !== undefined && rec.status === 'open') adjustLoad(agentId, 1);
  }

  /** New open work: the customer's owner when online, else the least loaded online agent with room. */
  function autoAssignOne(rec: Rec): void {
    if (!autoAssign || rec.assignee !== undefined || rec.status !== 'open' || rec.heldUnassigned)
      return;
    const owner = owners.get(customerOf(rec).id);
    const ownerAgent = owner !== undefined ? agents.get(owner) : undefined;
    if (ownerAgent?.online && canTake(ownerAgent, rec)) return setAssignee(rec, ownerAgent.id);
    let best: Agent | undefined;
    let bestLoad = Infinity;
    for (const a of agents.values()) {
      const l = load.get(a.id) ?? 0;
      if (l >= a.capacity || !canTake(a, rec)) continue;
      if (l < bestLoad || (l === bestLoad && best !== undefined && a.id < best.id)) {
        best = a;
        bestLoad = l;
      }
    }
    if (best) setAssignee(rec, best.id);
  }

  /** Freed capacity takes the most urgent unassigned work the agent can do. */
  function fill(): void {
    if (!autoAssign) return;
    while (freed.size) {
      const id = freed.values().next().value!;
      freed.delete(id);
      const agent = agents.get(id);
      if (!agent?.online) continue;
      let room = agent.capacity - (load.get(id) ?? 0);
      if (room <= 0) continue;
      const waiting = smallestK(
        open.filter((r) => r.assignee === undefined && !r.heldUnassigned && canTake(agent, r)),
        room,
        compareRecs,
      );
      for (const r of waiting) {
        if (room-- <= 0) break;
        setAssignee(r, id);
      }
    }
  }

  // ----- ingest -------------------------------------------------------------------------------------------------

  /**
   * Score reasons repeat ("negative tone (-0.45)", "complaint (62%)"): each decision keeps one shared copy of
   * its words instead of its own, so memory grows with the distinct wordings (capped), not with every mention.
   */
  const reasonWords = new Map<string, string>();
  function internReason(reason: { detail: string }): string {
    const text = reason.detail;
    const shared = reasonWords.get(text);
    if (shared !== undefined) return shared;
    if (reasonWords.size < MAX_SHARED_REASONS) reasonWords.set(text, text);
    return text;
  }

  /** The score of the mention decide() last looked at (saves a wrapper object per mention). */
  let decidedScore: MentionScore | undefined;

  function decide(mention: Mention, rec: Rec | undefined): TriageDecision {
    const signals: TextSignals = analyze(mention.text);
    const priorContacts = rec ? decisionCount(rec) : 0;
    const s = score(mention, { signals, priorContacts, now: mention.createdAt });
    const r = routing.route(mention, signals);
    let problem = false;
    for (const i of PROBLEM_INTENTS) {
      if ((signals.intents[i] ?? 0) >= 0.5) {
        problem = true;
        break;
      }
    }
    const complaint =
      (signals.intents.complaint ?? 0) >= 0.5 || (problem && signals.sentiment.score <= -0.3);
    const irate =
      signals.sentiment.score <= -0.6 ||
      (signals.sentiment.score <= -0.3 && signals.urgency >= 0.8);
    let about = 'their message';
    let best = 0.35;
    for (const [intent, words] of ABOUT_LIST) {
      const c = signals.intents[intent] ?? 0;
      if (c > best) {
        best = c;
        about = words;
      }
    }
    decidedScore = s;
    return {
      priority: s.priority,
      routing: r,
      complaint,
      irate,
      about,
      reasons: s.reasons.map(internReason),
    };
  }

  /**
   * The conversation of a mention not ingested before. Ids are unique only within a platform, so a thread is its
   * platform plus its key (`conversationId`, the parent's conversation, or the mention's own id).
   */
  function keyOf(m: Mention): string {
    if (m.conversationId !== undefined) return threadId(m.platform, m.conversationId);
    if (m.inReplyToId !== undefined) {
      const parent = mentionConv(m.platform, m.inReplyToId);
      if (parent !== undefined) return parent;
      return threadId(m.platform, m.inReplyToId);
    }
    return threadId(m.platform, m.id);
  }

  /**
   * The conversation id of thread `key` on `platform`: the key itself unless a conversation of another platform
   * already has it; then `<platform>:<key>` (with `#n` added if even that is taken). Until a clash happens
   * this is one map lookup.
   */
  function threadId(platform: Platform, key: string): string {
    if (qualified.size === 0) {
      const rec = recs.get(key);
      if (!rec || rec.mentions[0]!.platform === platform) return key;
    }
    let id = key;
    for (let n = 1; ; n++) {
      const owner = qualified.get(id);
      const rec = recs.get(id);
      if (owner !== undefined) {
        if (owner === key && (!rec || rec.mentions[0]!.platform === platform)) return id;
      } else if (!rec) break;
      // The plain key, or (after loading a saved state) `<platform>:<key>` of this platform's thread.
      else if (n <= 2 && rec.mentions[0]!.platform === platform) break;
      id = n === 1 ? `${platform}:${key}` : `${platform}:${key}#${n}`;
    }
    if (id !== key) qualified.set(id, key);
    return id;
  }

  function newRec(id: string): Rec {
    return {
      id,
      mentions: [],
      times: [],
      bots: 0,
      status: 'open',
      resolvedAt: undefined,
      assignee: undefined,
      escalation: undefined,
      department: undefined,
      needsApproval: undefined,
      dueTarget: undefined,
      escalationIndex: -1,
      ladderFor: Number.NaN,
      crisis: false,
      heldUnassigned: false,
      extraPriority: 0,
      pauses: NO_PAUSES,
      firstDecisionId: undefined,
      firstDecision: undefined,
      moreDecisions: undefined,
      routing: fallbackRouting,
      deptNow: fallbackRouting.department,
      priority: 0,
      band: 'low',
      tags: NO_TAGS,
      policy: DEFAULT_SLA_POLICY,
      dueMs: Infinity,
      warnMs: Infinity,
      idleStatus: 'met',
      rank: Infinity,
      waitingSinceMs: 0,
      unanswered: 0,
      answered: 0,
      countedOpen: 0,
      countedAnswered: 0,
      countedResolved: 0,
      openIndex: -1,
      complaint: false,
      complained: false,
    };
  }

  function insert(rec: Rec, m: Mention, t: number): void {
    let i = rec.mentions.length;
    while (
      i > 0 &&
      (rec.times[i - 1]! > t || (rec.times[i - 1] === t && rec.mentions[i - 1]!.id > m.id))
    )
      i--;
    const n = rec.mentions.length;
    // Exact-size arrays while short: most conversations hold one to three messages, and push() would give the
    // second message room for seventeen.
    if (n === 0) {
      rec.mentions = [m];
      rec.times = [t];
    } else if (i === n && n <= 2) {
      const ms = rec.mentions;
      const ts = rec.times;
      rec.mentions = n === 1 ? [ms[0]!, m] : [ms[0]!, ms[1]!, m];
      rec.times = n === 1 ? [ts[0]!, t] : [ts[0]!, ts[1]!, t];
    } else if (i === n) {
      rec.mentions.push(m);
      rec.times.push(t);
    } else {
      rec.mentions.splice(i, 0, m);
      rec.times.splice(i, 0, t);
    }
    if (m.direction === 'inbound' && m.author.isBot) rec.bots++;
    // Another message of the same time: order them as the model does. Rare, so the common case costs two reads.
    if ((i > 0 && rec.times[i - 1] === t) || (i < n && rec.times[i + 1] === t)) orderTie(rec, i, t);
  }

  function noteComplaint(rec: Rec, m: Mention, d: TriageDecision, t: number): void {
    if (!d.complaint) return;
    let list = complaints.get(m.author.id);
    if (!list) complaints.set(m.author.id, (list = []));
    if (rec.complained) return;
    rec.complained = true;
    list.push({ conversationId: rec.id, at: t, about: d.about });
  }

  function ingestOne(input: unknown, index: number, accepted: TriagedMention[]): void {
    const m = input as Mention;
    // The full check (with its issues in words) runs only for records that fail the quick one.
    const issues = isTriageable(input) ? undefined : check(input);
    if (issues === undefined && mentionConv(m.platform, m.id) !== undefined) {
      rejected.push({
        index,
        input,
        issues: [{ path: 'id', message: 'duplicate of a mention already ingested; counted once' }],
      });
      counts.rejected++;
      return;
    }
    if (issues !== undefined) {
      rejected.push({ index, input: keepable(input), issues });
      counts.rejected++;
      return;
    }
    const t = parsedAt;
    const key = keyOf(m);
    let rec = recs.get(key);
    const fresh = !rec;
    // Customer messages are scored and routed. Brand replies and inbound bots are kept in the thread but decide
    // nothing: a bot answering in a thread must not raise its priority, route it, or count as the customer writing
    // again.
    const decision = isCustomerTurn(m) ? decide(m, rec) : undefined;
    if (!rec) rec = newRec(key);
    insert(rec, m, t);
    // The customer writing ends a pause that was waiting on them: their message now waits for an answer.
    if (rec.pauses.length && isCustomerTurn(m)) {
      for (const p of rec.pauses) {
        if (p.to === undefined && p.reason === WAITING_ON_CUSTOMER && !(parseInstant(p.from) > t))
          p.to = iso(t);
      }
    }
    setMentionConv(m.platform, m.id, key, t);
    if (decision) {
      setDecision(rec, m.id, decision);
      noteComplaint(rec, m, decision, t);
    }
    if (fresh) recs.set(key, rec);
    const deptBefore = rec.deptNow;
    refresh(rec);
    // Re-routed by this message (a later message decided where it belongs): with automatic assignment, an
    // assignee who does not work in the new department hands it over.
    if (
      !fresh &&
      autoAssign &&
      rec.deptNow !== deptBefore &&
      rec.assignee !== undefined &&
      !agents.get(rec.assignee)?.departments.includes(rec.deptNow)
    )
      setAssignee(rec, undefined);
    if (fresh || rec.assignee === undefined) autoAssignOne(rec);
    accepted.push(
      decision
        ? { mention: m, conversationId: key, score: decidedScore!, routing: decision.routing }
        : { mention: m, conversationId: key },
    );
  }

  // ----- reading ------------------------------------------------------------------------------------------------

  /**
   * The `limit` most urgent open conversations matching `filter`, sorted: one pass with a bounded max-heap. The
   * rank is checked before the filter, so most conversations cost one number comparison.
   */
  function topOpen(limit: number, filter: QueueFilter | undefined, now: number): Rec[] {
    const heap: Rec[] = [];
    if (limit <= 0) return heap;
    let worst = Infinity;
    const n = open.length;
    const ranks = openRanks;
    for (let i = 0; i < n; i++) {
      if (ranks[i]! > worst) continue;
      const r = open[i]!;
      if (heap.length === limit && compareRecs(r, heap[0]!) >= 0) continue;
      if (filter && !matchesFilter(r, filter, now)) continue;
      if (heap.length < limit) {
        heap.push(r);
        heapUp(heap, heap.length - 1);
      } else {
        heap[0] = r;
        heapDown(heap, 0);
      }
      if (heap.length === limit) worst = heap[0]!.rank;
    }
    return heap.sort(compareRecs);
  }

  function heapUp(heap: Rec[], i: number): void {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (compareRecs(heap[i]!, heap[p]!) <= 0) return;
      const x = heap[i]!;
      heap[i] = heap[p]!;
      heap[p] = x;
      i = p;
    }
  }

  function heapDown(heap: Rec[], i: number): void {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let top = i;
      if (l < heap.length && compareRecs(heap[l]!, heap[top]!) > 0) top = l;
      if (r < heap.length && compareRecs(heap[r]!, heap[top]!) > 0) top = r;
      if (top === i) return;
      const x = heap[i]!;
      heap[i] = heap[top]!;
      heap[top] = x;
      i = top;
    }
  }

  function compareRecs(a: Rec, b: Rec): number {
    if (a.rank !== b.rank) return a.rank < b.rank ? -1 : 1;
    if (a.priority !== b.priority) return b.priority - a.priority;
    if (a.waitingSinceMs !== b.waitingSinceMs) return a.waitingSinceMs - b.waitingSinceMs;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  }

  function flagsOf(rec: Rec): CareFlag[] {
    const flags: CareFlag[] = [];
    const customer = customerOf(rec);
    const start = rec.times[0]!;
    const before = (complaints.get(customer.id) ?? [])
      .filter((c) => c.conversationId !== rec.id && c.at < start && start - c.at <= repeatWindow)
      .sort((a, b) => a.at - b.at);
    if (before.length) {
      const last = before[before.length - 1]!;
      const lastRec = recs.get(last.conversationId);
      const outcome = !lastRec ? '' : lastRec.status === 'resolved' ? ', resolved' : ', still open';
      flags.push({
        kind: 'repeat_complainant',
        detail: `${before.length === 1 ? 'Complained once before' : `Complained ${before.length} times before`} in the last ${Math.round(repeatWindow / DAY)} days; last time (${new Date(last.at).toISOString().slice(0, 10)}) about ${last.about}${outcome}`,
      });
    }
    for (const m of rec.mentions) {
      const d = decisionOf(rec, m.id);
      if (d?.irate) {
        flags.push({
          kind: 'irate',
          detail: `Very upset (${d.about}): acknowledge the problem first, no template`,
        });
        break;
      }
    }
    return flags;
  }

  function lastCustomerText(rec: Rec): string {
    const i = lastCustomerIndex(rec.mentions);
    const text = i >= 0 ? rec.mentions[i]!.text : rec.mentions[rec.mentions.length - 1]!.text;
    return text.length > PREVIEW ? `${text.slice(0, PREVIEW - 1)}…` : text;
  }

  /** The conversation's SLA status at `now` from what refresh() cached (no clock arithmetic). */
  function statusAt(rec: Rec, now: number): SlaStatus {
    if (!Number.isFinite(rec.dueMs)) return rec.idleStatus;
    if (rec.dueMs <= now) return 'breached';
    return rec.warnMs <= now ? 'warning' : 'pending';
  }

  function toItem(rec: Rec, position: number, now: number): QueueItem {
    let sla: QueueItem['sla'];
    if (rec.dueTarget !== undefined && Number.isFinite(rec.dueMs)) {
      const status = statusAt(rec, now);
      sla = { target: rec.dueTarget, dueAt: iso(rec.dueMs), timeToBreach: rec.dueMs - now, status };
    }
    // The reasons of the decision the priority comes from, and what escalation changed since.
    const reasons = [...rec.routing.reasons, ...(rec.priorityDecision?.reasons ?? [])];
    if (rec.deptNow !== rec.routing.department)
      reasons.push(
        `Moved to ${departmentName(rec.deptNow)}${rec.escalation !== undefined ? ` at escalation "${rec.escalation}"` : ''}`,
      );
    if (rec.extraPriority !== 0)
      reasons.push(
        `Priority ${rec.extraPriority > 0 ? '+' : ''}${rec.extraPriority} from escalation`,
      );
    return {
      conversationId: rec.id,
      position,
      customer: customerOf(rec),
      platform: rec.mentions[0]!.platform,
      channel: rec.mentions[0]!.channel,
      department: rec.deptNow,
      priority: rec.priority,
      band: rec.band,
      ...(sla && { sla }),
      rank: rec.rank,
      ...(rec.assignee !== undefined && { assignee: rec.assignee }),
      ...(rec.escalation !== undefined && { escalation: rec.escalation }),
      ...(rec.needsApproval !== undefined && { needsApproval: rec.needsApproval }),
      tags: rec.tags === NO_TAGS ? [] : rec.tags,
      flags: flagsOf(rec),
      waitingSince: iso(rec.waitingSinceMs),
      preview: lastCustomerText(rec),
      reasons,
    };
  }

  function matchesFilter(rec: Rec, f: QueueFilter | undefined, now: number): boolean {
    if (!f) return true;
    if (f.departments && !f.departments.includes(rec.deptNow)) return false;
    if (f.bands && !f.bands.includes(rec.band)) return false;
    if (
      f.assignee !== undefined &&
      (f.assignee === null ? rec.assignee !== undefined : rec.assignee !== f.assignee)
    )
      return false;
    if (f.platforms && !f.platforms.includes(rec.mentions[0]!.platform)) return false;
    if (f.statuses && !f.statuses.includes(statusAt(rec, now))) return false;
    return true;
  }

  function get(id: string): Rec {
    const rec = recs.get(id);
    if (!rec) throw new RangeError(`Triage: no conversation "${id}".`);
    return rec;
  }

  function changed(): void {
    fill();
    version++;
    snapshot = undefined;
    for (const l of [...listeners]) l();
  }

  // ----- load a saved state --------------------------------------------------------------------------------------

  if (state) {
    if (state.format !== STATE_FORMAT)
      throw new RangeError(`Triage: unknown state format "${String(state.format)}".`);
    for (const [customer, agent] of Object.entries(state.owners)) owners.set(customer, agent);
    for (const r of state.rejected) {
      rejected.push(r);
      counts.rejected++;
    }
    // Mention ids are registered oldest first (then by platform): when two platforms share an id, the bare id
    // belongs to the oldest, as it did before the save.
    const registered: { m: Mention; conversationId: string; t: number }[] = [];
    for (const c of state.conversations)
      for (const m of c.mentions)
        registered.push({ m, conversationId: c.id, t: parseInstant(m.createdAt) });
    registered.sort(
      (x, y) =>
        x.t - y.t || (x.m.platform < y.m.platform ? -1 : x.m.platform > y.m.platform ? 1 : 0),
    );
    for (const r of registered) setMentionConv(r.m.platform, r.m.id, r.conversationId);
    for (const c of state.conversations) {
      const rec = newRec(c.id);
      for (const m of c.mentions) insert(rec, m, parseInstant(m.createdAt));
      if (!rec.mentions.length) continue;
      rec.status = c.status;
      if (c.resolvedAt !== undefined) rec.resolvedAt = c.resolvedAt;
      if (c.department !== undefined) rec.department = c.department;
      if (c.heldUnassigned === true) rec.heldUnassigned = true;
      rec.extraPriority = c.extraPriority;
      if (c.pauses.length) rec.pauses = c.pauses.map((p) => ({ ...p }));
      if (c.escalation !== undefined) {
        rec.escalation = c.escalation;
        rec.escalationIndex = ladder.findIndex((l) => l.id === c.escalation);
        rec.crisis =
          c.status !== 'resolved' && ladder.slice(0, rec.escalationIndex + 1).some((l) => l.crisis);
      }
      for (const [id, d] of Object.entries(c.decisions)) setDecision(rec, id, d);
      for (const m of rec.mentions) {
        const d = decisionOf(rec, m.id);
        if (d) noteComplaint(rec, m, d, Date.parse(m.createdAt));
      }
      recs.set(c.id, rec);
      if (c.assignee !== undefined) rec.assignee = c.assignee;
      refresh(rec);
      // A saved escalation counts for the customer message it climbed for (states saved before that was kept:
      // the message waiting now).
      if (rec.escalationIndex >= 0) {
        const saidFor = c.escalatedFor === undefined ? Number.NaN : parseInstant(c.escalatedFor);
        rec.ladderFor = Number.isFinite(saidFor) ? saidFor : rec.waitingSinceMs;
      }
    }
  }

  // ----- the public shell ----------------------------------------------------------------------------------------

  const triage: Triage = {
    ingest(input) {
      const list: readonly unknown[] = Array.isArray(input) ? input : [input];
      const accepted: TriagedMention[] = [];
      const before = rejected.length;
      // A plain loop, not forEach: forEach skips the holes of a sparse array, which would drop them silently. A
      // hole is read as `undefined` and rejected like any other record that is not a mention.
      for (let i = 0; i < list.length; i++) ingestOne(list[i], i, accepted);
      changed();
      return { accepted, rejected: rejected.slice(before) } satisfies IngestResult;
    },

    reply(conversationId, reply: ReplyInput) {
      const at = instantArg((reply as ReplyInput | undefined)?.at, 'reply time');
      const rec = get(conversationId);
      const head = rec.mentions[0]!;
      const lastIn = lastInboundIndex(rec.mentions);
      let n = rec.mentions.length;
      let id = reply.id ?? `reply:${rec.id}:${n}`;
      while (mentionConv(head.platform, id) !== undefined) id = `reply:${rec.id}:${++n}`;
      const author: Author = {
        id: reply.agentId ?? 'brand',
        handle: '',
        followers: 0,
        verified: false,
        isStaff: true,
        isBrand: true,
        isBot: reply.automated === true,
      };
      const mention: Mention = {
        id,
        platform: head.platform,
        channel: reply.channel ?? head.channel,
        direction: 'outbound',
        author,
        text: reply.text ?? '',
        createdAt: iso(at),
        conversationId: rec.id,
        ...(lastIn >= 0 && { inReplyToId: rec.mentions[lastIn]!.id }),
      };
      insert(rec, mention, at);
      setMentionConv(head.platform, id, rec.id);
      if (reply.agentId !== undefined && !reply.automated) {
        owners.set(customerOf(rec).id, reply.agentId);
        if (rec.assignee === undefined && agents.has(reply.agentId))
          setAssignee(rec, reply.agentId);
      }
      refresh(rec);
      changed();
    },

    resolve(conversationId, at) {
      // Stored as the instant it names (ISO 8601 in UTC), so the saved state always passes TriageStateSchema.
      const when = iso(instantArg(at, 'resolve time'));
      const rec = get(conversationId);
      rec.status = 'resolved';
      rec.resolvedAt = when;
      rec.crisis = false;
      for (const p of rec.pauses) if (p.to === undefined) p.to = when;
      refresh(rec);
      changed();
    },

    assign(conversationId, agentId) {
      const rec = get(conversationId);
      if (agentId !== null && !agents.has(agentId))
        throw new RangeError(`Triage: no agent "${agentId}".`);
      rec.heldUnassigned = agentId === null;
      setAssignee(rec, agentId ?? undefined);
      if (agentId !== null) owners.set(customerOf(rec).id, agentId);
      changed();
    },

    pause(conversationId, at, reason = WAITING_ON_CUSTOMER) {
      const from = iso(instantArg(at, 'pause time'));
      const rec = get(conversationId);
      if (rec.pauses.some((p) => p.to === undefined)) return;
      if (rec.pauses === NO_PAUSES) rec.pauses = [];
      rec.pauses.push({ from, reason });
      refresh(rec);
      changed();
    },

    resume(conversationId, at) {
      const to = iso(instantArg(at, 'resume time'));
      const rec = get(conversationId);
      const p = rec.pauses.find((x) => x.to === undefined);
      if (!p) return;
      p.to = to;
      refresh(rec);
      changed();
    },

    setAgent(agent) {
      const before = agents.get(agent.id);
      agents.set(agent.id, agent);
      if (
        !before ||
        agent.online !== before.online ||
        agent.capacity > before.capacity ||
        agent.departments.join() !== before.departments.join()
      ) {
        freed.add(agent.id);
      }
      changed();
    },

    queue(now, filter) {
      const t = instantArg(now, 'now');
      const limit = filter?.limit ?? 50;
      const top = topOpen(limit, filter, t);
      return top.map((r, i) => toItem(r, i + 1, t));
    },

    get(conversationId) {
      const rec = recs.get(conversationId);
      if (!rec) return undefined;
      return {
        id: rec.id,
        conversation: summarizeConversation(rec.id, rec.mentions),
        status: rec.status,
        ...(rec.resolvedAt !== undefined &&
          rec.status === 'resolved' && { resolvedAt: rec.resolvedAt }),
        department: rec.deptNow,
        priority: rec.priority,
        band: rec.band,
        ...(rec.assignee !== undefined && { assignee: rec.assignee }),
        tags: rec.tags === NO_TAGS ? [] : rec.tags,
        flags: flagsOf(rec),
        ...(rec.needsApproval !== undefined && { needsApproval: rec.needsApproval }),
        slaPolicy: rec.policy.id,
        ...(rec.escalation !== undefined && { escalation: rec.escalation }),
        pauses: rec.pauses.map((p) => ({ ...p })),
        routing: rec.routing,
      } satisfies TriageConversation;
    },

    sla(conversationId, now) {
      const t = instantArg(now, 'now');
      const rec = recs.get(conversationId);
      return rec ? slaOf(rec, t) : undefined;
    },

    place(mentionId, platform?: Platform) {
      const key =
        platform === undefined ? convOfMention.get(mentionId) : mentionConv(platform, mentionId);
      if (key === undefined)
        return rejected.some(
          (r) =>
            idOf(r.input) === mentionId &&
            (platform === undefined || (r.input as Partial<Mention>).platform === platform),
        )
          ? 'rejected'
          : undefined;
      const rec = recs.get(key)!;
      return place(
        rec,
        rec.mentions.findIndex((m) => m.id === mentionId),
      );
    },

    coverage() {
      const items: CoverageItem[] = [];
      for (const rec of recs.values()) {
        // Spectators see only public answers: a private reply (a DM) does not cover a public mention.
        let first = 0;
        for (let i = rec.mentions.length - 1; i >= 0; i--) {
          const m = rec.mentions[i]!;
          if (m.direction === 'outbound' && !m.author.isBot && m.channel === 'public') {
            first = i + 1;
            break;
          }
        }
        for (let i = first; i < rec.mentions.length; i++) {
          const m = rec.mentions[i]!;
          if (!isCustomerTurn(m) || m.channel !== 'public') continue;
          items.push({
            mentionId: m.id,
            conversationId: rec.id,
            author: m.author,
            platform: m.platform,
            createdAt: m.createdAt,
            resolvedWithoutReply: rec.status === 'resolved',
            preview: m.text.length > PREVIEW ? `${m.text.slice(0, PREVIEW - 1)}…` : m.text,
          });
        }
      }
      return items.sort(
        (a, b) =>
          Date.parse(a.createdAt) - Date.parse(b.createdAt) || (a.mentionId < b.mentionId ? -1 : 1),
      );
    },

    workload(now) {
      const t = instantArg(now, 'now');
      const depts = new Map<string, DepartmentLoad>();
      const row = (d: string) => {
        let r = depts.get(d);
        if (!r)
          depts.set(
            d,
            (r = {
              department: d,
              open: 0,
              unassigned: 0,
              breached: 0,
              agentsOnline: 0,
              capacity: 0,
              assigned: 0,
              overloaded: false,
            }),
          );
        return r;
      };
      for (const d of routing.departments) row(d.id);
      for (const a of agents.values()) {
        if (!a.online) continue;
        for (const d of a.departments) {
          const r = row(d);
          r.agentsOnline++;
          r.capacity += a.capacity;
        }
      }
      const unassignedBreached = new Set<string>();
      for (const rec of open) {
        const r = row(rec.deptNow);
        r.open++;
        if (rec.assignee === undefined) r.unassigned++;
        else r.assigned++;
        if (rec.dueMs <= t) {
          r.breached++;
          if (rec.assignee === undefined) unassignedBreached.add(rec.deptNow);
        }
      }
      for (const r of depts.values())
        r.overloaded = r.open > r.capacity || unassignedBreached.has(r.department);
      return [...depts.values()];
    },

    escalate(now) {
      // Checked first: with an unreadable now no level's time would ever be "later than now", and every open
      // conversation would climb to the top of the ladder.
      const t = instantArg(now, 'now');
      const notices: EscalationNotice[] = [];
      if (!ladder.length) return notices;
      for (const rec of open.slice()) {
        if (!Number.isFinite(rec.dueMs)) continue;
        if (rec.escalationIndex >= 0 && rec.ladderFor !== rec.waitingSinceMs) {
          // Another message waits now: the ladder starts again for its clock.
          rec.escalationIndex = -1;
        }
        let changedRec = false;
        for (let i = rec.escalationIndex + 1; i < ladder.length; i++) {
          const level = ladder[i]!;
          const at = rec.dueMs + level.after * MINUTE;
          if (at > t) break;
          rec.escalationIndex = i;
          rec.escalation = level.id;
          rec.ladderFor = rec.waitingSinceMs;
          if (level.crisis) rec.crisis = true;
          changedRec = true;
          if (level.raisePriority) rec.extraPriority += level.raisePriority;
          if (level.reassign !== undefined) {
            if (agents.has(level.reassign)) setAssignee(rec, level.reassign);
            else {
              rec.department = level.reassign;
              setAssignee(rec, undefined);
            }
          }
          const when =
            level.after < 0
              ? `${-level.after} min before the ${words(rec.dueTarget)} target`
              : level.after === 0
                ? `${words(rec.dueTarget)} target missed`
                : `${level.after} min after the ${words(rec.dueTarget)} target was missed`;
          notices.push({
            conversationId: rec.id,
            level: level.id,
            at: iso(at),
            notify: level.notify ?? [],
            detail: `Escalated to ${level.id}: ${when}${level.crisis ? '; treated as a crisis' : ''}`,
          });
        }
        if (changedRec) {
          refresh(rec);
          autoAssignOne(rec);
        }
      }
      if (notices.length) changed();
      return notices;
    },

    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    getSnapshot() {
      return (snapshot ??= { version, openConversations: open.length, counts: { ...counts } });
    },

    toJSON() {
      const conversations: TriageConversationState[] = [];
      for (const rec of recs.values()) {
        conversations.push({
          id: rec.id,
          // Copies: the state must not change when the triage does, nor the triage when the state is edited. A
          // createdAt written in another accepted form (no seconds, +0100, a space) is saved in UTC form, so the
          // state always passes TriageStateSchema.
          mentions: rec.mentions.map((m, i) =>
            SCHEMA_INSTANT.test(m.createdAt) ? m : { ...m, createdAt: iso(rec.times[i]!) },
          ),
          status: rec.status,
          ...(rec.resolvedAt !== undefined && { resolvedAt: rec.resolvedAt }),
          ...(rec.assignee !== undefined && { assignee: rec.assignee }),
          ...(rec.escalation !== undefined && { escalation: rec.escalation }),
          ...(rec.escalation !== undefined &&
            Number.isFinite(rec.ladderFor) && { escalatedFor: iso(rec.ladderFor) }),
          extraPriority: rec.extraPriority,
          pauses: rec.pauses.map((p) => ({ ...p })),
          ...(rec.department !== undefined && { department: rec.department }),
          ...(rec.heldUnassigned && { heldUnassigned: true }),
          decisions: Object.fromEntries(decisionEntries(rec)),
        });
      }
      return {
        format: STATE_FORMAT,
        conversations,
        rejected: [...rejected],
        owners: Object.fromEntries(owners),
      };
    },
  };
  return triage;
}

/**
 * Combines two triage states (for example two shards split by conversation) into one.
 *
 * Conversations are matched by id. For one held by both, mentions and decisions are united by id, the later
 * resolution wins (and still reopens when a customer wrote after it), pauses are united, and the assignee,
 * escalation and department of `a` win over `b`'s. Rejected records of both are kept; owners of `a` win.
 * Loading the merged state gives the same queue as one triage that ingested everything.
 *
 * @example
 * ```ts
 * const merged = createTriage(config, mergeTriageStates(shardA.toJSON(), shardB.toJSON()));
 * ```
 */
export function mergeTriageStates(a: TriageState, b: TriageState): TriageState {
  const byId = new Map<string, TriageConversationState>();
  for (const c of a.conversations) byId.set(c.id, c);
  const platformOf = (c: TriageConversationState) => c.mentions[0]?.platform;
  for (const original of b.conversations) {
    let c = original;
    let x = byId.get(c.id);
    if (x && platformOf(x) !== platformOf(c) && platformOf(c) !== undefined) {
      // Two platforms' threads with the same key: two conversations, named as one triage names them.
      let id = `${platformOf(c)}:${c.id}`;
      for (let n = 2; byId.has(id) && platformOf(byId.get(id)!) !== platformOf(c); n++)
        id = `${platformOf(c)}:${c.id}#${n}`;
      c = { ...c, id };
      x = byId.get(id);
    }
    if (!x) {
      byId.set(c.id, c);
      continue;
    }
    const mentions = new Map(x.mentions.map((m) => [m.id, m]));
    for (const m of c.mentions) if (!mentions.has(m.id)) mentions.set(m.id, m);
    const later = (x.resolvedAt ?? '') >= (c.resolvedAt ?? '') ? x : c;
    // The same pause saved before and after it ended is one pause: the ended copy wins.
    const pauses = new Map<string, SlaPause>();
    for (const p of [...x.pauses, ...c.pauses]) {
      const key = `${p.from}|${p.reason}`;
      const known = pauses.get(key);
      if (!known || (known.to === undefined && p.to !== undefined)) pauses.set(key, p);
    }
    byId.set(c.id, {
      ...x,
      mentions: [...mentions.values()],
      status: later.status,
      ...(later.resolvedAt !== undefined ? { resolvedAt: later.resolvedAt } : {}),
      ...(x.assignee === undefined && c.assignee !== undefined && { assignee: c.assignee }),
      ...(x.escalation === undefined &&
        c.escalation !== undefined && {
          escalation: c.escalation,
          ...(c.escalatedFor !== undefined && { escalatedFor: c.escalatedFor }),
        }),
      ...(x.department === undefined && c.department !== undefined && { department: c.department }),
      extraPriority: Math.max(x.extraPriority, c.extraPriority),
      pauses: [...pauses.values()],
      decisions: { ...c.decisions, ...x.decisions },
    });
  }
  return {
    format: STATE_FORMAT,
    conversations: [...byId.values()].sort((p, q) => (p.id < q.id ? -1 : p.id > q.id ? 1 : 0)),
    rejected: [...a.rejected, ...b.rejected],
    owners: { ...b.owners, ...a.owners },
  };
}

const fallbackRouting: Routing = {
  department: 'marketing',
  confidence: 0,
  decidedBy: 'fallback',
  priorityBoost: 0,
  tags: [],
  reasons: ['Only brand messages so far'],
};

const TARGET_WORDS: Record<SlaTargetName, string> = {
  first_response: 'first response',
  next_response: 'next response',
  resolution: 'resolution',
  public_acknowledgement: 'public acknowledgement',
};
function words(t: SlaTargetName | undefined): string {
  return t ? TARGET_WORDS[t] : 'SLA';
}

function lastInboundIndex(mentions: readonly Mention[]): number {
  for (let i = mentions.length - 1; i >= 0; i--) if (mentions[i]!.direction === 'inbound') return i;
  return -1;
}

/**
 * A customer turn: an inbound message from a person. A bot writing in (RemindMeBot, a thread unroller) asks
 * nothing and answers nobody, as `speakerOf` has it ('automation').
 */
function isCustomerTurn(m: Mention): boolean {
  return m.direction === 'inbound' && !m.author.isBot;
}

function lastCustomerIndex(mentions: readonly Mention[]): number {
  for (let i = mentions.length - 1; i >= 0; i--) if (isCustomerTurn(mentions[i]!)) return i;
  return -1;
}

/** The conversation's customer as the model names it: the first person writing in, else the first author. */
function customerOf(rec: Rec): Author {
  const head = rec.mentions[0]!;
  if (isCustomerTurn(head)) return head.author;
  for (const m of rec.mentions) if (isCustomerTurn(m)) return m.author;
  return head.author;
}

/**
 * Reorders the messages of time `t` around index `i` exactly as `orderMentions` does: by id, then each reply
 * (`inReplyToId` on the same platform) after the message it answers, directly or through other replies of that
 * time. The result depends only on which messages share the time, never on the order they arrived in.
 */
function orderTie(rec: Rec, i: number, t: number): void {
  const times = rec.times;
  let from = i;
  while (from > 0 && times[from - 1] === t) from--;
  let to = i + 1;
  while (to < times.length && times[to] === t) to++;
  orderTies(rec.mentions, from, to);
}

/** Shared by every conversation without pauses (never handed out: readers get a fresh empty list). */
const NO_PAUSES: SlaPause[] = [];
/** Shared by every conversation without tags (never handed out: readers get a fresh empty list). */
const NO_TAGS: string[] = [];

function decisionOf(rec: Rec, mentionId: string): TriageDecision | undefined {
  return rec.firstDecisionId === mentionId ? rec.firstDecision : rec.moreDecisions?.get(mentionId);
}

/** Records a decision, replacing one for the same mention in place (as `Map.set` does). */
function setDecision(rec: Rec, mentionId: string, d: TriageDecision): void {
  if (rec.firstDecisionId === undefined || rec.firstDecisionId === mentionId) {
    rec.firstDecisionId = mentionId;
    rec.firstDecision = d;
  } else (rec.moreDecisions ??= new Map()).set(mentionId, d);
}

function decisionCount(rec: Rec): number {
  return (rec.firstDecisionId !== undefined ? 1 : 0) + (rec.moreDecisions?.size ?? 0);
}

/** Every decision by mention id, in the order they were made. */
function decisionEntries(rec: Rec): [string, TriageDecision][] {
  const entries: [string, TriageDecision][] = [];
  if (rec.firstDecisionId !== undefined) entries.push([rec.firstDecisionId, rec.firstDecision!]);
  if (rec.moreDecisions) for (const e of rec.moreDecisions) entries.push(e);
  return entries;
}

function sameTags(list: readonly string[], set: ReadonlySet<string>): boolean {
  if (list.length !== set.size) return false;
  let i = 0;
  for (const t of set) if (list[i++] !== t) return false;
  return true;
}

function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/**
 * A time argument (`now`, or the `at` of an action) in ms since the epoch, read by `parseInstant` like mention
 * times at ingest. Anything else (not a string, or a string it cannot read) is a RangeError naming the value as
 * the caller passed it, thrown before the triage changes anything.
 */
function instantArg(value: unknown, what: string): number {
  const ms = typeof value === 'string' ? parseInstant(value) : NaN;
  if (!Number.isFinite(ms)) {
    const shown =
      value instanceof Date ? 'a Date object (pass date.toISOString())' : shownValue(value);
    throw new RangeError(
      `Triage: ${what} ${shown} is not an ISO 8601 instant (for example 2026-11-23T10:00:00Z).`,
    );
  }
  return ms;
}

/** A mention's key when its bare id is taken by another platform (NUL never appears in a platform name). */
/** The date-time forms TriageStateSchema reads back (hours 00–23, seconds, `Z` or `±hh:mm`). */
const SCHEMA_INSTANT =
  /^\d{4}-\d\d-\d\dT(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)$/;

/**
 * A rejected record as the state keeps it: as given when JSON can hold it, otherwise (a BigInt id, a circular
 * object) its text form, so `toJSON` never throws because of a record that was turned away.
 */
function keepable(input: unknown): unknown {
  try {
    JSON.stringify(input);
    return input;
  } catch {
    return { unserialisable: shownValue(input) };
  }
}

/** The default reason of `pause`: such a pause ends when the customer writes again. */
const WAITING_ON_CUSTOMER = 'waiting on the customer';

function platformScoped(platform: Platform, id: string): string {
  return `${platform}\u0000${id}`;
}

function idOf(input: unknown): string | undefined {
  return typeof input === 'object' &&
    input !== null &&
    typeof (input as { id?: unknown }).id === 'string'
    ? (input as { id: string }).id
    : undefined;
}

const DIRECTIONS = new Set(['inbound', 'outbound']);
const CHANNELS = new Set(['public', 'private']);

/** `createdAt` in ms of the record `check` last looked at (NaN when invalid): parsed once per mention. */
let parsedAt = NaN;

/**
 * Whether `check` would find no issue, without building any: true for almost every record, so the common case
 * allocates nothing. Sets `parsedAt` like `check`.
 */
function isTriageable(input: unknown): boolean {
  if (typeof input !== 'object' || input === null) return false;
  const m = input as Partial<Record<keyof Mention, unknown>>;
  const id = m.id;
  if (typeof id !== 'string' || id.length === 0 || id.length > 512) return false;
  // A visible ASCII first character is not trimmed away; anything else gets the exact test.
  const c0 = id.charCodeAt(0);
  if (!(c0 > 0x20 && c0 < 0x7f) && !id.trim()) return false;
  if (typeof m.platform !== 'string' || !PLATFORM_SET.has(m.platform)) return false;
  if (m.channel !== 'public' && m.channel !== 'private') return false;
  if (m.direction !== 'inbound' && m.direction !== 'outbound') return false;
  if (typeof m.text !== 'string' || m.text.length > MAX_TEXT_LENGTH) return false;
  const at = m.createdAt;
  parsedAt = typeof at === 'string' && hasZone(at) ? parseInstant(at) : NaN;
  if (!Number.isFinite(parsedAt)) return false;
  const a = m.author as Partial<Author> | undefined;
  if (typeof a !== 'object' || a === null || typeof a.id !== 'string' || a.id === '') return false;
  return fieldIssue(m, a) === undefined;
}

/**
 * The first optional field triage reads that has the wrong type, as an issue: a string `isBot` would make a
 * customer a bot, a number `conversationId` would split the thread, a number `tier` would throw in a rule.
 */
function fieldIssue(
  m: Partial<Record<keyof Mention, unknown>>,
  a: Partial<Record<keyof Author, unknown>>,
): InputIssue | undefined {
  // Plain checks, no lists made per call: this runs on every ingested mention.
  if (!optionalText(m.conversationId))
    return { path: 'conversationId', message: 'must be a non-empty string when given' };
  if (!optionalText(m.inReplyToId))
    return { path: 'inReplyToId', message: 'must be a non-empty string when given' };
  const tags = m.tags;
  if (tags !== undefined && !(Array.isArray(tags) && tags.every((t) => typeof t === 'string')))
    return { path: 'tags', message: 'must be a list of strings when given' };
  if (!optionalFlag(a.isBot)) return flagIssue('isBot', a.isBot);
  if (!optionalFlag(a.isStaff)) return flagIssue('isStaff', a.isStaff);
  if (!optionalFlag(a.isBrand)) return flagIssue('isBrand', a.isBrand);
  if (!optionalFlag(a.verified)) return flagIssue('verified', a.verified);
  if (a.tier !== undefined && typeof a.tier !== 'string')
    return {
      path: 'author.tier',
      message: `must be a string when given, got ${shownValue(a.tier)}`,
    };
  const followers = a.followers;
  if (
    followers !== undefined &&
    !(typeof followers === 'number' && followers >= 0 && followers < Infinity)
  )
    return { path: 'author.followers', message: 'must be a number of at least 0 when given' };
  return undefined;
}

function optionalText(v: unknown): boolean {
  return v === undefined || (typeof v === 'string' && v !== '');
}

function optionalFlag(v: unknown): boolean {
  return v === undefined || typeof v === 'boolean';
}

function flagIssue(key: string, v: unknown): InputIssue {
  return { path: `author.${key}`, message: `must be true or false, got ${shownValue(v)}` };
}

/** Ends with `Z` or an offset `±hh:mm` / `±hhmm` (a date-time with a zone, not a date alone). */
function hasZone(s: string): boolean {
  const n = s.length;
  const last = s.charCodeAt(n - 1);
  if (last === 90 || last === 122) return true; // Z, z
  if (!isDigit(last) || !isDigit(s.charCodeAt(n - 2))) return false;
  const k = s.charCodeAt(n - 3) === 58 ? n - 4 : n - 3; // optional ':'
  if (k < 2 || !isDigit(s.charCodeAt(k)) || !isDigit(s.charCodeAt(k - 1))) return false;
  const sign = s.charCodeAt(k - 2);
  return sign === 43 || sign === 45; // + -
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** The essentials a mention needs to be triaged (full validation is `parseMentions` at the boundary). */
function check(input: unknown): InputIssue[] {
  const issues: InputIssue[] = [];
  if (typeof input !== 'object' || input === null)
    return [{ path: '(record)', message: 'must be a mention object' }];
  const m = input as Partial<Record<keyof Mention, unknown>>;
  if (typeof m.id !== 'string' || !m.id.trim() || m.id.length > 512)
    issues.push({ path: 'id', message: 'must be a non-empty string of at most 512 characters' });
  if (typeof m.platform !== 'string' || !PLATFORM_SET.has(m.platform))
    issues.push({ path: 'platform', message: `must be one of ${PLATFORMS.join(', ')}` });
  if (typeof m.channel !== 'string' || !CHANNELS.has(m.channel))
    issues.push({ path: 'channel', message: 'must be "public" or "private"' });
  if (typeof m.direction !== 'string' || !DIRECTIONS.has(m.direction))
    issues.push({ path: 'direction', message: 'must be "inbound" or "outbound"' });
  if (typeof m.text !== 'string') issues.push({ path: 'text', message: 'must be a string' });
  else if (m.text.length > MAX_TEXT_LENGTH)
    issues.push({ path: 'text', message: `is longer than ${MAX_TEXT_LENGTH} characters` });
  const at = m.createdAt;
  parsedAt = typeof at === 'string' && hasZone(at) ? parseInstant(at) : NaN;
  if (!Number.isFinite(parsedAt)) {
    issues.push({
      path: 'createdAt',
      message: 'must be an ISO 8601 date-time with a time zone, e.g. 2026-11-22T09:30:00Z',
    });
  }
  const a = m.author as Partial<Author> | undefined;
  if (typeof a !== 'object' || a === null || typeof a.id !== 'string' || !a.id)
    issues.push({ path: 'author.id', message: 'must be a non-empty string' });
  else {
    const issue = fieldIssue(m, a);
    if (issue) issues.push(issue);
  }
  return issues;
}
