import { RapportInputError, type InputIssue, type ParseResult } from '../model/errors';
import type { Mention } from '../model/schemas';
import { brandMatcher } from './brand';
import { compact, countOf, MentionCollector, readOptions, recordIssues } from './collect';
import { toIsoDate } from './dates';
import { decodeHtmlEntities } from './html';
import {
  IngestOptionsSchema,
  RedditCommentSchema,
  RedditMessageSchema,
  RedditPostSchema,
  RedditThingSchema,
} from './payloads';
import type { IngestOptions } from './x';

/** Most things and Listings Rapport walks in one input: a guard against runaway structures built in code. */
const MAX_THINGS = 1_000_000;

/**
 * Normalises Reddit JSON (posts `t3`, comments `t1`, inbox messages `t4`) into mentions, with reasons for the rest.
 *
 * Takes a `Listing`, an array of Listings (a post's `.json` page is `[post listing, comment listing]`), or an
 * array of things. Comment trees (`replies`) are walked without recursion, parents before replies. The thing's
 * fullname (`t3_abc`, `t1_def`) is its id; a comment's `parent_id` becomes `inReplyToId` and its `link_id` the
 * `conversationId` (a post is its own conversation). A post's text is its title, then its self text.
 * `created_utc` (seconds) becomes `createdAt`; a negative score counts as zero likes. Private messages (`t4`,
 * from `/message/inbox.json`) are private, threaded by `first_message_name`, the first one led by its subject. Deleted or removed
 * comments (a removed post keeps its title) and `more` placeholders (comments Reddit did not send: fetch them
 * with `/api/morechildren`) are rejected with a reason. Indexes count things in the order they are met. The same
 * object listed twice is read twice, so the second is rejected as a duplicate; a comment among its own replies
 * (a loop, which only objects built in code can have) is rejected rather than walked again.
 *
 * @example
 * ```ts
 * import { mentionsFromReddit } from '@rapport/core/schemas';
 * const res = await fetch('https://www.reddit.com/r/KettleAndPine/comments/abc123.json');
 * const { accepted, rejected } = mentionsFromReddit(await res.json(), { brand: { handles: ['u/KettleAndPine'] } });
 * ```
 */
export function mentionsFromReddit(input: unknown, options?: IngestOptions): ParseResult<Mention> {
  const { brand } = readOptions(IngestOptionsSchema, options, 'Reddit ingestion options');
  const isBrand = brandMatcher(brand);
  if (!isListing(input) && !Array.isArray(input)) {
    throw new RapportInputError(
      'Expected Reddit JSON: a Listing, an array of Listings, or an array of things.',
    );
  }
  const out = new MentionCollector();
  let index = 0;
  let walked = 0;
  // Steps still to take, in reverse so that they pop in document order; `leave` marks the end of a node's
  // children. Arrays are read by index, so a hole of a sparse array is read (and rejected) like any other entry.
  const stack: Array<{ node: unknown } | { leave: object }> = [];
  const pushAll = (children: readonly unknown[]) => {
    for (let k = children.length - 1; k >= 0; k--) stack.push({ node: children[k] });
  };
  // The Listings and comments whose children are being read: meeting one again among them is a loop, which only
  // objects built in code can have (JSON cannot). A looping thing is rejected and not walked again.
  const open = new Set<object>();
  const enter = (owner: object, children: readonly unknown[]) => {
    open.add(owner);
    stack.push({ leave: owner });
    pushAll(children);
  };
  // Where each thing object was first met. The same object listed twice is read twice, so the second is rejected
  // as a duplicate exactly as a copy of it would be.
  const firstIndex = new Map<object, number>();
  if (Array.isArray(input)) pushAll(input);
  else stack.push({ node: input });
  while (stack.length > 0) {
    const step = stack.pop()!;
    if ('leave' in step) {
      open.delete(step.leave);
      continue;
    }
    const raw = step.node;
    if (++walked > MAX_THINGS) {
      throw new RapportInputError(
        `Reddit input has more than ${MAX_THINGS} things and Listings; split it into smaller batches.`,
      );
    }
    if (isListing(raw)) {
      // A Listing inside itself holds nothing new: its things are read where it was first met.
      if (!open.has(raw)) enter(raw, raw.data.children);
      continue;
    }
    const i = index++;
    if (raw !== null && typeof raw === 'object') {
      const first = firstIndex.get(raw);
      if (first !== undefined && open.has(raw)) {
        out.reject(i, raw, [
          {
            path: '(record)',
            message: `is among its own replies (a loop); read once, at index ${first}`,
          },
        ]);
        continue;
      }
      if (first === undefined) firstIndex.set(raw, i);
    }
    const thing = RedditThingSchema.safeParse(raw);
    if (!thing.success) {
      out.reject(i, raw, [{ path: '(record)', message: 'is not a Reddit thing ({ kind, data })' }]);
      continue;
    }
    const { kind, data } = thing.data;
    if (kind === 'more') {
      const count = typeof data.count === 'number' ? data.count : 0;
      out.reject(i, raw, [
        {
          path: 'kind',
          message: `a "more" placeholder for ${count} comment${count === 1 ? '' : 's'} Reddit did not send; fetch them with /api/morechildren`,
        },
      ]);
      continue;
    }
    if (kind !== 't1' && kind !== 't3' && kind !== 't4') {
      out.reject(i, raw, [
        {
          path: 'kind',
          message: `is ${JSON.stringify(kind).slice(0, 40)}; only posts (t3), comments (t1) and messages (t4) are read`,
        },
      ]);
      continue;
    }
    // Replies come after their comment.
    if (kind === 't1' && isListing(data.replies)) enter(raw as object, [data.replies]);
    const mention = kind === 't1' ? comment(data) : kind === 't3' ? post(data) : message(data);
    if ('issues' in mention) {
      out.reject(i, raw, mention.issues);
      continue;
    }
    const { m, authorId, handle } = mention;
    const brandPost = isBrand(authorId, handle);
    m.direction = brandPost ? 'outbound' : 'inbound';
    m.author.isBrand = brandPost;
    out.offer(i, raw, m);
  }
  return out.result();
}

