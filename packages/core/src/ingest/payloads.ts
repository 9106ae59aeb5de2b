// zod schemas of the platform payloads Rapport reads, and of the ingestion options.
// Lenient where platforms add fields (unknown keys are ignored), strict for configuration (typos rejected).
import { z } from 'zod';
import { ChannelSchema, PlatformSchema } from '../model/schemas';

const nonEmpty = z.string().trim().min(1, 'must not be empty');
const missing = (what: string, hint: string) =>
  ({
    error: (issue: { input: unknown }) =>
      issue.input === undefined ? `is missing: ${hint}` : `must be ${what}`,
  }) as const;
const optionalCount = z.number().finite('must be a finite number').optional();

/**
 * The brand's accounts, so its own posts are read as outbound: platform ids and/or handles (any case, `@` optional).
 *
 * @example
 * ```ts
 * BrandIdentitySchema.parse({ ids: ['1500000000000000001'], handles: ['@KettleAndPine'] });
 * ```
 */
export const BrandIdentitySchema = z.strictObject({
  ids: z.array(nonEmpty).max(10_000).optional(),
  handles: z.array(nonEmpty).max(10_000).optional(),
});

/**
 * Options shared by the platform normalisers; unknown keys are typos and are rejected.
 *
 * @example
 * ```ts
 * IngestOptionsSchema.safeParse({ brnad: {} }).success; // false: a typo
 * ```
 */
export const IngestOptionsSchema = z.strictObject({
  brand: BrandIdentitySchema.optional(),
});

// ---------------------------------------------------------------------------------------------- X API v2

/**
 * A user object of X API v2 (`includes.users[]`), with `user.fields=public_metrics,verified`. Extra fields are ignored.
 *
 * @example
 * ```ts
 * XUserSchema.parse({ id: '2244994945', username: 'dana_bakes', public_metrics: { followers_count: 1523 } });
 * ```
 */
export const XUserSchema = z.object({
  id: nonEmpty,
  username: z.string(),
  name: z.string().optional(),
  verified: z.boolean().optional(),
  verified_type: z.string().optional(),
  public_metrics: z.object({ followers_count: optionalCount }).optional(),
});

/**
 * A tweet (post) object of X API v2 (`data[]`), with the `tweet.fields` Rapport uses. A missing `author_id` or
 * `created_at` fails with a hint naming the field to request.
 *
 * @example
 * ```ts
 * XTweetSchema.safeParse({ id: '1', text: 'hi', author_id: '2' }).error?.issues[0]?.message;
 * // 'is missing: request tweet.fields=created_at'
 * ```
 */
export const XTweetSchema = z.object({
  id: z
    .string(missing('a string', 'every tweet has an id'))
    .regex(/^\d{1,20}$/, 'must be a numeric tweet id'),
  text: z.string(missing('a string', 'every tweet has text')),
  author_id: z.string(missing('a string', 'request tweet.fields=author_id')),
  created_at: z.string(missing('a string', 'request tweet.fields=created_at')),
  conversation_id: z.string().optional(),
  in_reply_to_user_id: z.string().optional(),
  referenced_tweets: z
    .array(z.object({ type: z.string(), id: z.string() }))
    .max(100)
    .optional(),
  public_metrics: z
    .object({
      retweet_count: optionalCount,
      reply_count: optionalCount,
      like_count: optionalCount,
      quote_count: optionalCount,
      impression_count: optionalCount,
    })
    .optional(),
  lang: z.string().optional(),
  note_tweet: z.object({ text: z.string() }).optional(),
});

/**
 * A response of the X API v2 tweet endpoints (search, timelines, lookup): `data` (array or one tweet) and
 * `includes.users`. Tweets and users are checked one by one afterwards, so one bad tweet does not fail the page.
 *
 * @example
 * ```ts
 * XTweetsResponseSchema.safeParse({ meta: { result_count: 0 } }).success; // true: an empty search
 * ```
 */
export const XTweetsResponseSchema = z.object({
  data: z.union([z.array(z.unknown()), z.record(z.string(), z.unknown())]).optional(),
  includes: z.object({ users: z.array(z.unknown()).optional() }).optional(),
});

