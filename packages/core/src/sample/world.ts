import { parseInstant } from '../model/instant';
import type { Author, Channel, Consent, Mention, Platform } from '../model/schemas';
import type { Intent } from '../text/types';
import { TimeHeap } from './heap';
import { hashSeed, Random, weighted } from './random';
import {
  BOT_REPLIES,
  BRAND_POSTS,
  BRAND_REPLIES,
  FOLLOW_UPS,
  INBOUND,
  STAFF_POSTS,
  topicOf,
  Slots,
  type Template,
} from './texts';
import { FIRST_NAMES, HANDLE_WORDS, LAST_NAMES, PRODUCTS as PRODUCTS_LIST } from './vocabulary';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const MINUTE = 60_000;

/** Options of the sample world. Every field is optional; the defaults give about 6,000 mentions over 30 days. */
export interface SampleWorldOptions {
  /** Seed of the generator: the same seed and options always give the same world. Default `42`. */
  seed?: number | string;
  /** How many days the world covers, 1..3660. Default `30`. */
  days?: number;
  /** Volume multiplier (> 0): `2` doubles the mentions and customers, `165` gives about a million mentions. Default `1`. */
  scale?: number;
  /** The first moment of the world, ISO 8601 with a zone. Default `2026-10-01T00:00:00Z` (never the clock). */
  start?: string;
  /** Whether the delivery incident and the login outage happen. Default `true`. */
  incidents?: boolean;
}

/** What kind of message a sample mention is, by construction (the ground truth for evaluations). */
export type SampleKind =
  | 'delivery_issue'
  | 'billing_issue'
  | 'account_issue'
  | 'bug_report'
  | 'feature_request'
  | 'praise'
  | 'purchase_question'
  | 'product_question'
  | 'cancellation'
  | 'job_inquiry'
  | 'partnership'
  | 'spam'
  | 'chatter'
  | 'complaint'
  | 'chase'
  | 'thanks'
  | 'still_broken'
  | 'superfan_answer'
  | 'brand_reply'
  | 'bot_reply'
  | 'brand_post'
  | 'staff_post';

/** The part an author plays in the sample world. */
export type SampleRole =
  'customer' | 'superfan' | 'detractor' | 'staff' | 'agent' | 'brand' | 'bot' | 'spammer';

/** Ground truth about one sample mention: what it is, which intents it carries and which incident caused it. */
export interface SampleLabel {
  kind: SampleKind;
  /** The intents the message was written to carry (approximate: a template can carry more). */
  intents: Intent[];
  /** Index into `incidents` when the incident caused this mention (not set for baseline traffic). */
  incident?: number;
}

/** An incident the sample world contains, with the department that must act on it. */
export interface SampleIncident {
  /** ISO 8601, inclusive. */
  start: string;
  /** ISO 8601, exclusive. */
  end: string;
  /** The department that can act: `logistics` for the delivery incident, `product` for the login outage. */
  department: string;
  description: string;
}

/** The fictional brand: Kettle & Pine, an online kitchenware shop that ships parcels across the UK and Ireland. */
export interface SampleBrand {
  name: string;
  domain: string;
  /** The brand's official account on each platform it uses (isBrand; one automated account is also a bot). */
  accounts: Author[];
  /** The auto-responder, which replies within a minute and answers nobody. */
  bot: Author;
  products: readonly string[];
  departments: readonly string[];
}

/** A whole sample world: the brand, everybody, every mention (oldest first) and the ground truth. */
export interface SampleWorld {
  seed: number | string;
  /** ISO 8601: the first moment of the world (inclusive). */
  start: string;
  /** ISO 8601: the end of the world (exclusive); every mention is before it. */
  end: string;
  days: number;
  scale: number;
  brand: SampleBrand;
  /** Every author of at least one mention, in order of first appearance. */
  authors: Author[];
  /** People who work for the brand: support agents (who reply for the brand) and staff on their own accounts. */
  staff: Author[];
  /** Customers who answer other customers' questions (ground truth for superfan detection). */
  superfans: Author[];
  /** Customers who complain again and again. */
  detractors: Author[];
  /** Every mention, sorted by `createdAt` then `id`; each passes `MentionSchema`. */
  mentions: Mention[];
  incidents: SampleIncident[];
  /** Ground truth per mention id. */
  labels: Record<string, SampleLabel>;
  /** The role of every author id. */
  roles: Record<string, SampleRole>;
}

/** One generated mention with its ground truth. */
export interface SampleEvent {
  mention: Mention;
  label: SampleLabel;
  role: SampleRole;
}

/**
 * Where a sample world starts unless told otherwise: a fixed date, never the clock, so worlds repeat exactly.
 *
 * @example
 * ```ts
 * createSampleWorld().start === new Date(SAMPLE_DEFAULT_START).toISOString(); // true
 * ```
 */
export const SAMPLE_DEFAULT_START = '2026-10-01T00:00:00Z';
const BRAND_NAME = 'Kettle & Pine';
const DOMAIN = 'kettleandpine.example';

type Kind = SampleKind;
/** The kinds that open a conversation; the rest follow up on one or come from the brand. */
type OpeningKind = Exclude<
  Kind,
  | 'chase'
  | 'thanks'
  | 'still_broken'
  | 'superfan_answer'
  | 'brand_reply'
  | 'bot_reply'
  | 'brand_post'
  | 'staff_post'
>;

/** Baseline openings per day at scale 1. */
const DAILY: Record<Exclude<OpeningKind, 'complaint'>, number> = {
  delivery_issue: 10,
  billing_issue: 5,
  account_issue: 3,
  bug_report: 4,
  feature_request: 4,
  praise: 14,
  purchase_question: 8,
  product_question: 7,
  cancellation: 2,
  job_inquiry: 1.2,
  partnership: 1,
  spam: 5,
  chatter: 10,
};

