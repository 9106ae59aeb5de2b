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
   * substring is not split into words at all.
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
  const firsts = [...firstWords];
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
  return {
    size: phrases.length,
    match,
    matchText(text) {
      if (!isAscii(text)) return match(keywordTokens(text));
      // ASCII words are substrings of the lower-cased text: no first word inside it, no phrase in it.
      const lower = text.toLowerCase();
      let possible = false;
      for (const w of firsts) {
        if (lower.includes(w)) {
          possible = true;
          break;
        }
      }
      return possible ? match(lower.match(ASCII_WORD) ?? []) : new Set();
    },
  };
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}
