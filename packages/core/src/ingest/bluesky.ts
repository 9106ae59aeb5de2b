import { RapportInputError, type ParseResult } from '../model/errors';
import type { Mention } from '../model/schemas';
import { brandMatcher } from './brand';
import {
  compact,
  countOf,
  languageTag,
  MentionCollector,
  readOptions,
  recordIssues,
} from './collect';
import { toIsoDate } from './dates';
import { BlueskyPostViewSchema, IngestOptionsSchema } from './payloads';
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
 * thread are rejected with a reason.
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
    const handle = `@${post.author.handle}`;
    const brandPost = isBrand(post.author.did, handle);
    const rkey = post.uri.slice(post.uri.lastIndexOf('/') + 1);
    out.offer(
      i,
      raw,
      compact({
        id: post.uri,
        platform: 'bluesky',
        channel: 'public',
        direction: brandPost ? 'outbound' : 'inbound',
        author: compact({
          id: post.author.did,
          handle,
          name: post.author.displayName || undefined,
          followers: countOf(post.author.followersCount),
          isBrand: brandPost,
        }),
        text: post.record.text,
        createdAt,
        inReplyToId: post.record.reply?.parent.uri,
        conversationId: post.record.reply?.root.uri ?? post.uri,
        url:
          /^[a-z0-9._:-]+$/i.test(post.author.handle) && /^[a-z0-9]+$/i.test(rkey)
            ? `https://bsky.app/profile/${post.author.handle}/post/${rkey}`
            : undefined,
        lang: languageTag(post.record.langs?.[0]),
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

interface Entry {
  raw: unknown;
  problem?: string;
}

function postList(input: unknown): Entry[] {
  // Array.from, not map: map keeps the holes of a sparse array, which the reading loop would then meet as nothing.
  if (Array.isArray(input)) return Array.from(input, (raw: unknown) => ({ raw }));
  if (input !== null && typeof input === 'object') {
    const o = input as Record<string, unknown>;
    if (Array.isArray(o.posts)) return Array.from(o.posts, (raw: unknown) => ({ raw }));
    if (Array.isArray(o.feed)) {
      return Array.from(o.feed, (item: unknown) =>
        item !== null && typeof item === 'object' && 'post' in item
          ? { raw: (item as { post: unknown }).post }
          : { raw: item, problem: 'a feed item without a post' },
      );
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
  let node = asObject(thread)?.parent;
  for (let depth = 0; node !== undefined && depth < MAX_THREAD_DEPTH; depth++) {
    parents.push(threadEntry(node));
    node = asObject(node)?.parent;
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
    const replies = object.replies;
    if (Array.isArray(replies) && depth <= MAX_THREAD_DEPTH) {
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
