import { consentInForce, mergeConsent } from '../model/consent';
import { buildConversations } from '../model/conversations';
import { scoped } from '../model/ties';
import type { Mention } from '../model/schemas';
import type { IdentityLink, Interaction, InteractionType, MemberInfo } from './types';

/** A source record an adapter did not turn into an interaction, and why (nothing is dropped silently). */
export interface SkippedRecord {
  source: 'mention' | 'post' | 'comment' | 'vote';
  id: string;
  reason: string;
}

/** What an adapter produced: interactions, the members it learned about, and what it skipped. */
export interface InteractionBatch {
  interactions: Interaction[];
  /** Members seen, sorted by id: staff, brand accounts and bots flagged by `kind`, followers when known. */
  members: MemberInfo[];
  skipped: SkippedRecord[];
}

const SCAN_LIMIT = 4096;
/** The part of a text the cue checks read: its first SCAN_LIMIT characters, so huge texts cost bounded time. */
const scanned = (text: string): string =>
  text.length > SCAN_LIMIT ? text.slice(0, SCAN_LIMIT) : text;
const TYPE_TAGS = new Set<InteractionType>([
  'question',
  'feature_request',
  'bug_report',
  'complaint',
  'review',
  'recommendation',
  'share',
]);
const THANKS = /\b(thanks?|thank you|thx|ty|cheers|merci|gracias|danke|grazie|obrigad[oa])\b|🙏/iu;
/** Thanks that are not: "thanks for nothing", "no thanks", "thanks, but it still doesn't work". */
const NOT_THANKS =
  /\b(thanks? (you )?(a lot |so much )?for nothing|no,? thanks?|thanks?,? but (that |it |this )?(didn'?t|doesn'?t|does not|did not|still|not|no)\b)/iu;
/** A reply that shares the asker's problem rather than answering it: "me too", "same here", "+1", "any update?". */
const SAME_PROBLEM =
  /(^|\s)\+1(\s|$)|\b(me too|me neither|same (here|problem|issue|thing|for me|with me)|(i'?m|i am|we'?re|we are) (also )?(having|getting|seeing) (the )?same|(i|we) (also )?(have|had|got|get) the same|having the same|also (having|getting|seeing) (this|that|the same)|any (update|news|fix|luck)|did you (ever )?(get|find|fix|solve))\b/iu;

/**
 * True when the text asks something: a question mark (ASCII, full-width or Arabic) in its first 4,096 characters.
 *
 * @example
 * ```ts
 * looksLikeQuestion('Does it work on 110V?'); // true
 * ```
 */
export function looksLikeQuestion(text: string): boolean {
  const end = Math.min(text.length, SCAN_LIMIT);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 63 || c === 0xff1f || c === 0x061f) return true;
  }
  return false;
}

/**
 * True when a reply to a question is not an answer: it shares the asker's problem ("me too, any fix?"), or it is a
 * short thank-you, sincere or not ("thanks for nothing @brand"). Reads the first 4,096 characters.
 */
function notAnAnswer(text: string): boolean {
  const head = scanned(text);
  if (SAME_PROBLEM.test(head)) return true;
  return THANKS.test(head) && head.trim().split(/\s+/).length <= 8;
}

/**
 * True when the text thanks somebody (looks at the first 4,096 characters only); "thanks for nothing", "no thanks"
 * and "thanks, but it still doesn't work" do not.
 *
 * @example
 * ```ts
 * looksLikeThanks('Thanks Ben, that fixed it'); // true
 * ```
 */
export function looksLikeThanks(text: string): boolean {
  const head = scanned(text);
  return THANKS.test(head) && !NOT_THANKS.test(head);
}

/**
 * Builds interactions from mentions, using reply links: a customer replying to ANOTHER customer's question is help.
 *
 * Each inbound mention by a customer becomes one interaction with the mention's id: an `answer` (help) when it
 * replies to another customer's question (a parent with a question mark), with `outcome: 'thanked'` when the
 * asker then replies to it with thanks; the type named by a tag (`feature_request`, `bug_report`, `complaint`,
 * `review`, `recommendation`, `share`, `question`); a `question` when it opens a thread with a question mark; a
 * `comment` on somebody else's post; a `mention` otherwise. Brand replies (outbound) and mentions by staff,
 * brand accounts or bots are skipped with a reason; their authors are listed in `members` with their `kind`.
 * Followers go to `members` (for the amplifier flag), never into interactions. Each member's `consent` is their
 * latest consent record among the mentions (see `SuperfanOptions.profilingBasis`).
 *
 * Ids are unique only within a platform, so replies are linked on their own platform, and `threadId` is the
 * conversation id `buildConversations` gives. An id that two platforms use becomes `<platform>:<id>` in
 * interactions and in `skipped`, so neither mention is lost.
 *
 * @example
 * ```ts
 * const { interactions, members } = interactionsFromMentions(mentions);
 * const report = detectSuperfans(interactions, { now, members });
 * ```
 */
