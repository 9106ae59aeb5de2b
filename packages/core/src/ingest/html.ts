// HTML to plain text in one linear pass, for platforms that send post bodies as HTML (Mastodon, some forums).

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ndash: '\u2013',
  mdash: '\u2014',
  hellip: '\u2026',
  lsquo: '\u2018',
  rsquo: '\u2019',
  ldquo: '\u201c',
  rdquo: '\u201d',
  laquo: '\u00ab',
  raquo: '\u00bb',
  copy: '\u00a9',
  reg: '\u00ae',
  trade: '\u2122',
  euro: '\u20ac',
  pound: '\u00a3',
  yen: '\u00a5',
  cent: '\u00a2',
  deg: '\u00b0',
  middot: '\u00b7',
  bull: '\u2022',
  times: '\u00d7',
  divide: '\u00f7',
  zwj: '\u200d',
  zwnj: '\u200c',
  shy: '\u00ad',
};

/** Entities longer than this are not entities: stop looking, so a stray `&` costs constant time. */
const MAX_ENTITY_LENGTH = 32;

/**
 * Decodes HTML character references: named (`&amp;`, `&nbsp;`, …), decimal (`&#39;`) and hex (`&#x1F600;`).
 *
 * Unknown names and malformed references are left as they are; references to invalid code points (surrogates,
 * beyond U+10FFFF, NUL) become U+FFFD. Runs in linear time.
 *
 * @example
 * ```ts
 * decodeHtmlEntities('Fish &amp; chips &#x1F41F;'); // 'Fish & chips 🐟'
 * ```
 */
export function decodeHtmlEntities(text: string): string {
  if (!text.includes('&')) return text;
  let out = '';
  let i = 0;
  while (i < text.length) {
    const amp = text.indexOf('&', i);
    if (amp === -1) break;
    out += text.slice(i, amp);
    // Look for the `;` only a few characters ahead, so a megabyte of `&` stays linear.
    let semi = -1;
    const limit = Math.min(text.length, amp + MAX_ENTITY_LENGTH + 1);
    for (let k = amp + 1; k < limit; k++) {
      const c = text.charCodeAt(k);
      if (c === 59 /* ; */) {
        semi = k;
        break;
      }
      if (c === 38 /* & */ || c === 60 /* < */ || c <= 32) break;
    }
    if (semi === -1) {
      out += '&';
      i = amp + 1;
      continue;
    }
    const decoded = decodeReference(text.slice(amp + 1, semi));
    if (decoded === undefined) {
      out += '&';
      i = amp + 1;
    } else {
      out += decoded;
      i = semi + 1;
    }
  }
  return out + text.slice(i);
}

function decodeReference(body: string): string | undefined {
  if (body.charCodeAt(0) === 35 /* # */) {
    const hex = body[1] === 'x' || body[1] === 'X';
    const digits = body.slice(hex ? 2 : 1);
    if (digits.length === 0 || !(hex ? /^[0-9a-f]+$/i : /^[0-9]+$/).test(digits)) return undefined;
    const code = Number.parseInt(digits, hex ? 16 : 10);
    if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
    return String.fromCodePoint(code);
  }
  return Object.hasOwn(NAMED_ENTITIES, body) ? NAMED_ENTITIES[body] : undefined;
}

const BLOCK = new Set([
  'p',
  'div',
  'blockquote',
  'li',
  'ul',
  'ol',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'pre',
  'tr',
  'table',
  'section',
  'article',
  'header',
  'footer',
  'figure',
  'hr',
]);
/** Elements whose content is never text a person wrote for others to read. */
const SKIP_CONTENT = new Set([
  'script',
  'style',
  'template',
  'noscript',
  'iframe',
  'object',
  'svg',
  'head',
  'title',
]);

/**
 * Converts an HTML fragment (a post body) to plain text: tags removed, entities decoded, no markup kept.
 *
 * `<br>` becomes a line break and block elements (`<p>`, `<li>`, …) separate paragraphs; whitespace runs collapse
 * to one space as a browser would show them, except inside `<pre>`. The content of `<script>`, `<style>` and
 * similar elements is dropped, comments too. Link text is kept as written (Mastodon's hidden `https://` and
 * ellipsis spans join back into the full URL). A `<` that does not start a tag stays as text, unless a tag follows
 * it at once (`<<b>script>` would otherwise read `<script>` once the tag is gone). Runs in linear
 * time in the input's length, whatever the markup (unclosed tags, megabytes of `<`).
 *
 * @example
 * ```ts
 * htmlToText('<p>Hi <span class="h-card"><a href="https://example.social/@kp">@<span>kp</span></a></span></p><p>Where &amp; when?</p>');
 * // 'Hi @kp\n\nWhere & when?'
 * ```
 */
