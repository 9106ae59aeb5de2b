import type { z } from 'zod';
import { RapportInputError, type ParseResult } from '../model/errors';
import type { Mention } from '../model/schemas';
import { brandMatcher } from './brand';
import {
  httpUrl,
  compact,
  countOf,
  languageTag,
  MentionCollector,
  readOptions,
  recordIssues,
} from './collect';
import { toIsoDate } from './dates';
import { BlueskyPostViewSchema, BlueskyRepostReasonSchema, IngestOptionsSchema } from './payloads';
import type { IngestOptions } from './x';

/** Deepest thread Rapport walks: deeper replies are rejected with a reason rather than overflow the stack. */
const MAX_THREAD_DEPTH = 10_000;

/**
 * Normalises Bluesky post views (AT Protocol `app.bsky.feed.defs#postView`) into mentions, with reasons for rejects.
 *
 * Takes an array of post views, `{ posts }` (getPosts, searchPosts), `{ feed: [{ post }] }` (getAuthorFeed,
 * getTimeline) or `{ thread }` (getPostThread, walked parents and replies, without recursion). The post's
 * `at://` URI is its id; `record.reply.parent` gives `inReplyToId` and `record.reply.root` the `conversationId`
 * (a post that replies to nothing is its own conversation). `record.createdAt` is the time the client declared;
 * when it is missing or not a valid date with a zone, `indexedAt` is used. Post views carry no follower counts,
 * so `followers` is 0 unless the author view has `followersCount`. Posts that are not found or blocked in a
 * thread are rejected with a reason. A feed item reposted by someone (`reason` of type
 * `app.bsky.feed.defs#reasonRepost`) is read as the reposter's mention of the post's text, tagged `repost`, dated
 * when it was reposted, with the repost record's `uri` as its id (or the post's URI and the reposter's DID when the
 * answer has no such `uri`), as Mastodon boosts and X retweets are.
 *
 * @example
 * ```ts
 * import { mentionsFromBluesky } from '@rapport/core/schemas';
 * const res = await fetch('https://public.api.bsky.app/xrpc/app.bsky.feed.searchPosts?q=kettleandpine');
 * const { accepted, rejected } = mentionsFromBluesky(await res.json(), { brand: { handles: ['kettleandpine.com'] } });
 * ```
 */
