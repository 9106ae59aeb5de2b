import {
  CRISIS,
  EMOJI,
  EMOTICON_START,
  EMOTICONS,
  F_BOOSTER,
  F_BUT,
  F_IMPERATIVE,
  F_NEGATOR,
  F_QSTART,
  F_SERVICE_VERB,
  SERVICE_SLOT,
  STEMS,
  HASHTAG_SUFFIX_LIST,
  HYPE,
  LEXICON,
  QUESTION_MARK_RULE,
  SLOTS,
  URGENCY,
  type Entry,
  type PhraseNode,
  type Rule,
} from './compile';
import { INTENTS, type AnalyzeOptions, type Cue, type Intent, type TextSignals } from './types';

/** How many UTF-16 code units `analyzeText` reads by default before it stops (hostile input costs bounded time). */
export const DEFAULT_MAX_LENGTH = 20_000;

/**
 * Where the sentiment label changes: a score at or above `positive` is positive, at or below `negative` is negative.
 *
 * Asymmetric on purpose: people write mild displeasure in few words, and in customer service a missed negative
 * costs more than a missed positive. Chosen from the middle of a flat plateau on TweetEval's validation tweets, not
 * at its peak, so it carries over to other text.
 *
 * @example
 * ```ts
 * analyzeText('meh').sentiment.score <= SENTIMENT_THRESHOLDS.negative; // true
 * ```
 */
export const SENTIMENT_THRESHOLDS: Readonly<{ positive: number; negative: number }> = Object.freeze(
  {
    positive: 0.35,
    negative: -0.15,
  },
);

// VADER's constants: a negated word keeps 74% of its strength with the sign flipped, ALL CAPS adds 0.733,
// each "!" adds 0.292 (up to four), and scores are normalised with alpha 15.
const NEGATION_SCALAR = -0.74;
const CAPS_INCREMENT = 0.733;
const EXCLAMATION_INCREMENT = 0.292;
const ELONGATION_INCREMENT = 0.293;
const NORMALIZE_ALPHA = 15;
/** Words a negator reaches ("not at all good" still negates "good"). */
const NEGATION_REACH = 3;
/** Longest phrase in the rules, so at most this many phrases are followed at once. */
const MAX_ACTIVE = 6;
/** Share of a feature-request cue kept when the same sentence is about an order, bill or account. */
const SERVICE_FEATURE_SHARE = 0.7;

// Character classes for ASCII; everything else is decided by ranges.
const C_OTHER = 0;
const C_LETTER = 1;
const C_DIGIT = 2;
const C_SPACE = 3;
const C_BREAK = 4; // . ! ? ; , : and newlines end a clause
const CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) CLASS[c] = C_LETTER;
  else if (c >= 48 && c <= 57) CLASS[c] = C_DIGIT;
  else if (c === 32 || c === 9 || c === 13 || c === 11 || c === 12) CLASS[c] = C_SPACE;
  else if (c === 10 || c === 46 || c === 33 || c === 63 || c === 59 || c === 44 || c === 58)
    CLASS[c] = C_BREAK;
}

/** Letters of other scripts and accented Latin count as word characters (so they form whole tokens). */
function isWordChar(c: number): boolean {
  if (c < 128) {
    const k = CLASS[c]!;
    return k === C_LETTER || k === C_DIGIT;
  }
  return (
    (c >= 0xc0 && c < 0x2000 && c !== 0xd7 && c !== 0xf7) ||
    (c >= 0x3040 && c < 0xd800) ||
    (c >= 0xf900 && c < 0xfb00) ||
    (c >= 0xff10 && c < 0xffa0)
  );
}

function isEmojiBmp(c: number): boolean {
  return (
    (c >= 0x2190 && c < 0x2c00) || c === 0x3030 || c === 0x303d || c === 0x3297 || c === 0x3299
  );
}

const INTENT_COMPLAINT = INTENTS.indexOf('complaint');
const INTENT_QUESTION = INTENTS.indexOf('question');
const INTENT_PRAISE = INTENTS.indexOf('praise');
const INTENT_FEATURE = INTENTS.indexOf('feature_request');
const INTENT_SPAM = INTENTS.indexOf('spam');

