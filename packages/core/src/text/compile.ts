// Compiles the lexicons into one lookup table on first use (about a millisecond): every word maps to
// one entry that carries its valence, its role (negator, intensifier, question opener) and its cue rules, and is
// the root of the phrases that start with it. One Map lookup per token then answers every question about it.
import { INTENTS, type CueKind } from './types';
import { VADER_EMOTICONS, VADER_WORDS } from './lexicon.generated';
import {
  BOOSTERS,
  EMOJI_VALENCES,
  EMOTICON_OVERRIDES,
  HASHTAG_SUFFIXES,
  IMPERATIVES,
  NEGATORS,
  QUESTION_STARTERS,
  RULES,
  SERVICE_VERBS,
  STEM_RULES,
  VALENCE_OVERRIDES,
} from './lexicon';

/** Signal slots: the 13 intents in INTENTS order, then urgency, hype and crisis. */
export const URGENCY = INTENTS.length;
export const HYPE = URGENCY + 1;
export const CRISIS = URGENCY + 2;
/** Not a signal: marks a cue about the service itself (asking for an agent), so feature wishes in it count less. */
export const SERVICE = CRISIS + 1;
export const SLOTS = SERVICE + 1;
export const SLOT_NAMES: readonly string[] = /* @__PURE__ */ (INTENTS as readonly string[]).concat([
  'urgency',
  'hype',
  'crisis',
  'service',
]);

export const F_NEGATOR = 1;
export const F_BOOSTER = 2;
export const F_QSTART = 4;
export const F_BUT = 8;
export const F_IMPERATIVE = 16;
/** "please" itself, and verbs that ask for service rather than a feature ("please help", "please reply"). */
export const F_SERVICE_VERB = 32;
/** A five-letter stem ("refun"), matched at the start of words the lexicon does not know. */
export const F_STEM = 64;
/** The word continues some phrase ("arrived" in "never arrived"); other words end every phrase in progress. */
export const F_CONTINUES = 128;
export const STEM_LENGTH = 5;

/** What a cue rule does: raise these slots by these weights (noisy-or), shown to people with `label`. */
export interface Rule {
  readonly slots: readonly number[];
  readonly weights: readonly number[];
  readonly label: string;
  readonly kind: CueKind;
  readonly target: string;
  readonly weight: number;
}

/** A node in a phrase: the rule that fires when the phrase ends here, and the words (by entry id) that may follow. */
export interface PhraseNode {
  rule?: Rule;
  next?: Map<number, PhraseNode>;
}

/** Everything known about one lower-case word. */
export interface Entry extends PhraseNode {
  /** Position in ENTRIES; phrases refer to words by it. */
  id: number;
  word: string;
  valence: number;
  flags: number;
  boost: number;
  /** Fires when the word is negated ("never arrived"). */
  negated?: Rule;
  /** Cue effects, made on first use ("positive word 'good'"). */
  effect: string;
  negatedEffect: string;
}

/** Each `head = spec ; label` line of a rule list, skipping blank lines and `#` comments. */
function eachRuleLine(data: string, fn: (head: string, spec: string, label: string) => void): void {
  for (const raw of data.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const eq = line.indexOf(' = ');
    const semi = line.lastIndexOf(' ; ');
    fn(line.slice(0, eq).trim(), line.slice(eq + 3, semi), line.slice(semi + 3).trim());
  }
}

function kindOf(target: string): CueKind {
  if (target === 'urgency' || target === 'crisis') return 'urgency';
  if (target === 'hype') return 'hype';
  if (target === 'service') return 'intent';
  return 'intent';
}

/**
 * The hash of a lower-case word from its length and its last eight characters packed as packWord packs them (`a`
 * the last four, `b` the four before). The tokenizer packs the characters while it reads a word and hashes once at
 * the end, so known words are found without cutting out or lower-casing a string. Longer words that share their
 * last eight characters share a hash; the table tells them apart by comparing the rest.
 */
export function hashPacked(a: number, b: number, length: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b + length, 0x85ebca77);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return h ^ (h >>> 13);
}

/** hashPacked of a lower-case word, as the table is keyed (the table itself hashes the keys packWord wrote). */
export function hashWord(word: string): number {
  const key = new Int32Array(3);
  packWord(word, key, 0);
  return hashPacked(key[1]!, key[2]!, word.length);
}

