import type { Channel, Platform } from '../model/schemas';
import type { BrandIdentity } from './brand';
import type { DateFormat } from './dates';

/**
 * Which column (CSV) or key (JSON Lines; dotted paths such as `user.id` reach nested values) holds each field.
 *
 * Only `id`, `text`, `createdAt` and `authorId` are required. Direction comes from `direction` (`inbound` /
 * `outbound`, `in` / `out`), else from `inbound` (true/false, yes/no, 1/0), else from the mapping's `brand`.
 */
export interface ColumnNames {
  id: string;
  text: string;
  createdAt: string;
  authorId: string;
  authorHandle?: string;
  authorName?: string;
  followers?: string;
  verified?: string;
  inReplyToId?: string;
  conversationId?: string;
  url?: string;
  lang?: string;
  platform?: string;
  channel?: string;
  direction?: string;
  inbound?: string;
  likes?: string;
  replies?: string;
  reposts?: string;
  quotes?: string;
  views?: string;
  /** A column of tags separated by `tagSeparator`. */
  tags?: string;
}

/** How to read a CSV or JSON Lines file of messages: columns plus what the file does not say. */
export interface ColumnMapping {
  columns: ColumnNames;
  /** The platform when there is no platform column (or it is empty). Default `other`. */
  platform?: Platform;
  /** The channel when there is no channel column (or it is empty). Default `public`. */
  channel?: Channel;
  /** How dates are written. Default `auto` (ISO 8601 with a zone, Twitter's format, epoch numbers). */
  dates?: DateFormat;
  /** The brand's ids and handles, for files that do not mark direction. */
  brand?: BrandIdentity;
  /** Separator of the tags column. Default `,`. */
  tagSeparator?: string;
}

/**
 * The column mapping of the Customer Support on Twitter dataset (`twcs.csv`): `tweet_id, author_id, inbound,
 * created_at, text, response_tweet_id, in_response_to_tweet_id`.
 *
 * `inbound` says who wrote (`True` for a customer, `False` for the company's support account), dates are in
 * Twitter's format (`Tue Oct 31 22:10:47 +0000 2017`), and `in_response_to_tweet_id` links a reply to its parent
 * (`response_tweet_id`, the reverse link, is not needed). `author_id` doubles as the handle: companies appear by
 * their screen name, customers by an anonymised number.
 *
 * @example
 * ```ts
 * import { mentionsFromCsv, TWCS_MAPPING } from '@rapport/core/schemas';
 * const { accepted, rejected } = mentionsFromCsv(csvText, TWCS_MAPPING);
 * ```
 */
export const TWCS_MAPPING: ColumnMapping = {
  columns: {
    id: 'tweet_id',
    authorId: 'author_id',
    authorHandle: 'author_id',
    inbound: 'inbound',
    createdAt: 'created_at',
    text: 'text',
    inReplyToId: 'in_response_to_tweet_id',
  },
  platform: 'x',
  channel: 'public',
  dates: 'twitter',
};
