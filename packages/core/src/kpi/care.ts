import { consentInForce } from '../model/consent';
import type { Conversation } from '../model/conversations';
import type { Consent, Mention } from '../model/schemas';
import type { SentimentLabel } from '../text/types';
import { percentileOfSorted } from './stats';
import { parseInstant } from './time';
import type { CareMetrics, DurationSummary, GoalEvent } from './types';

/** Options of `careMetrics`. Times are epoch ms or ISO 8601 with a zone. */
export interface CareMetricsOptions {
  /** Conversations whose first customer message falls in [from, to) are measured. */
  from: number | string;
  to: number | string;
  /** The response-time target in ms (e.g. 3,600,000 for one hour). */
  targetMs: number;
  /** Replies after this moment are not yet known (default: no limit). */
  now?: number | string;
  /** Satisfaction survey answers on a 1–5 scale, by conversation id. */
  surveys?: readonly { conversationId: string; score: number }[];
  /** Labels a customer message's sentiment (for net sentiment); return null to leave a message out. */
  sentimentOf?: (mention: Mention) => SentimentLabel | null;
}

/** One conversation's first response, resolution and follow-up waits (ms), as `careMetrics` defines them. */
export interface ConversationTiming {
  conversationId: string;
  /** First customer message (epoch ms), or null when the customer never wrote. */
  firstInboundAt: number | null;
  /** ms from the first customer message to the first human brand reply after it; null when unanswered. */
  firstResponseMs: number | null;
  /** Waits of later customer turns for the next human reply (ms). */
  nextResponseMs: number[];
  /** ms from the first customer message to the last human reply, when nothing is left waiting; else null. */
  resolutionMs: number | null;
  /** A customer message is waiting for a human reply (the customer spoke last among people). */
  awaitingReply: boolean;
}

const summary = (values: number[]): DurationSummary => {
  const sorted = Float64Array.from(values).sort();
  return {
    median: percentileOfSorted(sorted, 50),
    p90: percentileOfSorted(sorted, 90),
    count: values.length,
  };
};

/**
 * Times one conversation: first response, next responses and resolution (see `careMetrics` for definitions).
 *
 * Only people count: an outbound message whose author `isBot` answers nobody, and an inbound one (a reminder or
 * thread-unroll bot) is not a customer turn. Messages are read in the conversation's order (`buildConversations`
 * puts a reply after the message it answers when both carry the same time). Messages later than `nowMs` are
 * treated as not yet written.
 *
 * @example
 * ```ts
 * conversationTiming(conversation).firstResponseMs; // e.g. 1_260_000 (21 minutes)
 * ```
 */
export function conversationTiming(
  conversation: Conversation,
  nowMs = Number.POSITIVE_INFINITY,
): ConversationTiming {
  let firstInboundAt: number | null = null;
  let firstResponseMs: number | null = null;
  const nextResponseMs: number[] = [];
  let waitingSince: number | null = null;
  let lastHumanReply: number | null = null;
  let lastHumanSpeaker: 'customer' | 'brand' | null = null;
  for (const m of conversation.mentions) {
    const t = parseInstant(m.createdAt);
    // Bots answer nobody and ask nothing: a brand auto-reply or an inbound RemindMeBot is not a turn.
    if (!Number.isFinite(t) || t > nowMs || m.author.isBot) continue;
    if (m.direction === 'inbound') {
      if (firstInboundAt === null) {
        firstInboundAt = t;
        waitingSince = t;
      } else if (waitingSince === null) waitingSince = t;
      lastHumanSpeaker = 'customer';
    } else if (!m.author.isBot) {
      lastHumanSpeaker = 'brand';
      if (firstInboundAt === null) continue;
      lastHumanReply = t;
      if (waitingSince !== null) {
        if (firstResponseMs === null) firstResponseMs = t - waitingSince;
        else nextResponseMs.push(t - waitingSince);
        waitingSince = null;
      }
    }
  }
  const resolved =
    firstInboundAt !== null && lastHumanReply !== null && lastHumanSpeaker === 'brand';
  return {
    conversationId: conversation.id,
    firstInboundAt,
    firstResponseMs,
    nextResponseMs,
    resolutionMs: resolved ? lastHumanReply! - firstInboundAt! : null,
    awaitingReply: lastHumanSpeaker === 'customer',
  };
}

