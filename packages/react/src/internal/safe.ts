/**
 * The URL if it is an absolute http(s) link, otherwise undefined: `javascript:`, `data:` and relative links from
 * user data are never rendered as links.
 */
export function safeHref(url: string | undefined | null): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** Direction controls (LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI) that can reorder text around them. */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/**
 * User text made safe to show: bidirectional override characters removed (so "gnp.exe" tricks cannot reorder
 * the surrounding UI) and very long text cut to `max` characters (UTF-16 code units) with an ellipsis.
 * The cut falls between two user-perceived characters (grapheme clusters), so an emoji, a flag or a letter with
 * its accents is kept whole or dropped whole, never left as a broken character.
 * React escapes markup, so `<img onerror>` stays text.
 */
export function displayText(text: string | undefined | null, max = 10_000): string {
  if (!text) return '';
  const head = text.length > max ? `${text.slice(0, cutIndex(text, max))}…` : text;
  return head.replace(BIDI_CONTROLS, '');
}

let graphemes: Intl.Segmenter | null | undefined;

/** One shared grapheme segmenter, or null where the runtime has no `Intl.Segmenter`. */
function graphemeSegmenter(): Intl.Segmenter | null {
  if (graphemes === undefined) {
    graphemes =
      typeof Intl !== 'undefined' && typeof Intl.Segmenter === 'function'
        ? new Intl.Segmenter(undefined, { granularity: 'grapheme' })
        : null;
  }
  return graphemes;
}

/**
 * The largest index ≤ `max` at which `text` can be cut without breaking a character: a grapheme boundary, else
 * (a single grapheme longer than `max`, or no `Intl.Segmenter`) a code point boundary.
 */
function cutIndex(text: string, max: number): number {
  const limit = Math.max(0, Math.floor(max));
  // Whether there is a boundary at an index depends only on what comes before it and the code point after
  // it, so segmenting a window just past the limit gives the same boundaries as the whole (long) text.
  const segmenter = graphemeSegmenter();
  if (segmenter) {
    let end = 0;
    for (const { index, segment } of segmenter.segment(text.slice(0, limit + 2))) {
      if (index + segment.length > limit) break;
      end = index + segment.length;
    }
    if (end > 0) return end;
  }
  const code = text.charCodeAt(limit - 1);
  // Do not keep the first half of a surrogate pair.
  return limit > 0 && code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
}
