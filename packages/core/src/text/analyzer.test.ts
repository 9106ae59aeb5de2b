import { describe, expect, it } from 'vitest';
import type { Mention } from '../model/schemas';
import { analyzeText } from './analyze';
import { analyzeMentionsAsync, completeSignals, createLexiconAnalyzer } from './analyzer';
import type { AsyncAnalyzer } from './types';

function mention(id: string, text: string): Mention {
  return {
    id,
    platform: 'x',
    channel: 'public',
    direction: 'inbound',
    author: {
      id: 'a',
      handle: 'a',
      followers: 0,
      verified: false,
      isStaff: false,
      isBrand: false,
      isBot: false,
    },
    text,
    createdAt: '2026-11-22T10:00:00Z',
  };
}

describe('createLexiconAnalyzer', () => {
  it('gives the same signals as analyzeText, with its defaults applied', () => {
    const analyzer = createLexiconAnalyzer({ maxLength: 8 });
    expect(analyzer.name).toBe('rapport-lexicon');
    expect(analyzer.analyze('terrible service')).toEqual(
      analyzeText('terrible service', { maxLength: 8 }),
    );
    expect(analyzer.analyze('terrible service', { maxLength: 100 })).toEqual(
      analyzeText('terrible service'),
    );
  });
});

describe('completeSignals', () => {
  it('fills missing intents with 0, clamps numbers and derives a label', () => {
    const s = completeSignals({
      sentiment: { score: -3 },
      intents: { complaint: 2 },
      urgency: Number.NaN,
    });
    expect(s.sentiment).toEqual({ score: -1, label: 'negative' });
    expect(s.intents.complaint).toBe(1);
    expect(s.intents.praise).toBe(0);
    expect(s.urgency).toBe(0);
    expect(s.cues).toEqual([]);
  });
});

describe('analyzeMentionsAsync', () => {
  it('uses a plugged-in async analyzer and keeps the input order', async () => {
    const llm: AsyncAnalyzer = {
      name: 'fake-llm',
      analyze: async (text) => {
        await new Promise((r) => setTimeout(r, text.length % 3));
        return completeSignals({ sentiment: { score: text.includes('love') ? 0.9 : -0.9 } });
      },
    };
    const ms = ['I love it', 'broken', 'love love', 'meh'].map((t, i) => mention(String(i), t));
    const result = await analyzeMentionsAsync(ms, llm, { concurrency: 2 });
    expect([...result.keys()]).toEqual(['0', '1', '2', '3']);
    expect(result.get('0')?.sentiment.label).toBe('positive');
    expect(result.get('1')?.sentiment.label).toBe('negative');
  });

  it('falls back to the built-in analyzer, with a cue saying so, when the plugged one fails', async () => {
    const failing: AsyncAnalyzer = {
      name: 'down',
      analyze: async () => {
        throw new Error('timeout');
      },
    };
    const result = await analyzeMentionsAsync([mention('x', 'my package never arrived')], failing);
    const s = result.get('x')!;
    expect(s.intents.delivery_issue).toBeGreaterThan(0.5);
    expect(s.cues.some((c) => c.effect.includes("analyzer 'down' failed (timeout)"))).toBe(true);
  });

  it('accepts a synchronous analyzer too', async () => {
    const result = await analyzeMentionsAsync([mention('y', 'thanks!')], createLexiconAnalyzer());
    expect(result.get('y')?.sentiment.label).toBe('positive');
  });
});

describe('TextSignalsSchema', () => {
  it('accepts what analyzeText returns and rejects incomplete signals', async () => {
    const { TextSignalsSchema } = await import('./schemas');
    expect(TextSignalsSchema.safeParse(analyzeText('where is my refund?? 😡 #fail')).success).toBe(
      true,
    );
    expect(
      TextSignalsSchema.safeParse({ sentiment: { score: 0.2, label: 'neutral' }, intents: {} })
        .success,
    ).toBe(false);
  });
});