// ---------------------------------------------------------------------------------------------- Mastodon

/**
 * The `account` of a Mastodon status (`acct` is `name` for local accounts, `name@server` for remote ones).
 *
 * @example
 * ```ts
 * MastodonAccountSchema.parse({ id: '1', username: 'ravi', acct: 'ravi', url: 'https://mastodon.social/@ravi' });
 * ```
 */
export const MastodonAccountSchema = z.object({
  id: nonEmpty,
  username: z.string(),
  acct: z.string(),
  display_name: z.string().optional(),
  url: z.string().nullish(),
  followers_count: optionalCount,
  bot: z.boolean().nullish(),
});

/**
 * A Mastodon `Status` entity (REST API v1). `content` is HTML; `visibility` is checked by the normaliser.
 *
 * @example
 * ```ts
 * const ok = MastodonStatusSchema.safeParse(status).success;
 * ```
 */
export const MastodonStatusSchema = z.object({
  id: nonEmpty,
  created_at: z.string(missing('a string', 'every status has created_at')),
  in_reply_to_id: z.string().nullish(),
  visibility: z.string(missing('a string', 'every status has a visibility')),
  language: z.string().nullish(),
  uri: z.string().optional(),
  url: z.string().nullish(),
  content: z.string(),
  spoiler_text: z.string().optional(),
  replies_count: optionalCount,
  reblogs_count: optionalCount,
  favourites_count: optionalCount,
  quotes_count: optionalCount,
  account: MastodonAccountSchema,
  reblog: z.unknown().optional(),
});

// ---------------------------------------------------------------------------------------------- Bluesky

const strongRef = z.object({ uri: z.string().startsWith('at://', 'must be an at:// URI') });

/**
 * An AT Protocol `app.bsky.feed.defs#postView`: `uri` must be an `at://` URI and `author.did` a DID.
 *
 * @example
 * ```ts
 * BlueskyPostViewSchema.safeParse({ uri: 'https://bsky.app/…', author: { did: 'did:plc:x', handle: 'x' }, record: { text: '' } }).success; // false
 * ```
 */
/** The parts of a Bluesky profile view (`profileViewBasic`) a mention's author is made of. */
const BlueskyProfileSchema = z.object({
  did: z.string().startsWith('did:', 'must be a DID'),
  handle: z.string(),
  displayName: z.string().optional(),
  followersCount: optionalCount,
});

export const BlueskyPostViewSchema = z.object({
  uri: z
    .string(missing('a string', 'every post view has a uri'))
    .startsWith('at://', 'must be an at:// URI'),
  cid: z.string().optional(),
  author: BlueskyProfileSchema,
  record: z.object({
    $type: z.string().optional(),
    text: z.string(),
    createdAt: z.string().optional(),
    langs: z.array(z.string()).optional(),
    reply: z.object({ root: strongRef, parent: strongRef }).optional(),
    /** Rich-text facets (links, mentions, tags); read leniently: a malformed facet is ignored, never fatal. */
    facets: z.unknown().optional(),
  }),
  replyCount: optionalCount,
  repostCount: optionalCount,
  likeCount: optionalCount,
  quoteCount: optionalCount,
  indexedAt: z.string().optional(),
});

/**
 * Why a post is in a feed when someone else put it there: `app.bsky.feed.defs#reasonRepost` (who reposted it, when,
 * and in newer answers the repost record's own `uri`).
 *
 * @example
 * ```ts
 * BlueskyRepostReasonSchema.parse({
 *   $type: 'app.bsky.feed.defs#reasonRepost',
 *   by: { did: 'did:plc:r', handle: 'rosa.bsky.social' },
 *   indexedAt: '2026-10-18T10:00:00.000Z',
 * });
 * ```
 */
export const BlueskyRepostReasonSchema = z.object({
  $type: z.literal('app.bsky.feed.defs#reasonRepost'),
  uri: z.string().startsWith('at://', 'must be an at:// URI').optional(),
  by: BlueskyProfileSchema,
  indexedAt: z.string(),
});

