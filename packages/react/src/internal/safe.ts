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
 * the surrounding UI) and very long text cut to `max` characters with an ellipsis.
 * React escapes markup, so `<img onerror>` stays text.
 */
export function displayText(text: string | undefined | null, max = 10_000): string {
  if (!text) return '';
  const head = text.length > max ? `${text.slice(0, max)}…` : text;
  return head.replace(BIDI_CONTROLS, '');
}