export function interactionsFromMentions(mentions: readonly Mention[]): InteractionBatch {
  const byKey = new Map<string, Mention>();
  const platformOfId = new Map<string, string>();
  const sharedIds = new Set<string>();
  for (const m of mentions) {
    const key = scoped(m.platform, m.id);
    if (!byKey.has(key)) byKey.set(key, m);
    const platform = platformOfId.get(m.id);
    if (platform === undefined) platformOfId.set(m.id, m.platform);
    else if (platform !== m.platform) sharedIds.add(m.id);
  }
  const idOf = (m: Mention): string => (sharedIds.has(m.id) ? scoped(m.platform, m.id) : m.id);
  const consent = consentInForce(mentions, Infinity);
  const threadOf = new Map<Mention, string>();
  for (const c of buildConversations(mentions)) for (const m of c.mentions) threadOf.set(m, c.id);
  const members = new Map<string, MemberInfo>();
  const skipped: SkippedRecord[] = [];
  const interactions: Interaction[] = [];
  const byMention = new Map<string, Interaction>();
  const isCustomer = (m: Mention): boolean =>
    m.direction === 'inbound' && !m.author.isStaff && !m.author.isBrand && !m.author.isBot;

  for (const m of mentions) {
    const a = m.author;
    const kind: MemberInfo['kind'] = a.isBot
      ? 'bot'
      : a.isBrand || m.direction === 'outbound'
        ? 'brand'
        : a.isStaff
          ? 'staff'
          : 'customer';
    const known = members.get(a.id);
    const given = consent.get(a.id);
    members.set(a.id, {
      id: a.id,
      kind: known?.kind && known.kind !== 'customer' ? known.kind : kind,
      followers: Math.max(known?.followers ?? 0, a.followers),
      ...((a.name ?? known?.name) !== undefined && { name: a.name ?? known?.name }),
      ...(given !== undefined && { consent: given }),
    });
    const key = scoped(m.platform, m.id);
    if (byMention.has(key)) {
      skipped.push({ source: 'mention', id: idOf(m), reason: 'duplicate id; counted once' });
      continue;
    }
    if (!isCustomer(m)) {
      skipped.push({
        source: 'mention',
        id: idOf(m),
        reason:
          m.direction === 'outbound'
            ? 'written by the brand (outbound)'
            : `written by ${kind === 'bot' ? 'a bot' : kind === 'brand' ? 'a brand account' : 'staff'}`,
      });
      continue;
    }
    const parent =
      m.inReplyToId !== undefined ? byKey.get(scoped(m.platform, m.inReplyToId)) : undefined;
    const tagged = m.tags?.find((t) => TYPE_TAGS.has(t as InteractionType)) as
      InteractionType | undefined;
    let type: InteractionType;
    let target: string | undefined;
    if (
      parent &&
      isCustomer(parent) &&
      parent.author.id !== a.id &&
      looksLikeQuestion(parent.text) &&
      !notAnAnswer(m.text)
    ) {
      type = 'answer';
      target = parent.author.id;
    } else if (tagged !== undefined) type = tagged;
    else if (!parent && looksLikeQuestion(m.text)) type = 'question';
    else if (parent) {
      type = 'comment';
      if (parent.author.id !== a.id) target = parent.author.id;
    } else type = 'mention';
    const interaction: Interaction = {
      id: idOf(m),
      memberId: a.id,
      at: m.createdAt,
      channel: m.platform,
      type,
      threadId: threadOf.get(m) ?? m.id,
      ...(target !== undefined && { targetMemberId: target }),
      text: m.text,
      ...(m.url !== undefined && { url: m.url }),
    };
    interactions.push(interaction);
    byMention.set(key, interaction);
  }
  // The asker thanking the helper in a reply marks the help as thanked.
  for (const m of mentions) {
    if (m.inReplyToId === undefined || !isCustomer(m)) continue;
    const answer = byMention.get(scoped(m.platform, m.inReplyToId));
    if (
      answer &&
      answer.type === 'answer' &&
      answer.targetMemberId === m.author.id &&
      answer.outcome === undefined &&
      looksLikeThanks(m.text)
    )
      answer.outcome = 'thanked';
  }
  return {
    interactions,
    members: [...members.values()].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0)),
    skipped,
  };
}

