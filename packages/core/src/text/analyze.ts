import {
  CRISIS,
  F_BOOSTER,
  F_BUT,
  F_IMPERATIVE,
  F_NEGATOR,
  F_QSTART,
  F_SERVICE_VERB,
  HYPE,
  SLOTS,
  URGENCY,
  F_STEM,
  F_CONTINUES,
  STEM_LENGTH,
  compiledLexicon,
  hashPacked,
  packWord,
  type CompiledLexicon,
  type Entry,
  type PhraseNode,
  type Rule,
} from './compile';
import { INTENTS, type AnalyzeOptions, type Cue, type Intent, type TextSignals } from './types';

/** The part of the standard TextEncoder used here (every supported runtime has it; this package's types list no DOM). */
declare const TextEncoder: new () => {
  encodeInto(source: string, destination: Uint8Array): { read: number; written: number };
};
/**
 * How many UTF-16 code units `analyzeText` reads by default before it stops, so hostile input costs bounded time.
 *
 * About four pages of text: far more than any social post or support message. Pass `maxLength` to change it.
 *
 * @example
 * ```ts
 * analyzeText(longEmail, { maxLength: DEFAULT_MAX_LENGTH * 5 });
 * ```
 */
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
export const SENTIMENT_THRESHOLDS: Readonly<{ positive: number; negative: number }> =
  /* @__PURE__ */ Object.freeze({
    positive: 0.35,
    negative: -0.15,
  });

