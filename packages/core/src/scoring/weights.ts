import type { Intent } from '../text/types';

/**
 * How many points (out of 100) each factor can add to a mention's priority, and the knobs that shape them.
 *
 * The maxima add up to more than 100 on purpose: a mention rarely scores high on every factor, and when the
 * raw sum passes 100 every contribution is scaled down in proportion, so the reasons still add up exactly.
 */
export interface ScoringWeights {
  /** Points for a very negative tone (score -1). Positive tone adds nothing: praise rarely needs speed. */
  sentiment: number;
  /** Points for the most pressing intent at full confidence (times that intent's `intentWeights`). */
  intents: number;
  /** Points for urgency 1 (deadlines, "asap", repeated contact said in words, legal or safety words). */
  urgency: number;
  /** Points for a public post with a huge audience, lots of engagement and fast resharing. */
  exposure: number;
  /** Points for the most valuable customers (lifetime value, tier, verified account). */
  customerValue: number;
  /** Points for a customer who has waited a long time without a human reply. */
  waiting: number;
  /** Points for someone who had to write several times. */
  repeatContact: number;
  /** Points for crisis signals: safety hazards, legal threats, data breaches, boycotts. */
  crisis: number;
  /** Points taken away from a message that looks like spam (at full spam confidence). */
  spamPenalty: number;
  /** Hours after which a waiting customer earns half the waiting points (the curve saturates after that). */
  waitingHalfLifeHours: number;
  /** Contacts (earlier messages from the same person) that earn all the repeat-contact points. */
  repeatContactsForFull: number;
  /** Share of the priority kept for the brand's own posts and replies (they need little attention). */
  outboundFactor: number;
  /** Share of the priority kept for messages from bots. */
  botFactor: number;
  /** How much each intent needs a person, 0..1 (spam is handled by `spamPenalty`). */
  intentWeights: Record<Intent, number>;
}

/**
 * The default weights, and why:
 *
 * - `crisis` 25 and `intents` 25: a safety or legal threat, or an open complaint, is the reason to answer first.
 * - `exposure` 20: a public complaint watched by thousands costs more than the same words in a private message.
 * - `sentiment`, `urgency`, `waiting` 15 each: anger, deadlines and time waited all push a reply forward.
 * - `customerValue` and `repeatContact` 10: they break ties between similar messages, not override them.
 * - `waitingHalfLifeHours` 4: social customers expect an answer within hours; after a working day the points are
 *   almost all earned. `repeatContactsForFull` 3: the third follow-up is a failure of service.
 * - `outboundFactor` 0.2 and `botFactor` 0.5: the brand's own posts and bots rarely need an answer, but a
 *   crisis in them must still surface.
 * - intent weights: complaints, cancellations and money problems first; questions and buying intent next (a sale
 *   is waiting); feature requests, partnerships and jobs can wait; praise deserves a thank-you, not a rush.
 *
 * @example
 * ```ts
 * const weights = { ...DEFAULT_SCORING_WEIGHTS, exposure: 30 };
 * ```
 */
export const DEFAULT_SCORING_WEIGHTS: Readonly<ScoringWeights> = /* @__PURE__ */ Object.freeze({
  sentiment: 15,
  intents: 25,
  urgency: 15,
  exposure: 20,
  customerValue: 10,
  waiting: 15,
  repeatContact: 10,
  crisis: 25,
  spamPenalty: 40,
  waitingHalfLifeHours: 4,
  repeatContactsForFull: 3,
  outboundFactor: 0.2,
  botFactor: 0.5,
  intentWeights: /* @__PURE__ */ Object.freeze({
    complaint: 1,
    cancellation: 1,
    billing_issue: 0.9,
    delivery_issue: 0.85,
    account_issue: 0.85,
    bug_report: 0.8,
    question: 0.6,
    purchase_intent: 0.6,
    feature_request: 0.35,
    partnership: 0.3,
    job_inquiry: 0.2,
    praise: 0.25,
    spam: 0,
  }),
}) as Readonly<ScoringWeights>;

/** Weights as a caller may give them: any subset, with any subset of intent weights. */
export type ScoringWeightsInput = Partial<Omit<ScoringWeights, 'intentWeights'>> & {
  intentWeights?: Partial<Record<Intent, number>>;
};

/**
 * Defaults with the caller's overrides on top. Validate outside input with `ScoringWeightsSchema`; here a value
 * that is not a finite, non-negative number falls back to its default, so a score is never NaN.
 *
 * @example
 * ```ts
 * resolveWeights({ exposure: 30 }).exposure; // 30
 * ```
 */
export function resolveWeights(input?: ScoringWeightsInput): ScoringWeights {
  if (!input) return DEFAULT_SCORING_WEIGHTS;
  const ok = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
  const out = {
    ...DEFAULT_SCORING_WEIGHTS,
    intentWeights: { ...DEFAULT_SCORING_WEIGHTS.intentWeights },
  };
  for (const key of Object.keys(DEFAULT_SCORING_WEIGHTS) as (keyof ScoringWeights)[]) {
    if (key === 'intentWeights') continue;
    const v = input[key];
    if (ok(v)) out[key] = v;
  }
  for (const key of Object.keys(out.intentWeights) as Intent[]) {
    const v = input.intentWeights?.[key];
    if (ok(v)) out.intentWeights[key] = v;
  }
  return out;
}