/** One row of a Stack Exchange `Posts` export (PostTypeId 1 question, 2 answer). Parse CSV/XML outside core. */
export interface StackExchangePost {
  id: string | number;
  postTypeId: number;
  /** Absent for deleted users. */
  ownerUserId?: string | number | null;
  /** ISO 8601; Stack Exchange dumps omit the zone, which is UTC. */
  creationDate: string;
  parentId?: string | number | null;
  acceptedAnswerId?: string | number | null;
  title?: string;
}

/** One row of a Stack Exchange `Comments` export. */
export interface StackExchangeComment {
  id: string | number;
  postId: string | number;
  userId?: string | number | null;
  creationDate: string;
  text?: string;
}

/** One row of a Stack Exchange `Votes` export. Public dumps omit `userId` except for favourites and bounties. */
export interface StackExchangeVote {
  id: string | number;
  postId: string | number;
  voteTypeId: number;
  userId?: string | number | null;
  creationDate: string;
}

/** A Stack Exchange user (for names and to flag the `Community` bot, id -1). */
export interface StackExchangeUser {
  id: string | number;
  displayName?: string;
}

/** The tables of a Stack Exchange style export, as typed rows. */
export interface StackExchangeExport {
  posts: readonly StackExchangePost[];
  comments?: readonly StackExchangeComment[];
  votes?: readonly StackExchangeVote[];
  users?: readonly StackExchangeUser[];
}

/** Options of `interactionsFromStackExchange`. */
export interface StackExchangeOptions {
  /** `channel` of every interaction. Default `stackexchange`. */
  channel?: string;
  /** Site address for links, e.g. `https://history.stackexchange.com`; posts link to `/q/<id>`. */
  siteUrl?: string;
}

function key(v: string | number | null | undefined): string | undefined {
  if (v === null || v === undefined) return undefined;
  const s = String(v).trim();
  return s === '' ? undefined : s;
}

/** Stack Exchange dates carry no zone and are UTC. */
function seDate(s: string): string {
  return /(?:Z|[+-]\d\d:\d\d)$/.test(s) ? s : `${s}Z`;
}

/**
 * Builds interactions from a Stack Exchange style export (questions, answers, accepted answers, comments).
 *
 * Questions become `question`; answers become `answer` aimed at the asker (help when it is somebody else),
 * with `outcome: 'accepted'` for the accepted answer (or an `AcceptedByOriginator` vote), or `'thanked'` when
 * the asker thanks the answerer in a comment on it; comments become `comment` aimed at the post's owner. Votes
 * with a voter become `like` (up-votes) or `follow` (favourites); anonymous votes, posts by deleted users and
 * tag wikis are skipped with a reason. Member ids are the user ids as strings; user -1 (Community) is a bot.
 * Reputation is never read.
 *
 * @example
 * ```ts
 * const { interactions, members } = interactionsFromStackExchange({ posts, comments, votes, users });
 * const report = detectSuperfans(interactions, { now: '2023-12-03T00:00:00Z', members });
 * ```
 */