const SERVICE: Partial<Record<Platform, number>> = {
  x: 30,
  instagram: 8,
  facebook: 12,
  reddit: 4,
  mastodon: 3,
  bluesky: 5,
  email: 18,
  chat: 16,
  review: 4,
};
const PLATFORMS_BY_KIND: Record<OpeningKind, Partial<Record<Platform, number>>> = {
  delivery_issue: SERVICE,
  billing_issue: SERVICE,
  account_issue: SERVICE,
  bug_report: { ...SERVICE, review: 2, reddit: 8 },
  cancellation: SERVICE,
  complaint: { ...SERVICE, review: 10 },
  praise: {
    x: 25,
    instagram: 25,
    facebook: 8,
    tiktok: 8,
    youtube: 4,
    bluesky: 8,
    mastodon: 4,
    reddit: 6,
    review: 12,
  },
  purchase_question: {
    x: 20,
    instagram: 15,
    facebook: 10,
    reddit: 15,
    bluesky: 6,
    mastodon: 3,
    tiktok: 5,
    youtube: 5,
    chat: 14,
    email: 7,
  },
  product_question: {
    x: 20,
    instagram: 10,
    facebook: 10,
    reddit: 20,
    bluesky: 6,
    mastodon: 4,
    youtube: 6,
    chat: 14,
    email: 10,
  },
  feature_request: {
    x: 25,
    reddit: 20,
    bluesky: 8,
    mastodon: 6,
    instagram: 8,
    facebook: 8,
    email: 10,
    chat: 5,
    review: 10,
  },
  job_inquiry: { linkedin: 60, x: 15, email: 25 },
  partnership: { instagram: 40, tiktok: 20, email: 25, linkedin: 15 },
  spam: { x: 50, instagram: 25, facebook: 15, tiktok: 10 },
  chatter: { x: 30, instagram: 20, tiktok: 15, reddit: 15, bluesky: 10, mastodon: 5, youtube: 5 },
};

const INTENTS: Record<Kind, Intent[]> = {
  delivery_issue: ['complaint', 'delivery_issue'],
  billing_issue: ['complaint', 'billing_issue'],
  account_issue: ['account_issue'],
  bug_report: ['bug_report'],
  feature_request: ['feature_request'],
  praise: ['praise'],
  purchase_question: ['question', 'purchase_intent'],
  product_question: ['question'],
  cancellation: ['cancellation'],
  job_inquiry: ['job_inquiry'],
  partnership: ['partnership'],
  spam: ['spam'],
  chatter: [],
  complaint: ['complaint'],
  chase: ['complaint'],
  thanks: ['praise'],
  still_broken: ['complaint'],
  superfan_answer: [],
  brand_reply: [],
  bot_reply: [],
  brand_post: [],
  staff_post: [],
};

/** How likely the brand answers an opening of each kind (before incident overload). */
const REPLY_RATE: Record<OpeningKind, number> = {
  delivery_issue: 0.9,
  billing_issue: 0.9,
  account_issue: 0.9,
  bug_report: 0.85,
  feature_request: 0.6,
  praise: 0.45,
  purchase_question: 0.9,
  product_question: 0.8,
  cancellation: 0.9,
  job_inquiry: 0.7,
  partnership: 0.5,
  spam: 0,
  chatter: 0.1,
  complaint: 0.75,
};

/** Share of messages by hour of day (UTC): quiet at night, busy from lunch to late evening. */
const HOURLY = [
  1, 0.6, 0.4, 0.3, 0.3, 0.5, 1, 2, 3, 4, 4.5, 5, 5.5, 5, 4.5, 4.5, 5, 5.5, 6, 6.5, 6, 5, 3.5, 2,
];
const HOURLY_TOTAL = HOURLY.reduce((a, b) => a + b, 0);

const PRIVATE_ONLY = new Set<Platform>(['email', 'chat', 'phone']);
const DM_PLATFORMS = new Set<Platform>(['x', 'instagram', 'facebook']);
const THREADED = new Set<Platform>(['x', 'bluesky', 'reddit']);
const BRAND_PLATFORMS: Platform[] = [
  'x',
  'instagram',
  'facebook',
  'reddit',
  'mastodon',
  'bluesky',
  'tiktok',
  'youtube',
  'linkedin',
  'review',
  'email',
  'chat',
];

interface Pending {
  time: number;
  seq: number;
  event: SampleEvent;
}

interface Resolved {
  seed: number | string;
  start: number;
  days: number;
  scale: number;
  incidents: boolean;
}

function resolve(options: SampleWorldOptions): Resolved {
  const seed = options.seed ?? 42;
  if (typeof seed === 'number' && !Number.isFinite(seed))
    throw new RangeError('seed must be a finite number or a string.');
  const days = options.days ?? 30;
  if (!Number.isInteger(days) || days < 1 || days > 3660)
    throw new RangeError('days must be a whole number from 1 to 3660.');
  const scale = options.scale ?? 1;
  if (!Number.isFinite(scale) || scale <= 0 || scale > 10_000)
    throw new RangeError('scale must be a number above 0 and at most 10000.');
  const startText = options.start ?? SAMPLE_DEFAULT_START;
  const start = parseInstant(startText);
  if (Number.isNaN(start)) {
    throw new RangeError(
      `start must be an ISO 8601 date-time with a zone (or a date), got ${JSON.stringify(startText)}.`,
    );
  }
  return { seed, start, days, scale, incidents: options.incidents ?? true };
}

/**
 * The incidents a sample world with these options contains (its ground truth), without generating it.
 *
 * A courier failure from day 18 (06:00 UTC) to the end of day 20 on a 30-day world (placed at the same share of
 * shorter or longer worlds) sends logistics complaints up about tenfold; a five-hour login outage on day 9 sends
 * account and bug reports up.
 *
 * @example
 * ```ts
 * const [delivery] = sampleIncidents({ seed: 1 }); // { start: '2026-10-18T06:00:00.000Z', department: 'logistics', ... }
 * ```
 */
export function sampleIncidents(options: SampleWorldOptions = {}): SampleIncident[] {
  const o = resolve(options);
  if (!o.incidents) return [];
  const end = o.start + o.days * DAY;
  const deliveryStart = o.start + Math.floor((o.days * 17) / 30) * DAY + 6 * HOUR;
  const outageStart = o.start + Math.floor((o.days * 8) / 30) * DAY + 10 * HOUR;
  const iso = (ms: number) => new Date(Math.min(ms, end)).toISOString();
  return [
    {
      start: iso(deliveryStart),
      end: iso(deliveryStart + 3 * DAY - 6 * HOUR),
      department: 'logistics',
      description:
        "The courier's northern hub fails: parcels stall for three days and customers ask where their orders are.",
    },
    {
      start: iso(outageStart),
      end: iso(outageStart + 5 * HOUR),
      department: 'product',
      description: 'A release breaks logging in on the app and the website for five hours.',
    },
  ];
}

