import type { Mention } from '../model/schemas';
import { analyzeText } from '../text/analyze';
import type { TextSignals } from '../text/types';

/** One reason for a content score: which side it counts for, how much, and why. */
export interface ContentReason {
  factor: 'help' | 'hype';
  /** 0..1: how much this cue alone would give (cues combine as a noisy-or, so they never pass 1 together). */
  weight: number;
  detail: string;
}

/** How helpful and how promotional a brand post or reply is, both 0..1, with the reasons. */
export interface ContentScore {
  /** Useful information that answers a person: steps, specifics, an answer to a question. */
  help: number;
  /** Self-promotion: sales, launches, calls to buy. */
  hype: number;
  reasons: ContentReason[];
}

/** Phrases that show a post gives people something they can use. Matched on word boundaries, lower case. */
const HELP_CUES: ReadonlyArray<readonly [string, number, string]> = [
  ['you can', 0.35, 'tells them what they can do'],
  ['you could', 0.3, 'tells them what they can do'],
  ['here is how', 0.5, 'explains how'],
  ["here's how", 0.5, 'explains how'],
  ['how to', 0.3, 'explains how'],
  ['go to', 0.4, 'gives steps'],
  ['head to', 0.35, 'gives steps'],
  ['click', 0.3, 'gives steps'],
  ['tap', 0.3, 'gives steps'],
  ['select', 0.25, 'gives steps'],
  ['settings', 0.3, 'points to a setting'],
  ['step', 0.3, 'gives steps'],
  ['steps', 0.3, 'gives steps'],
  ['make sure', 0.3, 'gives advice'],
  ['try', 0.25, 'suggests a fix'],
  ['restart', 0.3, 'suggests a fix'],
  ['update to', 0.3, 'suggests a fix'],
  ['the fix', 0.35, 'gives the fix'],
  ['fixed', 0.3, 'reports a fix'],
  ['resolved', 0.3, 'reports a resolution'],
  ['we have refunded', 0.55, 'reports an action taken'],
  ["we've refunded", 0.55, 'reports an action taken'],
  ['refund has been', 0.5, 'reports an action taken'],
  ['has been shipped', 0.5, 'reports an action taken'],
  ['tracking number', 0.45, 'gives tracking details'],
  ['will arrive', 0.4, 'gives a delivery date'],
  ['should arrive', 0.4, 'gives a delivery date'],
  ['we have sent', 0.4, 'reports an action taken'],
  ["we've sent", 0.4, 'reports an action taken'],
  ['sent you', 0.35, 'reports an action taken'],
  ['we have escalated', 0.4, 'reports an action taken'],
  ["we've escalated", 0.4, 'reports an action taken'],
  ['looked into', 0.35, 'reports an investigation'],
  ['to answer your question', 0.5, 'answers the question'],
  ['the answer', 0.35, 'answers the question'],
  ['the reason', 0.35, 'explains why'],
  ['because', 0.2, 'explains why'],
  ['this happens when', 0.45, 'explains why'],
  ['workaround', 0.45, 'gives a workaround'],
  ['faq', 0.3, 'links the FAQ'],
  ['help center', 0.35, 'links the help center'],
  ['guide', 0.3, 'links a guide'],
  ['opening hours', 0.35, 'gives opening hours'],
  ['available from', 0.3, 'gives availability'],
];

const PROMO_CUES: ReadonlyArray<readonly [string, number, string]> = [
  ['our new', 0.45, 'promotes a new product'],
  ['check out our', 0.55, 'promotes the brand'],
  ['shop', 0.4, 'asks people to shop'],
  ['buy', 0.35, 'asks people to buy'],
  ['order now', 0.6, 'asks people to buy'],
  ['% off', 0.55, 'advertises a discount'],
  ['percent off', 0.55, 'advertises a discount'],
  ['use code', 0.55, 'advertises a promo code'],
  ['link in bio', 0.5, 'points to a sales link'],
  ["we're thrilled", 0.4, 'celebrates the brand'],
  ['we are thrilled', 0.4, 'celebrates the brand'],
  ['proud to', 0.35, 'celebrates the brand'],
  ['best in class', 0.45, 'boasts'],
  ['award-winning', 0.4, 'boasts'],
  ['world-class', 0.4, 'boasts'],
];

function isWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c >= 0xc0;
}

/** Letters, digits and the marks that start a handle or tag (`@`, `#`) or join words (`_`). */
function isTokenCode(c: number): boolean {
  return isWordCode(c) || c === 64 || c === 35 || c === 95;
}

/**
 * Digits in the numbers of a text: tokens that start with a digit ("25", "10am", "2026-11-22", "#12345", an
 * order number). Digits inside handles, hashtags, codes and links ("@kp2026", "#KP10", "x.co/a1") are names, not
 * specifics. Linear in the text.
 */
