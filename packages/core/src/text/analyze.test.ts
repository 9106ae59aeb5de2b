import { describe, expect, it } from 'vitest';
import { analyzeText, DEFAULT_MAX_LENGTH, SENTIMENT_THRESHOLDS } from './analyze';
import { INTENTS, type CueKind, type TextSignals } from './types';

const kinds = (s: TextSignals): CueKind[] => s.cues.map((c) => c.kind);
const cueOf = (s: TextSignals, kind: CueKind) => s.cues.find((c) => c.kind === kind);

describe('analyzeText: shape', () => {
  it('returns every intent in 0..1, urgency and hype in 0..1, and a score in -1..1', () => {
    const s = analyzeText(
      'My order never arrived!!! Worst. Service. EVER 😡 #fail @acme https://acme.com/help',
    );
    expect(Object.keys(s.intents).sort()).toEqual([...INTENTS].sort());
    for (const v of Object.values(s.intents)) expect(v).toBeGreaterThanOrEqual(0);
    for (const v of Object.values(s.intents)) expect(v).toBeLessThanOrEqual(1);
    expect(s.sentiment.score).toBeGreaterThanOrEqual(-1);
    expect(s.sentiment.score).toBeLessThanOrEqual(1);
    expect(s.urgency).toBeLessThanOrEqual(1);
    expect(s.hype).toBeLessThanOrEqual(1);
  });

  it('gives neutral signals and no cues for empty text', () => {
    const s = analyzeText('');
    expect(s.sentiment).toEqual({ score: 0, label: 'neutral' });
    expect(s.cues).toEqual([]);
    expect(Math.max(...Object.values(s.intents))).toBe(0);
  });

  it('is deterministic', () => {
    const text = 'Where is my refund?? I was charged twice and nobody answers 😤';
    expect(analyzeText(text)).toEqual(analyzeText(text));
  });

  it('reports cue positions as UTF-16 offsets into the text, sorted by position', () => {
    const text = '😍 I really love it, but delivery was NOT great';
    const s = analyzeText(text);
    for (const c of s.cues) expect(text.slice(c.start, c.end)).toBe(c.text);
    const starts = s.cues.map((c) => c.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it('labels by the documented thresholds', () => {
    const s = analyzeText('I love this, thank you!');
    expect(s.sentiment.score).toBeGreaterThanOrEqual(SENTIMENT_THRESHOLDS.positive);
    expect(s.sentiment.label).toBe('positive');
  });
});

describe('analyzeText: negation', () => {
  it("wasn't good", () => {
    const s = analyzeText("The food wasn't good");
    expect(s.sentiment.label).toBe('negative');
    expect(cueOf(s, 'negation')?.text).toBe("wasn't");
  });

  it('not bad at all', () => {
    const s = analyzeText('not bad at all');
    expect(s.sentiment.score).toBeGreaterThan(0);
    expect(s.sentiment.label).toBe('positive');
  });

  it('reads curly apostrophes like straight ones (don’t like it)', () => {
    expect(analyzeText('I don’t like it').sentiment.score).toBeLessThan(0);
    expect(analyzeText('I don’t like it').sentiment.score).toBe(
      analyzeText("I don't like it").sentiment.score,
    );
  });

  it('stops at the end of the clause (not here, but great)', () => {
    expect(analyzeText('Not sure why, great product').sentiment.score).toBeGreaterThan(0);
  });

  it('"not helpful" is a complaint, not praise', () => {
    const s = analyzeText("you aren't helpful at all");
    expect(s.intents.praise).toBeLessThan(0.3);
    expect(s.sentiment.label).toBe('negative');
  });
});

describe('analyzeText: intensifiers, caps, punctuation, elongation', () => {
  it('intensifiers strengthen the next sentiment word', () => {
    const plain = analyzeText('the support was good').sentiment.score;
    const strong = analyzeText('the support was extremely good');
    expect(strong.sentiment.score).toBeGreaterThan(plain);
    expect(cueOf(strong, 'intensifier')?.text).toBe('extremely');
  });

  it('ALL CAPS intensifies a word when the rest is not shouting', () => {
    const calm = analyzeText('this is bad service').sentiment.score;
    const caps = analyzeText('this is BAD service');
    expect(caps.sentiment.score).toBeLessThan(calm);
    expect(cueOf(caps, 'caps')?.text).toBe('BAD');
  });

  it('repeated exclamation marks intensify', () => {
    const one = analyzeText('great job').sentiment.score;
    const many = analyzeText('great job!!!');
    expect(many.sentiment.score).toBeGreaterThan(one);
    expect(cueOf(many, 'punctuation')?.text).toBe('!!!');
  });

  it('"??" reads as impatience', () => {
    const s = analyzeText('hello??');
    expect(s.urgency).toBeGreaterThan(0);
    expect(cueOf(s, 'punctuation')?.effect).toMatch(/impatient/);
  });

  it('elongated words (sooooo gooood) are recognised and stressed', () => {
    const s = analyzeText('this is gooooood');
    expect(s.sentiment.score).toBeGreaterThan(analyzeText('this is good').sentiment.score);
    expect(kinds(s)).toContain('elongation');
  });
});

describe('analyzeText: emoji, emoticons, hashtags, mentions, URLs', () => {
  it('emoji carry sentiment', () => {
    expect(analyzeText('new phone 😍').sentiment.label).toBe('positive');
    expect(analyzeText('my order 😡').sentiment.label).toBe('negative');
  });

  it('emoji stuck to words still count, and so does the word', () => {
    const s = analyzeText('thanks😍');
    expect(kinds(s)).toContain('emoji');
    expect(s.cues.find((c) => c.kind === 'sentiment')?.text).toBe('thanks');
  });

  it('skin tones and variation selectors do not change an emoji', () => {
    expect(analyzeText('ok 👍🏽').sentiment.score).toBe(analyzeText('ok 👍').sentiment.score);
    expect(analyzeText('❤️').sentiment.label).toBe('positive');
  });

  it('a row of the same emoji counts once', () => {
    expect(analyzeText('😂😂😂😂').cues.filter((c) => c.kind === 'emoji')).toHaveLength(1);
  });

  it('emoticons, including ones stuck to words', () => {
    expect(analyzeText('thanks :)').sentiment.label).toBe('positive');
    expect(cueOf(analyzeText('great:)'), 'emoticon')?.text).toBe(':)');
    expect(analyzeText('late again :(').sentiment.label).toBe('negative');
  });

  it('times and ratios are not emoticons (10:30, 3:1)', () => {
    expect(kinds(analyzeText('see you at 10:30'))).not.toContain('emoticon');
  });

  it('#fail and other verdict hashtags', () => {
    const s = analyzeText('checkout broke again #fail');
    expect(s.sentiment.label).toBe('negative');
    expect(cueOf(s, 'hashtag')?.text).toBe('#fail');
    expect(analyzeText('#customerservicefail').sentiment.label).toBe('negative');
  });

  it('HTML entities are markup, not words (&gt; is not "gt")', () => {
    const s = analyzeText('5 &gt; 3 &amp; 2 &lt;3');
    expect(s.cues.filter((c) => c.kind === 'sentiment')).toEqual([]);
    expect(cueOf(s, 'emoticon')?.text).toBe('&lt;3');
  });

  it('mentions and URLs are cues, never words', () => {
    const s = analyzeText('@love_brand see https://good.example/great');
    expect(cueOf(s, 'mention')?.text).toBe('@love_brand');
    expect(cueOf(s, 'url')?.text).toBe('https://good.example/great');
    expect(s.sentiment.score).toBe(0);
  });
});

describe('analyzeText: customer-service meaning', () => {
  it('"support" alone is neutral', () => {
    const s = analyzeText('support');
    expect(s.sentiment.label).toBe('neutral');
    expect(Math.max(...Object.values(s.intents))).toBe(0);
  });

  it('"help" and "please" are requests, not praise', () => {
    const s = analyzeText('please help me with my account');
    expect(s.sentiment.label).toBe('neutral');
    expect(s.intents.praise).toBe(0);
    expect(s.intents.account_issue).toBeGreaterThan(0.5);
  });

  it('an injury is not praise ("burned my hand": VADER rates "hand" positive)', () => {
    const s = analyzeText('the kettle caught fire and burned my hand');
    expect(s.sentiment.label).not.toBe('positive');
    expect(s.intents.praise).toBe(0);
    expect(s.crisis).toBeGreaterThan(0.5);
  });

  it('my package never arrived', () => {
    const s = analyzeText('my package never arrived');
    expect(s.intents.complaint).toBeGreaterThanOrEqual(0.6);
    expect(s.intents.delivery_issue).toBeGreaterThanOrEqual(0.8);
    expect(s.urgency).toBeGreaterThan(0);
  });

  it('where is my refund??', () => {
    const s = analyzeText('where is my refund??');
    expect(s.intents.complaint).toBeGreaterThanOrEqual(0.5);
    expect(s.intents.billing_issue).toBeGreaterThanOrEqual(0.7);
    expect(s.intents.question).toBeGreaterThanOrEqual(0.7);
  });

  it('questions without a question mark', () => {
    expect(analyzeText('how do I reset my password').intents.question).toBeGreaterThan(0.5);
  });

  it('praise', () => {
    const s = analyzeText('Thank you so much, great service from your team!');
    expect(s.intents.praise).toBeGreaterThan(0.7);
    expect(s.intents.complaint).toBe(0);
  });

  it('"great job" is praise, not a job inquiry', () => {
    const s = analyzeText('great job everyone');
    expect(s.intents.job_inquiry).toBe(0);
    expect(analyzeText('are you hiring? I would love a job').intents.job_inquiry).toBeGreaterThan(
      0.7,
    );
  });

  it('feature requests', () => {
    expect(analyzeText('Please add dark mode to the app').intents.feature_request).toBeGreaterThan(
      0.8,
    );
    expect(
      analyzeText('It would be nice to export to CSV').intents.feature_request,
    ).toBeGreaterThan(0.8);
    expect(
      analyzeText('please help, my card was charged twice').intents.feature_request,
    ).toBeLessThan(0.5);
  });

  it('bugs, billing, account, cancellation, purchase, partnership, spam', () => {
    expect(analyzeText('the app keeps crashing').intents.bug_report).toBeGreaterThan(0.8);
    expect(analyzeText('I was double charged').intents.billing_issue).toBeGreaterThan(0.8);
    expect(analyzeText("I'm locked out of my account").intents.account_issue).toBeGreaterThan(0.8);
    expect(analyzeText('I want to cancel my subscription').intents.cancellation).toBeGreaterThan(
      0.8,
    );
    expect(analyzeText('where can I buy the blue one?').intents.purchase_intent).toBeGreaterThan(
      0.8,
    );
    expect(
      analyzeText("let's collab! business inquiries in dm").intents.partnership,
    ).toBeGreaterThan(0.8);
    expect(analyzeText('free followers, check my profile').intents.spam).toBeGreaterThan(0.8);
  });

  it('phrases run over words and numbers, and stop at an unknown word, a full stop or the end of a text', () => {
    const days = (text: string) => analyzeText(text).cues.find((c) => c.effect === 'days')?.text;
    expect(days('waited 5 days for an answer')).toBe('5 days');
    expect(days('it takes 3-5 days')).toBe('5 days');
    expect(days('5 blorp days')).toBeUndefined();
    expect(days('I have 5. days later')).toBeUndefined();
    analyzeText('I waited 5');
    expect(days('days later it came')).toBeUndefined();
    expect(analyzeText('my package never really arrived').cues.map((c) => c.text)).toContain(
      'never really arrived',
    );
  });

  it('misspelt and glued service words (reimbursment, order113542617735902)', () => {
    expect(analyzeText('where is my reimbursment').intents.billing_issue).toBeGreaterThan(0.5);
    expect(analyzeText('change order113542617735902').intents.purchase_intent).toBeGreaterThan(0.3);
  });

  it('urgency: deadlines, repeated contact, legal and safety words', () => {
    expect(analyzeText('I need this fixed asap').urgency).toBeGreaterThan(0.6);
    expect(analyzeText('third time I am writing about this').urgency).toBeGreaterThan(0.5);
    const legal = analyzeText('I will contact my lawyer');
    expect(legal.urgency).toBeGreaterThan(0.6);
    expect(legal.crisis).toBeGreaterThan(0.6);
    expect(analyzeText('the charger caught fire').crisis).toBeGreaterThan(0.5);
  });

  it('hype: promotional language', () => {
    expect(analyzeText('Limited time offer! Shop now, 50% off 🔥🔥').hype).toBeGreaterThan(0.8);
    expect(analyzeText('my parcel is late').hype).toBe(0);
  });

  it('says when text is not English', () => {
    expect(
      analyzeText('hola', { lang: 'es' }).cues.some((c) => /not|unreliable/.test(c.effect)),
    ).toBe(true);
    expect(
      analyzeText('Привет, как дела? Всё хорошо, спасибо большое').cues.some((c) =>
        /English/.test(c.effect),
      ),
    ).toBe(true);
  });
});

describe('analyzeText: bounded reading', () => {
  it(`reads at most maxLength code units (default ${DEFAULT_MAX_LENGTH})`, () => {
    const s = analyzeText(`${'a '.repeat(DEFAULT_MAX_LENGTH)} terrible`);
    expect(s.sentiment.score).toBe(0);
    expect(analyzeText('terrible service', { maxLength: 8 }).sentiment.score).toBeLessThan(0);
    expect(analyzeText('terrible service', { maxLength: 3 }).sentiment.score).toBe(0);
  });

  it('a NaN or negative maxLength means the default, never "read everything"', () => {
    const text = `${'a '.repeat(DEFAULT_MAX_LENGTH)} terrible`;
    expect(analyzeText(text, { maxLength: Number.NaN }).sentiment.score).toBe(0);
    expect(analyzeText(text, { maxLength: -5 }).sentiment.score).toBe(0);
  });

  it('never splits an emoji when it cuts', () => {
    const s = analyzeText('a😍', { maxLength: 2 });
    expect(s.cues).toEqual([]);
  });
});