/** The analyzer, made on the first call (building its tables takes a few milliseconds, so importing costs nothing). */
let analyzer: ((text: string, options?: AnalyzeOptions) => TextSignals) | undefined;

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
 * s.sentiment.label; // 'neutral': no feeling words, yet...
 * s.intents.complaint; // 0.854
 * s.intents.delivery_issue; // 0.9
 * s.cues.map((c) => c.effect); // ['about a package', 'it never arrived', 'nobody helps', ...]
 * ```
 */
export function analyzeText(text: string, options?: AnalyzeOptions): TextSignals {
  return (analyzer ??= createAnalyzer(compiledLexicon()))(text, options);
}

/**
 * Makes the analyzer over the compiled tables: its constants, tables, running state and functions all live inside
 * this one call, which runs once.
 *
 * Why a function and not module scope: bundlers (esbuild, and so tsup and Vite) rewrite every top-level `const` of a
 * bundle as `var`. The engine folds a `const` it has seen set into the compiled code (a character table becomes a
 * fixed address with a known length, so `c < 128` also proves the read in bounds), but must reload a `var` on every
 * use. As module-level code, the published bundle read text about 8% slower than the source did (medians of
 * interleaved runs of `bench text` against each build); inside a function, bundlers leave `const` as it is.
 */
function createAnalyzer(
  lexicon: CompiledLexicon,
): (text: string, options?: AnalyzeOptions) => TextSignals {
  /* eslint-disable no-var -- The scan's running state is `var`, not `let`: every read of a `let` from an inner
   function must first check that it has been initialised, and on the word loop's path those checks cost about 3%
   (measured, medians of interleaved runs). Nothing reads these before they are set. */

  // Local copies of the compiled constants, tables and hashPacked: some loaders (CommonJS output, tsx) turn imported
  // bindings into property getters, which would cost a call on every token.
  const CRISIS_ = CRISIS;
  const F_BOOSTER_ = F_BOOSTER;
  const F_BUT_ = F_BUT;
  const F_IMPERATIVE_ = F_IMPERATIVE;
  const F_NEGATOR_ = F_NEGATOR;
  const F_QSTART_ = F_QSTART;
  const F_SERVICE_VERB_ = F_SERVICE_VERB;
  const F_STEM_ = F_STEM;
  const F_CONTINUES_ = F_CONTINUES;
  const HYPE_ = HYPE;
  const SLOTS_ = SLOTS;
  const URGENCY_ = URGENCY;
  const STEM_LENGTH_ = STEM_LENGTH;
  const INTENTS_ = INTENTS;
  const hashPacked_ = hashPacked;
  // The compiled tables.
  const EMOJI_ = lexicon.EMOJI;
  const EMOTICON_START_ = lexicon.EMOTICON_START;
  const EMOTICONS_ = lexicon.EMOTICONS;
  const SERVICE_SLOT_ = lexicon.SERVICE_SLOT;
  const HASHTAG_SUFFIX_LIST_ = lexicon.HASHTAG_SUFFIX_LIST;
  const LEXICON_ = lexicon.LEXICON;
  const QUESTION_MARK_RULE_ = lexicon.QUESTION_MARK_RULE;
  const ENTRIES_ = lexicon.ENTRIES;
  const TABLE_ = lexicon.TABLE;
  const TABLE_MASK_ = lexicon.TABLE_MASK;
  const WORD_KEYS_ = lexicon.WORD_KEYS;
  const WORD_FILTER_ = lexicon.WORD_FILTER;
  const STEM_FILTER_ = lexicon.STEM_FILTER;
  const EMOTICON_SECOND_ = lexicon.EMOTICON_SECOND;
  const NUMBER_ENTRY = lexicon.LEXICON.get('<n>');

  // What onWord needs to know about an entry, in one number per id: its flags (the low 8 bits) and whether it has
  // a rule, a negated rule, a valence and phrases it opens. Most known words are function words ("the", "to")
  // that only take part in phrases; reading this small array instead of the Entry object (scattered over the heap,
  // its valence boxed in another object) spares the word loop one or two cache misses per word.
  const I_RULE = 0x100;
  const I_NEGATED = 0x200;
  const I_VALENCE = 0x400;
  /** I_NEXT is bit NEXT_BIT, so stepPhrases reads it as 0 or 1 without a branch. */
  const NEXT_BIT = 11;
  const I_NEXT = 1 << NEXT_BIT;
  function infoOf(e: Entry): number {
    return (
      e.flags |
      (e.rule !== undefined ? I_RULE : 0) |
      (e.negated !== undefined ? I_NEGATED : 0) |
      (e.valence !== 0 ? I_VALENCE : 0) |
      (e.next !== undefined ? I_NEXT : 0)
    );
  }
  const INFO_ = new Int32Array(ENTRIES_.length);
  for (let id = 0; id < ENTRIES_.length; id++) INFO_[id] = infoOf(ENTRIES_[id]!);
  /** Every entry's valence by id: an Entry holds it boxed in a number object of its own, one more cache miss. */
  const VALENCE_ = new Float64Array(ENTRIES_.length);
  for (let id = 0; id < ENTRIES_.length; id++) VALENCE_[id] = ENTRIES_[id]!.valence;

  /**
   * Texts that take every rare path of the scan once: stretched words, HTML entities in capitals, misspelt service
   * words, numbers glued to words, URLs, hashtags, mentions, emoticons, emoji, text beyond ASCII and options.
   */
  const PRIMING_TEXTS = [
    'NOT sooo gooood :) but very bad &AMP; &#39; &lt;3 #epicfail @acme order12345 reimbursment!!!',
    'where is my package?? please help, I would like to cancel my account. http://x.co/a www.x.com 😍😍 ❤️ 👍🏽',
    "don’t café #Épico :( ;) isn't GREAT. never arrived; refunnd 3 kind of good ?!? \ud83d x",
    'wellll tooo good ok?! wow!!!1 a:) but :) 😍 #a #b #c #d #e #f @a @b @c @d @e @f @g',
    'I HATE this, it is BAD and SLOW, terrible awful worst ever',
    'привет как дела у тебя сегодня друг мой хорошо',
  ];

  /**
   * Runs the scan over PRIMING_TEXTS a few times when the tables are first loaded. The engine compiles analyzeText
   * from what it has seen; a branch never taken by then (the first "sooo", the first "&AMP;") makes it throw that
   * code away mid-call, and the code it compiles in its place while still inside the loop runs every later call
   * about 1.5x slower. Taking each branch once first gives the compiler the whole picture. The results are dropped.
   */
  function prime(): void {
    // The engine starts recording what a function sees only after its first several calls.
    for (let round = 0; round < 4; round++) {
      for (const text of PRIMING_TEXTS) {
        analyze(text);
        analyze(text, { maxLength: 40, lang: 'fr' });
        // The same text in ASCII only: the scan then reads bytes rather than UTF-16 units, and each path should
        // have seen both kinds of array.
        analyze(text.replace(/[^\0-\x7f]/g, ' '));
      }
    }
  }

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
  /**
   * Share of a bug cue kept when the same sentence is about a card, a bill, an order or an account: "my card is
   * not working" is a service failure for Customer service, not a software bug for Product.
   */
  const SERVICE_BUG_SHARE = 0.6;

  // Character classes for ASCII; everything else is decided by ranges.
  const C_OTHER = 0;
  const C_LETTER = 1;
  const C_DIGIT = 2;
  const C_SPACE = 3;
  const C_BREAK = 4; // . ! ? ; , : and newlines end a clause
  const CLASS = classify();
  /**
   * For ASCII letters and digits: the lower-case code (low 8 bits), plus 0x100 for an upper-case letter or 0x200 for
   * a lower-case one; 0 for every other character. Lets the word loop lower-case and count cases without branching.
   */
  const WORD_INFO = wordInfo();

  function classify(): Uint8Array {
    const CLASS = new Uint8Array(128);
    for (let c = 0; c < 128; c++) {
      if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) CLASS[c] = C_LETTER;
      else if (c >= 48 && c <= 57) CLASS[c] = C_DIGIT;
      else if (c === 32 || c === 9 || c === 13 || c === 11 || c === 12) CLASS[c] = C_SPACE;
      else if (c === 10 || c === 46 || c === 33 || c === 63 || c === 59 || c === 44 || c === 58)
        CLASS[c] = C_BREAK;
    }
    return CLASS;
  }

  function wordInfo(): Uint16Array {
    const info = new Uint16Array(128);
    for (let c = 48; c <= 57; c++) info[c] = c;
    for (let c = 65; c <= 90; c++) info[c] = c | 32 | 0x100;
    for (let c = 97; c <= 122; c++) info[c] = c | 0x200;
    return info;
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

  const INTENT_COMPLAINT = INTENTS_.indexOf('complaint');
  const INTENT_QUESTION = INTENTS_.indexOf('question');
  const INTENT_PRAISE = INTENTS_.indexOf('praise');
  const INTENT_FEATURE = INTENTS_.indexOf('feature_request');
  const INTENT_BUG = INTENTS_.indexOf('bug_report');
  const INTENT_PURCHASE = INTENTS_.indexOf('purchase_intent');
  const INTENT_SPAM = INTENTS_.indexOf('spam');

  // One scratch buffer for the signal slots; analysis is synchronous, so it is never shared between calls.
  const acc = new Float64Array(SLOTS_);
  /** One bit per slot of `acc` raised since the last call began (the others are 0). */
  var touched = 0;
  // The phrases in progress: where each began, the words that may come next as bits (see keyBits), and the map of
  // those words: a phrase's first word's `next` is found from the word's id in activeOwner (so starting a phrase,
  // which most function words do, writes only numbers), deeper maps are in activeMaps (activeOwner -1).
  const activeMaps: (Map<number, PhraseNode> | undefined)[] = new Array(MAX_ACTIVE);
  const activeOwner = new Int32Array(MAX_ACTIVE);
  const activeKeys = new Int32Array(MAX_ACTIVE);
  const activeStart = new Int32Array(MAX_ACTIVE);
  const nextMaps: (Map<number, PhraseNode> | undefined)[] = new Array(MAX_ACTIVE);
  const nextOwner = new Int32Array(MAX_ACTIVE);
  const nextKeys = new Int32Array(MAX_ACTIVE);
  const nextStart = new Int32Array(MAX_ACTIVE);

  /**
   * A phrase map's words as a 32-bit set (bit `id & 31` for each word id). The maps hold one to a few words each,
   * so a word that continues some phrase, but none of those in progress (nearly always), is told so by one AND
   * instead of a Map lookup per phrase.
   */
  function keyBits(map: Map<number, PhraseNode>): number {
    let bits = 0;
    for (const id of map.keys()) bits |= 1 << (id & 31);
    return bits;
  }
  /** keyBits of every word's `next`, by entry id (0 for words that open no phrase). */
  const NEXT_KEYS = new Int32Array(ENTRIES_.length);
  for (let id = 0; id < ENTRIES_.length; id++) {
    const next = ENTRIES_[id]!.next;
    if (next !== undefined) NEXT_KEYS[id] = keyBits(next);
  }
  const NUMBER_ID = NUMBER_ENTRY === undefined ? -1 : NUMBER_ENTRY.id;
  /** The bit F_CONTINUES sets. */
  const CONTINUES_BIT = 31 - Math.clz32(F_CONTINUES_);
  /** activeKeys of all the phrases in progress together; 0 when none is in progress. */
  var activeBits = 0;

  /** Whether src continues at `i` with `pattern` (lower-case ASCII), ignoring case. */
  function startsWithLower(i: number, pattern: string): boolean {
    if (i + pattern.length > n) return false;
    for (let k = 0; k < pattern.length; k++) {
      let c = codes[i + k]!;
      if (c >= 65 && c <= 90) c |= 32;
      if (c !== pattern.charCodeAt(k)) return false;
    }
    return true;
  }

  /** The last four (or fewer) lower-case characters of a word packed as the word loop packs them (see packWord). */
  function packed(word: string): number {
    let a = 0;
    for (let k = 0; k < word.length; k++) a = ((a << 7) | word.charCodeAt(k)) & 0xfffffff;
    return a;
  }
  const PACKED_HTTP = packed('http');
  const PACKED_TTPS = packed('ttps');
  const PACKED_WWW = packed('www');

  /**
   * Whether the word src[start, end), whose packed last characters are `a` and `b`, begins a URL: "http" or "https"
   * followed by "://", or "www" followed by "." (the word is lower-cased already in `a` and `b`).
   */
  function isUrlWord(start: number, end: number, a: number, b: number): boolean {
    const length = end - start;
    if (a === PACKED_WWW) return length === 3 && codes[end]! === 46;
    if (a === PACKED_HTTP ? length !== 4 : length !== 5 || (b & 0xfffffff) !== 104) return false;
    return startsWithLower(end, '://');
  }

  function round3(x: number): number {
    // Most signals are 0; they need no rounding.
    return x === 0 ? x : Math.round(x * 1000) / 1000;
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

  // Analysis state lives here, once, not in closures made per call: analysis is synchronous and never re-entered,
  // and this keeps each call free of allocations beyond its result.
  var src = '';
  var n = 0;

  /**
   * String.prototype.slice, called directly. Callers pass texts held in several internal string kinds (read from
   * JSON, split from a file, joined), and `src.slice` would look the method up through each kind, a slow lookup,
   * on every cue.
   */
  const stringSlice = String.prototype.slice;
  /** The text of src[start, end). */
  function textAt(start: number, end: number): string {
    return stringSlice.call(src, start, end);
  }

  /**
   * The UTF-16 code units of `src`, then a 0 after them (so reading just past the end finds no character). The scan
   * reads them from here rather than with charCodeAt, which must find its way into the sliced or concatenated string
   * callers usually pass on every character. TextEncoder.encodeInto copies the text in native code: a text that is
   * all ASCII (nearly every post) is read from its bytes as they are; others are decoded back into `wide`.
   */
  var codes: Uint8Array | Uint16Array = new Uint8Array(1);
  var bytes = new Uint8Array(1024);
  var wide = new Uint16Array(1024);
  var encoder: InstanceType<typeof TextEncoder> | undefined;
  /** Buffers beyond this many bytes are let go after the call that needed them. */
  const KEEP_BYTES = 1 << 16;

  /** Fills `codes` with src's n code units and a 0 after them. */
  function loadCodes(): void {
    // UTF-8 takes at most three bytes per UTF-16 code unit, so the whole text always fits.
    if (bytes.length <= 3 * n) bytes = new Uint8Array(3 * n + 1);
    const b = bytes;
    const written = (encoder ??= new TextEncoder()).encodeInto(src, b).written;
    if (written === n) {
      // One byte per code unit: every character is ASCII.
      b[n] = 0;
      codes = b;
      return;
    }
    if (wide.length <= n) wide = new Uint16Array(n + 1);
    const out = wide;
    codes = out;
    out[n] = 0;
    let j = 0;
    for (let k = 0; k < written;) {
      const c = b[k]!;
      if (c < 0x80) {
        out[j++] = c;
        k++;
      } else if (c < 0xe0) {
        out[j++] = ((c & 0x1f) << 6) | (b[k + 1]! & 0x3f);
        k += 2;
      } else if (c < 0xf0) {
        const u = ((c & 0x0f) << 12) | ((b[k + 1]! & 0x3f) << 6) | (b[k + 2]! & 0x3f);
        if (u === 0xfffd) {
          // Written for a lone surrogate, or itself in the text: read the text as it is.
          for (let m = 0; m < n; m++) out[m] = src.charCodeAt(m);
          return;
        }
        out[j++] = u;
        k += 3;
      } else {
        const u =
          (((c & 0x07) << 18) |
            ((b[k + 1]! & 0x3f) << 12) |
            ((b[k + 2]! & 0x3f) << 6) |
            (b[k + 3]! & 0x3f)) -
          0x10000;
        out[j++] = 0xd800 + (u >> 10);
        out[j++] = 0xdc00 + (u & 0x3ff);
        k += 4;
      }
    }
  }
  /** Where `cues` points between calls, so the analyzer keeps no caller's cues (never written to). */
  const NO_CUES: Cue[] = [];
  var cues: Cue[] = NO_CUES;
  var sum = 0; // sentiment, VADER units
  var capsAdjust = 0;
  var capsWords = 0;
  var lowerWords = 0;
  var exclamations = 0;
  var questionMarks = 0;
  var negLeft = 0;
  var negStart = 0;
  var negEnd = 0;
  var boost = 0;
  var boostLeft = 0;
  var boostStart = 0;
  var boostEnd = 0;
  var afterBut = false;
  var sentencePos = 0;
  var hashtags = 0;
  var mentions = 0;
  var urls = 0;
  var positiveEmoji = 0;
  var foreignLetters = 0;
  var asciiLetters = 0;
  var nActive = 0;
  var lastEmoji = -1;
  // ALL CAPS cues wait here until the end decides whether capitals emphasise (kept across calls, emptied each time).
  const pendingCaps: Cue[] = [];
  var sentenceFeature = 0;
  var sentenceBug = 0;
  var sentenceService = false;
  /** The sentence is about a bill, a card, a delivery or an account (not buying: "the checkout page errors" is a bug). */
  var sentenceOwnThing = false;
  var pleasePending = false;

  // Feature requests and bug reports are collected per sentence: a request about the customer's own order, bill or
  // account ("add an item to my order", "I would like to cancel my plan") is service, not a product idea, and "my
  // card is not working" is a service failure, not a software bug, so they count for less (SERVICE_FEATURE_SHARE,
  // SERVICE_BUG_SHARE).
  function flushSentence() {
    if (sentenceFeature > 0) {
      const f = sentenceService ? sentenceFeature * SERVICE_FEATURE_SHARE : sentenceFeature;
      acc[INTENT_FEATURE] = 1 - (1 - acc[INTENT_FEATURE]!) * (1 - f);
      touched |= 1 << INTENT_FEATURE;
    }
    if (sentenceBug > 0) {
      const b = sentenceOwnThing ? sentenceBug * SERVICE_BUG_SHARE : sentenceBug;
      acc[INTENT_BUG] = 1 - (1 - acc[INTENT_BUG]!) * (1 - b);
      touched |= 1 << INTENT_BUG;
    }
    sentenceFeature = 0;
    sentenceBug = 0;
    sentenceService = false;
    sentenceOwnThing = false;
    pleasePending = false;
    sentencePos = 0;
  }

  /** Makes a cue; one constructor keeps every cue the same shape (cheaper for the engine and for readers). */
  function cue(
    kind: Cue['kind'],
    text: string,
    start: number,
    end: number,
    effect: string,
    target: string | undefined,
    weight: number | undefined,
  ): Cue {
    return { kind, text, start, end, effect, target, weight };
  }

  function fire(rule: Rule, start: number, end: number, text?: string) {
    for (let k = 0; k < rule.slots.length; k++) {
      const slot = rule.slots[k]!;
      const w = rule.weights[k]!;
      if (slot === INTENT_FEATURE) sentenceFeature = 1 - (1 - sentenceFeature) * (1 - w);
      else if (slot === INTENT_BUG) sentenceBug = 1 - (1 - sentenceBug) * (1 - w);
      else {
        acc[slot] = 1 - (1 - acc[slot]!) * (1 - w);
        touched |= 1 << slot;
        if (SERVICE_SLOT_[slot] === 1) {
          sentenceService = true;
          if (slot !== INTENT_PURCHASE) sentenceOwnThing = true;
        }
      }
    }
    cues.push(
      cue(rule.kind, text ?? textAt(start, end), start, end, rule.label, rule.target, rule.weight),
    );
  }

  function raise(slot: number, w: number) {
    acc[slot] = 1 - (1 - acc[slot]!) * (1 - w);
    touched |= 1 << slot;
  }

  /** Adds one sentiment-bearing word (or emoji) to the running sum, applying the pending modifiers. */
  function addValence(
    e: Entry,
    valence: number,
    start: number,
    end: number,
    plain: boolean,
    caps: boolean,
    elongated: boolean,
    kind: 'sentiment' | 'hashtag' | 'elongation',
  ) {
    const sign = valence > 0 ? 1 : -1;
    let s = valence;
    if (elongated) s += sign * ELONGATION_INCREMENT;
    if (boostLeft > 0 && boost !== 0) {
      s += sign * boost;
      cues.push(
        cue(
          'intensifier',
          textAt(boostStart, boostEnd),
          boostStart,
          boostEnd,
          `${boost > 0 ? 'strengthened' : 'softened'} '${e.word}'`,
          'sentiment',
          boost,
        ),
      );
      boostLeft = 0;
    }
    if (caps) {
      capsAdjust += sign * CAPS_INCREMENT;
      pendingCaps.push(
        cue(
          'caps',
          textAt(start, end),
          start,
          end,
          `ALL CAPS intensifies '${e.word}'`,
          'sentiment',
          sign * CAPS_INCREMENT,
        ),
      );
    }
    const negated = negLeft > 0;
    if (negated) {
      s *= NEGATION_SCALAR;
      cues.push(
        cue(
          'negation',
          textAt(negStart, negEnd),
          negStart,
          negEnd,
          `negated '${e.word}'`,
          'sentiment',
          NEGATION_SCALAR,
        ),
      );
    }
    if (afterBut) s *= 1.5;
    sum += s;
    // Effects are made once per word and kept on its entry: most texts repeat the same few hundred words.
    let effect: string;
    if (kind === 'elongation') effect = `stretched '${e.word}' for emphasis`;
    else if (negated)
      effect =
        e.negatedEffect ||= `${valence > 0 ? 'positive' : 'negative'} word '${e.word}' (negated)`;
    else effect = e.effect ||= `${valence > 0 ? 'positive' : 'negative'} word '${e.word}'`;
    cues.push(
      cue(kind, plain ? e.word : textAt(start, end), start, end, effect, 'sentiment', round3(s)),
    );
  }

  function breakClause() {
    negLeft = 0;
    boostLeft = 0;
    nActive = 0;
    activeBits = 0;
  }

  /**
   * Finds the entry id for src[start, end) from its hash, comparing characters lower-cased ("’" read as "'"); -1
   * when the lexicon does not know it. An id, not the Entry: most words need only INFO_.
   */
  function lookup(h: number, a: number, b: number, start: number, end: number): number {
    if ((WORD_FILTER_[h >>> 21]! & (1 << ((h >>> 16) & 31))) === 0) return -1;
    const len = end - start;
    let slot = h & TABLE_MASK_;
    for (;;) {
      const v = TABLE_[slot]!;
      if (v === 0) return -1;
      if (((v ^ h) & 0xffff0000) === 0) {
        // The length and the last eight characters are compared as numbers; longer words compare the rest.
        const id = (v & 0xffff) - 1;
        const at = 3 * id;
        if (
          WORD_KEYS_[at] === len &&
          WORD_KEYS_[at + 1] === a &&
          WORD_KEYS_[at + 2] === b &&
          (len <= 8 || sameStart(ENTRIES_[id]!.word, start, len - 8))
        ) {
          return id;
        }
      }
      slot = (slot + 1) & TABLE_MASK_;
    }
  }

  /** Whether src at `start` begins with the first `count` characters of `word`, lower-cased ("’" read as "'"). */
  function sameStart(word: string, start: number, count: number): boolean {
    for (let k = 0; k < count; k++) {
      let c = codes[start + k]!;
      if (c >= 65 && c <= 90) c |= 32;
      else if (c === 0x2019) c = 39;
      if (c !== word.charCodeAt(k)) return false;
    }
    return true;
  }

  /** The lower-case text of src[start, end), with "’" read as "'" (the slow path for rare tokens). */
  function lowerWord(start: number, end: number): string {
    const w = textAt(start, end).toLowerCase();
    return w.includes('\u2019') ? w.replaceAll('\u2019', "'") : w;
  }

  // What packLower packed: the last four characters, and the four before them (see packWord).
  var packedA = 0;
  var packedB = 0;

  /**
   * Packs src[start, end) lower-cased ("’" read as "'") into packedA and packedB as packWord packs a word, for a table
   * lookup without cutting out a string; false, with nothing packed, when it holds another character beyond ASCII.
   */
  function packLower(start: number, end: number): boolean {
    let a = 0;
    let b = 0;
    for (let k = start; k < end; k++) {
      let d = codes[k]!;
      if (d >= 65 && d <= 90) d |= 32;
      else if (d >= 128) {
        if (d !== 0x2019) return false;
        d = 39;
      }
      b = (b << 7) | (a >>> 21);
      a = ((a << 7) | d) & 0xfffffff;
    }
    packedA = a;
    packedB = b & 0xfffffff;
    return true;
  }

  /**
   * The service-word stem the word src[start, end) begins with ("refun" in "refunnd"), if any; `a` and `b` are the
   * word's packed last eight characters, which hold the stem whole for words of up to eight letters.
   */
  function stemEntry(start: number, end: number, a: number, b: number): Entry | undefined {
    const length = end - start;
    if (length <= 8) {
      // Drop the characters after the stem from the packed pair.
      const drop = 7 * (length - STEM_LENGTH_);
      packedA = ((a >>> drop) | (b << (28 - drop))) & 0xfffffff;
      packedB = b >>> drop;
    } else if (!packLower(start, start + STEM_LENGTH_)) return undefined;
    const h = hashPacked_(packedA, packedB, STEM_LENGTH_);
    if (STEM_FILTER_[h & 0xfff] !== 1) return undefined;
    const stem = lookup(h, packedA, packedB, start, start + STEM_LENGTH_);
    return stem >= 0 && INFO_[stem]! & F_STEM_ ? ENTRIES_[stem] : undefined;
  }

  /**
   * The first two letters (lower case) of every stem, one bit per pair: most long unknown words start with none of
   * them ("refun", "deliv", "accou"...), and are turned away before their stem is hashed.
   */
  const STEM_PAIRS = new Int32Array(1 << 9);
  for (const e of ENTRIES_) {
    if (e.flags & F_STEM_) {
      // Stems are five lower-case ASCII letters (compile checks their length).
      const pair = (e.word.charCodeAt(0) << 7) | e.word.charCodeAt(1);
      STEM_PAIRS[pair >>> 5]! |= 1 << (pair & 31);
    }
  }
  /** Whether the ASCII word at `start` (at least two characters) begins with the first two letters of a stem. */
  function mayStartStem(start: number): boolean {
    const second = codes[start + 1]!;
    if (second >= 128) return false; // "’", read as "'": no stem has one
    const pair = ((WORD_INFO[codes[start]!]! & 0x7f) << 7) | (WORD_INFO[second]! & 0x7f);
    return (STEM_PAIRS[pair >>> 5]! & (1 << (pair & 31))) !== 0;
  }

  /**
   * Emoticon valences keyed by their characters packed seven bits each, with the length less two above them (every
   * emoticon is two to four ASCII characters), so trying one costs no string cut out of the text.
   */
  const EMOTICON_KEYS = new Map<number, number>();
  for (const [token, valence] of EMOTICONS_) {
    let key = 0;
    for (let k = 0; k < token.length; k++) key = (key << 7) | token.charCodeAt(k);
    if (token.length < 2 || token.length > 4 || /[^\0-\x7f]/.test(token)) {
      throw new Error(`Emoticon "${token}" is not two to four ASCII characters`);
    }
    EMOTICON_KEYS.set(key | ((token.length - 2) << 28), valence);
  }
  /** The valence of the emoticon written src[i, i + size), if it is one (the same as EMOTICONS.get of that text). */
  function emoticonAt(i: number, size: number): number | undefined {
    let key = 0;
    for (let k = 0; k < size; k++) {
      const d = codes[i + k]!;
      if (d >= 128) return undefined;
      key = (key << 7) | d;
    }
    return EMOTICON_KEYS.get(key | ((size - 2) << 28));
  }

  /** The entry of the hashtag text src[start, end): the whole tag, or a verdict-carrying ending (#epicfail). */
  function hashtagEntry(start: number, end: number): Entry | undefined {
    // ASCII tags (nearly all) are found from their characters, as words are, without cutting out a string.
    if (!packLower(start, end)) return hashtagWordEntry(lowerWord(start, end));
    const id = lookup(hashPacked_(packedA, packedB, end - start), packedA, packedB, start, end);
    if (id >= 0) return ENTRIES_[id];
    // The endings are compared as the tag's packed last eight characters first (most tags differ there).
    for (let k = 0; k < SUFFIX_COUNT; k++) {
      const length = SUFFIX_KEYS[3 * k]!;
      if (
        end - start > length &&
        (packedA & SUFFIX_MASKS[2 * k]!) === SUFFIX_KEYS[3 * k + 1] &&
        (packedB & SUFFIX_MASKS[2 * k + 1]!) === SUFFIX_KEYS[3 * k + 2] &&
        (length <= 8 || startsWithLower(end - length, HASHTAG_SUFFIX_LIST_[k]![0]))
      ) {
        const [suffix, valence, rule] = HASHTAG_SUFFIX_LIST_[k]!;
        return suffixEntry(suffix, valence, rule);
      }
    }
    return undefined;
  }
  const SUFFIX_COUNT = HASHTAG_SUFFIX_LIST_.length;
  /** Each hashtag ending's length and packed last eight characters (see packWord), in HASHTAG_SUFFIX_LIST order. */
  const SUFFIX_KEYS = new Int32Array(3 * SUFFIX_COUNT);
  /** Masks of the packed halves that keep just the ending's characters (an ending may be shorter than eight). */
  const SUFFIX_MASKS = new Int32Array(2 * SUFFIX_COUNT);
  for (let k = 0; k < SUFFIX_COUNT; k++) {
    const suffix = HASHTAG_SUFFIX_LIST_[k]![0];
    const length = suffix.length;
    // Packed as the lexicon's words are (the endings are lower-case ASCII, so packWord writes their length).
    packWord(suffix, SUFFIX_KEYS, 3 * k);
    SUFFIX_MASKS[2 * k] = length >= 4 ? 0xfffffff : (1 << (7 * length)) - 1;
    SUFFIX_MASKS[2 * k + 1] =
      length >= 8 ? 0xfffffff : length > 4 ? (1 << (7 * (length - 4))) - 1 : 0;
  }

  /** hashtagEntry for a tag with letters beyond ASCII, from its lower-case text. */
  function hashtagWordEntry(word: string): Entry | undefined {
    const e = LEXICON_.get(word);
    if (e !== undefined) return e;
    for (const [suffix, valence, rule] of HASHTAG_SUFFIX_LIST_) {
      if (word.length > suffix.length && word.endsWith(suffix))
        return suffixEntry(suffix, valence, rule);
    }
    return undefined;
  }

  function suffixEntry(suffix: string, valence: number, rule: Rule): Entry {
    return {
      id: -1,
      word: suffix,
      valence,
      flags: 0,
      boost: 0,
      rule,
      next: undefined,
      negated: undefined,
      effect: '',
      negatedEffect: '',
    };
  }

  /**
   * Moves the phrases on by the word with entry id `key` and INFO_ `info`: advances every phrase in progress it
   * continues, then starts the ones it opens.
   */
  function stepPhrases(key: number, info: number, start: number, end: number) {
    // One test, false for most words, where there were three whose outcomes the processor could not guess (1-2% of
    // analyzeText's time, medians of interleaved runs): is this a word that continues phrases, with its bit among
    // those the phrases in progress wait for (activeBits is 0 when none is in progress)?
    if (((((info & F_CONTINUES_) >>> CONTINUES_BIT) << (key & 31)) & activeBits) === 0) {
      // Nothing to continue (most words): at most the phrases this word opens are in progress after it. Written
      // without a branch: a word that opens none has NEXT_KEYS 0 and leaves nothing in progress.
      const bits = key >= 0 ? NEXT_KEYS[key]! : 0;
      activeOwner[0] = key;
      activeKeys[0] = bits;
      activeBits = bits;
      activeStart[0] = start;
      nActive = (info >> NEXT_BIT) & 1;
    } else advancePhrases(key, info, start, end);
  }

  /** stepPhrases for a word that may continue several phrases in progress. */
  function advancePhrases(key: number, info: number, start: number, end: number) {
    const bit = 1 << (key & 31);
    let n2 = 0;
    for (let k = 0; k < nActive; k++) {
      if ((activeKeys[k]! & bit) === 0) continue;
      const owner = activeOwner[k]!;
      const node = (owner >= 0 ? ENTRIES_[owner]!.next! : activeMaps[k]!).get(key);
      if (node === undefined) continue;
      if (node.rule) fire(node.rule, activeStart[k]!, end);
      if (node.next && n2 < MAX_ACTIVE) {
        nextMaps[n2] = node.next;
        nextOwner[n2] = -1;
        nextKeys[n2] = keyBits(node.next);
        nextStart[n2++] = activeStart[k]!;
      }
    }
    if (info & I_NEXT && n2 < MAX_ACTIVE) {
      nextOwner[n2] = key;
      nextKeys[n2] = NEXT_KEYS[key]!;
      nextStart[n2++] = start;
    }
    let bits = 0;
    for (let k = 0; k < n2; k++) {
      const owner = nextOwner[k]!;
      activeOwner[k] = owner;
      if (owner < 0) activeMaps[k] = nextMaps[k];
      activeKeys[k] = nextKeys[k]!;
      bits |= nextKeys[k]!;
      activeStart[k] = nextStart[k]!;
    }
    activeBits = bits;
    nActive = n2;
  }

  /**
   * Everything that happens for one word-like token, once its entry (if any) is known: `id` is its entry id from
   * the table (-1 when not found there), `e` its Entry when a slower path already has it (a hashtag's ending has
   * no id). Reads INFO_ first and the Entry only for what the word does beyond phrases.
   */
  function onWord(
    id: number,
    e: Entry | undefined,
    numeric: boolean,
    start: number,
    end: number,
    plain: boolean,
    caps: boolean,
    stretched: boolean,
    hashtag: boolean,
  ) {
    if (id < 0 && e === undefined) {
      onOther(numeric, start, end);
      return;
    }
    const info = id >= 0 ? INFO_[id]! : infoOf(e!);
    // Phrases: advance every phrase in progress, then start the ones this word opens.
    stepPhrases(id, info, start, end);

    if (pleasePending) {
      // "Please add ..." asks for something; "please help / reply / refund" asks for service.
      pleasePending = false;
      if (!(info & F_SERVICE_VERB_)) sentenceFeature = 1 - (1 - sentenceFeature) * 0.45;
    }
    if (sentencePos === 0) {
      if (info & F_QSTART_) {
        raise(INTENT_QUESTION, 0.45);
      } else if (info & F_IMPERATIVE_) {
        if (info & F_SERVICE_VERB_) pleasePending = true;
        else sentenceFeature = 1 - (1 - sentenceFeature) * 0.45;
      }
    }
    sentencePos++;
    if (info & (I_RULE | I_NEGATED | I_VALENCE)) {
      e ??= ENTRIES_[id]!;
      // A negated praise word ("not helpful") praises nobody.
      if (e.rule && !(negLeft > 0 && e.rule.target === 'praise')) {
        fire(e.rule, start, end, plain ? e.word : undefined);
      }
      if (negLeft > 0 && e.negated) fire(e.negated, negStart, end);
      if (info & I_VALENCE) {
        addValence(
          e,
          id >= 0 ? VALENCE_[id]! : e.valence,
          start,
          end,
          plain,
          caps,
          stretched,
          hashtag ? 'hashtag' : stretched ? 'elongation' : 'sentiment',
        );
      }
    }
    if (info & F_BUT_) {
      sum *= 0.5;
      afterBut = true;
      negLeft = 0;
      boostLeft = 0;
      return;
    }
    if (info & F_NEGATOR_) {
      negLeft = NEGATION_REACH;
      negStart = start;
      negEnd = end;
    } else if (negLeft > 0) negLeft--;
    if (info & F_BOOSTER_) {
      boost = (e ?? ENTRIES_[id]!).boost + (stretched ? ELONGATION_INCREMENT : 0);
      boostLeft = 2;
      boostStart = start;
      boostEnd = end;
    } else if (boostLeft > 0) boostLeft--;
  }

  /** onWord for a token with no entry: a number (which may continue or open phrases as "<n>") or an unknown tag. */
  function onOther(numeric: boolean, start: number, end: number) {
    if (numeric && NUMBER_ID >= 0) stepPhrases(NUMBER_ID, INFO_[NUMBER_ID]!, start, end);
    else {
      nActive = 0;
      activeBits = 0;
    }
    sentencePos++;
    if (negLeft > 0) negLeft--;
    if (boostLeft > 0) boostLeft--;
  }

  function analyze(text: string, options?: AnalyzeOptions): TextSignals {
    // Three steps in separate functions, so the engine compiles each on its own. Should it ever compile the word
    // loop while a call is inside it (on-stack replacement), later calls still run the setup and the result in
    // compiled code, and only step into the loop's code.
    begin(text, options);
    scan();
    return finish(options);
  }

  /** Takes the text (cut to maxLength) into the analyzer's state and resets the running totals. */
  function begin(text: string, options: AnalyzeOptions | undefined): void {
    // A missing, negative or NaN maxLength means the default: hostile options must not lift the bound.
    const asked = options?.maxLength;
    const maxLength = asked !== undefined && asked >= 0 ? Math.floor(asked) : DEFAULT_MAX_LENGTH;
    src = typeof text === 'string' ? text : String(text ?? '');
    if (src.length > maxLength) {
      let cut = maxLength;
      const last = src.charCodeAt(cut - 1);
      if (last >= 0xd800 && last < 0xdc00) cut--; // never split an emoji in half
      src = src.slice(0, cut);
    }
    n = src.length;
    loadCodes();
    cues = [];
    // Only the slots the last call raised are not 0.
    for (let m = touched; m !== 0; m &= m - 1) acc[31 - Math.clz32(m & -m)] = 0;
    touched = 0;
    sum = 0;
    capsAdjust = 0;
    capsWords = 0;
    lowerWords = 0;
    exclamations = 0;
    questionMarks = 0;
    negLeft = 0;
    negStart = 0;
    negEnd = 0;
    boost = 0;
    boostLeft = 0;
    boostStart = 0;
    boostEnd = 0;
    afterBut = false;
    sentencePos = 0;
    hashtags = 0;
    mentions = 0;
    urls = 0;
    positiveEmoji = 0;
    foreignLetters = 0;
    asciiLetters = 0;
    nActive = 0;
    activeBits = 0;
    lastEmoji = -1;
    if (pendingCaps.length !== 0) pendingCaps.length = 0;
    sentenceFeature = 0;
    sentenceBug = 0;
    sentenceService = false;
    sentenceOwnThing = false;
    pleasePending = false;
  }

  /** The single pass over the text: words, hashtags, mentions, punctuation, emoticons and emoji. */
  function scan(): void {
    // The main loop reads the code units, their count and the two character tables from locals, which the engine
    // keeps in registers (about 3% faster than reading the analyzer's bindings on every character).
    const cs = codes;
    const len = n;
    const classOf = CLASS;
    const wordInfoOf = WORD_INFO;
    // Counted in locals and stored once at the end: they change on nearly every word.
    let letters = 0;
    let foreign = 0;
    let capsCount = 0;
    let lowerCount = 0;
    let i = 0;
    while (i < len) {
      const c = cs[i]!;
      const cls = c < 128 ? classOf[c]! : C_OTHER;
      if (cls === C_SPACE) {
        i++;
        continue;
      }
      if (cls === C_LETTER || cls === C_DIGIT || (c >= 128 && isWordChar(c))) {
        // Read the word and pack its lower-case form at the same time (see packWord), so known words are found
        // without cutting out a string. Words with letters beyond ASCII take the slow path.
        const start = i;
        // The first character, already read: a letter, a digit or a letter of another script.
        let upper = 0;
        let lower = 0;
        let ascii = true;
        let a = c;
        if (c < 128) {
          const info = wordInfoOf[c]!;
          a = info & 0xff;
          upper = (info >> 8) & 1;
          lower = info >> 9;
        } else {
          foreign++;
          ascii = false;
        }
        // The two characters before this one, as written: three alike in a row ("sooo") may be an elongation.
        let p1 = c;
        let p2 = -1;
        let triple = false;
        let b = 0;
        i++;
        while (i < len) {
          const raw = cs[i]!;
          let d = raw;
          if (raw < 128) {
            const info = wordInfoOf[raw]!;
            if (info !== 0) {
              // A letter or digit: its lower-case code, and whether it was upper or lower case, without branches.
              d = info & 0xff;
              upper += (info >> 8) & 1;
              lower += info >> 9;
            } else if (!(raw === 39 && i + 1 < len && i > start && isWordChar(cs[i + 1]!))) {
              // An apostrophe inside a word ("don't") belongs to it; anything else ends the word.
              break;
            }
          } else if (raw === 0x2019 && i + 1 < len && i > start && isWordChar(cs[i + 1]!)) {
            d = 39;
          } else if (isWordChar(raw)) {
            foreign++;
            ascii = false;
          } else break;
          if (raw === p1 && raw === p2) triple = true;
          p2 = p1;
          p1 = raw;
          // The last eight characters, packed as WORD_KEYS holds them (packWord), for an exact match without
          // reading the word again.
          b = (b << 7) | (a >>> 21);
          a = ((a << 7) | d) & 0xfffffff;
          i++;
        }
        b &= 0xfffffff;
        // URLs are read as one token and never as words: a word "http", "https" or "www" (any case) followed by
        // "://" or "." starts one. Its packed last characters tell almost every other word apart at once.
        if (
          (a === PACKED_HTTP || a === PACKED_TTPS || a === PACKED_WWW) &&
          isUrlWord(start, i, a, b)
        ) {
          while (i < len && cs[i]! > 32) i++;
          urls++;
          cues.push(
            cue('url', textAt(start, i), start, i, 'links to a page', undefined, undefined),
          );
          breakClause();
          continue;
        }
        letters += upper + lower;
        // The entry id from the table (ASCII words), or the Entry from a slower path: text beyond ASCII, stretched
        // letters, a stem, a word glued to a number.
        const id = ascii ? lookup(hashPacked_(a, b, i - start), a, b, start, i) : -1;
        let e = ascii ? undefined : LEXICON_.get(lowerWord(start, i));
        let stretched = false;
        // Elongations and stems are looked for only in words the lexicon does not know (few, and short).
        if (id < 0 && e === undefined && triple) {
          // "sooooo gooood": try the word with runs cut to two letters, then to one.
          const word = lowerWord(start, i);
          const e2 = LEXICON_.get(squeeze(word, 2));
          const e1 = e2 && (e2.valence !== 0 || e2.flags) ? e2 : LEXICON_.get(squeeze(word, 1));
          if (e1) {
            e = e1;
            stretched = true;
          }
        }
        const first = c;
        if (id < 0 && e === undefined && i - start >= STEM_LENGTH_) {
          // "order113542617735902": a word glued to a number; "reimbursment": a misspelt service word.
          const last = p1; // the word's last character, as written
          if (last >= 48 && last <= 57 && first >= 65) {
            let cut = i;
            while (cut > start && cs[cut - 1]! >= 48 && cs[cut - 1]! <= 57) cut--;
            e = LEXICON_.get(lowerWord(start, cut));
          }
          if (e === undefined && ascii && mayStartStem(start)) e = stemEntry(start, i, a, b);
        }
        const caps = upper >= 2 && lower === 0;
        if (caps) capsCount++;
        else if (lower > 0) lowerCount++;
        if (id < 0 && e === undefined && !(first >= 48 && first <= 57)) {
          // A word the lexicon does not know (most words): it ends every phrase in progress and uses up one word
          // of a negator's or intensifier's reach; the rest of onWord has nothing to do for it.
          nActive = 0;
          activeBits = 0;
          sentencePos++;
          if (negLeft > 0) negLeft--;
          if (boostLeft > 0) boostLeft--;
          if (cs[i]! === 32) i++; // the space after the word, without another turn of the loop
          continue;
        }
        // A token written exactly as its entry (lower case, no stretching) can reuse the entry's string as cue
        // str. A word found in the table has exactly the entry's length (no need to read the entry's string).
        const plain =
          upper === 0 &&
          (id >= 0 || (!stretched && e !== undefined && e.word.length === i - start));
        onWord(
          id >= 0 ? id : e !== undefined ? e.id : -1,
          e,
          id < 0 && e === undefined && first >= 48 && first <= 57,
          start,
          i,
          plain,
          caps,
          stretched,
          false,
        );
        if (cs[i]! === 32) i++;
        continue;
      }
      if (c === 35 /* # */ || c === 64 /* @ */) {
        const start = i;
        let j = i + 1;
        while (j < len) {
          const d = cs[j]!;
          if (isWordChar(d) || d === 95) j++;
          else break;
        }
        if (j > i + 1) {
          if (c === 64) {
            mentions++;
            cues.push(
              cue(
                'mention',
                textAt(start, j),
                start,
                j,
                'addresses an account',
                undefined,
                undefined,
              ),
            );
            nActive = 0;
            activeBits = 0;
          } else {
            hashtags++;
            const cueCount = cues.length;
            nActive = 0;
            activeBits = 0;
            const tag = hashtagEntry(start + 1, j);
            onWord(
              tag !== undefined ? tag.id : -1,
              tag,
              false,
              start,
              j,
              false,
              false,
              false,
              true,
            );
            nActive = 0;
            activeBits = 0;
            if (cues.length === cueCount) {
              cues.push(
                cue('hashtag', textAt(start, j), start, j, 'a hashtag', undefined, undefined),
              );
            }
          }
          i = j;
          continue;
        }
        i++;
        continue;
      }
      if (c === 38 /* & */) {
        // HTML entities (&amp; &gt; &#39;) are markup, not words: "&gt;" must not read as the word "gt".
        let j = i + 1;
        while (j < len && j - i <= 8) {
          const d = cs[j]!;
          if ((d >= 97 && d <= 122) || (d >= 65 && d <= 90) || (d >= 48 && d <= 57) || d === 35)
            j++;
          else break;
        }
        if (j < len && j > i + 1 && cs[j]! === 59) {
          // "&lt;3" is a heart that went through an HTML escaper.
          if (j === i + 3 && j + 1 < len && cs[j + 1]! === 51 && startsWithLower(i, '&lt;')) {
            const v = EMOTICONS_.get('<3') ?? 0;
            sum += afterBut ? v * 1.5 : v;
            if (v > 0) positiveEmoji++;
            cues.push(
              cue('emoticon', textAt(i, j + 2), i, j + 2, 'positive emoticon', 'sentiment', v),
            );
            i = j + 2;
            continue;
          }
          i = j + 1;
          continue;
        }
      }
      if (c === 33 /* ! */ || c === 63 /* ? */) {
        const start = i;
        let bangs = 0;
        let qs = 0;
        while (i < len) {
          const d = cs[i]!;
          if (d === 33) bangs++;
          else if (d === 63) qs++;
          else if (d !== 49 || bangs === 0) break; // "!!!1" counts as one run
          i++;
        }
        exclamations += bangs;
        questionMarks += qs;
        if (qs > 0 && QUESTION_MARK_RULE_ && acc[INTENT_QUESTION]! < QUESTION_MARK_RULE_.weight) {
          fire(QUESTION_MARK_RULE_, start, i);
        }
        if (i - start >= 2) {
          if (qs >= 2 || (qs > 0 && bangs > 0)) {
            raise(URGENCY_, 0.3);
            raise(INTENT_COMPLAINT, 0.25);
          }
          cues.push(
            cue(
              'punctuation',
              textAt(start, i),
              start,
              i,
              qs > 0 ? 'impatient punctuation' : 'exclamations intensify',
              qs > 0 ? 'urgency' : 'sentiment',
              undefined,
            ),
          );
        }
        breakClause();
        flushSentence();
        continue;
      }
      // Emoticons start with ASCII punctuation and stand apart from words before them.
      if (
        c < 128 &&
        EMOTICON_START_[c] === 1 &&
        i + 1 < len &&
        cs[i + 1]! < 128 &&
        EMOTICON_SECOND_[cs[i + 1]!] === 1
      ) {
        const before = i === 0 ? 32 : cs[i - 1]!;
        if (before <= 32 || !(before < 128 && CLASS[before] === C_DIGIT)) {
          let matched = 0;
          for (let size = 4; size >= 2 && matched === 0; size--) {
            if (i + size > len) continue;
            const after = i + size < len ? cs[i + size]! : 32;
            if (after < 128 && (CLASS[after] === C_LETTER || CLASS[after] === C_DIGIT)) continue;
            const v = emoticonAt(i, size);
            if (v !== undefined) {
              matched = size;
              const start = i;
              sum += afterBut ? v * 1.5 : v;
              if (v > 0) positiveEmoji++;
              cues.push(
                cue(
                  'emoticon',
                  textAt(start, start + size),
                  start,
                  start + size,
                  v > 0 ? 'positive emoticon' : 'negative emoticon',
                  'sentiment',
                  v,
                ),
              );
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
      if (c >= 0xd800 && c < 0xdc00 && i + 1 < len) {
        const lo = cs[i + 1]!;
        if (lo >= 0xdc00 && lo < 0xe000) {
          cp = ((c - 0xd800) << 10) + (lo - 0xdc00) + 0x10000;
          width = 2;
        }
      } else if (isEmojiBmp(c)) cp = c;
      if (cp >= 0) {
        const v = EMOJI_.get(cp);
        // A row of the same emoji counts once: "😂😂😂" is one laugh, not three.
        if (v !== undefined && cp !== lastEmoji) {
          sum += afterBut ? v * 1.5 : v;
          if (v > 0) positiveEmoji++;
          cues.push(
            cue(
              'emoji',
              textAt(i, i + width),
              i,
              i + width,
              v > 0 ? 'positive emoji' : 'negative emoji',
              'sentiment',
              v,
            ),
          );
        }
        if (v !== undefined || cp >= 0x1f000) lastEmoji = cp;
        i += width;
        continue;
      }
      i++;
    }
    asciiLetters = letters;
    foreignLetters = foreign;
    capsWords = capsCount;
    lowerWords = lowerCount;
  }

  /** Applies the text-wide rules and builds the result (then lets go of the caller's text). */
  function finish(options: AnalyzeOptions | undefined): TextSignals {
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
      if (capsWords >= 2 && sum < 0) raise(URGENCY_, 0.2);
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
    if (hashtags >= 4) raise(HYPE_, Math.min(0.5, hashtags * 0.08));
    if (hashtags >= 6 || mentions >= 6) raise(INTENT_SPAM, 0.4);
    if (urls > 0) {
      raise(HYPE_, 0.15);
      raise(INTENT_SPAM, urls >= 2 ? 0.3 : 0.1);
    }
    if (exclamations >= 2) raise(HYPE_, 0.15);
    if (positiveEmoji >= 3) raise(HYPE_, 0.2);

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

    // Round the raised slots in place (the rest are 0): a loop, rather than a call per signal that the engine may
    // not inline here.
    for (let m = touched; m !== 0; m &= m - 1) {
      const k = 31 - Math.clz32(m & -m);
      acc[k] = Math.round(acc[k]! * 1000) / 1000;
    }
    // A literal with every key in one order keeps one object shape for all results (fast to read).
    const intents: Record<Intent, number> = {
      complaint: acc[0]!,
      question: acc[1]!,
      praise: acc[2]!,
      purchase_intent: acc[3]!,
      feature_request: acc[4]!,
      bug_report: acc[5]!,
      delivery_issue: acc[6]!,
      billing_issue: acc[7]!,
      account_issue: acc[8]!,
      cancellation: acc[9]!,
      job_inquiry: acc[10]!,
      partnership: acc[11]!,
      spam: acc[12]!,
    };
    const found = cues;
    for (let k = 1; k < found.length; k++) {
      if (found[k]!.start < found[k - 1]!.start) {
        if (found.length <= SORT_BY_INSERTION) sortCues(found);
        else found.sort(byPosition);
        break;
      }
    }
    // Let go of the caller's text: the analyzer must not keep it alive.
    src = '';
    cues = NO_CUES;
    if (bytes.length > KEEP_BYTES) {
      bytes = new Uint8Array(1024);
      wide = new Uint16Array(1024);
    }
    if (pendingCaps.length !== 0) pendingCaps.length = 0;
    return {
      sentiment: { score: round3(score), label },
      intents,
      urgency: acc[URGENCY_]!,
      hype: acc[HYPE_]!,
      crisis: acc[CRISIS_]!,
      cues: found,
    };
  }

  /** Cues sorted by insertion at most (quadratic time, so long hostile texts use Array.prototype.sort). */
  const SORT_BY_INSERTION = 32;
  /**
   * Sorts cues by position: an insertion sort, stable like Array.prototype.sort. Cues come nearly in order (a
   * phrase's cue after its last word's) and few, and this costs no call per comparison, where sort calls its
   * comparator for each.
   */
  function sortCues(found: Cue[]): void {
    for (let k = 1; k < found.length; k++) {
      const cue = found[k]!;
      let m = k - 1;
      while (m >= 0 && byPosition(found[m]!, cue) > 0) {
        found[m + 1] = found[m]!;
        m--;
      }
      found[m + 1] = cue;
    }
  }

  function byPosition(a: Cue, b: Cue): number {
    return a.start - b.start || a.end - b.end;
  }

  prime();
  return analyze;
}