// One scratch buffer for the signal slots; analysis is synchronous, so it is never shared between calls.
const acc = new Float64Array(SLOTS);
const activeMaps: (Map<string, PhraseNode> | undefined)[] = new Array(MAX_ACTIVE);
const activeStart = new Int32Array(MAX_ACTIVE);
const nextMaps: (Map<string, PhraseNode> | undefined)[] = new Array(MAX_ACTIVE);
const nextStart = new Int32Array(MAX_ACTIVE);

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function squeeze(word: string, keep: number): string {
  let out = '';
  let run = 0;
  let prev = -1;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    run = c === prev ? run + 1 : 1;
    prev = c;
    if (run <= keep) out += word[i];
  }
  return out;
}

/**
 * Reads one piece of text and returns its sentiment, intents, urgency, hype and the cues that fired.
 *
 * The built-in analyzer is a lexicon and rule reader for English customer-service messages: VADER's word
 * valences (negation, intensifiers, ALL CAPS, "!!!", "but") plus Rapport's own emoji, emoticon, hashtag and
 * customer-service rules ("never arrived" is a delivery complaint, "support" alone is neutral). It is
 * deterministic, needs no network, and reads at most `options.maxLength` code units (default 20,000) in one
 * linear pass, so megabytes of hostile text cost bounded time. Empty text gives neutral signals with no cues.
 * Positions in cues are UTF-16 offsets into `text` (end exclusive).
 *
 * @example
 * ```ts
 * const s = analyzeText('my package never arrived and nobody answers?!');
 * s.sentiment.label; // 'negative'
 * s.intents.delivery_issue > 0.5; // true
 * s.cues.map((c) => c.effect); // ['it never arrived', ...]
 * ```
 */