export function interactionsFromStackExchange(
  data: StackExchangeExport,
  options: StackExchangeOptions = {},
): InteractionBatch {
  const channel = options.channel ?? 'stackexchange';
  const site = options.siteUrl?.replace(/\/+$/, '');
  const skipped: SkippedRecord[] = [];
  const posts = new Map<string, StackExchangePost>();
  for (const p of data.posts) {
    const id = key(p.id);
    if (id !== undefined && !posts.has(id)) posts.set(id, p);
  }
  const questionOf = (p: StackExchangePost): StackExchangePost | undefined =>
    p.postTypeId === 2 ? posts.get(key(p.parentId) ?? '') : p.postTypeId === 1 ? p : undefined;

  const accepted = new Set<string>();
  for (const p of posts.values()) {
    const a = key(p.acceptedAnswerId);
    if (p.postTypeId === 1 && a !== undefined) accepted.add(a);
  }
  for (const v of data.votes ?? []) if (v.voteTypeId === 1) accepted.add(String(v.postId));

  // Answers thanked by their asker in a comment.
  const thanked = new Set<string>();
  for (const c of data.comments ?? []) {
    const post = posts.get(String(c.postId));
    if (!post || post.postTypeId !== 2 || c.text === undefined) continue;
    const q = questionOf(post);
    const asker = q ? key(q.ownerUserId) : undefined;
    if (asker !== undefined && asker === key(c.userId) && looksLikeThanks(c.text))
      thanked.add(key(post.id)!);
  }

  const interactions: Interaction[] = [];
  const seenPosts = new Set<string>();
  for (const p of data.posts) {
    const id = key(p.id) ?? '';
    if (seenPosts.has(id)) {
      skipped.push({ source: 'post', id, reason: 'duplicate id; counted once' });
      continue;
    }
    seenPosts.add(id);
    const owner = key(p.ownerUserId);
    if (p.postTypeId !== 1 && p.postTypeId !== 2) {
      skipped.push({
        source: 'post',
        id,
        reason: `post type ${p.postTypeId} is not a question or an answer`,
      });
      continue;
    }
    if (owner === undefined) {
      skipped.push({ source: 'post', id, reason: 'no owner (deleted user)' });
      continue;
    }
    const q = questionOf(p);
    const threadId = q ? `post:${key(q.id)}` : `post:${key(p.parentId) ?? id}`;
    const url = site ? `${site}/q/${id}` : undefined;
    if (p.postTypeId === 1) {
      interactions.push({
        id: `post:${id}`,
        memberId: owner,
        at: seDate(p.creationDate),
        channel,
        type: 'question',
        threadId,
        ...(url && { url }),
      });
      continue;
    }
    const asker = q ? key(q.ownerUserId) : undefined;
    const outcome = accepted.has(id) ? 'accepted' : thanked.has(id) ? 'thanked' : undefined;
    interactions.push({
      id: `post:${id}`,
      memberId: owner,
      at: seDate(p.creationDate),
      channel,
      type: 'answer',
      threadId,
      ...(asker !== undefined && { targetMemberId: asker }),
      ...(outcome !== undefined && { outcome }),
      ...(url && { url }),
    });
  }
  const seenComments = new Set<string>();
  for (const c of data.comments ?? []) {
    const id = key(c.id) ?? '';
    const user = key(c.userId);
    if (seenComments.has(id)) {
      skipped.push({ source: 'comment', id, reason: 'duplicate id; counted once' });
      continue;
    }
    seenComments.add(id);
    if (user === undefined) {
      skipped.push({ source: 'comment', id, reason: 'no author (deleted user)' });
      continue;
    }
    const post = posts.get(String(c.postId));
    const q = post ? questionOf(post) : undefined;
    const target = post ? key(post.ownerUserId) : undefined;
    interactions.push({
      id: `comment:${id}`,
      memberId: user,
      at: seDate(c.creationDate),
      channel,
      type: 'comment',
      threadId: q ? `post:${key(q.id)}` : `post:${String(c.postId)}`,
      ...(target !== undefined && target !== user && { targetMemberId: target }),
    });
  }
  for (const v of data.votes ?? []) {
    const id = key(v.id) ?? '';
    const user = key(v.userId);
    if (user === undefined) {
      skipped.push({ source: 'vote', id, reason: 'anonymous vote: no voter to credit' });
      continue;
    }
    if (v.voteTypeId !== 2 && v.voteTypeId !== 5) {
      skipped.push({
        source: 'vote',
        id,
        reason: `vote type ${v.voteTypeId} is not an up-vote or favourite`,
      });
      continue;
    }
    interactions.push({
      id: `vote:${id}`,
      memberId: user,
      at: seDate(v.creationDate),
      channel,
      type: v.voteTypeId === 2 ? 'like' : 'follow',
      threadId: `post:${String(v.postId)}`,
    });
  }
  const members = new Map<string, MemberInfo>();
  for (const u of data.users ?? []) {
    const id = key(u.id);
    if (id === undefined) continue;
    members.set(id, {
      id,
      kind: id === '-1' ? 'bot' : 'customer',
      ...(u.displayName !== undefined && { name: u.displayName }),
    });
  }
  if (!members.has('-1')) members.set('-1', { id: '-1', kind: 'bot', name: 'Community' });
  return {
    interactions,
    members: [...members.values()].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0)),
    skipped,
  };
}