/** Per-author facts are drawn from their own generator, so an author is the same wherever they appear. */
class People {
  readonly brandAccounts = new Map<Platform, Author>();
  readonly bot: Author;
  readonly agents: Author[] = [];
  readonly staff: Author[] = [];
  readonly superfans: Author[] = [];
  readonly detractors: Author[] = [];
  /** Roles and home platforms of the named people (superfans, detractors, staff). */
  readonly special = new Map<string, { role: SampleRole; platform: Platform }>();
  readonly fansOn = new Map<Platform, Author[]>();
  readonly customerCount: number;
  readonly spammerCount: number;
  private readonly cache = new Map<string, Author>();
  /** Most authors kept for reuse; a streaming run starts over when it is full, so memory stays bounded. */
  private readonly cacheLimit: number;

  constructor(
    private readonly o: Resolved,
    keepAll: boolean,
  ) {
    this.cacheLimit = keepAll ? Number.POSITIVE_INFINITY : 20_000;
    this.customerCount = Math.max(40, Math.round(40 * o.days * o.scale));
    this.spammerCount = Math.max(5, Math.round(40 * o.scale));
    const followersOn: Partial<Record<Platform, number>> = {
      x: 48_200,
      instagram: 91_500,
      facebook: 33_000,
      tiktok: 120_400,
      youtube: 15_800,
      linkedin: 12_300,
      bluesky: 6_100,
      mastodon: 2_400,
      reddit: 3_100,
    };
    for (const platform of BRAND_PLATFORMS) {
      this.brandAccounts.set(platform, {
        id: `brand-${platform}`,
        handle: brandHandle(platform),
        name: BRAND_NAME,
        followers: followersOn[platform] ?? 0,
        verified: platform === 'x' || platform === 'instagram' || platform === 'facebook',
        isStaff: false,
        isBrand: true,
        isBot: false,
      });
    }
    this.bot = {
      id: 'brand-bot',
      handle: '@kettleandpine',
      name: `${BRAND_NAME} (automated)`,
      followers: 0,
      verified: false,
      isStaff: false,
      isBrand: true,
      isBot: true,
    };
    const rng = new Random(hashSeed(o.seed, 7));
    const agentNames = ['Maya Kowalski', 'Jonas Schmidt', 'Amara Reyes', 'Tom Lee'];
    agentNames.forEach((name, i) => {
      this.agents.push({
        id: `agent-${i + 1}`,
        handle: `${name.split(' ')[0]!.toLowerCase()}@${DOMAIN}`,
        name: `${name} (${BRAND_NAME} support)`,
        followers: 0,
        verified: false,
        isStaff: true,
        isBrand: true,
        isBot: false,
      });
    });
    const staffPeople: Array<[string, string, Platform]> = [
      ['Priya Natarajan', 'priyacooks', 'linkedin'],
      ['Ben Okafor', 'benokafor', 'x'],
      ['Lucía Martín', 'lucia.makes', 'instagram'],
    ];
    staffPeople.forEach(([name, handle, platform], i) => {
      this.staff.push({
        id: `staff-${i + 1}`,
        handle: platformHandle(platform, handle),
        name,
        followers: Math.round(rng.logNormal(900, 0.8)),
        verified: false,
        isStaff: true,
        isBrand: false,
        isBot: false,
      });
      this.special.set(`staff-${i + 1}`, { role: 'staff', platform });
    });
    const superfanCount = Math.max(1, Math.round(6 * o.scale));
    const superfanPlatforms: Platform[] = ['x', 'reddit', 'instagram', 'x', 'reddit', 'bluesky'];
    for (let i = 0; i < superfanCount; i++) {
      const platform = superfanPlatforms[i % superfanPlatforms.length]!;
      // Ordinary-looking ids: a detector must find superfans by what they do, not by their name.
      const fan = this.person(
        customerId(platform, 7_000_000 + i),
        platform,
        new Random(hashSeed(o.seed, 1000 + i)),
        {
          followers: [2_000, 20_000],
          customer: 1,
          ltv: 1_400,
          consent: { analytics: true, profiling: true, relationship: true, contact: i % 3 !== 2 },
        },
      );
      this.superfans.push(fan);
      this.special.set(fan.id, { role: 'superfan', platform });
      this.fansOn.set(platform, [...(this.fansOn.get(platform) ?? []), fan]);
    }
    const detractorCount = Math.max(1, Math.round(5 * o.scale));
    const detractorPlatforms: Platform[] = ['x', 'facebook', 'x', 'reddit', 'review'];
    for (let i = 0; i < detractorCount; i++) {
      const platform = detractorPlatforms[i % detractorPlatforms.length]!;
      const detractor = this.person(
        customerId(platform, 8_000_000 + i),
        platform,
        new Random(hashSeed(o.seed, 2000 + i)),
        {
          // One loud detractor has a large audience: a public complaint from them matters.
          followers: i === 0 ? [35_000, 45_000] : [50, 900],
          customer: 1,
          ltv: 220,
        },
      );
      this.detractors.push(detractor);
      this.special.set(detractor.id, { role: 'detractor', platform });
    }
  }

  /** The role an author plays: named people by registry, bots as spammers, everyone else a customer. */
  roleOf(author: Author): SampleRole {
    return this.special.get(author.id)?.role ?? (author.isBot ? 'spammer' : 'customer');
  }

  /** Where a named person (superfan, detractor, staff) posts. */
  homeOf(author: Author): Platform {
    return this.special.get(author.id)?.platform ?? 'x';
  }

  private remember(key: string, author: Author): void {
    if (this.cache.size >= this.cacheLimit) this.cache.clear();
    this.cache.set(key, author);
  }

  /** A customer's account on a platform; index 0 is the most active customer. */
  customer(index: number, platform: Platform): Author {
    const key = `${platform}:${index}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const rng = new Random(hashSeed(this.o.seed, 0x10000 + index));
    const author = this.person(customerId(platform, index), platform, rng, {});
    this.remember(key, author);
    return author;
  }

  spammer(index: number, platform: Platform): Author {
    const key = `spam:${platform}:${index}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const rng = new Random(hashSeed(this.o.seed, 0x900000 + index));
    const word = rng.pick(['cash', 'deals', 'promo', 'crypto', 'win', 'followers']);
    const author: Author = {
      id: `spam-${platform}-${index}`,
      handle: platformHandle(platform, `${word}_now_${rng.int(1000, 9999)}`),
      name: `${word.toUpperCase()} ${rng.pick(['KING', 'HUB', 'DEALS', 'NOW'])}`,
      followers: rng.int(0, 40),
      verified: false,
      isStaff: false,
      isBrand: false,
      isBot: true,
    };
    this.remember(key, author);
    return author;
  }