export function analyzeText(text: string, options?: AnalyzeOptions): TextSignals {
  const maxLength = Math.max(0, Math.floor(options?.maxLength ?? DEFAULT_MAX_LENGTH));
  let src = typeof text === 'string' ? text : String(text ?? '');
  if (src.length > maxLength) {
    let cut = maxLength;
    const last = src.charCodeAt(cut - 1);
    if (last >= 0xd800 && last < 0xdc00) cut--; // never split an emoji in half
    src = src.slice(0, cut);
  }
  const lowered = src.toLowerCase();
  // A few characters lower-case to two code units (İ); then offsets differ and words are lower-cased one by one.
  const aligned = lowered.length === src.length;
  const n = src.length;
  const cues: Cue[] = [];
  acc.fill(0);

  let sum = 0; // sentiment, VADER units
  let capsAdjust = 0;
  let capsWords = 0;
  let lowerWords = 0;
  let exclamations = 0;
  let questionMarks = 0;
  let negLeft = 0;
  let negStart = 0;
  let negEnd = 0;
  let boost = 0;
  let boostLeft = 0;
  let boostStart = 0;
  let boostEnd = 0;
  let afterBut = false;
  let sentencePos = 0;
  let hashtags = 0;
  let mentions = 0;
  let urls = 0;
  let positiveEmoji = 0;
  let foreignLetters = 0;
  let asciiLetters = 0;
  let nActive = 0;
  let lastEmoji = -1;
  const pendingCaps: Cue[] = [];

  // Feature requests are collected per sentence: a request about the customer's own order, bill or account
  // ("add an item to my order", "I would like to cancel my plan") is service, not a product idea, so it counts half.
  let sentenceFeature = 0;
  let sentenceService = false;
  let pleasePending = false;
  const flushSentence = () => {
    if (sentenceFeature > 0) {
      const f = sentenceService ? sentenceFeature * SERVICE_FEATURE_SHARE : sentenceFeature;
      acc[INTENT_FEATURE] = 1 - (1 - acc[INTENT_FEATURE]!) * (1 - f);
    }
    sentenceFeature = 0;
    sentenceService = false;
    pleasePending = false;
    sentencePos = 0;
  };

  const fire = (rule: Rule, start: number, end: number) => {
    for (let k = 0; k < rule.slots.length; k++) {
      const slot = rule.slots[k]!;
      const w = rule.weights[k]!;
      if (slot === INTENT_FEATURE) sentenceFeature = 1 - (1 - sentenceFeature) * (1 - w);
      else {
        acc[slot] = 1 - (1 - acc[slot]!) * (1 - w);
        if (SERVICE_SLOT[slot] === 1) sentenceService = true;
      }
    }
    cues.push({
      kind: rule.kind,
      text: src.slice(start, end),
      start,
      end,
      effect: rule.label,
      target: rule.target,
      weight: rule.weight,
    });
  };

  const raise = (slot: number, w: number) => {
    acc[slot] = 1 - (1 - acc[slot]!) * (1 - w);
  };

  /** Adds one sentiment-bearing word (or emoji) to the running sum, applying the pending modifiers. */
  const addValence = (
    valence: number,
    start: number,
    end: number,
    word: string,
    caps: boolean,
    elongated: boolean,
    kind: 'sentiment' | 'hashtag' | 'elongation',
  ) => {
    const sign = valence > 0 ? 1 : -1;
    let s = valence;
    if (elongated) s += sign * ELONGATION_INCREMENT;
    if (boostLeft > 0 && boost !== 0) {
      s += sign * boost;
      cues.push({
        kind: 'intensifier',
        text: src.slice(boostStart, boostEnd),
        start: boostStart,
        end: boostEnd,
        effect: `${boost > 0 ? 'strengthened' : 'softened'} '${word}'`,
        target: 'sentiment',
        weight: boost,
      });
      boostLeft = 0;
    }
    if (caps) {
      capsAdjust += sign * CAPS_INCREMENT;
      pendingCaps.push({
        kind: 'caps',
        text: src.slice(start, end),
        start,
        end,
        effect: `ALL CAPS intensifies '${word}'`,
        target: 'sentiment',
        weight: sign * CAPS_INCREMENT,
      });
    }
    if (negLeft > 0) {
      s *= NEGATION_SCALAR;
      cues.push({
        kind: 'negation',
        text: src.slice(negStart, negEnd),
        start: negStart,
        end: negEnd,
        effect: `negated '${word}'`,
        target: 'sentiment',
        weight: NEGATION_SCALAR,
      });
    }
    if (afterBut) s *= 1.5;
    sum += s;
    cues.push({
      kind,
      text: src.slice(start, end),
      start,
      end,
      effect:
        kind === 'elongation'
          ? `stretched '${word}' for emphasis`
          : `${valence > 0 ? 'positive' : 'negative'} word '${word}'${negLeft > 0 ? ' (negated)' : ''}`,
      target: 'sentiment',
      weight: round3(s),
    });
  };

  const breakClause = () => {
    negLeft = 0;
    boostLeft = 0;
    nActive = 0;
  };

  /** Everything that happens for one word-like token (a word, a number or a hashtag's text). */
  const onWord = (
    word: string,
    start: number,
    end: number,
    caps: boolean,
    elongated: boolean,
    hashtag: boolean,
  ) => {
    let e: Entry | undefined = LEXICON.get(word);
    let shown = word;
    let stretched = false;
    if (elongated && (e === undefined || e.valence === 0)) {
      const two = squeeze(word, 2);
      const one = squeeze(word, 1);
      const e2 = LEXICON.get(two);
      const e1 = e2 && (e2.valence !== 0 || e2.flags) ? e2 : LEXICON.get(one);
      if (e1) {
        e = e1;
        shown = e1 === e2 ? two : one;
        stretched = true;
      }
    }
    if (e === undefined && word.length >= 5 && !hashtag) {
      // "order113542617735902": a word glued to a number; "reimbursment": a misspelt service word.
      let stem = word;
      const last = word.charCodeAt(word.length - 1);
      if (last >= 48 && last <= 57 && word.charCodeAt(0) >= 97) {
        let cut = word.length;
        while (cut > 0 && word.charCodeAt(cut - 1) >= 48 && word.charCodeAt(cut - 1) <= 57) cut--;
        stem = word.slice(0, cut);
        e = LEXICON.get(stem);
      }
      if (e === undefined && stem.length >= 5) e = STEMS.get(stem.slice(0, 5));
    }
    if (hashtag && e === undefined) {
      for (const [suffix, valence, intent] of HASHTAG_SUFFIX_LIST) {
        if (word.length > suffix.length && word.endsWith(suffix)) {
          e = { valence, flags: 0, boost: 0, rule: intent };
          break;
        }
      }
    }
    // Phrases: advance every phrase in progress, then start the ones this word opens.
    const key =
      e === undefined && word.charCodeAt(0) >= 48 && word.charCodeAt(0) <= 57 ? '<n>' : word;
    const numEntry = key === '<n>' ? LEXICON.get('<n>') : undefined;
    let n2 = 0;
    for (let k = 0; k < nActive; k++) {
      const node = activeMaps[k]!.get(key);
      if (node === undefined) continue;
      if (node.rule) fire(node.rule, activeStart[k]!, end);
      if (node.next && n2 < MAX_ACTIVE) {
        nextMaps[n2] = node.next;
        nextStart[n2++] = activeStart[k]!;
      }
    }
    const opener = e ?? numEntry;
    if (opener?.next && n2 < MAX_ACTIVE) {
      nextMaps[n2] = opener.next;
      nextStart[n2++] = start;
    }
    for (let k = 0; k < n2; k++) {
      activeMaps[k] = nextMaps[k];
      activeStart[k] = nextStart[k]!;
    }
    nActive = n2;

    if (e === undefined) {
      sentencePos++;
      if (negLeft > 0) negLeft--;
      if (boostLeft > 0) boostLeft--;
      return;
    }
    const flags = e.flags;
    if (pleasePending) {
      // "Please add ..." asks for something; "please help / reply / refund" asks for service.
      pleasePending = false;
      if (!(flags & F_SERVICE_VERB)) sentenceFeature = 1 - (1 - sentenceFeature) * 0.45;
    }
    if (sentencePos === 0) {
      if (flags & F_QSTART) {
        raise(INTENT_QUESTION, 0.45);
      } else if (flags & F_IMPERATIVE) {
        if (flags & F_SERVICE_VERB) pleasePending = true;
        else sentenceFeature = 1 - (1 - sentenceFeature) * 0.45;
      }
    }
    sentencePos++;
    // A negated praise word ("not helpful") praises nobody.
    if (e.rule && !(negLeft > 0 && e.rule.target === 'praise')) fire(e.rule, start, end);
    if (negLeft > 0 && e.negated) fire(e.negated, negStart, end);
    if (e.valence !== 0) {
      addValence(
        e.valence,
        start,
        end,
        shown,
        caps,
        stretched,
        hashtag ? 'hashtag' : stretched ? 'elongation' : 'sentiment',
      );
    }
    if (flags & F_BUT) {
      sum *= 0.5;
      afterBut = true;
      negLeft = 0;
      boostLeft = 0;
      return;
    }
    if (flags & F_NEGATOR) {
      negLeft = NEGATION_REACH;
      negStart = start;
      negEnd = end;
    } else if (negLeft > 0) negLeft--;
    if (flags & F_BOOSTER) {
      boost = e.boost + (stretched ? ELONGATION_INCREMENT : 0);
      boostLeft = 2;
      boostStart = start;
      boostEnd = end;
    } else if (boostLeft > 0) boostLeft--;
  };

  let i = 0;
  while (i < n) {
    const c = src.charCodeAt(i);
    const cls = c < 128 ? CLASS[c]! : C_OTHER;
    if (cls === C_SPACE) {
      i++;
      continue;
    }
    if (cls === C_LETTER || cls === C_DIGIT || (c >= 128 && isWordChar(c))) {
      // URLs are read as one token and never as words.
      if (
        (c === 104 || c === 72 || c === 119 || c === 87) &&
        (lowered.startsWith('http://', i) ||
          lowered.startsWith('https://', i) ||
          lowered.startsWith('www.', i))
      ) {
        const start = i;
        while (i < n && src.charCodeAt(i) > 32) i++;
        urls++;
        cues.push({
          kind: 'url',
          text: src.slice(start, i),
          start,
          end: i,
          effect: 'links to a page',
        });
        breakClause();
        continue;
      }
      const start = i;
      let upper = 0;
      let lower = 0;
      let run = 1;
      let maxRun = 1;
      let prev = -1;
      let curly = false;
      while (i < n) {
        const d = src.charCodeAt(i);
        if (d < 128) {
          const k = CLASS[d]!;
          if (k === C_LETTER) {
            if (d < 97) upper++;
            else lower++;
          } else if (k !== C_DIGIT) {
            // An apostrophe inside a word ("don't") belongs to it.
            if (d === 39 && i + 1 < n && i > start && isWordChar(src.charCodeAt(i + 1))) {
              i++;
              prev = d;
              continue;
            }
            break;
          }
        } else if (d === 0x2019 && i + 1 < n && i > start && isWordChar(src.charCodeAt(i + 1))) {
          curly = true;
          i++;
          prev = d;
          continue;
        } else if (!isWordChar(d)) break;
        else foreignLetters++;
        run = d === prev ? run + 1 : 1;
        if (run > maxRun) maxRun = run;
        prev = d;
        i++;
      }
      asciiLetters += upper + lower;
      let word = aligned ? lowered.slice(start, i) : src.slice(start, i).toLowerCase();
      if (curly) word = word.replaceAll('\u2019', "'");
      const caps = upper >= 2 && lower === 0;
      if (caps) capsWords++;
      else if (lower > 0) lowerWords++;
      onWord(word, start, i, caps, maxRun >= 3, false);
      continue;
    }
    if (c === 35 /* # */ || c === 64 /* @ */) {
      const start = i;
      let j = i + 1;
      while (j < n) {
        const d = src.charCodeAt(j);
        if (isWordChar(d) || d === 95) j++;
        else break;
      }
      if (j > i + 1) {
        if (c === 64) {
          mentions++;
          cues.push({
            kind: 'mention',
            text: src.slice(start, j),
            start,
            end: j,
            effect: 'addresses an account',
          });
          nActive = 0;
        } else {
          hashtags++;
          const cueCount = cues.length;
          const word = aligned
            ? lowered.slice(start + 1, j)
            : src.slice(start + 1, j).toLowerCase();
          nActive = 0;
          onWord(word, start, j, false, false, true);
          nActive = 0;
          if (cues.length === cueCount) {
            cues.push({
              kind: 'hashtag',
              text: src.slice(start, j),
              start,
              end: j,
              effect: 'a hashtag',
            });
          }
        }
        i = j;
        continue;
      }
      i++;
      continue;
    }
    if (c === 33 /* ! */ || c === 63 /* ? */) {
      const start = i;
      let bangs = 0;
      let qs = 0;
      while (i < n) {
        const d = src.charCodeAt(i);
        if (d === 33) bangs++;
        else if (d === 63) qs++;
        else if (d !== 49 || bangs === 0) break; // "!!!1" counts as one run
        i++;
      }
      exclamations += bangs;
      questionMarks += qs;
      if (qs > 0 && QUESTION_MARK_RULE && acc[INTENT_QUESTION]! < QUESTION_MARK_RULE.weight) {
        fire(QUESTION_MARK_RULE, start, i);
      }
      if (i - start >= 2) {
        if (qs >= 2 || (qs > 0 && bangs > 0)) {
          raise(URGENCY, 0.3);
          raise(INTENT_COMPLAINT, 0.25);
        }
        cues.push({
          kind: 'punctuation',
          text: src.slice(start, i),
          start,
          end: i,
          effect: qs > 0 ? 'impatient punctuation' : 'exclamations intensify',
          target: qs > 0 ? 'urgency' : 'sentiment',
        });
      }
      breakClause();
      flushSentence();
      continue;
    }
    // Emoticons start with ASCII punctuation and stand apart from words before them.
    if (c < 128 && EMOTICON_START[c] === 1) {
      const before = i === 0 ? 32 : src.charCodeAt(i - 1);
      if (before <= 32 || !(before < 128 && CLASS[before] === C_DIGIT)) {
        let matched = 0;
        for (let len = 4; len >= 2 && matched === 0; len--) {
          if (i + len > n) continue;
          const after = i + len < n ? src.charCodeAt(i + len) : 32;
          if (after < 128 && (CLASS[after] === C_LETTER || CLASS[after] === C_DIGIT)) continue;
          const v = EMOTICONS.get(src.slice(i, i + len));
          if (v !== undefined) {
            matched = len;
            const start = i;
            sum += afterBut ? v * 1.5 : v;
            if (v > 0) positiveEmoji++;
            cues.push({
              kind: 'emoticon',
              text: src.slice(start, start + len),
              start,
              end: start + len,
              effect: v > 0 ? 'positive emoticon' : 'negative emoticon',
              target: 'sentiment',
              weight: v,
            });
          }
        }
        if (matched > 0) {
          i += matched;
          continue;
        }
      }
    }
    if (cls === C_BREAK) {
      breakClause();
      if (c !== 44 && c !== 58) flushSentence();
      i++;
      continue;
    }
    // Emoji: astral code points (surrogate pairs) and the BMP symbol blocks.
    let cp = -1;
    let width = 1;
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < n) {
      const lo = src.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo < 0xe000) {
        cp = ((c - 0xd800) << 10) + (lo - 0xdc00) + 0x10000;
        width = 2;
      }
    } else if (isEmojiBmp(c)) cp = c;
    if (cp >= 0) {
      const v = EMOJI.get(cp);
      // A row of the same emoji counts once: "😂😂😂" is one laugh, not three.
      if (v !== undefined && cp !== lastEmoji) {
        sum += afterBut ? v * 1.5 : v;
        if (v > 0) positiveEmoji++;
        cues.push({
          kind: 'emoji',
          text: src.slice(i, i + width),
          start: i,
          end: i + width,
          effect: v > 0 ? 'positive emoji' : 'negative emoji',
          target: 'sentiment',
          weight: v,
        });
      }
      if (v !== undefined || cp >= 0x1f000) lastEmoji = cp;
      i += width;
      continue;
    }
    i++;
  }

  flushSentence();
  // Emphasis applies in the direction the text already leans.
  if (sum !== 0) {
    const dir = sum > 0 ? 1 : -1;
    sum += dir * Math.min(exclamations, 4) * EXCLAMATION_INCREMENT;
    if (questionMarks > 1) sum += dir * (questionMarks <= 3 ? questionMarks * 0.18 : 0.96);
  }
  // ALL CAPS only emphasises when the rest of the text is not shouting too.
  if (capsWords > 0 && lowerWords > 0) {
    sum += capsAdjust;
    for (const cue of pendingCaps) cues.push(cue);
    if (capsWords >= 2 && sum < 0) raise(URGENCY, 0.2);
  }
  const score = sum === 0 ? 0 : sum / Math.sqrt(sum * sum + NORMALIZE_ALPHA);
  const label =
    score >= SENTIMENT_THRESHOLDS.positive
      ? 'positive'
      : score <= SENTIMENT_THRESHOLDS.negative
        ? 'negative'
        : 'neutral';

  // Tone feeds complaint and praise, but intents stay distinct from sentiment.
  if (score < -0.2) raise(INTENT_COMPLAINT, Math.min(0.6, (-score - 0.2) * 0.9));
  if (score > 0.2) raise(INTENT_PRAISE, Math.min(0.55, (score - 0.2) * 0.8));
  if (hashtags >= 4) raise(HYPE, Math.min(0.5, hashtags * 0.08));
  if (hashtags >= 6 || mentions >= 6) raise(INTENT_SPAM, 0.4);
  if (urls > 0) {
    raise(HYPE, 0.15);
    raise(INTENT_SPAM, urls >= 2 ? 0.3 : 0.1);
  }
  if (exclamations >= 2) raise(HYPE, 0.15);
  if (positiveEmoji >= 3) raise(HYPE, 0.2);

  const lang = options?.lang;
  if ((lang !== undefined && !/^en(?:-|$)/i.test(lang)) || foreignLetters > asciiLetters + 10) {
    cues.push({
      kind: 'sentiment',
      text: '',
      start: 0,
      end: 0,
      effect:
        lang !== undefined && !/^en(?:-|$)/i.test(lang)
          ? `written in '${lang}': the built-in analyzer reads English, so these signals are unreliable`
          : 'mostly not English: the built-in analyzer reads English, so these signals are unreliable',
    });
  }

  const intents = {} as Record<Intent, number>;
  for (let k = 0; k < INTENTS.length; k++) intents[INTENTS[k]!] = round3(acc[k]!);
  cues.sort((a, b) => a.start - b.start || a.end - b.end);
  return {
    sentiment: { score: round3(score), label },
    intents,
    urgency: round3(acc[URGENCY]!),
    hype: round3(acc[HYPE]!),
    crisis: round3(acc[CRISIS]!),
    cues,
  };
}
