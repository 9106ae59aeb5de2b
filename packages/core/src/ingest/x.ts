import { z } from 'zod';
import { RapportInputError, type ParseResult } from '../model/errors';
import type { Mention } from '../model/schemas';
import { brandMatcher, type BrandIdentity } from './brand';
import {
  compact,
  countOf,
  languageTag,
  MentionCollector,
  readOptions,
  recordIssues,
} from './collect';
import { toIsoDate } from './dates';
import { decodeHtmlEntities } from './html';
import { IngestOptionsSchema, XTweetsResponseSchema, XTweetSchema, XUserSchema } from './payloads';

/** Options of the platform normalisers. */
export interface IngestOptions {
  /** The brand's accounts: their posts become `direction: 'outbound'` with `author.isBrand: true`. */
  brand?: BrandIdentity;
}

/**
 * Normalises X (Twitter) API v2 tweet responses into mentions: each tweet accepted or rejected with reasons.
 *
 * Takes one response (`{ data, includes: { users } }`, `data` an array or a single tweet) or an array of pages.
 * Request `tweet.fields=author_id,created_at,conversation_id,referenced_tweets,public_metrics,lang` and
 * `expansions=author_id` with `user.fields=public_metrics,verified` for the full picture; a tweet without
 * `author_id` or `created_at` is rejected with a hint to request it. A reply (`referenced_tweets` of type
 * `replied_to`) gets `inReplyToId`; `conversation_id` becomes `conversationId`. Text is HTML-unescaped (the
 * API sends `&amp;`, `&lt;`, `&gt;`), and a long post's full `note_tweet.text` is preferred. Retweets are tagged
 * `repost`, quote tweets `quote`. `author.verified` is true for any verified type (blue, business,
 * government). A page whose shape is wrong throws `RapportInputError`, and so does an error body (a 401 or 429
 * problem document, or `errors` without `data`), so an outage never reads as a quiet hour. Partial errors (tweets
 * or users X could not return: deleted, private) do not fail a page: its `data` is read, and a lookup whose
 * tweets are all gone reads as empty. Indexes count tweets across all pages.
 *
 * @example
 * ```ts
 * import { mentionsFromX } from '@rapport/core/schemas';
 * const { accepted, rejected } = mentionsFromX(await res.json(), { brand: { handles: ['@KettleAndPine'] } });
 * ```
 */
export function mentionsFromX(response: unknown, options?: IngestOptions): ParseResult<Mention> {
  const { brand } = readOptions(IngestOptionsSchema, options, 'X ingestion options');
  const isBrand = brandMatcher(brand);
  const byHandle = (brand?.handles?.length ?? 0) > 0;
  const pages = Array.isArray(response) ? response : [response];
  const out = new MentionCollector();
  let index = 0;
  // A plain loop, not forEach: forEach skips the holes of a sparse array, which would drop them silently.
  for (let p = 0; p < pages.length; p++) {
    const page: unknown = pages[p];
    const where = pages.length > 1 ? ` at page ${p}` : '';
    const parsed = XTweetsResponseSchema.safeParse(page);
    if (!parsed.success || page === null || typeof page !== 'object') {
      throw new RapportInputError(`Expected an X API v2 response ({ data, includes })${where}.`);
    }
    if (parsed.data.data === undefined) throwIfError(page, where);
    const users = new Map<string, ReturnType<typeof XUserSchema.parse>>();
    const hasUsers = (parsed.data.includes?.users?.length ?? 0) > 0;
    for (const raw of parsed.data.includes?.users ?? []) {
      const user = XUserSchema.safeParse(raw);
      if (user.success) users.set(user.data.id, user.data);
    }
    const data = parsed.data.data;
    const tweets = data === undefined ? [] : Array.isArray(data) ? data : [data];
    for (const raw of tweets) {
      const i = index++;
      const { data: tweet, issues } = recordIssues(XTweetSchema, raw);
      if (!tweet) {
        out.reject(i, raw, issues);
        continue;
      }
      const createdAt = toIsoDate(tweet.created_at, 'iso');
      if (createdAt === undefined) {
        out.reject(i, raw, [
          { path: 'created_at', message: 'must be an ISO 8601 date-time with a time zone' },
        ]);
        continue;
      }
      const user = users.get(tweet.author_id);
      const handle = user ? `@${user.username}` : '';
      const brandPost = isBrand(tweet.author_id, handle);
      if (!user && !brandPost && byHandle && !hasUsers) {
        // The brand is known by handle and the page lists no users (expansions=author_id was not requested):
        // every brand reply would read as a customer waiting for an answer.
        out.reject(i, raw, [
          {
            path: 'author_id',
            message: `cannot be told apart from the brand's handles: the response has no includes.users; request expansions=author_id (or list the brand's user ids in brand.ids)`,
          },
        ]);
        continue;
      }
      const kinds = new Set((tweet.referenced_tweets ?? []).map((r) => r.type));
      const tags = [
        ...(kinds.has('retweeted') ? ['repost'] : []),
        ...(kinds.has('quoted') ? ['quote'] : []),
      ];
      const m = tweet.public_metrics;
      out.offer(
        i,
        raw,
        compact({
          id: tweet.id,
          platform: 'x',
          channel: 'public',
          direction: brandPost ? 'outbound' : 'inbound',
          author: compact({
            id: tweet.author_id,
            handle,
            name: user?.name,
            followers: countOf(user?.public_metrics?.followers_count),
            verified:
              user?.verified === true ||
              (user?.verified_type !== undefined && user.verified_type !== 'none'),
            isBrand: brandPost,
          }),
          text: decodeHtmlEntities(tweet.note_tweet?.text ?? tweet.text),
          createdAt,
          inReplyToId: tweet.referenced_tweets?.find((r) => r.type === 'replied_to')?.id,
          conversationId: tweet.conversation_id,
          url: user
            ? `https://x.com/${user.username}/status/${tweet.id}`
            : `https://x.com/i/web/status/${tweet.id}`,
          lang: languageTag(tweet.lang),
          metrics: m && {
            likes: countOf(m.like_count),
            replies: countOf(m.reply_count),
            reposts: countOf(m.retweet_count),
            quotes: countOf(m.quote_count),
            views: countOf(m.impression_count),
          },
          tags: tags.length > 0 ? tags : undefined,
        }),
      );
    }
  }
  return out.result();
}

