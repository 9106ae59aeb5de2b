import { describe, expect, it } from 'vitest';
import { analyzeText } from './analyze';
import { compiledLexicon, hashPacked, hashWord, type Entry } from './compile';

/** Probes the compiled word table as the tokenizer does: by hash, then length and packed last characters. */
function findInTable(word: string): Entry | undefined {
  const { TABLE, TABLE_MASK, WORD_KEYS, WORD_FILTER, ENTRIES } = compiledLexicon();
  const h = hashWord(word);
  if ((WORD_FILTER[h >>> 21]! & (1 << ((h >>> 16) & 31))) === 0) return undefined;
  for (let slot = h & TABLE_MASK; ; slot = (slot + 1) & TABLE_MASK) {
    const v = TABLE[slot]!;
    if (v === 0) return undefined;
    const id = (v & 0xffff) - 1;
    if (((v ^ h) & 0xffff0000) === 0 && WORD_KEYS[3 * id] === word.length) {
      const e = ENTRIES[id]!;
      if (e.word === word) return e;
    }
  }
}

const asciiWords = () =>
  compiledLexicon().ENTRIES.filter((e) => /^[a-z0-9][a-z0-9']*$/.test(e.word));

describe('compiled word table', () => {
  it('finds every ASCII lexicon word by the hash of its packed characters', () => {
    const words = asciiWords();
    expect(words.length).toBeGreaterThan(7000);
    const missing = words.filter((e) => findInTable(e.word) !== e).map((e) => e.word);
    expect(missing).toEqual([]);
  });

  it('hashes a word from its length and last eight characters, as the tokenizer packs them', () => {
    // Words of up to eight letters are packed whole; longer ones share a hash only with words of the same length
    // and ending, which the table then tells apart by their first letters.
    let a = 0;
    let b = 0;
    for (const c of 'refund') {
      b = (b << 7) | (a >>> 21);
      a = ((a << 7) | c.charCodeAt(0)) & 0xfffffff;
    }
    expect(hashWord('refund')).toBe(hashPacked(a, b & 0xfffffff, 6));
    expect(hashWord('disappointing')).toBe(hashWord('xxxxxpointing'));
    expect(hashWord('disappointing')).not.toBe(hashWord('appointing'));
  });

  it('lets the tokenizer find every sentiment word of the lexicon, in any case', () => {
    // Plain valence words (no rule, flag or phrase of their own) each move the score their way on their own.
    const plain = asciiWords().filter(
      (e) => e.valence !== 0 && e.flags === 0 && !e.rule && !e.negated && !e.next,
    );
    expect(plain.length).toBeGreaterThan(5000);
    const wrong: string[] = [];
    for (const e of plain) {
      for (const text of [
        e.word,
        e.word.toUpperCase(),
        `${e.word[0]!.toUpperCase()}${e.word.slice(1)}`,
      ]) {
        if (Math.sign(analyzeText(text).sentiment.score) !== Math.sign(e.valence)) wrong.push(text);
      }
    }
    expect(wrong).toEqual([]);
  });
});
