import type { Mention } from '../model/schemas';
import { analyzeText, SENTIMENT_THRESHOLDS } from './analyze';
import {
  INTENTS,
  type AnalyzeOptions,
  type Analyzer,
  type AsyncAnalyzer,
  type Intent,
  type SentimentLabel,
  type TextSignals,
} from './types';

/**
 * The built-in analyzer as an `Analyzer`: deterministic lexicon and rules, no network (see `analyzeText`).
 *
 * `defaults` apply to every call unless the call overrides them (for example a lower `maxLength`).
 *
 * @example
 * ```ts
 * const analyzer = createLexiconAnalyzer({ maxLength: 5_000 });
 * analyzer.analyze('where is my refund??').intents.billing_issue; // 0.8
 * ```
 */
export function createLexiconAnalyzer(defaults: AnalyzeOptions = {}): Analyzer {
  return {
    name: 'rapport-lexicon',
    analyze: (text, options) => analyzeText(text, options ? { ...defaults, ...options } : defaults),
  };
}

function clamp(x: unknown, lo: number, hi: number): number {
  return typeof x === 'number' && Number.isFinite(x) ? Math.min(hi, Math.max(lo, x)) : 0;
}

/**
 * Makes signals from any analyzer well-formed: every intent present and in 0..1, numbers finite, a label
 * that agrees with the score when the label is missing or unknown, cues kept only when they have a kind and positions.
 *
 * Use it on what an LLM or a remote model returns before Rapport scores it.
 *
 * @example
 * ```ts
 * const signals = completeSignals({ sentiment: { score: -0.8 }, intents: { complaint: 0.9 } });
 * signals.sentiment.label; // 'negative'; signals.intents.praise === 0
 * ```
 */
export function completeSignals(partial: {
  sentiment?: { score?: number; label?: string };
  intents?: Partial<Record<Intent, number>>;
  urgency?: number;
  hype?: number;
  crisis?: number;
  cues?: TextSignals['cues'];
}): TextSignals {
  const score = clamp(partial.sentiment?.score, -1, 1);
  const given = partial.sentiment?.label;
  const label: SentimentLabel =
    given === 'negative' || given === 'neutral' || given === 'positive'
      ? given
      : score >= SENTIMENT_THRESHOLDS.positive
        ? 'positive'
        : score <= SENTIMENT_THRESHOLDS.negative
          ? 'negative'
          : 'neutral';
  const intents = {} as Record<Intent, number>;
  for (const intent of INTENTS) intents[intent] = clamp(partial.intents?.[intent], 0, 1);
  const cues = Array.isArray(partial.cues)
    ? partial.cues.filter(
        (c) =>
          c !== null &&
          typeof c === 'object' &&
          typeof c.kind === 'string' &&
          Number.isInteger(c.start) &&
          Number.isInteger(c.end),
      )
    : [];
  return {
    sentiment: { score, label },
    intents,
    urgency: clamp(partial.urgency, 0, 1),
    hype: clamp(partial.hype, 0, 1),
    crisis: clamp(partial.crisis, 0, 1),
    cues,
  };
}

/** Options for `analyzeMentionsAsync`. */
export interface AnalyzeMentionsOptions extends AnalyzeOptions {
  /** How many texts are in flight at once (default 4, at least 1). */
  concurrency?: number;
}

/**
 * Analyzes many mentions with any analyzer, sync or async (an LLM, a transformer in a worker), a few at a time.
 *
 * Returns a map from mention id to signals, with every mention present: when the plugged analyzer throws or
 * rejects for a mention, the built-in lexicon analyzer answers instead and a cue says so. Signals from the
 * plugged analyzer are passed through `completeSignals`, so scoring can trust them. Pass the result to
 * `scoreMention(mention, { signals: map.get(mention.id) })`.
 *
 * @example
 * ```ts
 * const llm: AsyncAnalyzer = { name: 'my-llm', analyze: async (text) => completeSignals(await callModel(text)) };
 * const signals = await analyzeMentionsAsync(mentions, llm, { concurrency: 8 });
 * const scores = mentions.map((m) => scoreMention(m, { now, signals: signals.get(m.id) }));
 * ```
 */
export async function analyzeMentionsAsync(
  mentions: readonly Mention[],
  analyzer: Analyzer | AsyncAnalyzer,
  options: AnalyzeMentionsOptions = {},
): Promise<Map<string, TextSignals>> {
  const { concurrency = 4, ...analyzeOptions } = options;
  const result = new Map<string, TextSignals>();
  let next = 0;
  const worker = async () => {
    while (next < mentions.length) {
      const mention = mentions[next++]!;
      let signals: TextSignals;
      try {
        signals = completeSignals(await analyzer.analyze(mention.text, analyzeOptions));
      } catch (error) {
        signals = analyzeText(mention.text, analyzeOptions);
        signals.cues.push({
          kind: 'sentiment',
          text: '',
          start: 0,
          end: 0,
          effect: `analyzer '${analyzer.name}' failed (${error instanceof Error ? error.message : String(error)}); the built-in lexicon answered`,
        });
      }
      result.set(mention.id, signals);
    }
  };
  const lanes = Math.max(1, Math.min(Math.floor(concurrency) || 1, mentions.length));
  await Promise.all(Array.from({ length: lanes }, worker));
  // Keep the input order in the map, whatever order the answers came back in.
  const ordered = new Map<string, TextSignals>();
  for (const m of mentions) {
    const s = result.get(m.id);
    if (s) ordered.set(m.id, s);
  }
  return ordered;
}
