import type { Conversation } from '../model/conversations';
import type { TextSignals } from '../text/types';
import type { PriorityBand } from './bands';
import type { ScoringWeightsInput } from './weights';

/** The factors that make up a mention's priority. */
export type ScoreFactor =
  | 'sentiment'
  | 'intents'
  | 'urgency'
  | 'exposure'
  | 'customer_value'
  | 'waiting'
  | 'repeat_contact'
  | 'crisis';

/** One reason for a score: how many points a factor added, and why, in words a community manager understands. */
export interface ScoreReason {
  factor: ScoreFactor;
  /** Points added to the priority (the contributions of all reasons add up to `priority`). */
  contribution: number;
  detail: string;
}

/** How much a mention needs the company's attention, 0..100, with the reasons that add up to it. */
export interface MentionScore {
  priority: number;
  band: PriorityBand;
  reasons: ScoreReason[];
  /** The text signals the score used (so callers need not analyze twice). */
  signals: TextSignals;
}

/** What Rapport knows around a mention when it scores it. Everything is optional; `now` defaults to the mention's time. */
export interface ScoringContext {
  /**
   * The moment of scoring, ISO 8601 or epoch milliseconds: waiting time and engagement velocity are measured up
   * to it. Defaults to the mention's `createdAt`.
   */
  now?: string | number;
  /** The conversation the mention belongs to (for waiting time and repeated contact). */
  conversation?: Conversation;
  /** How many times this author wrote in before, recently (repeated contact); whole messages, fractions cut. */
  priorContacts?: number;
  /** Signals already computed for this mention's text (from `analyzeText` or an analyzer you plugged in). */
  signals?: TextSignals;
  /** Overrides of `DEFAULT_SCORING_WEIGHTS` (validate outside input with `ScoringWeightsSchema`). */
  weights?: ScoringWeightsInput;
}
