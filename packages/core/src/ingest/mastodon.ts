import { RapportInputError, type ParseResult } from '../model/errors';
import type { Channel, Mention } from '../model/schemas';
import { brandMatcher } from './brand';
import {
  compact,
  countOf,
  httpUrl,
  languageTag,
  MentionCollector,
  readOptions,
  recordIssues,
} from './collect';
import { toIsoDate } from './dates';
import { htmlToText } from './html';
import { IngestOptionsSchema, MastodonStatusSchema } from './payloads';
import type { IngestOptions } from './x';

/** Mastodon visibility → channel: `public`/`unlisted` are public; `private` (followers only), `direct`, `limited` are not. */
function channelOf(visibility: string): Channel | undefined {
  if (visibility === 'public' || visibility === 'unlisted') return 'public';
  if (visibility === 'private' || visibility === 'direct' || visibility === 'limited')
    return 'private';
  return undefined;
}

/**
 * Normalises Mastodon statuses (REST API v1 `Status` entities) into mentions: each accepted or rejected with reasons.
 *
 * Takes an array of statuses (timelines) or notifications (their `status`; a follow or other notification
 * without one is rejected with a reason), a single status, a thread context
 * (`{ ancestors, descendants }`) or search results (`{ statuses }`). `content` is HTML: it becomes plain text in
 * linear time (tags removed, entities decoded, paragraphs and line breaks kept); a content warning
 * (`spoiler_text`) comes first as its own paragraph. Visibility sets the channel: `public` and `unlisted` are
 * public, `private` (followers only), `direct` and `limited` are private. `in_reply_to_id` becomes `inReplyToId`.
 * A boost is read as the boosted post's text by the booster, tagged `repost`. Handles get the server
 * (`@name@mastodon.social`) even for local accounts.
 *
 * @example
 * ```ts
 * import { mentionsFromMastodon } from '@rapport/core/schemas';
 * const res = await fetch('https://mastodon.social/api/v1/notifications?types[]=mention', { headers });
 * const { accepted, rejected } = mentionsFromMastodon(await res.json());
 * ```
 */
export function mentionsFromMastodon(
  input: unknown,
  options?: IngestOptions,
): ParseResult<Mention> {
  const { brand } = readOptions(IngestOptionsSchema, options, 'Mastodon ingestion options');
  const isBrand = brandMatcher(brand);
  const statuses = statusList(input);
  const out = new MentionCollector();
  // A plain loop, not forEach: forEach skips the holes of a sparse array, which would drop them silently.
  for (let i = 0; i < statuses.length; i++) {
    const item: unknown = statuses[i];
    // Notifications (`/api/v1/notifications`) wrap the status; follows and the like carry none.
    const notification = isNotification(item);
    if (notification && (item.status === undefined || item.status === null)) {
      out.reject(i, item, [
        {
          path: 'status',
          message: `a ${String(item.type).slice(0, 40)} notification carries no status`,
        },
      ]);
      continue;
    }
    const raw = notification ? item.status : item;
    const { data: status, issues } = recordIssues(MastodonStatusSchema, raw);
    if (!status) {
      out.reject(i, raw, issues);
      continue;
    }
    const channel = channelOf(status.visibility);
    if (!channel) {
      out.reject(i, raw, [
        {
          path: 'visibility',
          message: `"${status.visibility}" is not a Mastodon visibility (public, unlisted, private, direct)`,
        },
      ]);
      continue;
    }
    const createdAt = toIsoDate(status.created_at, 'iso');
    if (createdAt === undefined) {
      out.reject(i, raw, [
        { path: 'created_at', message: 'must be an ISO 8601 date-time with a time zone' },
      ]);
      continue;
    }
    let body = status.content;
    let spoiler = status.spoiler_text ?? '';
    let tags: string[] | undefined;
    if (status.reblog !== undefined && status.reblog !== null) {
      const boosted = MastodonStatusSchema.safeParse(status.reblog);
      if (boosted.success) {
        body = boosted.data.content;
        spoiler = boosted.data.spoiler_text ?? '';
      }
      tags = ['repost'];
    }
    const account = status.account;
    const handle = `@${fullAcct(account.acct, account.url)}`;
    const text = [spoiler.trim(), htmlToText(body)].filter((part) => part.length > 0).join('\n\n');
    const brandPost = isBrand(account.id, handle);
    out.offer(
      i,
      raw,
      compact({
        id: status.id,
        platform: 'mastodon',
        channel,
        direction: brandPost ? 'outbound' : 'inbound',
        author: compact({
          id: account.id,
          handle,
          name: account.display_name || account.username,
          followers: countOf(account.followers_count),
          isBot: account.bot === true,
          isBrand: brandPost,
        }),
        text,
        createdAt,
        inReplyToId: status.in_reply_to_id ?? undefined,
        url: httpUrl(status.url) ?? httpUrl(status.uri),
        lang: languageTag(status.language),
        metrics: {
          likes: countOf(status.favourites_count),
          replies: countOf(status.replies_count),
          reposts: countOf(status.reblogs_count),
          quotes: countOf(status.quotes_count),
          views: 0,
        },
        tags,
      }),
    );
  }
  return out.result();
}

function isNotification(item: unknown): item is { type: unknown; status?: unknown } {
  return (
    item !== null &&
    typeof item === 'object' &&
    'type' in item &&
    !('content' in item) &&
    'account' in item
  );
}

function statusList(input: unknown): unknown[] {
  if (Array.isArray(input)) return input;
  if (input !== null && typeof input === 'object') {
    const o = input as Record<string, unknown>;
    if (Array.isArray(o.ancestors) || Array.isArray(o.descendants)) {
      const list = (v: unknown) => (Array.isArray(v) ? (v as unknown[]) : []);
      return [...list(o.ancestors), ...list(o.descendants)];
    }
    if (Array.isArray(o.statuses)) return o.statuses;
    if ('content' in o && 'account' in o) return [input];
  }
  throw new RapportInputError(
    'Expected Mastodon statuses: an array, a single status, a context ({ ancestors, descendants }) or search results ({ statuses }).',
  );
}

/** `acct` is `name` for local accounts; add the server from the profile URL so handles are unique everywhere. */
function fullAcct(acct: string, profileUrl: string | null | undefined): string {
  if (acct.includes('@') || !profileUrl) return acct;
  const match = /^https?:\/\/([^/]+)\//i.exec(profileUrl);
  return match ? `${acct}@${match[1]!.toLowerCase()}` : acct;
}
