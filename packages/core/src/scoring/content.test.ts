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

  it('an empty post is neither', () => {
    expect(scoreContent('')).toEqual({ help: 0, hype: 0, reasons: [] });
  });

  it('phrases match on word boundaries ("try" is not in "country")', () => {
    expect(scoreContent('Our country').reasons.some((r) => r.detail === 'suggests a fix')).toBe(
      false,
    );
  });
});