  private person(
    id: string,
    platform: Platform,
    rng: Random,
    fixed: {
      followers?: [number, number];
      customer?: number;
      ltv?: number;
      consent?: Omit<Consent, 'recordedAt'>;
    },
  ): Author {
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    const base = rng.chance(0.5)
      ? asciiHandle(`${first}${last}`)
      : `${asciiHandle(first)}${rng.pick(HANDLE_WORDS)}`;
    const handle = rng.chance(0.4) ? `${base}${rng.int(1, 99)}` : base;
    // Heavy tail: most people have a few hundred followers, a few have tens or hundreds of thousands.
    let followers = fixed.followers
      ? rng.int(fixed.followers[0], fixed.followers[1])
      : Math.floor(rng.logNormal(180, 1.6));
    if (!fixed.followers && rng.chance(0.004)) followers += rng.int(50_000, 500_000);
    followers = Math.min(followers, 5_000_000);
    const author: Author = {
      id,
      handle: platformHandle(platform, handle),
      name: `${first} ${last}`,
      followers: PRIVATE_ONLY.has(platform) ? 0 : followers,
      verified: followers > 50_000 ? rng.chance(0.4) : rng.chance(0.005),
      isStaff: false,
      isBrand: false,
      isBot: false,
    };
    if (platform === 'email')
      author.handle = `${handle}@${rng.pick(['mail.example', 'inbox.example', 'post.example'])}`;
    const isCustomer = fixed.customer ?? (rng.chance(0.75) ? 1 : 0);
    if (isCustomer) {
      const since = this.o.start - rng.int(20, 6 * 365) * DAY;
      author.customerSince = new Date(since).toISOString().slice(0, 10);
      const ltv = fixed.ltv ? fixed.ltv * (0.7 + rng.next()) : rng.logNormal(120, 1.0);
      author.lifetimeValue = Math.round(ltv * 100) / 100;
      author.tier =
        ltv > 2_500 ? 'platinum' : ltv > 1_000 ? 'gold' : ltv > 400 ? 'silver' : 'standard';
      if (fixed.consent || rng.chance(0.6)) {
        author.consent = {
          ...(fixed.consent ?? {
            analytics: rng.chance(0.9),
            profiling: rng.chance(0.5),
            relationship: rng.chance(0.6),
            contact: rng.chance(0.4),
          }),
          recordedAt: new Date(since + rng.int(0, 3_000) * MINUTE).toISOString(),
        };
      }
    }
    return author;
  }
}

function brandHandle(platform: Platform): string {
  return platformHandle(platform, 'kettleandpine');
}

function platformHandle(platform: Platform, name: string): string {
  switch (platform) {
    case 'reddit':
      return `u/${name}`;
    case 'mastodon':
      return `@${name}@mastodon.social`;
    case 'bluesky':
      return `@${name}.bsky.social`;
    case 'email':
      return `${name}@${DOMAIN}`;
    case 'chat':
    case 'phone':
    case 'review':
      return name;
    default:
      return `@${name}`;
  }
}

function customerId(platform: Platform, index: number): string {
  switch (platform) {
    case 'x':
      return String(1_400_000_000 + index * 7_919);
    case 'bluesky':
      return `did:plc:kp${index.toString(36).padStart(8, '0')}`;
    case 'reddit':
      return `t2_${(index * 7_919 + 12_345).toString(36)}`;
    default:
      return `${platform}-user-${index}`;
  }
}

/** How the brand is named in a customer's text on a platform: its handle where people tag it, else its name. */
function addressing(platform: Platform): string {
  switch (platform) {
    case 'x':
    case 'instagram':
    case 'tiktok':
    case 'mastodon':
    case 'bluesky':
      return brandHandle(platform).replace(/@mastodon\.social$/, '');
    default:
      return BRAND_NAME;
  }
}