/**
 * Writes a lower-case word's length and its last eight characters into `out` at `at` (see WORD_KEYS): the last
 * four characters seven bits each in `out[at + 1]`, the four before them in `out[at + 2]` (28 bits each, older
 * characters in higher bits). The tokenizer packs the characters it reads the same way. A word with characters
 * beyond ASCII, which the tokenizer never looks up by its characters, gets -1 as its length.
 */
export function packWord(word: string, out: Int32Array, at: number): void {
  let a = 0;
  let b = 0;
  let ascii = true;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c > 127) ascii = false;
    b = (b << 7) | (a >>> 21);
    a = ((a << 7) | c) & 0xfffffff;
  }
  out[at] = ascii ? word.length : -1;
  out[at + 1] = a;
  out[at + 2] = b & 0xfffffff;
}

/** The compiled tables, built on first use so that importing anything from the package costs nothing. */
export interface CompiledLexicon {
  readonly LEXICON: ReadonlyMap<string, Entry>;
  /** Labels of the rules that raise urgency, and of those that raise crisis (so scoring can say why). */
  readonly URGENCY_LABELS: ReadonlySet<string>;
  readonly CRISIS_LABELS: ReadonlySet<string>;
  /** Every entry by id. */
  readonly ENTRIES: readonly Entry[];
  /** Intents about the customer's own transaction: billing, delivery, account, buying, cancelling (1 = yes). */
  readonly SERVICE_SLOT: Uint8Array;
  /** Five-letter stems of service words, for misspellings and glued words ("reimbursment", "refunnd"). */
  readonly STEMS: ReadonlyMap<string, Entry>;
  /** The rule for a "?" in the text. */
  readonly QUESTION_MARK_RULE: Rule | undefined;
  /** Emoji valences by code point. */
  readonly EMOJI: ReadonlyMap<number, number>;
  /** Emoticon valences by exact spelling (case matters: ":D" is not ":d"). */
  readonly EMOTICONS: ReadonlyMap<string, number>;
  /** Characters an emoticon can start with (ASCII code units), so most punctuation skips the lookup. */
  readonly EMOTICON_START: Uint8Array;
  /** Characters that can follow an emoticon's first character, so "." followed by a space skips the lookup. */
  readonly EMOTICON_SECOND: Uint8Array;
  /** Hashtag endings with their valence and the intent they signal (#epicfail is a complaint). */
  readonly HASHTAG_SUFFIX_LIST: ReadonlyArray<readonly [string, number, Rule]>;
  /** Mask for a slot index (the table has a power-of-two size, at most a quarter full). */
  readonly TABLE_MASK: number;
  /**
   * One number per slot, so the table stays small enough for the processor's caches: the high 16 bits of the
   * word's hash (so most mismatches are rejected without comparing characters) and, in the low 16 bits, its
   * entry id + 1 (0 = empty slot).
   */
  readonly TABLE: Int32Array;
  /**
   * Three numbers per entry id: the word's length and its last eight characters packed seven bits each (see
   * packWord), so a word the tokenizer has read is confirmed by comparing numbers; -1 as the length for words
   * with characters beyond ASCII, which the tokenizer never looks up here.
   */
  readonly WORD_KEYS: Int32Array;
  /**
   * One bit per value of the high 16 bits of a word's hash that some entry has (8 KB, so it stays in the fastest
   * cache): most words the lexicon does not know are turned away by it before the table is read.
   */
  readonly WORD_FILTER: Int32Array;
  /**
   * One bit per value of a five-letter prefix's hash (low 12 bits) that some stem has, so most unknown words skip
   * the stem lookup.
   */
  readonly STEM_FILTER: Uint8Array;
}

let compiled: CompiledLexicon | undefined;

/** The compiled lexicon, built once on first call (about a millisecond). */
export function compiledLexicon(): CompiledLexicon {
  return (compiled ??= compileLexicon());
}