// ---------------------------------------------------------------------------------------------- Reddit

/**
 * A Reddit thing (`{ kind, data }`): `t1` comment, `t3` post, `Listing`, `more`.
 *
 * @example
 * ```ts
 * RedditThingSchema.parse({ kind: 't1', data: { name: 't1_abc' } });
 * ```
 */
export const RedditThingSchema = z.object({
  kind: z.string(),
  data: z.record(z.string(), z.unknown()),
});

const redditCommon = {
  name: z
    .string()
    .regex(/^t[134]_[a-z0-9]+$/i, 'must be a Reddit fullname such as t1_abc, t3_abc or t4_abc'),
  author: z.string(),
  author_fullname: z.string().nullish(),
  created_utc: z.number(missing('a number of seconds', 'every thing has created_utc')).finite(),
  permalink: z.string().nullish(),
  score: optionalCount,
  subreddit: z.string().nullish(),
  distinguished: z.string().nullish(),
};

/**
 * The `data` of a Reddit comment (`t1`): fullname, author, body, `created_utc` in seconds, parent and post links.
 *
 * @example
 * ```ts
 * RedditCommentSchema.parse({ name: 't1_abc', author: 'carl', body: 'Check with your neighbours', created_utc: 1792318800 });
 * ```
 */
export const RedditCommentSchema = z.object({
  ...redditCommon,
  body: z.string(),
  parent_id: z.string().optional(),
  link_id: z.string().optional(),
});

/**
 * The `data` of a Reddit post (`t3`): fullname, author, title, self text, `created_utc` in seconds, counts.
 *
 * @example
 * ```ts
 * RedditPostSchema.parse({ name: 't3_abc', author: 'tina', title: 'Parcel never arrived?', created_utc: 1792317600 });
 * ```
 */
export const RedditPostSchema = z.object({
  ...redditCommon,
  title: z.string(),
  selftext: z.string().optional(),
  num_comments: optionalCount,
  num_crossposts: optionalCount,
});

/**
 * The `data` of a Reddit private message (`t4`, from the inbox): subject, body, and links to the first message.
 *
 * @example
 * ```ts
 * RedditMessageSchema.parse({ name: 't4_abc', author: 'tina', subject: 'Order KP-1', body: 'Hi!', created_utc: 1792317600 });
 * ```
 */
export const RedditMessageSchema = z.object({
  ...redditCommon,
  subject: z.string().optional(),
  body: z.string(),
  parent_id: z.string().nullish(),
  first_message_name: z.string().nullish(),
});

// ---------------------------------------------------------------------------------------------- files

const column = z.string().min(1, 'must name a column').max(256);

/**
 * A column mapping for CSV and JSON Lines files (see `ColumnMapping`); unknown keys are typos and are rejected.
 *
 * @example
 * ```ts
 * ColumnMappingSchema.parse({ columns: { id: 'id', text: 'body', createdAt: 'at', authorId: 'from' }, platform: 'email' });
 * ```
 */
export const ColumnMappingSchema = z.strictObject({
  columns: z.strictObject({
    id: column,
    text: column,
    createdAt: column,
    authorId: column,
    authorHandle: column.optional(),
    authorName: column.optional(),
    followers: column.optional(),
    verified: column.optional(),
    inReplyToId: column.optional(),
    conversationId: column.optional(),
    url: column.optional(),
    lang: column.optional(),
    platform: column.optional(),
    channel: column.optional(),
    direction: column.optional(),
    inbound: column.optional(),
    likes: column.optional(),
    replies: column.optional(),
    reposts: column.optional(),
    quotes: column.optional(),
    views: column.optional(),
    tags: column.optional(),
  }),
  platform: PlatformSchema.optional(),
  channel: ChannelSchema.optional(),
  dates: z.enum(['auto', 'iso', 'twitter', 'epoch-seconds', 'epoch-ms']).optional(),
  brand: BrandIdentitySchema.optional(),
  tagSeparator: z.string().min(1).max(8).optional(),
});