/**
 * Resolves declared identity links into a function from any handle to the person's canonical id.
 *
 * Links chain (a person's X handle linked to their forum id, which is linked to their CRM id): each group of
 * linked ids resolves to one id, the `memberId` of the latest link that joined the group. Unknown ids map to
 * themselves.
 *
 * @example
 * ```ts
 * const canonical = identityResolver([{ memberId: 'crm:42', aliases: ['x:ana', 'forum:ana_b'] }]);
 * canonical('x:ana'); // 'crm:42'
 * ```
 */
export function identityResolver(links: readonly IdentityLink[]): (id: string) => string {
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    let root = id;
    for (let p = parent.get(root); p !== undefined && p !== root; p = parent.get(root)) root = p;
    // Path compression keeps later look-ups short.
    let cur = id;
    while (cur !== root) {
      const next = parent.get(cur)!;
      parent.set(cur, root);
      cur = next;
    }
    return root;
  };
  for (const link of links) {
    for (const alias of link.aliases) {
      const ra = find(link.memberId);
      const rb = find(alias);
      if (ra !== rb) parent.set(rb, ra);
    }
  }
  return (id) => (parent.has(id) ? find(id) : id);
}

/**
 * Merges one person's handles across platforms by declared links: every alias becomes its canonical id.
 *
 * `memberId` and `targetMemberId` are rewritten; interactions that need no change are returned as they are.
 * Help a person gave to their own other handle becomes self-help, which never counts as help. Merge the member
 * directory with the same links (`mergeMemberIdentities`), so what a person said on any of their handles (an
 * objection to profiling, say) and what is known of them follow them to the canonical id.
 *
 * @example
 * ```ts
 * const merged = mergeIdentities(interactions, [{ memberId: 'crm:42', aliases: ['x:ana', 'forum:ana_b'] }]);
 * ```
 */
export function mergeIdentities(
  interactions: readonly Interaction[],
  links: readonly IdentityLink[],
): Interaction[] {
  const canonical = identityResolver(links);
  return interactions.map((it) => {
    const memberId = canonical(it.memberId);
    const target = it.targetMemberId === undefined ? undefined : canonical(it.targetMemberId);
    if (memberId === it.memberId && target === it.targetMemberId) return it;
    return { ...it, memberId, ...(target !== undefined && { targetMemberId: target }) };
  });
}

/** Kinds that keep a member out of the ranking: one handle that is staff, the brand or a bot is enough. */
const KIND_ORDER = ['customer', 'bot', 'brand', 'staff'] as const;

/**
 * Merges the member directory by the links given to `mergeIdentities`: one record per person, under the canonical
 * id. Consent is merged so an objection on any handle holds (the record made later wins, and without dates a "no"
 * on any handle wins); an exclusion (`staff`, `brand`, `bot`) or a sanction on any handle holds; followers are the
 * largest; the name is the canonical record's, else the first given.
 *
 * @example
 * ```ts
 * const links = [{ memberId: 'crm:42', aliases: ['x:ana', 'forum:ana_b'] }];
 * detectSuperfans(mergeIdentities(interactions, links), { now, members: mergeMemberIdentities(members, links) });
 * ```
 */
export function mergeMemberIdentities(
  members: readonly MemberInfo[],
  links: readonly IdentityLink[],
): MemberInfo[] {
  const canonical = identityResolver(links);
  const groups = new Map<string, MemberInfo[]>();
  for (const m of members) {
    const id = canonical(m.id);
    const group = groups.get(id);
    if (group === undefined) groups.set(id, [m]);
    // The canonical id's own record comes first, so its name wins.
    else if (m.id === id) group.unshift(m);
    else group.push(m);
  }
  const out: MemberInfo[] = [];
  for (const [id, group] of groups) {
    let merged: MemberInfo = { ...group[0]!, id };
    for (const m of group.slice(1)) {
      const kind =
        KIND_ORDER.indexOf(m.kind ?? 'customer') > KIND_ORDER.indexOf(merged.kind ?? 'customer')
          ? m.kind
          : merged.kind;
      const followers =
        m.followers === undefined ? merged.followers : Math.max(m.followers, merged.followers ?? 0);
      const consent = mergeConsent(merged.consent, m.consent);
      merged = {
        id,
        ...((merged.name ?? m.name) !== undefined && { name: merged.name ?? m.name }),
        ...(kind !== undefined && { kind }),
        ...(followers !== undefined && { followers }),
        ...((merged.abusive === true || m.abusive === true) && { abusive: true }),
        ...(merged.abusive === false && m.abusive !== true && { abusive: false }),
        ...(consent !== undefined && { consent }),
      };
    }
    out.push(merged);
  }
  return out;
}
