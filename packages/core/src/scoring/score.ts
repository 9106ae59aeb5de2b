import { shownValue } from '../model/errors';
import { parseInstant } from '../model/instant';
import type { Mention } from '../model/schemas';
import { analyzeText } from '../text/analyze';
import { compiledLexicon } from '../text/compile';
import { INTENTS, type Intent, type TextSignals } from '../text/types';
import { priorityBand } from './bands';
import type { MentionScore, ScoreFactor, ScoreReason, ScoringContext } from './types';
import { DEFAULT_SCORING_WEIGHTS, resolveWeights, type ScoringWeights } from './weights';

const HOUR = 3_600_000;

/** Intent names as a community manager says them. */
const INTENT_WORDS: Record<Intent, string> = {
  complaint: 'a complaint',
  question: 'a question',
  praise: 'praise',
  purchase_intent: 'wants to buy',
  feature_request: 'a feature request',
  bug_report: 'a bug report',
  delivery_issue: 'a delivery problem',
  billing_issue: 'a billing or refund matter',
  account_issue: 'an account problem',
  cancellation: 'wants to cancel',
  job_inquiry: 'a job inquiry',
  partnership: 'a partnership offer',
  spam: 'looks like spam',
};

const HIGH_VALUE_TIERS = /^(?:vip|premium|enterprise|gold|platinum|diamond|pro|business|plus)$/i;

function toTime(value: string | number | undefined): number | undefined {
  if (value === undefined) return undefined;
  const t = typeof value === 'number' ? value : parseInstant(value);
  return Number.isFinite(t) ? t : undefined;
}

// The clock: callers score a batch of mentions at one `now`, so its last reading is kept (one entry). Mention
// times are read every time.
let lastNowIso = '';
let lastNowMs = Number.NaN;

/** The scoring moment in epoch ms (undefined when not given); a `now` that is given but unreadable is an error. */
function nowTime(value: string | number | undefined): number | undefined {
  if (value === undefined) return undefined;
  let t: number;
  if (typeof value === 'string') {
    if (value !== lastNowIso) {
      lastNowMs = parseInstant(value);
      lastNowIso = value;
    }
    t = lastNowMs;
  } else t = typeof value === 'number' ? value : Number.NaN;
  if (!Number.isFinite(t)) {
    throw new RangeError(
      `scoreMention: now must be an ISO 8601 date-time with a zone (Z or +hh:mm) or epoch milliseconds, got ${shownValue(value)}.`,
    );
  }
  return t;
}

function clamp01(x: number): number {
  return x > 0 ? (x < 1 ? x : 1) : 0;
}

/**
 * `String(r / 10)` for a whole number r >= 0, without converting a fraction to text (slow): 15 gives "1.5",
 * 20 gives "2". Below 1e15 the one-decimal form is exactly what JavaScript prints.
 */
function tenths(r: number): string {
  if (!(r < 1e15)) return String(r / 10);
  const whole = Math.floor(r / 10);
  const digit = r - whole * 10;
  return digit === 0 ? String(whole) : `${whole}.${digit}`;
}

function count(n: number): string {
  if (n >= 1e6) return `${tenths(Math.round(n / 1e5))}M`;
  if (n >= 1e4) return `${Math.round(n / 1e3)}k`;
  if (n >= 1e3) return `${tenths(Math.round(n / 100))}k`;
  return String(Math.round(n));
}

function hours(h: number): string {
  if (h < 1) return `${Math.max(1, Math.round(h * 60))} min`;
  if (h < 48) return `${tenths(Math.round(h * 10))} h`;
  return `${Math.round(h / 24)} days`;
}

/**
 * `x.toFixed(2)`, written with whole numbers for scores with at most three decimals (what analyzeText returns)
 * that are not halfway between two hundredths; everything else goes to toFixed, which is slow.
 */
