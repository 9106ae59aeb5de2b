import type { Author, Channel, Mention, Platform } from './schemas';
import { orderTies, scoped } from './ties';

/** Who wrote a message, as far as answering is concerned. */
export type Speaker = 'customer' | 'brand' | 'automation';

/**
 * A thread of messages between customers and the brand, oldest first (a reply always comes after the message it
 * answers when both carry the same time).
 *
 * `awaitingReply` is true when the last message that is not an automated reply came from a customer: a bot's
 * "thanks, we'll get back to you" does not answer anybody, and a bot writing in (a reminder or thread-unroll bot)
 * does not ask anything.
 */
export interface Conversation {
  /**
   * The thread key: the `conversationId`, else the id of the thread's root message (or of the missing message
   * its replies answer). Ids are unique only within a platform: when threads of different platforms share a key
   * in the same `buildConversations` call, each of them gets `<platform>:<key>` instead (`x:100`,
   * `mastodon:100`); a key no other platform uses stays as it is.
   */
  id: string;
  platform: Platform;
  channel: Channel;
  /**
   * The customer who opened the thread: the first inbound author who is not a bot; the first author when no
   * person wrote in.
   */
  customer: Author;
  mentions: Mention[];
  startedAt: string;
  lastActivityAt: string;
  /** When the customer last wrote, if they wrote at all (bots writing in do not count). */
  lastInboundAt?: string;
  /** When a person (not a bot) at the brand last replied. */
  lastHumanReplyAt?: string;
  lastSpeaker: Speaker;
  awaitingReply: boolean;
}

/**
 * Who a mention speaks for: a person writing in is the customer, a person at the brand is the brand, and any
 * bot (the brand's auto-reply or an inbound bot such as RemindMeBot) is automation.
 */
export function speakerOf(mention: Mention): Speaker {
  if (mention.author.isBot) return 'automation';
  return mention.direction === 'inbound' ? 'customer' : 'brand';
}

/** Milliseconds since the epoch for an ISO 8601 date-time. */
export function toMs(iso: string): number {
  return Date.parse(iso);
}

/**
 * Orders mentions by time, then by id so that equal times always sort the same way.
 *
 * It does not know reply links: to order a thread so that a reply follows the message it answers when both
 * carry the same time, use `orderMentions`.
 */