function compileLexicon(): CompiledLexicon {
  const slotIndex = new Map(SLOT_NAMES.map((name, i) => [name, i]));
  // Labels of the rules that raise urgency, and of those that raise crisis (so scoring can say why).
  const URGENCY_LABELS = new Set<string>();
  const CRISIS_LABELS = new Set<string>();

  function parseRule(spec: string, label: string): Rule {
    const slots: number[] = [];
    const weights: number[] = [];
    for (const part of spec.split(',')) {
      const [name, weight] = part.trim().split(/\s+/);
      const slot = name === undefined ? undefined : slotIndex.get(name);
      const w = Number(weight);
      if (slot === undefined || !(w > 0 && w <= 1)) {
        throw new Error(`Bad lexicon rule "${spec}" (${label})`);
      }
      slots.push(slot);
      weights.push(w);
    }
    if (slots.includes(URGENCY)) URGENCY_LABELS.add(label);
    if (slots.includes(CRISIS)) CRISIS_LABELS.add(label);
    const target = SLOT_NAMES[slots[0]!]!;
    return { slots, weights, label, kind: kindOf(target), target, weight: weights[0]! };
  }

  const LEXICON = new Map<string, Entry>();

  /** Every entry by id. */
  const ENTRIES: Entry[] = [];

  function entry(word: string): Entry {
    let e = LEXICON.get(word);
    if (!e) {
      e = {
        id: ENTRIES.length,
        word,
        valence: 0,
        flags: 0,
        boost: 0,
        rule: undefined,
        next: undefined,
        negated: undefined,
        effect: '',
        negatedEffect: '',
      };
      LEXICON.set(word, e);
      ENTRIES.push(e);
    }
    return e;
  }

  function eachGroup(
    data: string,
    separator: string,
    fn: (token: string, valence: number) => void,
  ) {
    for (const line of data.split('\n')) {
      const tab = line.indexOf('\t');
      const valence = Number(line.slice(0, tab));
      for (const token of line.slice(tab + 1).split(separator)) if (token) fn(token, valence);
    }
  }

  eachGroup(VADER_WORDS, ' ', (word, valence) => {
    entry(word).valence = valence;
  });
  for (const [word, valence] of Object.entries(VALENCE_OVERRIDES)) entry(word).valence = valence;
  for (const [word, boost] of Object.entries(BOOSTERS)) {
    const e = entry(word);
    e.flags |= F_BOOSTER;
    e.boost = boost;
  }
  for (const word of NEGATORS) {
    const e = entry(word);
    e.flags |= F_NEGATOR;
    e.valence = 0;
  }
  for (const word of QUESTION_STARTERS) entry(word).flags |= F_QSTART;
  entry('but').flags |= F_BUT;
  entry('however').flags |= F_BUT;
  for (const word of IMPERATIVES) entry(word).flags |= F_IMPERATIVE;

  for (const word of SERVICE_VERBS) entry(word).flags |= F_SERVICE_VERB;

  /** Intents about the customer's own transaction: billing, delivery, account, buying, cancelling (1 = yes). */
  const SERVICE_SLOT = new Uint8Array(SLOTS);
  for (const name of [
    'billing_issue',
    'delivery_issue',
    'account_issue',
    'purchase_intent',
    'cancellation',
    'service',
  ]) {
    SERVICE_SLOT[slotIndex.get(name)!] = 1;
  }

  /** Five-letter stems of service words, for misspellings and glued words ("reimbursment", "refunnd"). */
  const STEMS = new Map<string, Entry>();
  eachRuleLine(STEM_RULES, (stem, spec, label) => {
    if (LEXICON.has(stem) || stem.length !== STEM_LENGTH)
      throw new Error(`Stem "${stem}" is a word or not ${STEM_LENGTH} letters`);
    const e = entry(stem);
    e.flags |= F_STEM;
    e.rule = parseRule(spec, label);
    STEMS.set(stem, e);
  });

  /** The rule for a "?" in the text. */
  let QUESTION_MARK_RULE: Rule | undefined;

  eachRuleLine(RULES, (words, spec, label) => {
    const rule = parseRule(spec, label);
    if (words === '?') {
      QUESTION_MARK_RULE = rule;
      return;
    }
    const parts = words.split(' ');
    const first = parts[0]!;
    if (parts.length === 1) {
      if (first.startsWith('!')) entry(first.slice(1)).negated = rule;
      else entry(first).rule = rule;
      return;
    }
    let node: PhraseNode = entry(first);
    for (const word of parts.slice(1)) {
      const next = entry(word);
      next.flags |= F_CONTINUES;
      const id = next.id;
      node.next ??= new Map();
      let child = node.next.get(id);
      if (!child) {
        child = {};
        node.next.set(id, child);
      }
      node = child;
    }
    node.rule = rule;
  });

  /** Emoji valences by code point. */
  const EMOJI = new Map<number, number>(EMOJI_VALENCES.map(([cp, v]) => [cp, v]));

  /** Emoticon valences by exact spelling (case matters: ":D" is not ":d"). */
  const EMOTICONS = new Map<string, number>();
  eachGroup(VADER_EMOTICONS, '\u0001', (token, valence) => EMOTICONS.set(token, valence));
  for (const [token, valence] of Object.entries(EMOTICON_OVERRIDES)) EMOTICONS.set(token, valence);
  /** Characters an emoticon can start with (ASCII code units), so most punctuation skips the lookup. */
  const EMOTICON_START = new Uint8Array(128);
  /** Characters that can follow an emoticon's first character, so "." followed by a space skips the lookup. */
  const EMOTICON_SECOND = new Uint8Array(128);
  for (const token of EMOTICONS.keys()) {
    const c = token.charCodeAt(0);
    if (c < 128) EMOTICON_START[c] = 1;
    const d = token.charCodeAt(1);
    if (d < 128) EMOTICON_SECOND[d] = 1;
  }

  /** Hashtag endings with their valence and the intent they signal (#epicfail is a complaint). */
  const HASHTAG_SUFFIX_LIST: ReadonlyArray<readonly [string, number, Rule]> = HASHTAG_SUFFIXES.map(
    ([suffix, valence, intent]) =>
      [suffix, valence, parseRule(`${intent} .55`, `hashtag ending in '${suffix}'`)] as const,
  );

  // Every entry's length and packed characters, then an open-addressing hash table over them keyed by hashPacked,
  // so the tokenizer can find a word from the characters it has just read, without cutting out or lower-casing a
  // string.
  const WORD_KEYS = new Int32Array(3 * ENTRIES.length);
  for (const e of ENTRIES) packWord(e.word, WORD_KEYS, 3 * e.id);
  const keyHash = (e: Entry) =>
    hashPacked(WORD_KEYS[3 * e.id + 1]!, WORD_KEYS[3 * e.id + 2]!, e.word.length);
  let tableBits = 10;
  while (1 << tableBits < ENTRIES.length * 4) tableBits++;
  /** Mask for a slot index (the table has a power-of-two size, at most a quarter full). */
  const TABLE_MASK = (1 << tableBits) - 1;
  if (ENTRIES.length >= 0xffff) throw new Error('Too many lexicon entries for 16-bit ids');
  const TABLE = new Int32Array(1 << tableBits);
  for (const e of ENTRIES) {
    const h = keyHash(e);
    let slot = h & TABLE_MASK;
    while (TABLE[slot] !== 0) slot = (slot + 1) & TABLE_MASK;
    TABLE[slot] = (h & 0xffff0000) | (e.id + 1);
  }
  const WORD_FILTER = new Int32Array(1 << 11);
  for (let slot = 0; slot <= TABLE_MASK; slot++) {
    const v = TABLE[slot]!;
    if (v !== 0) WORD_FILTER[v >>> 21]! |= 1 << ((v >>> 16) & 31);
  }
  const STEM_FILTER = new Uint8Array(1 << 12);
  for (const e of ENTRIES) if (e.flags & F_STEM) STEM_FILTER[keyHash(e) & 0xfff] = 1;

  return {
    LEXICON,
    URGENCY_LABELS,
    CRISIS_LABELS,
    ENTRIES,
    SERVICE_SLOT,
    STEMS,
    QUESTION_MARK_RULE,
    EMOJI,
    EMOTICONS,
    EMOTICON_START,
    EMOTICON_SECOND,
    HASHTAG_SUFFIX_LIST,
    TABLE_MASK,
    TABLE,
    WORD_KEYS,
    WORD_FILTER,
    STEM_FILTER,
  };
}