export function mentionsFromBluesky(input: unknown, options?: IngestOptions): ParseResult<Mention> {
  const { brand } = readOptions(IngestOptionsSchema, options, 'Bluesky ingestion options');
  const isBrand = brandMatcher(brand);
  const out = new MentionCollector();
  /** Who wrote (or reposted), and so the direction: the brand's own posts are outbound. */
  const speaker = (profile: BlueskyProfile) => {
    const handle = `@${profile.handle}`;
    const brandPost = isBrand(profile.did, handle);
    return {
      direction: brandPost ? ('outbound' as const) : ('inbound' as const),
      author: compact({
        id: profile.did,
        handle,
        name: profile.displayName || undefined,
        followers: countOf(profile.followersCount),
        isBrand: brandPost,
      }),
    };
  };
  const entries = postList(input);
  // A plain loop, not forEach: forEach skips the holes of a sparse array, which would drop them silently.
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    if (entry.problem) {
      out.reject(i, entry.raw, [{ path: '(record)', message: entry.problem }]);
      continue;
    }
    const raw = entry.raw;
    const { data: post, issues } = recordIssues(BlueskyPostViewSchema, raw);
    if (!post) {
      out.reject(i, raw, issues);
      continue;
    }
    if (post.record.$type !== undefined && post.record.$type !== 'app.bsky.feed.post') {
      out.reject(i, raw, [
        {
          path: 'record.$type',
          message: `is ${post.record.$type}, not a post (app.bsky.feed.post)`,
        },
      ]);
      continue;
    }
    const createdAt =
      toIsoDate(post.record.createdAt ?? '', 'iso') ?? toIsoDate(post.indexedAt ?? '', 'iso');
    if (createdAt === undefined) {
      out.reject(i, raw, [
        {
          path: 'record.createdAt',
          message: 'neither record.createdAt nor indexedAt is an ISO 8601 date-time with a zone',
        },
      ]);
      continue;
    }
    const rkey = post.uri.slice(post.uri.lastIndexOf('/') + 1);
    const url =
      /^[a-z0-9._:-]+$/i.test(post.author.handle) && /^[a-z0-9]+$/i.test(rkey)
        ? `https://bsky.app/profile/${post.author.handle}/post/${rkey}`
        : undefined;
    const text = withFullLinks(post.record.text, post.record.facets);
    const lang = languageTag(post.record.langs?.[0]);
    if (entry.repost !== undefined) {
      // Someone else put this post in the feed: the mention is theirs (as a Mastodon boost is the booster's status).
      const parsed = recordIssues(BlueskyRepostReasonSchema, entry.repost);
      if (!parsed.data) {
        out.reject(
          i,
          raw,
          parsed.issues.map((issue) => ({ ...issue, path: `reason.${issue.path}` })),
        );
        continue;
      }
      const reason = parsed.data;
      const repostedAt = toIsoDate(reason.indexedAt, 'iso');
      if (repostedAt === undefined) {
        out.reject(i, raw, [
          { path: 'reason.indexedAt', message: 'must be an ISO 8601 date-time with a zone' },
        ]);
        continue;
      }
      const id = reason.uri ?? `${post.uri}#repost:${reason.by.did}`;
      out.offer(
        i,
        raw,
        compact({
          id,
          platform: 'bluesky',
          channel: 'public',
          ...speaker(reason.by),
          text,
          createdAt: repostedAt,
          conversationId: id,
          url,
          lang,
          metrics: { likes: 0, replies: 0, reposts: 0, quotes: 0, views: 0 },
          tags: ['repost'],
        }),
      );
      continue;
    }
    out.offer(
      i,
      raw,
      compact({
        id: post.uri,
        platform: 'bluesky',
        channel: 'public',
        ...speaker(post.author),
        text,
        createdAt,
        inReplyToId: post.record.reply?.parent.uri,
        conversationId: post.record.reply?.root.uri ?? post.uri,
        url,
        lang,
        metrics: {
          likes: countOf(post.likeCount),
          replies: countOf(post.replyCount),
          reposts: countOf(post.repostCount),
          quotes: countOf(post.quoteCount),
          views: 0,
        },
      }),
    );
  }
  return out.result();
}

/** A post's author or a reposter, as read (the same profile schema serves both). */
type BlueskyProfile = z.output<typeof BlueskyPostViewSchema>['author'];

interface Entry {
  raw: unknown;
  problem?: string;
  /** The feed item's `reason` when someone reposted the post into the feed. */
  repost?: unknown;
}

/** The parts of the standard text codecs used here (every supported runtime has them; no DOM types listed). */
declare const TextEncoder: new () => { encode(text: string): Uint8Array };
declare const TextDecoder: new () => { decode(bytes: Uint8Array): string };

/** Most link facets read per post: a post holds 300 characters, so more is hostile input. */
const MAX_LINK_FACETS = 100;

/**
 * The post's text with each link facet's full URL in place of the text it covers. The Bluesky app shortens links
 * in `record.text` ("track.example/KP-5512..."): the whole address is only in the facet, by UTF-8 byte range.
 * Facets that are malformed, overlap, fall outside the text or link to anything but http(s) are left as written.
 */
function withFullLinks(text: string, facets: unknown): string {
  if (!Array.isArray(facets) || facets.length === 0) return text;
  const links: { start: number; end: number; uri: string }[] = [];
  for (const facet of facets.slice(0, MAX_LINK_FACETS) as unknown[]) {
    const f = asObject(facet);
    const index = asObject(f?.index);
    const start = index?.byteStart;
    const end = index?.byteEnd;
    if (!Number.isInteger(start) || !Number.isInteger(end)) continue;
    const features = Array.isArray(f?.features) ? (f.features as unknown[]) : [];
    for (const feature of features) {
      const o = asObject(feature);
      const uri = o?.$type === 'app.bsky.richtext.facet#link' ? httpUrl(o.uri) : undefined;
      if (uri !== undefined) {
        links.push({ start: start as number, end: end as number, uri });
        break;
      }
    }
  }
  if (links.length === 0) return text;
  links.sort((a, b) => a.start - b.start);
  const bytes = new TextEncoder().encode(text);
  const decoder = new TextDecoder();
  let out = '';
  let at = 0;
  for (const link of links) {
    if (link.start < at || link.end <= link.start || link.end > bytes.length) continue;
    out += decoder.decode(bytes.subarray(at, link.start)) + link.uri;
    at = link.end;
  }
  return out + decoder.decode(bytes.subarray(at));
}

