// Linear-time keyword and phrase matching: normalise once, split into words, run Aho–Corasick over word ids.
// No user-supplied regular expression is ever compiled, so hostile rules or text cannot make matching backtrack.

const MARKS_AND_FORMAT = /[\p{M}\p{Cf}]/gu;
const WORD = /[\p{L}\p{N}]+|\p{Extended_Pictographic}/gu;
const ASCII_WORD = /[a-z0-9]+/g;

/**
 * Splits text into lower-case words the way routing keywords are matched.
 *
 * Case, accents (`é` → `e`), zero-width and direction marks are ignored; punctuation separates words; each
 * emoji is a word of its own. Linear in the length of the text.
 *
 * @example
 * ```ts
 * keywordTokens('RÉFUND now!!! 😡'); // ['refund', 'now', '😡']
 * ```
 */
export function keywordTokens(text: string): string[] {
  if (isAscii(text)) return text.toLowerCase().match(ASCII_WORD) ?? [];
  const folded = text.normalize('NFKD').replace(MARKS_AND_FORMAT, '').toLowerCase();
  return folded.match(WORD) ?? [];
}

/** A compiled set of phrases: `match(tokens)` returns the indices of every phrase present. */
export interface PhraseMatcher {
  /** How many phrases were compiled (empty phrases never match). */
  readonly size: number;
  /** Indices (into the compiled list) of the phrases found in `tokens`, in no particular order. */
  match(tokens: readonly string[]): Set<number>;
  /**
   * Same as `match(keywordTokens(text))`, faster: ASCII text in which no phrase's first word occurs even as a
   * substring is not split into words at all, and text whose characters outside ASCII are only emoji,
   * punctuation, symbols, marks or format characters is matched in one pass without normalising it.
   */
  matchText(text: string): Set<number>;
}

/**
 * Compiles phrases into an Aho–Corasick automaton over words: matching costs O(words + matches).
 *
 * A phrase is one or more words; it matches those words in a row, normalised like {@link keywordTokens}.
 *
 * @example
 * ```ts
 * const m = compilePhrases(['refund', 'never arrived']);
 * m.match(keywordTokens('It never  arrived, REFUND')); // Set {0, 1}
 * ```
 */
export function compilePhrases(phrases: readonly string[]): PhraseMatcher {
  const vocabulary = new Map<string, number>();
  const next: Map<number, number>[] = [new Map()];
  const outputs: number[][] = [[]];
  const firstWords = new Set<string>();
  phrases.forEach((phrase, index) => {
    const words = keywordTokens(phrase);
    if (words.length === 0) return;
    firstWords.add(words[0]!);
    let state = 0;
    for (const word of words) {
      let id = vocabulary.get(word);
      if (id === undefined) {
        id = vocabulary.size;
        vocabulary.set(word, id);
      }
      let to = next[state]!.get(id);
      if (to === undefined) {
        to = next.length;
        next.push(new Map());
        outputs.push([]);
        next[state]!.set(id, to);
      }
      state = to;
    }
    outputs[state]!.push(index);
  });
  // Breadth-first failure links; outputs of the failure state are folded in so matching never walks them.
  const fail = new Array<number>(next.length).fill(0);
  const order: number[] = [];
  for (const child of next[0]!.values()) order.push(child);
  for (let i = 0; i < order.length; i++) {
    const state = order[i]!;
    for (const [id, child] of next[state]!) {
      let f = fail[state]!;
      while (f !== 0 && !next[f]!.has(id)) f = fail[f]!;
      const target = next[f]!.get(id);
      fail[child] = target !== undefined && target !== child ? target : 0;
      const inherited = outputs[fail[child]!]!;
      if (inherited.length) outputs[child] = [...outputs[child]!, ...inherited];
      order.push(child);
    }
  }
  // First words that ASCII text can hold (a–z, 0–9; others never occur in it), as one case-insensitive search.
  const asciiFirsts = [...firstWords].filter((w) => /^[a-z0-9]+$/.test(w));
  const anyFirstWord = asciiFirsts.length ? new RegExp(asciiFirsts.join('|'), 'i') : undefined;
  const trie = compileWordTrie(vocabulary);
  const pictographs = [...vocabulary.keys()].some((w) => PICTOGRAPH.test(w));
  const match = (tokens: readonly string[]): Set<number> => {
    const found = new Set<number>();
    let state = 0;
    for (const token of tokens) {
      const id = vocabulary.get(token);
      if (id === undefined) {
        state = 0;
        continue;
      }
      while (state !== 0 && !next[state]!.has(id)) state = fail[state]!;
      state = next[state]!.get(id) ?? 0;
      for (const out of outputs[state]!) found.add(out);
    }
    return found;
  };
  /**
   * One pass over the text's characters that tokenizes as keywordTokens does and runs the automaton as it goes,
   * without building a string. False (and `found` is to be dropped) at the first character whose folding could
   * make or change a word (accented and non-Latin letters, compatibility forms): that text takes the exact path.
   */
  const scan = (text: string, found: Set<number>): boolean => {
    let state = 0;
    let inWord = false;
    let node = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      let letter = -1;
      let id = -2; // -2: no token ends here
      if (c < 0x80) {
        if (c >= 97 && c <= 122) letter = c - 97;
        else if (c >= 65 && c <= 90) letter = c - 65;
        else if (c >= 48 && c <= 57) letter = c - 22; // 26..35
      } else {
        let cp = c;
        if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
          const low = text.charCodeAt(i + 1);
          if (low >= 0xdc00 && low <= 0xdfff) {
            cp = (c - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
            i++;
          }
        }
        const kind = charKind(cp);
        if (kind === REMOVED) continue; // dropped by the folding: the letters around it join
        if (kind === UNSAFE) return false;
        if (kind === PICTOGRAPHIC) {
          // A word of its own, right after the one it may end.
          if (inWord) {
            state = step(state, node > 0 ? trie.wordId[node]! : -1, found);
            inWord = false;
          }
          id = pictographs ? (vocabulary.get(String.fromCodePoint(cp)) ?? -1) : -1;
        }
      }
      if (letter >= 0) {
        if (!inWord) {
          inWord = true;
          node = 0;
        }
        if (node >= 0) node = trie.next[node * 36 + letter]!;
        continue;
      }
      if (inWord) {
        state = step(state, node > 0 ? trie.wordId[node]! : -1, found);
        inWord = false;
      }
      if (id !== -2) state = step(state, id, found);
    }
    if (inWord) step(state, node > 0 ? trie.wordId[node]! : -1, found);
    return true;
  };
  /** The automaton's move on one word (`id` -1: a word outside the vocabulary); adds the phrases ending there. */
  const step = (state: number, id: number, found: Set<number>): number => {
    if (id < 0) return 0;
    while (state !== 0 && !next[state]!.has(id)) state = fail[state]!;
    state = next[state]!.get(id) ?? 0;
    for (const out of outputs[state]!) found.add(out);
    return state;
  };
  return {
    size: phrases.length,
    match,
    matchText(text) {
      if (isAscii(text)) {
        // ASCII words are substrings of the lower-cased text: no first word inside it (in any case), no phrase
        // in it. One case-insensitive search for all of them, without lower-casing a copy first.
        if (!anyFirstWord || !anyFirstWord.test(text)) return new Set();
        return match(text.toLowerCase().match(ASCII_WORD) ?? []);
      }
      // Emoji, typographic punctuation and the like: one pass, no normalising, no word list.
      const found = new Set<number>();
      return scan(text, found) ? found : match(keywordTokens(text));
    },
  };
}