/** The error parts of an X API v2 body: a problem document (`title`, `status`, `detail`) and/or `errors`. */
const XErrorBodySchema = z.object({
  title: z.string().optional().catch(undefined),
  detail: z.string().optional().catch(undefined),
  status: z.number().optional().catch(undefined),
  errors: z.array(z.unknown()).optional().catch(undefined),
});

/** One entry of `errors`. Partial errors (a tweet or user that was deleted or is private) name a resource. */
const XErrorEntrySchema = z.object({
  message: z.string().optional().catch(undefined),
  title: z.string().optional().catch(undefined),
  detail: z.string().optional().catch(undefined),
  resource_type: z.string().optional().catch(undefined),
  resource_id: z.string().optional().catch(undefined),
});

/**
 * Throws `RapportInputError` when a page without `data` is an error body (401, 429, 400 `Invalid Request`…),
 * so an outage is not read as a quiet hour. A page whose only errors name a resource (X answers a lookup of
 * deleted or private tweets with 200 and such partial errors) is a result with nothing in it, not a failure.
 */
function throwIfError(page: object, where: string): void {
  const body = XErrorBodySchema.parse(page);
  const entries = (body.errors ?? []).map((e) => {
    const entry = XErrorEntrySchema.safeParse(e);
    return entry.success ? entry.data : {};
  });
  const failed =
    body.title !== undefined ||
    body.status !== undefined ||
    entries.some((e) => e.resource_type === undefined && e.resource_id === undefined);
  if (!failed) return;
  const head = [body.status, body.title].filter((v) => v !== undefined).join(' ');
  const reasons = [
    ...new Set(
      [body.detail, ...entries.map((e) => e.message ?? e.detail ?? e.title)]
        .filter((r): r is string => r !== undefined && r.length > 0 && r !== body.title)
        .map((r) =>
          body.title && r.startsWith(`${body.title}: `) ? r.slice(body.title.length + 2) : r,
        )
        .map((r) => (r.length > 200 ? `${r.slice(0, 200)}…` : r.replace(/\.$/, ''))),
    ),
  ].slice(0, 3);
  const text = [head, reasons.join('; ')].filter((t) => t.length > 0).join(': ');
  throw new RapportInputError(
    `X returned an error${where}: ${text || 'an error body without a message'}`,
    entries.map((e, k) => ({
      path: `errors.${k}`,
      message: e.message ?? e.detail ?? e.title ?? 'an error without a message',
    })),
  );
}