function fixed2(x: number): string {
  const k = Math.round(x * 1000);
  const last = k % 10;
  if (k / 1000 === x && k >= -1000 && k <= 1000 && last !== 5 && last !== -5) {
    const n = Math.round((k < 0 ? -k : k) / 10);
    const cents = n % 100;
    return `${x < 0 ? '-' : ''}${(n - cents) / 100}.${cents < 10 ? '0' : ''}${cents}`;
  }
  return x.toFixed(2);
}

/** How the tone reads: the sentiment label decides, so a text labelled neutral is never called negative. */
function toneWord(sentiment: TextSignals['sentiment'], negativity: number): string {
  if (sentiment.label !== 'negative') return 'slightly negative';
  return negativity > 0.6 ? 'very negative' : 'negative';
}

function percent(x: number): string {
  return `${Math.round(x * 100)}%`;
}

function num(v: unknown): number {
  return typeof v === 'number' ? v : 0;
}

/** An intent record as an array in INTENTS order, read with plain property loads (fast on same-shaped objects). */
function intentValues(r: Readonly<Record<Intent, number>>): number[] {
  return [
    num(r.complaint),
    num(r.question),
    num(r.praise),
    num(r.purchase_intent),
    num(r.feature_request),
    num(r.bug_report),
    num(r.delivery_issue),
    num(r.billing_issue),
    num(r.account_issue),
    num(r.cancellation),
    num(r.job_inquiry),
    num(r.partnership),
    num(r.spam),
  ];
}

/** "a delivery problem (90%)": an intent and its confidence, as shown in a reason. */
function intentPhrase(signals: TextSignals, intent: Intent): string {
  return `${INTENT_WORDS[intent]} (${percent(clamp01(signals.intents[intent]))})`;
}

const DEFAULT_INTENT_WEIGHTS = /* @__PURE__ */ intentValues(DEFAULT_SCORING_WEIGHTS.intentWeights);

/**
 * Rounds raw contributions to whole points that add up exactly to `total` (largest remainder method),
 * so the reasons shown to people always sum to the priority shown beside them.
 *
 * @example
 * ```ts
 * apportion([33.3, 33.3, 33.4], 100); // [33, 33, 34]
 * ```
 */
export function apportion(raw: readonly number[], total: number): number[] {
  const out = new Array<number>(raw.length);
  apportionInto(raw, raw.length, total, out, new Int32Array(raw.length));
  return out;
}

/** apportion() over the first `n` of `raw`, writing into `out` (`order` is scratch), so scoring allocates nothing. */
function apportionInto(
  raw: ArrayLike<number>,
  n: number,
  total: number,
  out: { [index: number]: number },
  order: Int32Array,
): void {
  let sum = 0;
  for (let i = 0; i < n; i++) {
    out[i] = Math.floor(raw[i]!);
    sum += out[i]!;
  }
  let missing = total - sum;
  if (missing === 0 || n === 0) return;
  // Indices by largest fractional part first (ties: earlier first); a handful of items, so insertion sort.
  for (let i = 0; i < n; i++) {
    const frac = raw[i]! - out[i]!;
    let k = i;
    for (; k > 0 && raw[order[k - 1]!]! - out[order[k - 1]!]! < frac; k--) order[k] = order[k - 1]!;
    order[k] = i;
  }
  for (let k = 0; missing > 0; k = (k + 1) % n, missing--) out[order[k]!]! += 1;
  for (let k = n - 1; missing < 0; k = (k + n - 1) % n, missing++) out[order[k]!]! -= 1;
}

// Scratch numbers for the parts of one score (scoring is synchronous and never re-entered). Nine factors at most.
const RAW = /* @__PURE__ */ new Float64Array(16);
const POINTS = /* @__PURE__ */ new Float64Array(16);
const ORDER = /* @__PURE__ */ new Int32Array(16);

interface Part {
  factor: ScoreFactor;
  points: number;
  detail: string;
}