export function htmlToText(html: string): string {
  const lower = html.toLowerCase();
  const parts: string[] = [];
  let pre = 0;
  let i = 0;
  const n = html.length;
  const text = (chunk: string, beforeTag = false) => {
    if (chunk.length === 0) return;
    // Control characters U+0000..U+0002 mark preformatted whitespace below, so real ones become U+FFFD.
    let decoded = scrubMarkers(decodeHtmlEntities(chunk));
    // A stray `<` right before a tag would join what follows the tag into a new one once the tag is gone
    // ("<<b>script>" must not become "<script>"): such a `<` is dropped.
    if (beforeTag) {
      let end = decoded.length;
      while (end > 0 && decoded.charCodeAt(end - 1) === 60) end--;
      if (end < decoded.length) decoded = decoded.slice(0, end);
    }
    parts.push(pre > 0 ? protect(decoded) : decoded.replace(/[ \t\n\r\f]+/g, ' '));
  };
  // `i` is where unread text starts; `from` is where to look for the next `<` (past any `<` that starts no tag).
  let from = 0;
  while (i < n) {
    const lt = html.indexOf('<', from);
    if (lt === -1) {
      text(html.slice(i));
      break;
    }
    const next = html.charCodeAt(lt + 1);
    const isLetter = (next >= 65 && next <= 90) || (next >= 97 && next <= 122);
    if (!(isLetter || next === 47 /* / */ || next === 33 /* ! */ || next === 63) /* ? */) {
      from = lt + 1;
      continue;
    }
    text(html.slice(i, lt), true);
    // Comments and declarations.
    if (html.startsWith('<!--', lt)) {
      const close = html.indexOf('-->', lt + 4);
      i = from = close === -1 ? n : close + 3;
      continue;
    }
    const gt = findTagEnd(html, lt + 1);
    if (gt === -1) {
      // An unclosed tag at the end: drop it rather than show half of it.
      break;
    }
    const closing = next === 47;
    const nameStart = closing ? lt + 2 : lt + 1;
    let nameEnd = nameStart;
    while (nameEnd < gt && /[a-z0-9]/.test(lower[nameEnd]!)) nameEnd++;
    const name = lower.slice(nameStart, nameEnd);
    i = from = gt + 1;
    if (!closing && SKIP_CONTENT.has(name)) {
      const end = lower.indexOf(`</${name}`, i);
      if (end === -1) {
        i = from = n;
      } else {
        const endGt = html.indexOf('>', end);
        i = from = endGt === -1 ? n : endGt + 1;
      }
      continue;
    }
    if (name === 'br') parts.push('\n');
    else if (BLOCK.has(name)) parts.push('\n\n');
    if (name === 'pre') pre = Math.max(0, pre + (closing ? -1 : 1));
  }
  return unprotect(tidy(parts.join('')));
}

/** Hides preformatted line breaks, spaces and tabs from `tidy`, which would trim them. */
function protect(text: string): string {
  return text
    .replaceAll('\r\n', '\n')
    .replaceAll('\r', '\n')
    .replaceAll('\n', '\u0000')
    .replaceAll(' ', '\u0001')
    .replaceAll('\t', '\u0002');
}

const MARKERS = ['\u0000', '\u0001', '\u0002'] as const;

function scrubMarkers(text: string): string {
  let out = text;
  for (const marker of MARKERS) if (out.includes(marker)) out = out.replaceAll(marker, '\ufffd');
  return out;
}

function unprotect(text: string): string {
  return text.replaceAll('\u0000', '\n').replaceAll('\u0001', ' ').replaceAll('\u0002', '\t');
}

/** Where a tag that starts at `from` ends (its `>`), skipping quoted attribute values; -1 when it never ends. */
function findTagEnd(html: string, from: number): number {
  let quote = 0;
  for (let j = from; j < html.length; j++) {
    const c = html.charCodeAt(j);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) {
      quote = c;
    } else if (c === 62) {
      return j;
    }
  }
  return -1;
}

/** Trims spaces and tabs around line breaks and keeps at most one blank line between paragraphs (linear time). */
function tidy(text: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  let blank = 0;
  for (const line of lines) {
    let start = 0;
    let end = line.length;
    while (start < end && isSpaceOrTab(line.charCodeAt(start))) start++;
    while (end > start && isSpaceOrTab(line.charCodeAt(end - 1))) end--;
    if (start === end) {
      blank++;
      continue;
    }
    if (out.length > 0) out.push(blank > 0 ? '\n\n' : '\n');
    blank = 0;
    out.push(line.slice(start, end));
  }
  return out.join('');
}

function isSpaceOrTab(code: number): boolean {
  return code === 32 || code === 9;
}