function specificDigits(lower: string): number {
  let count = 0;
  let i = 0;
  const n = lower.length;
  while (i < n) {
    if (!isTokenCode(lower.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    let digits = 0;
    for (; i < n && isTokenCode(lower.charCodeAt(i)); i++) {
      const c = lower.charCodeAt(i);
      if (c >= 48 && c <= 57) digits++;
    }
    if (lower.startsWith('http', start) || lower.startsWith('www', start)) {
      while (i < n && lower.charCodeAt(i) > 32) i++; // the rest of the link
      continue;
    }
    const first = lower.charCodeAt(start);
    const lead = first === 35 ? lower.charCodeAt(start + 1) : first;
    if (lead >= 48 && lead <= 57) count += digits;
  }
  return count;
}

/** Whether `phrase` occurs in `lower` on word boundaries. Linear: `indexOf` per phrase, no regular expressions. */
function hasPhrase(lower: string, phrase: string): boolean {
  let from = 0;
  for (;;) {
    const at = lower.indexOf(phrase, from);
    if (at < 0) return false;
    const before = at === 0 ? 32 : lower.charCodeAt(at - 1);
    const after = at + phrase.length >= lower.length ? 32 : lower.charCodeAt(at + phrase.length);
    const first = phrase.charCodeAt(0);
    const last = phrase.charCodeAt(phrase.length - 1);
    if ((!isWordCode(first) || !isWordCode(before)) && (!isWordCode(last) || !isWordCode(after)))
      return true;
    from = at + 1;
  }
}

/**
 * Scores a brand's own post or reply: `help` for useful information that answers a person, `hype` for self-promotion.
 *
 * Help comes from answering someone (a reply), steps and instructions, actions taken ("we've refunded"),
 * specifics (dates, numbers, a help-centre link) and explanations. Hype comes from the text's promotional
 * language (`analyzeText(...).hype`) and self-promotion ("check out our", "use code"); promotional posts earn
 * less help. Both are 0..1; every reason says what it found. Reads at most 20,000 code units.
 *
 * @example
 * ```ts
 * scoreContent({ ...reply, text: "Sorry! Go to Settings > Orders and tap 'Track'. It should arrive Friday." }).help; // ~0.8
 * scoreContent('Our new collection is here! 20% off, shop now 🔥').hype; // ~0.99
 * ```
 */
export function scoreContent(
  post: (Pick<Mention, 'text'> & Partial<Pick<Mention, 'inReplyToId'>>) | string,
  signals?: TextSignals,
): ContentScore {
  const text = (typeof post === 'string' ? post : post.text).slice(0, 20_000);
  const lower = text.toLowerCase();
  const s = signals ?? analyzeText(text);
  const reasons: ContentReason[] = [];
  let help = 0;
  let hype = 0;
  const addHelp = (w: number, detail: string) => {
    help = 1 - (1 - help) * (1 - w);
    reasons.push({ factor: 'help', weight: w, detail });
  };
  const addHype = (w: number, detail: string) => {
    hype = 1 - (1 - hype) * (1 - w);
    reasons.push({ factor: 'hype', weight: w, detail });
  };

  if (typeof post !== 'string' && post.inReplyToId !== undefined)
    addHelp(0.3, 'replies to a person');
  const seen = new Set<string>();
  for (const [phrase, w, detail] of HELP_CUES) {
    if (!seen.has(detail) && hasPhrase(lower, phrase)) {
      seen.add(detail);
      addHelp(w, detail);
    }
  }
  const discount = hasPhrase(lower, '% off') || hasPhrase(lower, 'percent off');
  if (!discount && specificDigits(lower) >= 2) addHelp(0.2, 'gives specifics (numbers, dates)');
  if (
    /(?:^|[^a-z])(?:help|support|faq|docs)\./.test(lower.slice(0, 20_000)) ||
    lower.includes('/help') ||
    lower.includes('/faq')
  ) {
    addHelp(0.35, 'links to help pages');
  }

  if (s.hype > 0) addHype(s.hype, 'promotional language');
  const seenPromo = new Set<string>();
  for (const [phrase, w, detail] of PROMO_CUES) {
    if (!seenPromo.has(detail) && hasPhrase(lower, phrase)) {
      seenPromo.add(detail);
      addHype(w, detail);
    }
  }
  if (s.intents.question > 0.7 && help < 0.3) addHelp(0.1, 'asks the person for details');
  // Promotion crowds out help: a sales post with a link is not an answer.
  const helpful = help * (1 - 0.5 * hype);
  return {
    help: Math.round(helpful * 1000) / 1000,
    hype: Math.round(hype * 1000) / 1000,
    reasons,
  };
}