/**
 * The social-care metrics of a set of conversations, with exact definitions (all durations in ms).
 *
 * - In scope: conversations whose first customer message (inbound, not from a bot) is in [from, to). All of them
 *   need an answer. Inbound bot messages are never customer turns.
 * - `responseRate` = answered ÷ needing an answer, where answered means a human at the brand replied after the
 *   first customer message. Bot replies (`author.isBot`) never count.
 * - `firstResponseMs`: first customer message → first human reply after it; median and p90 over answered
 *   conversations (percentiles interpolate linearly; the median of an even count is the mean of the middle two).
 * - `nextResponseMs`: each later customer turn (a customer message after a human reply) → the next human reply.
 * - `resolutionMs`: first customer message → last human reply, for conversations where a person at the brand
 *   spoke last (nothing left waiting).
 * - `withinTarget` = conversations first answered within `targetMs` ÷ needing an answer (unanswered count as late).
 * - `csat` = share of survey scores of 4 or 5 (on 1–5) for conversations in scope. A score that is not a number
 *   from 1 to 5 is a RangeError naming it (a 0–10 survey must be converted first).
 * - `netSentiment` = (%positive − %negative) of labelled customer messages (not bots) written by `now`, neutral
 *   ones in the denominator.
 * - A customer who objected to analytics (consent in force at `now`) is left out of every figure, and their
 *   conversations are counted in `objected`.
 * Empty sets give null with a reason in `noData`, never NaN.
 *
 * @example
 * ```ts
 * const care = careMetrics(buildConversations(mentions), {
 *   from: '2026-11-01T00:00:00Z',
 *   to: '2026-12-01T00:00:00Z',
 *   targetMs: 60 * 60 * 1000,
 * });
 * care.responseRate; // 0.92
 * care.firstResponseMs.median; // 1_260_000
 * ```
 */
export function careMetrics(
  conversations: readonly Conversation[],
  options: CareMetricsOptions,
): CareMetrics {
  const from = parseInstant(options.from);
  const to = parseInstant(options.to);
  const nowMs = options.now === undefined ? Number.POSITIVE_INFINITY : parseInstant(options.now);
  if (!Number.isFinite(from) || !Number.isFinite(to) || Number.isNaN(nowMs))
    throw new RangeError(
      'from, to and now must be epoch milliseconds or ISO 8601 date-times with a zone.',
    );
  if (!(options.targetMs >= 0) || !Number.isFinite(options.targetMs))
    throw new RangeError(
      `targetMs must be a finite number of milliseconds ≥ 0, got ${options.targetMs}.`,
    );
  const first: number[] = [];
  const next: number[] = [];
  const resolution: number[] = [];
  const inScope = new Set<string>();
  let needing = 0;
  let within = 0;
  let positive = 0;
  let negative = 0;
  let labelled = 0;
  let objected = 0;
  const consent = consentInForce(
    conversations.flatMap((c) => c.mentions),
    nowMs,
  );
  for (const c of conversations) {
    const timing = conversationTiming(c, nowMs);
    if (
      timing.firstInboundAt === null ||
      timing.firstInboundAt < from ||
      timing.firstInboundAt >= to
    )
      continue;
    if (consent.get(c.customer.id)?.analytics === false) {
      objected++;
      continue;
    }
    inScope.add(c.id);
    needing++;
    if (timing.firstResponseMs !== null) {
      first.push(timing.firstResponseMs);
      if (timing.firstResponseMs <= options.targetMs) within++;
    }
    next.push(...timing.nextResponseMs);
    if (timing.resolutionMs !== null) resolution.push(timing.resolutionMs);
    if (options.sentimentOf)
      for (const m of c.mentions) {
        if (m.direction !== 'inbound' || m.author.isBot || !(parseInstant(m.createdAt) <= nowMs))
          continue;
        const label = options.sentimentOf(m);
        if (label === null) continue;
        labelled++;
        if (label === 'positive') positive++;
        else if (label === 'negative') negative++;
      }
  }
  let satisfied = 0;
  let surveyed = 0;
  (options.surveys ?? []).forEach((s, i) => {
    if (typeof s?.score !== 'number' || !(s.score >= 1 && s.score <= 5))
      throw new RangeError(
        `surveys[${i}].score must be a number from 1 to 5, got ${String(s?.score)} (convert other scales first).`,
      );
    if (!inScope.has(s.conversationId)) return;
    surveyed++;
    if (s.score >= 4) satisfied++;
  });
  const noData: Record<string, string> = {};
  if (needing === 0) {
    const why = 'no conversation started by a customer in this period';
    noData.responseRate = why;
    noData.withinTarget = why;
  }
  if (first.length === 0) noData.firstResponseMs = 'no conversation was answered by a person';
  if (next.length === 0) noData.nextResponseMs = 'no follow-up customer message was answered';
  if (resolution.length === 0) noData.resolutionMs = 'no conversation ended with the brand';
  if (surveyed === 0) noData.csat = 'no survey answers for these conversations';
  if (labelled === 0)
    noData.netSentiment = options.sentimentOf
      ? 'no customer message had a sentiment label'
      : 'no sentimentOf function was given';
  return {
    conversations: conversations.length,
    needingAnswer: needing,
    answered: first.length,
    responseRate: needing > 0 ? first.length / needing : null,
    firstResponseMs: summary(first),
    nextResponseMs: summary(next),
    resolutionMs: summary(resolution),
    withinTarget: needing > 0 ? within / needing : null,
    targetMs: options.targetMs,
    csat: surveyed > 0 ? satisfied / surveyed : null,
    netSentiment: labelled > 0 ? (positive - negative) / labelled : null,
    objected,
    noData,
  };
}