function topUrgencyCues(signals: TextSignals, target: 'urgency' | 'crisis', n: number): string[] {
  const lexicon = compiledLexicon();
  const labels = target === 'urgency' ? lexicon.URGENCY_LABELS : lexicon.CRISIS_LABELS;
  const seen: string[] = [];
  for (const cue of signals.cues) {
    if (
      cue.target === target ||
      labels.has(cue.effect) ||
      (target === 'urgency' && cue.target === 'urgency')
    ) {
      // "still waiting" already says "waiting": keep the fuller wording once.
      const effect = cue.effect;
      const same = seen.findIndex((e) => e.includes(effect) || effect.includes(e));
      if (same < 0) seen.push(effect);
      else if (effect.length > seen[same]!.length) seen[same] = effect;
      if (seen.length >= n) break;
    }
  }
  return seen;
}

/**
 * Scores how much a mention needs the company's attention: a priority 0..100, its band, and the reasons.
 *
 * Factors (each bounded by `context.weights`, defaults in `DEFAULT_SCORING_WEIGHTS`): negative tone, the most
 * pressing intent, urgency, exposure (public vs private, followers log-scaled, engagement so far and its velocity
 * up to `now`; a public complaint being reshared rises), customer value, time waited without a human reply,
 * repeated contact, and crisis signals; spam loses points. The reasons' `contribution`s are whole points that add
 * up exactly to `priority`. `now` (ISO 8601 or epoch ms) defaults to the mention's own time, so nothing depends
 * on the clock; a `now` that cannot be read (or a date-time without a zone) throws a RangeError rather than
 * quietly dropping the waiting time. Text is analyzed with `analyzeText` unless `context.signals` is given.
 *
 * @example
 * ```ts
 * const score = scoreMention(mention, { now: '2026-11-22T12:00:00Z', priorContacts: 2 });
 * score.band; // 'high'
 * score.reasons; // [{ factor: 'intents', contribution: 22, detail: 'a delivery problem (90%), a complaint (70%)' }, ...]
 * ```
 */
