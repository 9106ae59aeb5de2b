import { afterEach, describe, expect, it, vi } from 'vitest';
import { displayText } from './safe';

/** True when the text has half of a surrogate pair on its own (shown as �). */
const hasLoneSurrogate = (text: string) =>
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

describe('displayText', () => {
  it('cuts long text between characters, never inside an emoji', () => {
    // 'a' then 100 emoji (2 UTF-16 units each): a cut at 200 units falls inside the 100th emoji.
    const cut = displayText(`a${'😀'.repeat(100)}`, 200);
    expect(hasLoneSurrogate(cut)).toBe(false);
    expect(cut).toBe(`a${'😀'.repeat(99)}…`);
  });

  it('keeps a grapheme whole: a flag, a family emoji, a letter with its accent', () => {
    // A cut after 8 units would keep the first half of 🇩🇪, which shows as a lone letter.
    expect(displayText('ab🇫🇷🇩🇪', 8)).toBe('ab🇫🇷…');
    expect(displayText('x👩‍👩‍👧 family', 4)).toBe('x…');
    expect(displayText('cafe\u0301 au lait', 4)).toBe('caf…');
  });

  it('still cuts at most at max units and removes direction controls', () => {
    expect(displayText('x'.repeat(50), 10)).toBe(`${'x'.repeat(10)}…`);
    expect(displayText('\u202Eabcdef', 3)).toBe('ab…');
    expect(displayText('short', 10)).toBe('short');
  });

  it('falls back to a code point boundary when one grapheme is longer than max', () => {
    // Zalgo text: one letter with 300 combining marks.
    const zalgo = `Z${'\u0301'.repeat(300)}`;
    expect(displayText(zalgo, 100)).toBe(`${zalgo.slice(0, 100)}…`);
    const cut = displayText('👩‍👩‍👧', 3);
    expect(hasLoneSurrogate(cut)).toBe(false);
    expect(cut.startsWith('👩')).toBe(true);
  });

  it('cuts on a code point without Intl.Segmenter (older browsers)', async () => {
    vi.stubGlobal(
      'Intl',
      Object.assign(Object.create(Intl) as typeof Intl, { Segmenter: undefined }),
    );
    vi.resetModules();
    const { displayText: withoutSegmenter } = await import('./safe');
    const cut = withoutSegmenter(`a${'😀'.repeat(100)}`, 200);
    expect(hasLoneSurrogate(cut)).toBe(false);
    expect(cut).toBe(`a${'😀'.repeat(99)}…`);
  });
});