/**
 * One event per customer-started conversation, for `evaluateGoals` (source `care` unless named).
 *
 * Fields: `conversationId`, `platform`, `channel`, `customerId`, `consent` (what the customer said about
 * analytics in the record in force at `now`, epoch ms or ISO 8601, default no limit: `true` for yes, `false` for
 * no, absent when it is not established; their latest record made by then, from any of their messages, so a
 * withdrawal applies to every conversation. A source on legitimate interest leaves out the people who said no, one
 * on consent keeps only those who said yes), `answered`, `firstResponseMs`, `resolved`, `resolutionMs`,
 * `awaitingReply`; `at` is the first customer message. Unanswered conversations have no `firstResponseMs`. The
 * service presets read these fields.
 *
 * @example
 * ```ts
 * const events = careEvents(buildConversations(mentions));
 * evaluateGoals(tree, events, { from, to, now });
 * ```
 */
export function careEvents(
  conversations: readonly Conversation[],
  source = 'care',
  now: number | string = Number.POSITIVE_INFINITY,
): GoalEvent[] {
  const nowMs = now === Number.POSITIVE_INFINITY ? now : parseInstant(now);
  if (Number.isNaN(nowMs))
    throw new RangeError(
      `now must be epoch milliseconds or an ISO 8601 date-time with a zone, got ${String(now)}.`,
    );
  const out: GoalEvent[] = [];
  const consent = consentInForce(
    conversations.flatMap((c) => c.mentions),
    nowMs,
  );
  for (const c of conversations) {
    const timing = conversationTiming(c, nowMs);
    if (timing.firstInboundAt === null) continue;
    out.push({
      source,
      at: timing.firstInboundAt,
      conversationId: c.id,
      platform: c.platform,
      channel: c.channel,
      customerId: c.customer.id,
      ...analyticsConsent(consent.get(c.customer.id)),
      answered: timing.firstResponseMs !== null,
      ...(timing.firstResponseMs !== null && { firstResponseMs: timing.firstResponseMs }),
      resolved: timing.resolutionMs !== null,
      ...(timing.resolutionMs !== null && { resolutionMs: timing.resolutionMs }),
      awaitingReply: timing.awaitingReply,
    });
  }
  return out;
}

/** The customer's answer on analytics as an event field: yes, no, or nothing when it is not established. */
function analyticsConsent(consent: Consent | undefined): { consent?: boolean } {
  const said = consent?.analytics;
  return said === true || said === false ? { consent: said } : {};
}

