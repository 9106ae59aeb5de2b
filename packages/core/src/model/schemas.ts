import { z } from 'zod';
import { CONSENT_PURPOSES, MAX_TEXT_LENGTH, PLATFORMS } from './constants';

const id = z.string().trim().min(1, 'must not be empty').max(512, 'is longer than 512 characters');
const count = z.number().int('must be a whole number').nonnegative('must not be negative');
const money = z.number().finite('must be a finite number').nonnegative('must not be negative');
/** ISO 8601 date-time with a zone (`Z` or an offset); a date without a time is also accepted for customer facts. */
export const IsoDateTimeSchema = z.iso.datetime({
  offset: true,
  message: 'must be an ISO 8601 date-time with a time zone, e.g. 2026-11-22T09:30:00Z',
});
const isoDateOrDateTime = z.union([IsoDateTimeSchema, z.iso.date()], {
  message: 'must be an ISO 8601 date (2026-11-22) or date-time with a time zone',
});

export const PlatformSchema = z.enum(PLATFORMS);
export const ChannelSchema = z.enum(['public', 'private']);
export const DirectionSchema = z.enum(['inbound', 'outbound']);
export const ConsentPurposeSchema = z.enum(CONSENT_PURPOSES);

/** What this person has allowed, per purpose. Unknown purposes are a typo, so they are rejected. */
export const ConsentSchema = z.strictObject({
  analytics: z.boolean().optional(),
  profiling: z.boolean().optional(),
  relationship: z.boolean().optional(),
  contact: z.boolean().optional(),
  /** When this consent was recorded (ISO 8601). */
  recordedAt: IsoDateTimeSchema.optional(),
});

export const AuthorSchema = z.object({
  id,
  handle: z.string().max(512).default(''),
  name: z.string().max(1024).optional(),
  followers: count.default(0),
  verified: z.boolean().default(false),
  isStaff: z.boolean().default(false),
  isBrand: z.boolean().default(false),
  isBot: z.boolean().default(false),
  customerSince: isoDateOrDateTime.optional(),
  lifetimeValue: money.optional(),
  tier: z.string().max(64).optional(),
  consent: ConsentSchema.optional(),
});

export const MentionMetricsSchema = z.object({
  likes: count.default(0),
  replies: count.default(0),
  reposts: count.default(0),
  quotes: count.default(0),
  views: count.default(0),
});

export const MentionSchema = z.object({
  id,
  platform: PlatformSchema,
  channel: ChannelSchema,
  direction: DirectionSchema,
  author: AuthorSchema,
  text: z.string().max(MAX_TEXT_LENGTH, `is longer than ${MAX_TEXT_LENGTH} characters`),
  createdAt: IsoDateTimeSchema,
  inReplyToId: id.optional(),
  conversationId: id.optional(),
  url: z
    .url({ protocol: /^https?$/, message: 'must be an http(s) URL' })
    .max(4096)
    .optional(),
  lang: z.string().min(2).max(35).optional(),
  metrics: MentionMetricsSchema.optional(),
  tags: z.array(z.string().trim().min(1).max(128)).max(256).optional(),
});

/** A person who writes to or about the company (customer, staff, brand account or bot). */
export type Author = z.output<typeof AuthorSchema>;
/** What an author has input before defaults are applied (for building authors by hand). */
export type AuthorInput = z.input<typeof AuthorSchema>;
/** Engagement a message has drawn so far. */
export type MentionMetrics = z.output<typeof MentionMetricsSchema>;
/** One message on any platform: inbound from a customer or outbound from the brand. */
export type Mention = z.output<typeof MentionSchema>;
/** A mention as it may be written before defaults are applied. */
export type MentionInput = z.input<typeof MentionSchema>;
export type Platform = z.output<typeof PlatformSchema>;
export type Channel = z.output<typeof ChannelSchema>;
export type Direction = z.output<typeof DirectionSchema>;
export type Consent = z.output<typeof ConsentSchema>;
export type ConsentPurpose = z.output<typeof ConsentPurposeSchema>;