/** Words of a–z and 0–9 as a character trie: `next[node * 36 + letter]` (-1: no such word), `wordId[node]`. */
interface WordTrie {
  next: Int32Array;
  wordId: Int32Array;
}

function compileWordTrie(vocabulary: ReadonlyMap<string, number>): WordTrie {
  const words = [...vocabulary].filter(([w]) => /^[a-z0-9]+$/.test(w));
  const size = 1 + words.reduce((n, [w]) => n + w.length, 0);
  const next = new Int32Array(size * 36).fill(-1);
  const wordId = new Int32Array(size).fill(-1);
  let nodes = 1;
  for (const [word, id] of words) {
    let node = 0;
    for (let i = 0; i < word.length; i++) {
      const c = word.charCodeAt(i);
      const letter = c >= 97 ? c - 97 : c - 22;
      let child = next[node * 36 + letter]!;
      if (child < 0) next[node * 36 + letter] = child = nodes++;
      node = child;
    }
    wordId[node] = id;
  }
  return { next, wordId };
}

// What keywordTokens' folding (NFKD, marks and format characters removed, lower case) does to one character
// outside ASCII, decided once per code point with the same regular expressions: REMOVED leaves nothing (the
// letters around it join), SEPARATOR only separates words, PICTOGRAPHIC is an emoji that is a word of its own,
// UNSAFE may make or change letters (the text then takes the exact path). The folding works character by
// character here: NFKD never composes, and the only reordering it does is among combining marks, which go.
const REMOVED = 1;
const SEPARATOR = 2;
const PICTOGRAPHIC = 3;
const UNSAFE = 4;
const ONLY_REMOVED = /^[\p{M}\p{Cf}]+$/u;
const WORD_OR_REMOVED = /[\p{L}\p{N}\p{M}\p{Cf}\p{Extended_Pictographic}]/u;
const PICTOGRAPH = /^\p{Extended_Pictographic}$/u;
let bmpKinds: Uint8Array | undefined;
const astralKinds = new Map<number, number>();

function charKind(cp: number): number {
  if (cp < 0x10000) {
    const kinds = (bmpKinds ??= new Uint8Array(0x10000));
    return (kinds[cp] ||= classify(cp));
  }
  let kind = astralKinds.get(cp);
  if (kind === undefined) astralKinds.set(cp, (kind = classify(cp)));
  return kind;
}

function classify(cp: number): number {
  const ch = String.fromCodePoint(cp);
  const folded = ch.normalize('NFKD');
  if (ONLY_REMOVED.test(folded)) return REMOVED;
  if (!WORD_OR_REMOVED.test(folded) && folded.toLowerCase() === folded) return SEPARATOR;
  if (folded === ch && PICTOGRAPH.test(ch) && ch.toLowerCase() === ch) return PICTOGRAPHIC;
  return UNSAFE;
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}