function postList(input: unknown): Entry[] {
  // Array.from, not map: map keeps the holes of a sparse array, which the reading loop would then meet as nothing.
  if (Array.isArray(input)) return Array.from(input, (raw: unknown) => ({ raw }));
  if (input !== null && typeof input === 'object') {
    const o = input as Record<string, unknown>;
    if (Array.isArray(o.posts)) return Array.from(o.posts, (raw: unknown) => ({ raw }));
    if (Array.isArray(o.feed)) {
      return Array.from(o.feed, (item: unknown): Entry => {
        const feedItem = asObject(item);
        if (!feedItem || !('post' in feedItem))
          return { raw: item, problem: 'a feed item without a post' };
        const reason = asObject(feedItem.reason);
        return reason?.$type === 'app.bsky.feed.defs#reasonRepost'
          ? { raw: feedItem.post, repost: reason }
          : { raw: feedItem.post };
      });
    }
    if ('thread' in o) return threadPosts(o.thread);
    if ('uri' in o && 'record' in o) return [{ raw: input }];
  }
  throw new RapportInputError(
    'Expected Bluesky post views: an array, { posts }, { feed: [{ post }] } or { thread }.',
  );
}

/** Flattens a getPostThread answer (parents first, then replies breadth-first) without recursion. */
function threadPosts(thread: unknown): Entry[] {
  const entries: Entry[] = [];
  const parents: Entry[] = [];
  // Every parent is accounted for: beyond MAX_THREAD_DEPTH each is rejected, not left out. A chain that loops
  // (only objects built in code can) stops where it closes.
  const onChain = new Set<object>();
  let node = asObject(thread)?.parent;
  for (let depth = 0; node !== undefined; depth++) {
    const object = asObject(node);
    if (object) {
      if (onChain.has(object)) break;
      onChain.add(object);
    }
    const entry = threadEntry(node);
    if (depth >= MAX_THREAD_DEPTH)
      entry.problem = `more than ${MAX_THREAD_DEPTH} parents up; not read`;
    parents.push(entry);
    node = object?.parent;
  }
  entries.push(...parents.reverse());
  const queue: Array<{ node: unknown; depth: number }> = [{ node: thread, depth: 0 }];
  // Nodes whose replies were queued. The same object met again (listed twice, or a loop, which only objects built
  // in code can have) is read again, so it is rejected as a copy of it would be, but its replies are not walked twice.
  const walked = new Set<object>();
  for (let q = 0; q < queue.length; q++) {
    const { node: current, depth } = queue[q]!;
    const entry = threadEntry(current);
    if (depth > MAX_THREAD_DEPTH)
      entry.problem = `deeper than ${MAX_THREAD_DEPTH} replies; not read`;
    entries.push(entry);
    const object = asObject(current);
    if (!object || walked.has(object)) continue;
    walked.add(object);
    // Replies below the limit are queued too, each to be rejected with the reason, never left out.
    const replies = object.replies;
    if (Array.isArray(replies)) {
      for (const reply of replies as unknown[]) queue.push({ node: reply, depth: depth + 1 });
    }
  }
  return entries;
}

function threadEntry(node: unknown): Entry {
  const o = asObject(node);
  if (o?.notFound === true) return { raw: node, problem: 'the post was not found (deleted)' };
  if (o?.blocked === true) return { raw: node, problem: 'the post is blocked for this account' };
  if (o && 'post' in o) return { raw: o.post };
  return { raw: node, problem: 'not a thread view post (no post)' };
}

function asObject(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object'
    ? (value as Record<string, unknown>)
    : undefined;
}
