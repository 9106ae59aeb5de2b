import type { Author, Channel, Mention, Platform } from './schemas';

/** Who wrote a message, as far as answering is concerned. */
export type Speaker = 'customer' | 'brand' | 'automation';

/**
 * A thread of messages between customers and the brand, oldest first.
 *
 * `awaitingReply` is true when the last message that is not an automated reply came from a customer: a bot's
 * "thanks, we'll get back to you" does not answer anybody.
 */
export interface Conversation {
  id: string;
  platform: Platform;
  channel: Channel;
  /** The customer who opened the thread (the first inbound author; the first author when nobody wrote in). */
  customer: Author;
  mentions: Mention[];
  startedAt: string;
  lastActivityAt: string;
  /** When the customer last wrote, if they wrote at all. */
  lastInboundAt?: string;
  /** When a person (not a bot) at the brand last replied. */
  lastHumanReplyAt?: string;
  lastSpeaker: Speaker;
  awaitingReply: boolean;
}

/** Who a mention speaks for: inbound is the customer side, outbound is the brand, a brand bot is automation. */
export function speakerOf(mention: Mention): Speaker {
  if (mention.direction === 'inbound') return 'customer';
  return mention.author.isBot ? 'automation' : 'brand';
}

/** Milliseconds since the epoch for an ISO 8601 date-time. */
export function toMs(iso: string): number {
  return Date.parse(iso);
}

/** Orders mentions by time, then by id so that equal times always sort the same way. */
export function compareMentions(a: Mention, b: Mention): number {
  return toMs(a.createdAt) - toMs(b.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The thread key of every mention: its `conversationId` when given, otherwise the root of its reply chain.
 *
 * A reply whose parent is not in the batch is threaded under that parent's id, so replies to the same
 * missing post stay together. Reply cycles are broken at the first repeat. Runs in linear time.
 */
export function threadKeys(mentions: readonly Mention[]): Map<string, string> {
  const byId = new Map<string, Mention>();
  for (const m of mentions) byId.set(m.id, m);
  const keys = new Map<string, string>();
  for (const start of mentions) {
    if (keys.has(start.id)) continue;
    const path: Mention[] = [];
    const onPath = new Set<string>();
    let current: Mention | undefined = start;
    let key: string | undefined;
    while (current) {
      const known = keys.get(current.id);
      if (known !== undefined) {
        key = known;
        break;
      }
      if (current.conversationId !== undefined) {
        key = current.conversationId;
        path.push(current);
        break;
      }
      if (onPath.has(current.id)) {
        key = current.id;
        break;
      }
      path.push(current);
      onPath.add(current.id);
      const parentId: string | undefined = current.inReplyToId;
      if (parentId === undefined) {
        key = current.id;
        break;
      }
      const parent = byId.get(parentId);
      if (!parent) {
        key = parentId;
        break;
      }
      current = parent;
    }
    for (const m of path) keys.set(m.id, key ?? start.id);
  }
  return keys;
}

/**
 * Threads mentions into conversations from reply links (`inReplyToId`) or explicit `conversationId`s.
 *
 * Pure and deterministic: the same mentions give the same conversations, sorted by when they started.
 * Every mention ends up in exactly one conversation.
 *
 * @example
 * ```ts
 * const conversations = buildConversations(mentions);
 * const waiting = conversations.filter((c) => c.awaitingReply);
 * ```
 */
export function buildConversations(mentions: readonly Mention[]): Conversation[] {
  const keys = threadKeys(mentions);
  const groups = new Map<string, Mention[]>();
  for (const m of mentions) {
    const key = keys.get(m.id) ?? m.id;
    const group = groups.get(key);
    if (group) group.push(m);
    else groups.set(key, [m]);
  }
  const conversations: Conversation[] = [];
  for (const [id, group] of groups) conversations.push(summarizeConversation(id, group));
  conversations.sort(
    (a, b) => toMs(a.startedAt) - toMs(b.startedAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return conversations;
}

/** Builds one conversation's summary from its messages (in any order). */
export function summarizeConversation(id: string, messages: readonly Mention[]): Conversation {
  if (messages.length === 0) throw new RangeError(`Conversation ${id} has no messages.`);
  const mentions = [...messages].sort(compareMentions);
  const first = mentions[0]!;
  const last = mentions[mentions.length - 1]!;
  const opener = mentions.find((m) => m.direction === 'inbound') ?? first;
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