export function compareMentions(a: Mention, b: Mention): number {
  return toMs(a.createdAt) - toMs(b.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Orders a thread's messages oldest first. Among messages with the same time, a reply comes after the message it
 * answers (`inReplyToId` on the same platform), directly or through other replies of that time; otherwise equal
 * times are ordered by id (`compareMentions`). A reply stamped earlier than its parent (clock skew) keeps its time
 * order. Deterministic for any input order; linear after the sort.
 *
 * @example
 * ```ts
 * // Both at 09:00: the answer follows the question although "msg-10" < "msg-9" as text.
 * orderMentions([answer, question]).map((m) => m.id); // ['msg-9', 'msg-10']
 * ```
 */
export function orderMentions(messages: readonly Mention[]): Mention[] {
  const sorted = [...messages].sort(compareMentions);
  const times = sorted.map((m) => toMs(m.createdAt));
  for (let i = 0; i < sorted.length;) {
    let j = i + 1;
    while (j < sorted.length && times[j] === times[i]) j++;
    if (j - i > 1) orderTies(sorted, i, j);
    i = j;
  }
  return sorted;
}

/**
 * The raw thread key of each mention (by index): its `conversationId` when given, otherwise the root of its reply
 * chain. Reply links are followed on the mention's own platform only.
 */
function threadKeyList(mentions: readonly Mention[]): string[] {
  const byId = new Map<string, Mention>();
  for (const m of mentions) byId.set(scoped(m.platform, m.id), m);
  const keys = new Map<string, string>();
  const out: string[] = [];
  for (const start of mentions) {
    const platform = start.platform;
    const startKey = scoped(platform, start.id);
    const done = keys.get(startKey);
    if (done !== undefined) {
      out.push(done);
      continue;
    }
    const path: string[] = [];
    const onPath = new Set<string>();
    let current: Mention | undefined = start;
    let currentKey = startKey;
    let key: string | undefined;
    while (current) {
      const known = keys.get(currentKey);
      if (known !== undefined) {
        key = known;
        break;
      }
      if (current.conversationId !== undefined) {
        key = current.conversationId;
        path.push(currentKey);
        break;
      }
      if (onPath.has(currentKey)) {
        key = current.id;
        break;
      }
      path.push(currentKey);
      onPath.add(currentKey);
      const parentId: string | undefined = current.inReplyToId;
      if (parentId === undefined) {
        key = current.id;
        break;
      }
      currentKey = scoped(platform, parentId);
      const parent = byId.get(currentKey);
      if (!parent) {
        key = parentId;
        break;
      }
      current = parent;
    }
    const resolved = key ?? start.id;
    for (const k of path) keys.set(k, resolved);
    out.push(resolved);
  }
  return out;
}

/**
 * The thread key of every mention: its `conversationId` when given, otherwise the root of its reply chain.
 *
 * A reply whose parent is not in the batch is threaded under that parent's id, so replies to the same
 * missing post stay together. Reply cycles are broken at the first repeat. Runs in linear time.
 *
 * Ids are unique only within a platform, so reply links are followed on the mention's own platform. The map is
 * keyed by mention id: when one id appears on several platforms it holds the key of the first such mention
 * (`buildConversations` keeps those threads apart).
 */
export function threadKeys(mentions: readonly Mention[]): Map<string, string> {
  const list = threadKeyList(mentions);
  const keys = new Map<string, string>();
  for (let i = 0; i < mentions.length; i++)
    if (!keys.has(mentions[i]!.id)) keys.set(mentions[i]!.id, list[i]!);
  return keys;
}

/**
 * Threads mentions into conversations from reply links (`inReplyToId`) or explicit `conversationId`s.
 *
 * Pure and deterministic: the same mentions give the same conversations, sorted by when they started.
 * Every mention ends up in exactly one conversation. Ids are unique only within a platform, so messages of
 * different platforms never share a thread; see `Conversation.id` for how clashing thread keys are named.
 *
 * @example
 * ```ts
 * const conversations = buildConversations(mentions);
 * const waiting = conversations.filter((c) => c.awaitingReply);
 * ```
 */
export function buildConversations(mentions: readonly Mention[]): Conversation[] {
  const keys = threadKeyList(mentions);
  /** Platform-scoped thread key → the thread's raw key and messages. */
  const groups = new Map<string, { key: string; platform: string; messages: Mention[] }>();
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i]!;
    const key = keys[i]!;
    const at = scoped(m.platform, key);
    const group = groups.get(at);
    if (group) group.messages.push(m);
    else groups.set(at, { key, platform: m.platform, messages: [m] });
  }
  // A key used on one platform only stays the conversation id; keys shared by platforms get the platform
  // prefix (and a #n suffix in the unlikely case that the prefixed id is some other thread's key).
  const platformsOf = new Map<string, number>();
  for (const g of groups.values()) platformsOf.set(g.key, (platformsOf.get(g.key) ?? 0) + 1);
  const ids = new Map<string, string>();
  const clashing: string[] = [];
  for (const [at, g] of groups) {
    if (platformsOf.get(g.key) === 1) ids.set(at, g.key);
    else clashing.push(at);
  }
  const used = new Set(ids.values());
  for (const at of clashing.sort()) {
    let id = at;
    for (let n = 2; used.has(id); n++) id = `${at}#${n}`;
    used.add(id);
    ids.set(at, id);
  }
  const conversations: Conversation[] = [];
  for (const [at, g] of groups) conversations.push(summarizeConversation(ids.get(at)!, g.messages));
  conversations.sort(
    (a, b) => toMs(a.startedAt) - toMs(b.startedAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return conversations;
}

/** Builds one conversation's summary from its messages (in any order; see `orderMentions`). */
export function summarizeConversation(id: string, messages: readonly Mention[]): Conversation {
  if (messages.length === 0) throw new RangeError(`Conversation ${id} has no messages.`);
  const mentions = orderMentions(messages);
  const first = mentions[0]!;
  const last = mentions[mentions.length - 1]!;
  const opener = mentions.find((m) => speakerOf(m) === 'customer') ?? first;
  let lastInboundAt: string | undefined;
  let lastHumanReplyAt: string | undefined;
  let lastHuman: Speaker | undefined;
  for (const m of mentions) {
    const speaker = speakerOf(m);
    if (speaker === 'customer') lastInboundAt = m.createdAt;
    if (speaker === 'brand') lastHumanReplyAt = m.createdAt;
    if (speaker !== 'automation') lastHuman = speaker;
  }
  return {
    id,
    platform: opener.platform,
    channel: opener.channel,
    customer: opener.author,
    mentions,
    startedAt: first.createdAt,
    lastActivityAt: last.createdAt,
    ...(lastInboundAt !== undefined && { lastInboundAt }),
    ...(lastHumanReplyAt !== undefined && { lastHumanReplyAt }),
    lastSpeaker: speakerOf(last),
    awaitingReply: lastHuman === 'customer',
  };
}
