import { describe, expect, it } from 'vitest';
import { scoreContent } from './content';

describe('scoreContent', () => {
  it('useful information that answers a question scores as help', () => {
    const s = scoreContent({
      text: "Sorry about that! Go to Settings > Orders and tap 'Track'. It should arrive by Friday 14 March.",
      inReplyToId: 'q1',
    });
    expect(s.help).toBeGreaterThan(0.7);
    expect(s.hype).toBeLessThan(0.3);
    expect(s.reasons.some((r) => r.factor === 'help' && r.detail === 'replies to a person')).toBe(
      true,
    );
  });

  it('self-promotion scores as hype, and earns little help', () => {
    const s = scoreContent('Our new collection is here! 20% off with code NEW20, shop now 🔥');
    expect(s.hype).toBeGreaterThan(0.8);
    expect(s.help).toBeLessThan(0.3);
    expect(s.reasons.some((r) => r.factor === 'hype')).toBe(true);
  });

  it('numbers are specifics; digits in handles, hashtags, links and discounts are not', () => {
    const specific = (text: string) =>
      scoreContent(text).reasons.some((r) => r.detail === 'gives specifics (numbers, dates)');
    expect(specific('Your order #48213 ships on 2026-11-24 before 10am')).toBe(true);
    expect(specific('We are open 9 to 17 on weekdays')).toBe(true);
    expect(specific('Follow us @kp2026 for more')).toBe(false);
    expect(specific('Celebrate with us #KP10 #KP2026')).toBe(false);
    expect(specific('See https://x.co/a12b34 now')).toBe(false);
    const discount = scoreContent('Get 25 percent off everything today only');
    expect(discount.reasons.map((r) => r.detail)).toContain('advertises a discount');
    expect(discount.reasons.map((r) => r.detail)).not.toContain('gives specifics (numbers, dates)');
    expect(discount.hype).toBeGreaterThan(discount.help);
  });

  it('an empty post is neither', () => {
    expect(scoreContent('')).toEqual({ help: 0, hype: 0, reasons: [] });
  });

  it('phrases match on word boundaries ("try" is not in "country")', () => {
    expect(scoreContent('Our country').reasons.some((r) => r.detail === 'suggests a fix')).toBe(
      false,
    );
  });
});