type Built =
  | { m: Mention & { author: Mention['author'] }; authorId: string; handle: string }
  | { issues: InputIssue[] };

function comment(data: Record<string, unknown>): Built {
  const { data: c, issues } = recordIssues(RedditCommentSchema, data);
  if (!c) return { issues };
  if (isGone(c.body))
    return { issues: [{ path: 'body', message: 'was deleted or removed on Reddit' }] };
  return build(c, decodeHtmlEntities(c.body), c.parent_id, c.link_id ?? c.name, 0, 0);
}

function post(data: Record<string, unknown>): Built {
  const { data: p, issues } = recordIssues(RedditPostSchema, data);
  if (!p) return { issues };
  // A removed post keeps its title, which people still see; only the removed body is left out.
  const self = p.selftext ?? '';
  const text = self.length > 0 && !isGone(self) ? `${p.title}\n\n${self}` : p.title;
  return build(p, decodeHtmlEntities(text), undefined, p.name, p.num_comments, p.num_crossposts);
}

function message(data: Record<string, unknown>): Built {
  const { data: d, issues } = recordIssues(RedditMessageSchema, data);
  if (!d) return { issues };
  if (isGone(d.body))
    return { issues: [{ path: 'body', message: 'was deleted or removed on Reddit' }] };
  // The first message of a conversation carries its subject; replies repeat it as "re: …", so only the body counts.
  const first = !d.first_message_name;
  const text = first && d.subject ? `${d.subject}\n\n${d.body}` : d.body;
  const built = build(
    d,
    decodeHtmlEntities(text),
    d.parent_id ?? undefined,
    d.first_message_name ?? d.name,
    0,
    0,
  );
  if ('m' in built) {
    built.m.channel = 'private';
    delete built.m.metrics;
  }
  return built;
}

function build(
  t: {
    name: string;
    author: string;
    author_fullname?: string | null;
    created_utc: number;
    permalink?: string | null;
    score?: number;
  },
  text: string,
  parentId: string | undefined,
  conversationId: string,
  comments: number | undefined,
  crossposts: number | undefined,
): Built {
  const createdAt = toIsoDate(t.created_utc, 'epoch-seconds');
  if (createdAt === undefined)
    return {
      issues: [{ path: 'created_utc', message: 'must be seconds since 1970 within years 0–9999' }],
    };
  // A deleted account is "[deleted]" on every thing it wrote: without its fullname there is no telling who wrote
  // what, so each thing gets an author of its own rather than one shared "u/[deleted]" customer.
  const deleted = t.author === '[deleted]' && !t.author_fullname;
  const handle = deleted ? '[deleted]' : `u/${t.author}`;
  const authorId = deleted ? `deleted:${t.name}` : (t.author_fullname ?? handle);
  const permalink =
    t.permalink && /^\/r\/[^\s]+$/.test(t.permalink)
      ? `https://www.reddit.com${t.permalink}`
      : undefined;
  return {
    authorId,
    handle,
    m: compact({
      id: t.name,
      platform: 'reddit' as const,
      channel: 'public' as const,
      direction: 'inbound' as const,
      author: {
        id: authorId,
        handle,
        followers: 0,
        verified: false,
        isStaff: false,
        isBrand: false,
        isBot: false,
      },
      text,
      createdAt,
      inReplyToId: parentId,
      conversationId,
      url: permalink,
      metrics: {
        likes: countOf(t.score),
        replies: countOf(comments),
        reposts: countOf(crossposts),
        quotes: 0,
        views: 0,
      },
    }),
  };
}

/** Reddit's placeholders for a deleted or removed body: "[deleted]", "[removed]", "[ Removed by Reddit ]". */
function isGone(body: string): boolean {
  return /^\[\s*(?:deleted|removed(?: by (?:reddit|moderator))?)\s*\]$/i.test(body.trim());
}

function isListing(value: unknown): value is { kind: 'Listing'; data: { children: unknown[] } } {
  if (value === null || typeof value !== 'object') return false;
  const v = value as { kind?: unknown; data?: { children?: unknown } };
  return (
    v.kind === 'Listing' &&
    v.data !== null &&
    typeof v.data === 'object' &&
    Array.isArray(v.data.children)
  );
}
