import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeHtmlEntities, htmlToText } from './html';

describe('decodeHtmlEntities', () => {
  it('decodes named, decimal and hex references', () => {
    expect(
      decodeHtmlEntities('&amp; &lt;b&gt; &quot;hi&quot; &#39;x&#x27; &#x1F600; &nbsp;|'),
    ).toBe('& <b> "hi" \'x\' 😀 \u00a0|');
  });

  it('leaves unknown and malformed references alone, and replaces invalid code points', () => {
    expect(decodeHtmlEntities('&bogus; & &#; &#xZZ; AT&T')).toBe('&bogus; & &#; &#xZZ; AT&T');
    expect(decodeHtmlEntities('&#0; &#xD800; &#x110000;')).toBe('\ufffd \ufffd \ufffd');
    expect(decodeHtmlEntities('&__proto__; &constructor;')).toBe('&__proto__; &constructor;');
  });
});

describe('htmlToText', () => {
  it('keeps paragraphs and line breaks, collapses other whitespace', () => {
    expect(
      htmlToText('<p>Hello   <b>there</b>\n friend</p><p>Line one<br>Line two<br/>three</p>'),
    ).toBe('Hello there friend\n\nLine one\nLine two\nthree');
  });

  it('keeps Mastodon links whole and mentions as @name', () => {
    const html =
      '<p><span class="h-card"><a href="https://m.example/@kp" class="u-url mention">@<span>kp</span></a></span> see <a href="https://kettleandpine.example/care/cast-iron"><span class="invisible">https://</span><span class="ellipsis">kettleandpine.example/care/ca</span><span class="invisible">st-iron</span></a></p>';
    expect(htmlToText(html)).toBe('@kp see https://kettleandpine.example/care/cast-iron');
  });

  it('drops scripts, styles and comments, and keeps a lone < as text', () => {
    expect(htmlToText('a<script>x<y</script>b<!-- c -->d<style>e{}</style> 1 < 2 <3')).toBe(
      'abd 1 < 2 <3',
    );
    expect(htmlToText('<SCRIPT type="x">bad()</SCRIPT>ok')).toBe('ok');
  });

  it('handles quoted > inside attributes and unclosed tags', () => {
    expect(htmlToText('<a title="a > b">link</a> end')).toBe('link end');
    expect(htmlToText('text <a href="never closes')).toBe('text');
    expect(htmlToText('<script>never closes')).toBe('');
  });

  it('never returns markup, whatever the input', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom('<', '>', 'a', 'p', '/', '"', ' ', '&', ';', 'b', 'r', '\n'),
        }),
        (html) => {
          const text = htmlToText(html);
          expect(text).not.toMatch(/<[a-z/][^>]*>/i);
        },
      ),
    );
  });

  it('a stray < before a tag cannot join the text after it into a new tag', () => {
    expect(htmlToText('<<b>script>alert(1)<<b>/script>')).toBe('script>alert(1)/script>');
    expect(htmlToText('<<<b>/>')).toBe('/>');
    expect(htmlToText('&lt;<i>img src=x onerror=alert(1)>')).toBe('img src=x onerror=alert(1)>');
    expect(htmlToText('I <3 it <b>a lot</b>')).toBe('I <3 it a lot');
  });

  it('reads hostile markup of a megabyte in linear time', () => {
    // A quadratic scanner would not finish the test run; no timing assertion needed.
    expect(htmlToText('<'.repeat(1_000_000))).toBe('<'.repeat(1_000_000));
    expect(htmlToText('<a'.repeat(500_000))).toBe('');
    expect(htmlToText('<pre>' + ' '.repeat(1_000_000) + 'x</pre>')).toBe(
      ' '.repeat(1_000_000) + 'x',
    );
    expect(htmlToText('&'.repeat(1_000_000))).toHaveLength(1_000_000);
    expect(htmlToText('<p>'.repeat(300_000) + 'x')).toBe('x');
  });
});
