// zod schemas for text, re-exported from @rapport/core/schemas.
import { z } from 'zod';
import { INTENTS, type AnalyzeOptions, type Cue, type Intent, type TextSignals } from './types';

const unit = z
  .number()
  .finite('must be a finite number')
  .min(0, 'must be between 0 and 1')
  .max(1, 'must be between 0 and 1');

/**
 * Validates options for `analyzeText` from outside (a settings file). Strict: unknown keys are rejected.
 *
 * @example
 * ```ts
 * import { AnalyzeOptionsSchema } from '@rapport/core/schemas';
 * const options = AnalyzeOptionsSchema.parse({ lang: 'en', maxLength: 5000 });
 * ```
 */
export const AnalyzeOptionsSchema = z.strictObject({
  lang: z.string().min(2).max(35).optional(),
  maxLength: z.number().int('must be a whole number').min(0).max(10_000_000).optional(),
}) satisfies z.ZodType<AnalyzeOptions>;

/** One cue, as an analyzer you plug in should return it. */
export const CueSchema = z.object({
  kind: z.enum([
    'sentiment',
    'negation',
    'intensifier',
    'caps',
    'punctuation',
    'emoji',
    'emoticon',
    'hashtag',
    'elongation',
    'intent',
    'urgency',
    'hype',
    'mention',
    'url',
  ]),
  text: z.string().max(10_000),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  effect: z.string().max(1000),
  target: z.string().max(100).optional(),
  weight: z.number().finite().optional(),
}) satisfies z.ZodType<Cue>;

/**
 * Validates signals from an analyzer you plug in (an LLM's JSON answer, a model server) before Rapport uses them.
 *
 * Every intent must be present and in 0..1; use `completeSignals` instead when you want gaps filled with 0.
 *
 * @example
 * ```ts
 * import { TextSignalsSchema } from '@rapport/core/schemas';
 * const parsed = TextSignalsSchema.safeParse(JSON.parse(llmAnswer));
 * const signals = parsed.success ? parsed.data : analyzeText(text);
 * ```
 */
export const TextSignalsSchema = z.object({
  sentiment: z.object({
    score: z.number().finite().min(-1).max(1),
    label: z.enum(['negative', 'neutral', 'positive']),
  }),
  intents: z.object(
    Object.fromEntries(INTENTS.map((i) => [i, unit])) as Record<Intent, typeof unit>,
  ),
  urgency: unit,
  hype: unit,
  crisis: unit.optional(),
  cues: z.array(CueSchema).max(100_000),
}) satisfies z.ZodType<TextSignals>;
