// Builders for tests and benchmarks: plain mentions and text signals without running the analyzer.
import type { Author, Mention } from '../model/schemas';
import { INTENTS, type Intent, type TextSignals } from '../text/types';

/** An author with every default filled in. */
export function testAuthor(id: string, extra: Partial<Author> = {}): Author {
  return {
    id,
    handle: `@${id}`,
    followers: 0,
    verified: false,
    isStaff: false,
    isBrand: false,
    isBot: false,
    ...extra,
  };
}

/** An inbound public mention on X at `createdAt`, with `overrides` applied. */
export function testMention(
  id: string,
  createdAt: string,
  overrides: Partial<Mention> = {},
): Mention {
  return {
    id,
    platform: 'x',
    channel: 'public',
    direction: 'inbound',
    author: testAuthor(`u-${id}`),
    text: '',
    createdAt,
    ...overrides,
  };
}

/** Text signals with the given intent confidences (others 0) and sentiment score. */
export function testSignals(
  intents: Partial<Record<Intent, number>> = {},
  sentiment = 0,
  urgency = 0,
): TextSignals {
  const all = Object.fromEntries(INTENTS.map((i) => [i, intents[i] ?? 0])) as Record<
    Intent,
    number
  >;
  return {
    sentiment: {
      score: sentiment,
      label: sentiment <= -0.05 ? 'negative' : sentiment >= 0.05 ? 'positive' : 'neutral',
    },
    intents: all,
    urgency,
    hype: 0,
    cues: [],
  };
}