/** Kaushik's per-post engagement rates. */
export interface PostRates {
  posts: number;
  /** Replies (comments) per post. */
  conversationRate: number | null;
  /** Reposts and quotes per post. */
  amplificationRate: number | null;
  /** Likes per post. */
  applauseRate: number | null;
  /** The same rates per 1,000 followers, when a follower count is given. */
  perThousandFollowers: {
    conversationRate: number;
    amplificationRate: number;
    applauseRate: number;
  } | null;
}

/**
 * Avinash Kaushik's conversation, amplification and applause rates over the brand's own posts.
 *
 * Conversation rate = replies ÷ posts; amplification rate = (reposts + quotes) ÷ posts; applause rate =
 * likes ÷ posts. With `followers` > 0 each is also given per 1,000 followers. Posts without metrics count as
 * zero engagement. No posts gives nulls.
 *
 * @example
 * ```ts
 * postRates(brandPosts, { followers: 12_000 }).amplificationRate; // 3.4 reposts per post
 * ```
 */
export function postRates(
  posts: readonly Mention[],
  options: { followers?: number } = {},
): PostRates {
  let replies = 0;
  let shares = 0;
  let likes = 0;
  for (const p of posts) {
    replies += p.metrics?.replies ?? 0;
    shares += (p.metrics?.reposts ?? 0) + (p.metrics?.quotes ?? 0);
    likes += p.metrics?.likes ?? 0;
  }
  const n = posts.length;
  const rate = (x: number) => (n > 0 ? x / n : null);
  const followers = options.followers;
  return {
    posts: n,
    conversationRate: rate(replies),
    amplificationRate: rate(shares),
    applauseRate: rate(likes),
    perThousandFollowers:
      n > 0 && followers !== undefined && followers > 0 && Number.isFinite(followers)
        ? {
            conversationRate: (replies / n / followers) * 1000,
            amplificationRate: (shares / n / followers) * 1000,
            applauseRate: (likes / n / followers) * 1000,
          }
        : null,
  };
}

/** One kind of outcome and what one of it is worth (e.g. a sign-up worth 12 EUR). */
export interface OutcomeValue {
  name: string;
  count: number;
  unitValue: number;
  /** `macro` (a sale, a hire) or `micro` (a newsletter sign-up, a saved support call). */
  kind?: 'macro' | 'micro';
}

/**
 * Kaushik's economic value: the sum of macro and micro outcomes times what each is worth.
 *
 * Throws a RangeError naming the line when a count or value is not a finite number.
 *
 * @example
 * ```ts
 * economicValue([{ name: 'orders', count: 40, unitValue: 55 }, { name: 'calls saved', count: 300, unitValue: 4, kind: 'micro' }]);
 * // { total: 3400, macro: 2200, micro: 1200, lines: [...] }
 * ```
 */
export function economicValue(outcomes: readonly OutcomeValue[]): {
  total: number;
  macro: number;
  micro: number;
  lines: { name: string; value: number }[];
} {
  let macro = 0;
  let micro = 0;
  const lines = outcomes.map((o, i) => {
    if (!Number.isFinite(o.count) || !Number.isFinite(o.unitValue))
      throw new RangeError(`Outcome ${i} ("${o.name}") needs a finite count and unit value.`);
    const value = o.count * o.unitValue;
    if (o.kind === 'micro') micro += value;
    else macro += value;
    return { name: o.name, value };
  });
  return { total: macro + micro, macro, micro, lines };
}

/**
 * Share of voice: the brand's mentions ÷ all mentions in the category (brand plus competitors); null when
 * there are none.
 *
 * @example
 * ```ts
 * shareOfVoice(120, 480); // 0.25
 * ```
 */
export function shareOfVoice(brandMentions: number, categoryMentions: number): number | null {
  if (
    !(brandMentions >= 0) ||
    !(categoryMentions >= brandMentions) ||
    !Number.isFinite(categoryMentions)
  )
    throw new RangeError('brandMentions must be between 0 and categoryMentions (finite numbers).');
  return categoryMentions > 0 ? brandMentions / categoryMentions : null;
}