export function scoreMention(mention: Mention, context: ScoringContext = {}): MentionScore {
  const givenNow = nowTime(context.now);
  const w: ScoringWeights = resolveWeights(context.weights);
  const signals = context.signals ?? analyzeText(mention.text);
  const parts: Part[] = [];

  // Tone: only negativity makes a message more pressing.
  const negativity = clamp01(-signals.sentiment.score);
  if (negativity > 0) {
    parts.push({
      factor: 'sentiment',
      points: w.sentiment * negativity,
      detail: `${toneWord(signals.sentiment, negativity)} tone (${fixed2(signals.sentiment.score)})`,
    });
  }

  // Intents: the most pressing one counts fully, the runner-up a quarter.
  let best = 0;
  let second = 0;
  let bestIntent: Intent = 'complaint';
  let secondIntent: Intent = 'complaint';
  const confidences = intentValues(signals.intents);
  const intentWeights =
    w === DEFAULT_SCORING_WEIGHTS ? DEFAULT_INTENT_WEIGHTS : intentValues(w.intentWeights);
  for (let k = 0; k < INTENTS.length; k++) {
    const key = INTENTS[k]!;
    const value = clamp01(confidences[k]!) * clamp01(intentWeights[k]!);
    if (value <= 0) continue;
    if (value > best) {
      second = best;
      secondIntent = bestIntent;
      best = value;
      bestIntent = key;
    } else if (value > second) {
      second = value;
      secondIntent = key;
    }
  }
  if (best > 0) {
    const first = intentPhrase(signals, bestIntent);
    parts.push({
      factor: 'intents',
      points: w.intents * Math.min(1, best + 0.25 * second),
      // A runner-up shown as "(0%)" says nothing: name it only when it rounds to at least 1%.
      detail:
        second > 0 && clamp01(signals.intents[secondIntent]) >= 0.005
          ? `${first}, ${intentPhrase(signals, secondIntent)}`
          : first,
    });
  }
  const spam = clamp01(signals.intents.spam ?? 0);
  if (spam >= 0.5) {
    parts.push({
      factor: 'intents',
      points: -w.spamPenalty * spam,
      detail: `looks like spam (${percent(spam)})`,
    });
  }

  if (signals.urgency > 0) {
    const why = topUrgencyCues(signals, 'urgency', 2);
    parts.push({
      factor: 'urgency',
      points: w.urgency * clamp01(signals.urgency),
      detail: why.length ? `urgent: ${why.join(', ')}` : 'urgent wording',
    });
  }

  const crisis = clamp01(signals.crisis ?? 0);
  if (crisis > 0) {
    const why = topUrgencyCues(signals, 'crisis', 2);
    parts.push({
      factor: 'crisis',
      points: w.crisis * crisis,
      detail: `possible crisis: ${why.length ? why.join(', ') : 'safety or legal risk'}`,
    });
  }

  const createdAt = toTime(mention.createdAt);
  const now = givenNow ?? createdAt ?? 0;
  const created = createdAt ?? now;

  // Exposure: who can watch, and how fast the audience grows. Problems in public matter most.
  if (mention.channel === 'public') {
    const m = mention.metrics;
    const followers = mention.author.followers ?? 0;
    const reshares = m ? m.reposts + m.quotes : 0;
    const engagement = m ? m.likes + 2 * m.replies + 3 * reshares + m.views / 200 : 0;
    const ageHours = Math.max(0.25, (now - created) / HOUR);
    const velocity = engagement / ageHours;
    const reach = clamp01(
      0.2 +
        0.35 * clamp01(Math.log10(1 + followers) / 6) +
        0.25 * clamp01(Math.log10(1 + engagement) / 4) +
        0.2 * clamp01(Math.log10(1 + velocity) / 3),
    );
    const problem = Math.max(signals.intents.complaint ?? 0, negativity, crisis);
    let points = w.exposure * reach * (0.35 + 0.65 * problem);
    let detail = `public, ${count(followers)} followers`;
    if (engagement > 0) detail += `, ${count(engagement)} engagement`;
    if (velocity >= 1 && engagement > 0) detail += `, ${count(velocity)}/h`;
    if (reshares > 0 && problem >= 0.4) {
      points += 0.5 * w.exposure * clamp01(Math.log10(1 + reshares) / 2) * problem;
      detail += `, a complaint being reshared (${count(reshares)})`;
    } else if (reshares > 0) detail += `, ${count(reshares)} reshares`;
    parts.push({ factor: 'exposure', points, detail });
  }

  // Customer value: lifetime value (log-scaled), tier, verified.
  const a = mention.author;
  if (mention.direction === 'inbound') {
    const ltv = a.lifetimeValue ?? 0;
    const tierHigh = a.tier !== undefined && HIGH_VALUE_TIERS.test(a.tier);
    const value = clamp01(
      0.7 * clamp01(Math.log10(1 + ltv) / 4) +
        (tierHigh ? 0.3 : a.tier ? 0.1 : 0) +
        (a.verified ? 0.1 : 0),
    );
    if (value > 0) {
      let detail = ltv > 0 ? `lifetime value ${count(ltv)}` : '';
      if (a.tier) detail += `${detail ? ', ' : ''}tier ${a.tier}`;
      if (a.verified) detail += `${detail ? ', ' : ''}verified account`;
      parts.push({ factor: 'customer_value', points: w.customerValue * value, detail });
    }
  }

  // Waiting: since the customer's first unanswered message, unless someone at the brand already replied.
  const conversation = context.conversation;
  if (mention.direction === 'inbound' && (!conversation || conversation.awaitingReply)) {
    let since = created;
    if (conversation) {
      const lastHuman = toTime(conversation.lastHumanReplyAt) ?? -Infinity;
      for (const m of conversation.mentions) {
        const t = toTime(m.createdAt);
        if (m.direction === 'inbound' && t !== undefined && t > lastHuman) {
          since = Math.min(since, t);
          break;
        }
      }
    }
    const waited = (now - since) / HOUR;
    if (waited > 0) {
      const share = 1 - Math.pow(0.5, waited / Math.max(0.01, w.waitingHalfLifeHours));
      // Waiting matters in proportion to how much the message needs an answer (a thank-you can wait).
      const need = Math.max(best, negativity, crisis);
      parts.push({
        factor: 'waiting',
        points: w.waiting * share * (0.4 + 0.6 * need),
        detail: `waiting ${hours(waited)} for a reply`,
      });
    }
  }

  // Repeated contact: earlier messages from the same person in this conversation, or as the caller counted.
  // A count: fractions are cut to whole messages, and anything not a number above 0 counts as none.
  let prior =
    context.priorContacts === undefined
      ? undefined
      : context.priorContacts >= 1
        ? Math.floor(Math.min(context.priorContacts, 1e6))
        : 0;
  if (prior === undefined && conversation) {
    prior = 0;
    for (const m of conversation.mentions) {
      if (
        m.id !== mention.id &&
        m.direction === 'inbound' &&
        m.author.id === a.id &&
        (toTime(m.createdAt) ?? 0) <= created
      ) {
        prior++;
      }
    }
  }
  if (prior !== undefined && prior > 0 && mention.direction === 'inbound') {
    parts.push({
      factor: 'repeat_contact',
      points: w.repeatContact * clamp01(prior / Math.max(1, w.repeatContactsForFull)),
      detail: `${ordinal(prior + 1)} message from this person`,
    });
  }

  // The brand's own posts and bots need little attention, but keep the same reasons, scaled.
  let scale = 1;
  let scaleNote = '';
  if (mention.direction === 'outbound' || a.isBrand) {
    scale = w.outboundFactor;
    scaleNote = ` (brand's own post: ${percent(scale)} counted)`;
  } else if (a.isBot) {
    scale = w.botFactor;
    scaleNote = ` (automated account: ${percent(scale)} counted)`;
  }

  const partCount = parts.length;
  const raw = partCount <= RAW.length ? RAW : new Float64Array(partCount);
  let positive = 0;
  let negative = 0;
  for (let k = 0; k < partCount; k++) {
    const x = parts[k]!.points * scale;
    raw[k] = x;
    if (x > 0) positive += x;
    else negative += x;
  }
  // Spam can take away at most what the other factors gave, so the priority never drops below 0.
  if (positive + negative < 0 && negative < 0) {
    for (let k = 0; k < partCount; k++) if (raw[k]! < 0) raw[k] = (raw[k]! * positive) / -negative;
  }
  let total = 0;
  for (let k = 0; k < partCount; k++) total += raw[k]!;
  if (total > 100) {
    for (let k = 0; k < partCount; k++) raw[k] = (raw[k]! * 100) / total;
    total = 100;
  }
  const priority = Math.max(0, Math.min(100, Math.round(total)));
  const points = partCount <= POINTS.length ? POINTS : new Float64Array(partCount);
  apportionInto(
    raw,
    partCount,
    priority,
    points,
    partCount <= ORDER.length ? ORDER : new Int32Array(partCount),
  );
  // Largest contribution first (insertion: there are at most nine reasons).
  const reasons: ScoreReason[] = [];
  for (let k = 0; k < partCount; k++) {
    const contribution = points[k]!;
    if (contribution === 0) continue;
    const reason: ScoreReason = {
      factor: parts[k]!.factor,
      contribution,
      detail: scaleNote === '' ? parts[k]!.detail : parts[k]!.detail + scaleNote,
    };
    let at = reasons.length;
    reasons.push(reason);
    for (; at > 0 && reasons[at - 1]!.contribution < contribution; at--)
      reasons[at] = reasons[at - 1]!;
    reasons[at] = reason;
  }
  return { priority, band: priorityBand(priority), reasons, signals };
}

function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th'}`;
}
