import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeText } from './analyze';
import { INTENTS, type TextSignals } from './types';

/** What is wrong with signals a caller relies on, whatever the input (plain checks: cheap for 100k cues). */
function problems(s: TextSignals, text: string): string[] {
  const out: string[] = [];
  const inUnit = (v: number) => Number.isFinite(v) && v >= 0 && v <= 1;
  if (!Number.isFinite(s.sentiment.score) || Math.abs(s.sentiment.score) > 1) out.push('score');
  if (!['negative', 'neutral', 'positive'].includes(s.sentiment.label)) out.push('label');
  for (const intent of INTENTS) if (!inUnit(s.intents[intent])) out.push(intent);
  if (!inUnit(s.urgency) || !inUnit(s.hype) || !inUnit(s.crisis ?? 0))
    out.push('urgency/hype/crisis');
  let last = 0;
  for (const c of s.cues) {
    if (c.start < 0 || c.end < c.start || c.end > text.length)
      out.push(`cue range ${c.start}-${c.end}`);
    else if (c.end > c.start && text.slice(c.start, c.end) !== c.text)
      out.push(`cue text at ${c.start}`);
    if (c.start < last) out.push(`cue order at ${c.start}`);
    last = c.start;
    if (out.length > 5) break;
  }
  return out;
}

function expectWellFormed(s: TextSignals, text: string): void {
  expect(problems(s, text)).toEqual([]);
}

// Pieces that stress every branch of the tokenizer: emoji with modifiers, emoticon starts, apostrophes,
// RTL and zero-width marks, lone surrogates, markup, URLs, negators and phrase openers.
const pieces = fc.constantFrom(
  '😡',
  '😍',
  '👍🏽',
  '❤️',
  '‍',
  '\u200b',
  '\u202e',
  '\ud83d',
  '\ude00',
  ':',
  ':)',
  ':-(',
  '<3',
  '</3',
  '!',
  '?',
  '!!!',
  '??',
  '.',
  ',',
  "'",
  '’',
  '#',
  '#fail',
  '@',
  '@acme',
  'http://',
  'https://x.co/a b',
  'www.',
  'not',
  'never',
  'arrived',
  'where',
  'is',
  'my',
  'refund',
  'sooooo',
  'GOOD',
  'bad',
  'but',
  'very',
  '3',
  '<div>',
  '&amp;',
  'İ',
  'ß',
  'שלום',
  'مرحبا',
  '你好',
  ' ',
  '\n',
  '\t',
);
const hostileText = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.array(pieces, { maxLength: 200 }).map((xs) => xs.join('')),
);

describe('analyzeText on hostile input', () => {
  it('returns well-formed signals for any string', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        expectWellFormed(analyzeText(text), text);
      }),
      { numRuns: 400 },
    );
  });

  it('returns well-formed signals for any string read whole (maxLength: Infinity)', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        expectWellFormed(analyzeText(text, { maxLength: Infinity }), text);
      }),
      { numRuns: 200 },
    );
  });

  it('finishes on large pathological inputs (timing figures are in `pnpm bench text`)', () => {
    const MB = 1 << 20;
    const inputs = [
      'good not bad refund never arrived '.repeat(MB / 32).slice(0, MB),
      '😡😍👍🏽❤️'.repeat(25_000),
      '!'.repeat(MB),
      '?!'.repeat(MB / 2),
      'a'.repeat(MB),
      ':):(:/'.repeat(MB / 6),
      '#@'.repeat(MB / 2),
      '\u200b\u202e'.repeat(MB / 2),
      '\ud83d'.repeat(MB),
      'where is my '.repeat(80_000),
    ];
    let elapsed = 0;
    for (const text of inputs) {
      for (const maxLength of [undefined, 50_000]) {
        const started = performance.now();
        const signals = analyzeText(text, { maxLength });
        elapsed += performance.now() - started;
        expectWellFormed(signals, text);
      }
    }
    // A generous sanity bound for twenty runs; the 50 ms per input budget is measured in the bench.
    expect(elapsed).toBeLessThan(2000);
  });

  it('reads only the first maxLength code units of a 1 MB string', () => {
    const text = 'x'.repeat(1 << 20) + ' terrible';
    expect(analyzeText(text).sentiment.score).toBe(0);
  });
});