function urlOf(platform: Platform, mentionId: string, author: Author): string | undefined {
  const handle = author.handle.replace(/^[@]|^u\//, '').replace(/@.*$/, '');
  const n = mentionId.slice(mentionId.indexOf('-') + 1);
  switch (platform) {
    case 'x':
      return `https://x.com/${handle}/status/${n}`;
    case 'mastodon':
      return `https://mastodon.social/@${handle}/${n}`;
    case 'bluesky':
      return `https://bsky.app/profile/${handle}/post/3k${n}`;
    case 'reddit':
      return `https://www.reddit.com/r/KettleAndPine/comments/${Number(n).toString(36)}/`;
    case 'instagram':
      return `https://www.instagram.com/p/C${Number(n).toString(36)}/`;
    case 'facebook':
      return `https://www.facebook.com/kettleandpine/posts/${n}`;
    case 'tiktok':
      return `https://www.tiktok.com/@${handle}/video/${n}`;
    case 'youtube':
      return `https://www.youtube.com/watch?v=kp${n}`;
    case 'linkedin':
      return `https://www.linkedin.com/feed/update/urn:li:activity:${n}`;
    case 'review':
      return `https://reviews.example/kettleandpine/${n}`;
    default:
      return undefined;
  }
}

interface Thread {
  root: Mention;
  kind: OpeningKind;
  customer: Author;
  platform: Platform;
  channel: Channel;
  incident?: number;
}

/** The generator's state: one seeded sequence for the traffic, a heap that releases mentions in time order. */
class WorldGenerator {
  private readonly rng: Random;
  private readonly heap = new TimeHeap<Pending>();
  private seq = 0;
  private nextId = 1;
  readonly end: number;
  readonly incidents: SampleIncident[];
  private readonly incidentMs: Array<[number, number]>;

  constructor(
    private readonly o: Resolved,
    readonly people: People,
  ) {
    this.rng = new Random(hashSeed(o.seed, 1));
    this.end = o.start + o.days * DAY;
    this.incidents = sampleIncidents({
      seed: o.seed,
      days: o.days,
      scale: o.scale,
      start: new Date(o.start).toISOString(),
      incidents: o.incidents,
    });
    this.incidentMs = this.incidents.map((i) => [Date.parse(i.start), Date.parse(i.end)]);
  }

  *run(): Generator<SampleEvent> {
    const stories = this.storyDays();
    for (let day = 0; day < this.o.days; day++) {
      this.generateDay(day);
      for (const story of stories.get(day) ?? []) story();
      const dayEnd = Math.min(this.o.start + (day + 1) * DAY, this.end);
      while (this.heap.size > 0 && this.heap.peek()!.time < dayEnd) yield this.heap.pop()!.event;
    }
    // Replies scheduled after the end of the world never happen within it (the customer is still waiting).
  }

  private inIncident(time: number, index: number): boolean {
    const w = this.incidentMs[index];
    return w !== undefined && time >= w[0] && time < w[1];
  }

  private timeInDay(day: number, from = 0): number {
    const rng = this.rng;
    let r = rng.next() * HOURLY_TOTAL;
    let hour = 0;
    for (; hour < 23; hour++) {
      r -= HOURLY[hour]!;
      if (r < 0) break;
    }
    const t = this.o.start + day * DAY + hour * HOUR + Math.floor(rng.next() * HOUR);
    return Math.max(t, from);
  }

  private generateDay(day: number): void {
    const rng = this.rng;
    const scale = this.o.scale;
    const dayStart = this.o.start + day * DAY;
    const weekday = new Date(dayStart).getUTCDay();
    const weekly = weekday === 0 || weekday === 6 ? 0.8 : 1.05;
    const trend = 1 + (0.1 * day) / Math.max(1, this.o.days);
    for (const kind of Object.keys(DAILY) as Array<keyof typeof DAILY>) {
      const count = rng.poisson(DAILY[kind] * scale * weekly * trend);
      for (let i = 0; i < count; i++) this.openThread(kind, this.timeInDay(day));
    }
    // Detractors complain about every other day; superfans praise and suggest now and then.
    for (const detractor of this.people.detractors) {
      if (rng.chance(0.5)) this.openThread('complaint', this.timeInDay(day), detractor);
    }
    for (const fan of this.people.superfans) {
      if (rng.chance(0.25))
        this.openThread(rng.chance(0.7) ? 'praise' : 'feature_request', this.timeInDay(day), fan);
    }
    for (const person of this.people.staff) {
      if (rng.chance(0.12)) {
        const platform = this.people.homeOf(person);
        this.emit(
          this.mention(
            platform,
            'public',
            'inbound',
            person,
            this.timeInDay(day),
            rng.pick(STAFF_POSTS)(new Slots(rng, addressing(platform))),
          ),
          'staff_post',
          'staff',
        );
      }
    }
    const posts = rng.poisson(1.2 * Math.min(scale, 20));
    for (let i = 0; i < posts; i++) {
      const platform = rng.pick<Platform>(['x', 'instagram', 'facebook', 'linkedin', 'tiktok']);
      const kind = rng.chance(0.55) ? 'promo' : 'help';
      const slots = new Slots(rng, BRAND_NAME);
      this.emit(
        this.mention(
          platform,
          'public',
          'outbound',
          this.people.brandAccounts.get(platform)!,
          this.timeInDay(day),
          rng.pick(BRAND_POSTS[kind])(slots),
        ),
        'brand_post',
        'brand',
      );
    }
    // The incidents: many distinct customers write about the same problem within hours.
    const dayEnd = dayStart + DAY;
    this.incidentMs.forEach(([from, to], index) => {
      if (from >= dayEnd || to <= dayStart) return;
      const lo = Math.max(from, dayStart);
      const hi = Math.min(to, dayEnd);
      const dayOfIncident = Math.floor((lo - from) / DAY);
      const perDay = index === 0 ? ([90, 75, 40][dayOfIncident] ?? 20) : 60;
      const share = (hi - lo) / DAY;
      const count = rng.poisson(perDay * scale * (index === 0 ? share * 1.3 : 1));
      for (let i = 0; i < count; i++) {
        const t = lo + Math.floor(Math.pow(rng.next(), index === 0 ? 1 : 1.5) * (hi - lo));
        if (index === 0) {
          this.openThread('delivery_issue', t, undefined, 0);
        } else {
          this.openThread(
            rng.chance(0.6) ? 'account_issue' : 'bug_report',
            t,
            undefined,
            1,
            OUTAGE,
          );
        }
      }
      if (index === 0 && lo === from) {
        const slots = new Slots(rng, BRAND_NAME);
        this.emit(
          this.mention(
            'x',
            'public',
            'outbound',
            this.people.brandAccounts.get('x')!,
            from + 2 * HOUR,
            BRAND_POSTS.incident[0]!(slots),
          ),
          'brand_post',
          'brand',
          0,
        );
        this.emit(
          this.mention(
            'x',
            'public',
            'outbound',
            this.people.brandAccounts.get('x')!,
            from + 30 * HOUR,
            BRAND_POSTS.incident[1]!(slots),
          ),
          'brand_post',
          'brand',
          0,
        );
      }
    });
  }

  private pickCustomer(platform: Platform): Author {
    // Heavy tail again: a few customers write often, most write once.
    const index = Math.floor(Math.pow(this.rng.next(), 2.2) * this.people.customerCount);
    return this.people.customer(index, platform);
  }

  private openThread(
    kind: OpeningKind,
    time: number,
    author?: Author,
    incident?: number,
    templates?: readonly Template[],
  ): void {
    const rng = this.rng;
    const platform = author
      ? this.people.homeOf(author)
      : weighted(rng, PLATFORMS_BY_KIND[kind] as Record<Platform, number>);
    const customer =
      author ??
      (kind === 'spam'
        ? this.people.spammer(rng.int(0, this.people.spammerCount - 1), platform)
        : this.pickCustomer(platform));
    const role = this.people.roleOf(customer);
    const serviceKind = kind !== 'praise' && kind !== 'chatter' && kind !== 'spam';
    const channel: Channel = PRIVATE_ONLY.has(platform)
      ? 'private'
      : DM_PLATFORMS.has(platform) && serviceKind && rng.chance(0.15)
        ? 'private'
        : 'public';
    const slots = new Slots(
      rng,
      channel === 'private' && !PRIVATE_ONLY.has(platform) ? BRAND_NAME : addressing(platform),
    );
    const text = capitalise(
      rng
        .pick(templates ?? INBOUND[kind]!)(slots)
        .trim(),
    );
    const root = this.mention(platform, channel, 'inbound', customer, time, text);
    if (THREADED.has(platform)) root.conversationId = root.id;
    this.emit(root, kind, role, incident);
    if (kind === 'spam' || time >= this.end) return;
    this.continueThread({
      root,
      kind,
      customer,
      platform,
      channel,
      ...(incident !== undefined && { incident }),
    });
  }

  /** Superfan answers, the brand's reply (or silence), the customer's chasing and thanks. */
  private continueThread(thread: Thread): void {
    const rng = this.rng;
    const { root, kind, customer, platform, channel } = thread;
    const t0 = Date.parse(root.createdAt);
    let last = root;
    let superfanAnswered = false;
    const topic = topicOf(root.text);
    const askable =
      kind === 'product_question' || kind === 'purchase_question' || kind === 'chatter';
    if (askable && topic && topic.fan.length > 0 && channel === 'public') {
      const fans = this.people.fansOn.get(platform) ?? [];
      if (fans.length > 0 && rng.chance(kind === 'chatter' ? 0.3 : 0.5)) {
        const fan = rng.pick(fans);
        const answer = this.reply(
          root,
          fan,
          'inbound',
          t0 + Math.round(rng.logNormal(25, 0.9) * MINUTE),
          rng.pick(topic.fan)(new Slots(rng, '')),
        );
        this.emit(answer, 'superfan_answer', 'superfan', thread.incident);
        superfanAnswered = true;
        if (rng.chance(0.4)) {
          const thanks = this.reply(
            answer,
            customer,
            'inbound',
            Date.parse(answer.createdAt) + Math.round(rng.logNormal(40, 1) * MINUTE),
            rng.pick(FOLLOW_UPS.thanks)(new Slots(rng, '')),
          );
          this.emit(thanks, 'thanks', 'customer', thread.incident);
        }
      }
    }
    const duringDelivery =
      this.inIncident(t0, 0) && (kind === 'delivery_issue' || kind === 'complaint');
    let replyRate = REPLY_RATE[kind] * (superfanAnswered ? 0.55 : 1);
    if (duringDelivery) replyRate *= 0.8;
    const replies = rng.chance(replyRate);
    // The auto-responder answers private messages within a minute; it does not count as an answer.
    if (channel === 'private' && rng.chance(0.5)) {
      const ack = this.reply(
        root,
        this.people.bot,
        'outbound',
        t0 + rng.int(5, 60) * 1000,
        rng.pick(BOT_REPLIES)(new Slots(rng, '')),
      );
      this.emit(ack, 'bot_reply', 'bot', thread.incident);
      last = ack;
    }
    let delay = this.replyDelay();
    if (duringDelivery) delay *= 3;
    let replyAt = this.withinSupportHours(t0 + delay);
    const unanswered = !replies || replyAt >= this.end;
    const slowThreshold = 2 * HOUR;
    if (
      (unanswered || replyAt - t0 > slowThreshold) &&
      kind !== 'praise' &&
      kind !== 'chatter' &&
      rng.chance(0.55)
    ) {
      const horizon = unanswered ? 36 * HOUR : replyAt - t0;
      const chaseAt = t0 + Math.round(HOUR + rng.next() * Math.max(0, horizon - HOUR));
      const chase = this.reply(
        last === root ? root : last,
        customer,
        'inbound',
        chaseAt,
        this.customerText(FOLLOW_UPS.chase, platform, channel),
      );
      this.emit(chase, 'chase', this.people.roleOf(customer), thread.incident);
      last = chase;
      if (replyAt <= chaseAt) replyAt = chaseAt + rng.int(1, 20) * MINUTE;
    }
    if (!replies) return;
    const responder = this.responder(platform);
    const reply = this.reply(
      last,
      responder,
      'outbound',
      replyAt,
      this.brandText(kind, customer, platform, channel, root.text),
    );
    this.emit(reply, 'brand_reply', responder.isStaff ? 'agent' : 'brand', thread.incident);
    const followUp = rng.next();
    if (followUp < 0.3) {
      const thanks = this.reply(
        reply,
        customer,
        'inbound',
        replyAt + Math.round(rng.logNormal(30, 1.1) * MINUTE),
        this.customerText(FOLLOW_UPS.thanks, platform, channel),
      );
      this.emit(thanks, 'thanks', this.people.roleOf(customer), thread.incident);
    } else if (
      followUp < 0.38 &&
      kind !== 'praise' &&
      kind !== 'job_inquiry' &&
      kind !== 'partnership'
    ) {
      const again = this.reply(
        reply,
        customer,
        'inbound',
        replyAt + Math.round(rng.logNormal(50, 1) * MINUTE),
        this.customerText(FOLLOW_UPS.still_broken, platform, channel),
      );
      this.emit(again, 'still_broken', this.people.roleOf(customer), thread.incident);
      if (rng.chance(0.7)) {
        const second = this.reply(
          again,
          responder,
          'outbound',
          this.withinSupportHours(Date.parse(again.createdAt) + this.replyDelay()),
          this.brandText('complaint', customer, platform, channel),
        );
        this.emit(second, 'brand_reply', responder.isStaff ? 'agent' : 'brand', thread.incident);
      }
    }
  }

  /** Mostly within the hour, some within the day, a few over a day. */
  private replyDelay(): number {
    const rng = this.rng;
    const r = rng.next();
    if (r < 0.72) return Math.min(60, Math.max(1, rng.logNormal(14, 0.8))) * MINUTE;
    if (r < 0.92) return rng.int(60, 8 * 60) * MINUTE;
    return rng.int(8 * 60, 48 * 60) * MINUTE;
  }

  /** People answer from 07:00 to 22:00 UTC; what arrives at night waits for the morning shift. */
  private withinSupportHours(time: number): number {
    const hour = new Date(time).getUTCHours();
    if (hour >= 7 && hour < 22) return time;
    const dayStart = time - (time % DAY);
    const morning = dayStart + (hour >= 22 ? DAY : 0) + 7 * HOUR;
    return morning + Math.round(this.rng.logNormal(35, 0.7) * MINUTE);
  }

  private responder(platform: Platform): Author {
    if (platform === 'email' || platform === 'chat' || platform === 'phone')
      return this.rng.pick(this.people.agents);
    return this.people.brandAccounts.get(platform) ?? this.people.brandAccounts.get('x')!;
  }

  private brandText(
    kind: OpeningKind,
    customer: Author,
    platform: Platform,
    channel: Channel,
    question = '',
  ): string {
    const rng = this.rng;
    const first = (customer.name ?? '').split(' ')[0] || 'there';
    const topical =
      kind === 'product_question' || kind === 'purchase_question'
        ? topicOf(question)?.brand
        : undefined;
    const templates = topical?.length ? topical : (BRAND_REPLIES[kind] ?? BRAND_REPLIES.complaint!);
    const answer = rng.pick(templates)(new Slots(rng, BRAND_NAME, first));
    return (channel === 'public' ? replyPrefix(platform, customer) : '') + answer;
  }

  private customerText(
    templates: readonly Template[],
    platform: Platform,
    channel: Channel,
  ): string {
    const slots = new Slots(this.rng, channel === 'private' ? '' : addressing(platform));
    return capitalise(this.rng.pick(templates)(slots).trim());
  }

  private mention(
    platform: Platform,
    channel: Channel,
    direction: 'inbound' | 'outbound',
    author: Author,
    time: number,
    text: string,
  ): Mention {
    const id = `${platform}-${this.nextId++}`;
    const m: Mention = {
      id,
      platform,
      channel,
      direction,
      author,
      text,
      createdAt: new Date(time).toISOString(),
      lang: 'en',
    };
    if (channel === 'public') {
      const url = urlOf(platform, id, author);
      if (url) m.url = url;
      m.metrics = this.metrics(author, direction);
    }
    return m;
  }

  private reply(
    parent: Mention,
    author: Author,
    direction: 'inbound' | 'outbound',
    time: number,
    text: string,
  ): Mention {
    const parentTime = Date.parse(parent.createdAt);
    const m = this.mention(
      parent.platform,
      parent.channel,
      direction,
      author,
      Math.max(time, parentTime + 1000),
      text,
    );
    m.inReplyToId = parent.id;
    if (parent.conversationId !== undefined) m.conversationId = parent.conversationId;
    return m;
  }

  private metrics(
    author: Author,
    direction: 'inbound' | 'outbound',
  ): NonNullable<Mention['metrics']> {
    const rng = this.rng;
    const reach =
      Math.max(1, author.followers) * rng.logNormal(direction === 'outbound' ? 0.08 : 0.15, 0.9);
    const views = Math.floor(reach + rng.int(0, 30));
    const likes = Math.floor(views * rng.logNormal(0.02, 0.9));
    return {
      likes,
      replies: Math.floor(likes * rng.next() * 0.2),
      reposts: Math.floor(likes * rng.next() * 0.15),
      quotes: Math.floor(likes * rng.next() * 0.03),
      views,
    };
  }

  emit(mention: Mention, kind: SampleKind, role: SampleRole, incident?: number): void {
    const time = Date.parse(mention.createdAt);
    if (time >= this.end) return;
    const label: SampleLabel = { kind, intents: INTENTS[kind] };
    if (incident !== undefined) label.incident = incident;
    this.heap.push({ time, seq: this.seq++, event: { mention, label, role } });
  }

  /** Texts that stories need: right-to-left, very long, hostile and emoji-heavy. One each per world. */
  private storyDays(): Map<number, Array<() => void>> {
    const days = this.o.days;
    const at = (share: number) => Math.min(days - 1, Math.floor(days * share));
    const stories = new Map<number, Array<() => void>>();
    const add = (day: number, fn: () => void) =>
      stories.set(day, [...(stories.get(day) ?? []), fn]);
    add(at(18 / 30), () => {
      const author = this.people.customer(3, 'x');
      const m = this.mention(
        'x',
        'public',
        'inbound',
        author,
        this.o.start + at(18 / 30) * DAY + 11 * HOUR + 17 * MINUTE,
        '@kettleandpine طلبي رقم KP-482913 لم يصل بعد، مضى أسبوع كامل. أين الطرد؟ 📦',
      );
      m.lang = 'ar';
      m.conversationId = m.id;
      m.tags = ['story:rtl'];
      this.emit(m, 'delivery_issue', 'customer', this.incidents.length > 0 ? 0 : undefined);
    });
    add(at(5 / 30), () => {
      const author = this.people.customer(8, 'x');
      const m = this.mention(
        'x',
        'public',
        'inbound',
        author,
        this.o.start + at(5 / 30) * DAY + 19 * HOUR + 2 * MINUTE,
        '@kettleandpine קיבלתי את המחבת היום, פשוט מושלמת! תודה רבה ❤️',
      );
      m.lang = 'he';
      m.conversationId = m.id;
      m.tags = ['story:rtl'];
      this.emit(m, 'praise', 'customer');
    });
    add(at(12 / 30), () => {
      const author = this.people.customer(5, 'email');
      const m = this.mention(
        'email',
        'private',
        'inbound',
        author,
        this.o.start + at(12 / 30) * DAY + 8 * HOUR + 45 * MINUTE,
        LONG_EMAIL,
      );
      m.tags = ['story:long'];
      this.emit(m, 'complaint', 'customer');
    });
    add(at(21 / 30), () => {
      const author = this.people.detractors[0]!;
      const m = this.mention(
        this.people.homeOf(author),
        'public',
        'inbound',
        author,
        this.o.start + at(21 / 30) * DAY + 23 * HOUR + 48 * MINUTE,
        '@kettleandpine WORST. COMPANY. EVER!!!!!!! 🤬🤬🤬 you LIED about my refund <script>alert(1)</script> i\u200bwill\u200b tell EVERYONE. #scam #fail ' +
          '!'.repeat(40),
      );
      m.tags = ['story:hostile'];
      this.emit(m, 'complaint', 'detractor');
    });
    add(at(25 / 30), () => {
      const author = this.people.superfans[0]!;
      const m = this.mention(
        this.people.homeOf(author),
        'public',
        'inbound',
        author,
        this.o.start + at(25 / 30) * DAY + 13 * HOUR,
        '@kettleandpine 🍳🥘🔥🔥🔥😍😍😍 sooooo good!!! my new skillet 👩‍🍳👨‍👩‍👧‍👦 🇬🇧 thank youuuu',
      );
      m.tags = ['story:emoji'];
      this.emit(m, 'praise', 'superfan');
    });
    return stories;
  }
}

const OUTAGE: readonly Template[] = [
  (s) => `${s.brand} is the app down? Can't log in at all`,
  (s) => `${s.brand} website says "something went wrong" every time I try to sign in`,
  (s) => `${s.brand} getting error 503 when I log in, tried three times${s.sad()}`,
  (s) => `${s.brand} login broken for anyone else??`,
  (s) => `${s.brand} app keeps saying wrong password but I just reset it`,
  (s) => `${s.brand} can't get into my account to track my order, is the site having issues?`,
];

const LONG_EMAIL = [
  'Dear Kettle & Pine team,',
  '',
  'I am writing for the third time about order KP-318877, which I placed on the 2nd for my parents\u2019 anniversary.',
  ...Array.from({ length: 18 }, (_, i) =>
    i % 3 === 0
      ? 'The tracking page has shown "in transit" for nine days, your chat assistant tells me to wait 24 hours, and every time I wait 24 hours nothing changes. I have now spent more time chasing this parcel than it would have taken me to drive to your warehouse.'
      : i % 3 === 1
        ? 'When I finally reached a person on the phone I was promised a call back "within the day". Nobody called. I have the reference numbers of every conversation and I am happy to send them again.'
        : 'I have been a customer for six years and I have recommended you to friends and family many times. I would like to keep doing that, but I need this resolved: either the parcel arrives by Friday or I need a full refund, including the express delivery charge.',
  ),
  '',
  'Kind regards,',
  'A very tired customer',
].join('\n');

/** Lower-case ASCII letters only: Müller → muller, Hernández → hernandez, O’Brien → obrien. */
function asciiHandle(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

function capitalise(text: string): string {
  return text.length > 0 && text[0]! >= 'a' && text[0]! <= 'z'
    ? text[0]!.toUpperCase() + text.slice(1)
    : text;
}

function replyPrefix(platform: Platform, customer: Author): string {
  if (platform === 'x' || platform === 'mastodon' || platform === 'bluesky') {
    return `${customer.handle.replace(/@mastodon\.social$/, '')} `;
  }
  return '';
}

/**
 * Streams the sample world's events (each mention with its ground-truth label and its author's role), oldest first.
 *
 * Holds only the mentions not yet due (a few days' worth of pending replies), so a benchmark can draw a million
 * mentions without keeping them. Authors are rebuilt (equal, not the same object) once 20,000 are in memory.
 *
 * @example
 * ```ts
 * let spam = 0;
 * for (const { label } of generateSampleEvents({ scale: 10 })) if (label.kind === 'spam') spam++;
 * ```
 */
export function* generateSampleEvents(
  options: SampleWorldOptions = {},
): Generator<SampleEvent, void, undefined> {
  const o = resolve(options);
  yield* new WorldGenerator(o, new People(o, false)).run();
}

/**
 * Streams the sample world's mentions, oldest first, without holding them all (for benchmarks).
 *
 * The sequence equals `createSampleWorld(options).mentions` (deep equality; author objects may be copies).
 * About 6,000 mentions per 30 days at `scale: 1`; `scale: 165` gives about a million.
 *
 * @example
 * ```ts
 * import { generateSampleMentions } from '@rapport/core/sample';
 * let n = 0;
 * for (const mention of generateSampleMentions({ seed: 7, scale: 165 })) n += mention.text.length;
 * ```
 */
export function* generateSampleMentions(
  options: SampleWorldOptions = {},
): Generator<Mention, void, undefined> {
  for (const event of generateSampleEvents(options)) yield event.mention;
}

/**
 * Builds a deterministic, realistic sample world for stories, tests, benchmarks and docs.
 *
 * Kettle & Pine, a fictional kitchenware shop, over `days` days from `start`: a few thousand mentions across
 * platforms (about 6,000 at the defaults), customers with heavy-tailed follower counts and customer facts, brand
 * replies (mostly within the hour, some slow, some never; an auto-responder that answers nobody), threads by
 * `inReplyToId` and `conversationId`, a delivery incident (days 18–20) and a login outage (day 9) with their
 * ground truth in `incidents`, superfans who answer other customers, detractors, staff, spam, and a few texts
 * tagged `story:rtl`, `story:long`, `story:hostile`, `story:emoji`. No clock and no `Math.random`: the same
 * options always give the same world (on engines whose `Math.exp`/`Math.log`/`Math.cos` agree, as all V8-based
 * runtimes do).
 *
 * @example
 * ```ts
 * import { createSampleWorld } from '@rapport/core/sample';
 * const world = createSampleWorld({ seed: 42 });
 * const incident = world.incidents[0]!; // the delivery incident, department 'logistics'
 * const spike = world.mentions.filter((m) => m.createdAt >= incident.start && m.createdAt < incident.end);
 * ```
 */
export function createSampleWorld(options: SampleWorldOptions = {}): SampleWorld {
  const o = resolve(options);
  const people = new People(o, true);
  const generator = new WorldGenerator(o, people);
  const mentions: Mention[] = [];
  const labels: Record<string, SampleLabel> = Object.create(null) as Record<string, SampleLabel>;
  const roles: Record<string, SampleRole> = Object.create(null) as Record<string, SampleRole>;
  const authors: Author[] = [];
  for (const { mention, label, role } of generator.run()) {
    mentions.push(mention);
    labels[mention.id] = label;
    if (!(mention.author.id in roles)) {
      roles[mention.author.id] = role;
      authors.push(mention.author);
    }
  }
  for (const a of people.agents) roles[a.id] ??= 'agent';
  for (const a of people.staff) roles[a.id] ??= 'staff';
  return {
    seed: o.seed,
    start: new Date(o.start).toISOString(),
    end: new Date(generator.end).toISOString(),
    days: o.days,
    scale: o.scale,
    brand: {
      name: BRAND_NAME,
      domain: DOMAIN,
      accounts: [...people.brandAccounts.values()],
      bot: people.bot,
      products: PRODUCTS_LIST,
      departments: ['service', 'logistics', 'product', 'sales', 'hr', 'marketing'],
    },
    authors,
    staff: [...people.agents, ...people.staff],
    superfans: people.superfans,
    detractors: people.detractors,
    mentions,
    incidents: generator.incidents,
    labels,
    roles,
  };
}
