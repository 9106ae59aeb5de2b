// zod schemas for scoring, re-exported from @rapport/core/schemas.
import { z } from 'zod';
import { INTENTS } from '../text/types';
import type { ScoringWeightsInput } from './weights';

const points = z
  .number()
  .finite('must be a finite number')
  .min(0, 'must not be negative')
  .max(100, 'must be at most 100 points');
const share = z
  .number()
  .finite('must be a finite number')
  .min(0, 'must be between 0 and 1')
  .max(1, 'must be between 0 and 1');

/**
 * Validates scoring weight overrides (any subset of `DEFAULT_SCORING_WEIGHTS`). Strict: an unknown key such as
 * `exposre` or an unknown intent is rejected, so a typo never silently leaves a default in place.
 *
 * @example
 * ```ts
 * import { ScoringWeightsSchema } from '@rapport/core/schemas';
 * const weights = ScoringWeightsSchema.parse({ exposure: 30, intentWeights: { praise: 0.5 } });
 * scoreMention(mention, { weights });
 * ```
 */
export const ScoringWeightsSchema = z.strictObject({
  sentiment: points.optional(),
  intents: points.optional(),
  urgency: points.optional(),
  exposure: points.optional(),
  customerValue: points.optional(),
  waiting: points.optional(),
  repeatContact: points.optional(),
  crisis: points.optional(),
  spamPenalty: points.optional(),
  waitingHalfLifeHours: z
    .number()
    .finite()
    .positive('must be more than 0 hours')
    .max(24 * 365)
    .optional(),
  repeatContactsForFull: z.number().int('must be a whole number').min(1).max(1000).optional(),
  outboundFactor: share.optional(),
  botFactor: share.optional(),
  intentWeights: z
    .strictObject(
      Object.fromEntries(INTENTS.map((i) => [i, share.optional()])) as Record<
        (typeof INTENTS)[number],
        z.ZodOptional<typeof share>
      >,
    )
    .optional(),
}) satisfies z.ZodType<ScoringWeightsInput>;

/**
 * Parses scoring weight overrides from outside (a config file, a settings form).
 *
 * Returns `{ success: true, data }` or `{ success: false, issues }` with `{ path, message }` pairs a person can act on.
 *
 * @example
 * ```ts
 * const result = parseScoringWeights(JSON.parse(configText));
 * if (!result.success) console.error(result.issues); // [{ path: '(weights)', message: "unknown setting 'exposre' (check the spelling)" }]
 * ```
 */
export function parseScoringWeights(
  input: unknown,
):
  | { success: true; data: ScoringWeightsInput }
  | { success: false; issues: { path: string; message: string }[] } {
  const result = ScoringWeightsSchema.safeParse(input);
  if (result.success) return { success: true, data: result.data };
  return {
    success: false,
    issues: result.error.issues.map((issue) => ({
      path: issue.path.length ? issue.path.map(String).join('.') : '(weights)',
      message:
        issue.code === 'unrecognized_keys'
          ? `unknown setting${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `'${k}'`).join(', ')} (check the spelling)`
          : issue.message,
    })),
  };
}
