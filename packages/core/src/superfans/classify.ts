import type {
  GateOptions,
  Interaction,
  IntentClass,
  IntentWeights,
  OutcomeWeights,
  RankWeights,
} from './types';

/**
 * Default points per intent class.
 *
 * Consuming (views, likes, follows) is cheap and says little, so 1; taking part (comments, mentions, questions)
 * 3; advocating in one's own words 4; feedback the company can act on 6; helping another customer 8, because
 * that is the behaviour that saves support time and keeps a community alive.
 *
 * @example
 * ```ts
 * detectSuperfans(interactions, { now, weights: { ...DEFAULT_INTENT_WEIGHTS, feedback: 7 } });
 * ```
 */
export const DEFAULT_INTENT_WEIGHTS: Readonly<IntentWeights> = {
  consume: 1,
  participate: 3,
  advocate: 4,
  feedback: 6,
  help: 8,
};

/**
 * Default extra points per outcome: help `accepted` (+4) or `thanked` (+2) by the person helped, feedback
 * `actioned` (+6) by a team. An outcome adds points only to the class it belongs to (help or feedback).
 *
 * @example
 * ```ts
 * detectSuperfans(interactions, { now, outcomeWeights: { accepted: 6 } });
 * ```
 */
export const DEFAULT_OUTCOME_WEIGHTS: Readonly<OutcomeWeights> = {
  accepted: 4,
  thanked: 2,
  actioned: 6,
};

/**
 * Default superfan gate, and why.
 *
 * Half of the last 26 weeks present (a habit, not a burst); 5 distinct people helped on at least 3 days (help
 * that reaches several people, not one friend); or 3 feedback items with 1 acted on (an informant the company
 * already listens to); at least 60 days of tenure (seen through more than one product cycle); no abuse.
 *
 * @example
 * ```ts
 * detectSuperfans(interactions, { now, gate: { ...DEFAULT_GATE, minPeopleHelped: 3 } });
 * ```
 */
export const DEFAULT_GATE: Readonly<GateOptions> = {
  minActiveWeeks: 13,
  minPeopleHelped: 5,
  minHelpDays: 3,
  minFeedback: 3,
  minFeedbackActioned: 1,
  minTenureDays: 60,
};

/**
 * Default weights of each sub-score's percentile in the rank score.
 *
 * Helpfulness counts most (0.3), then depth and presence (0.2 each), intelligence (0.15), recency (0.1) and
 * tenure (0.05, so old accounts that went quiet do not rise on age alone).
 *
 * @example
 * ```ts
 * detectSuperfans(interactions, { now, rankWeights: { intelligence: 0.3 } });
 * ```
 */
export const DEFAULT_RANK_WEIGHTS: Readonly<RankWeights> = {
  depth: 0.2,
  presence: 0.2,
  helpfulness: 0.3,
  intelligence: 0.15,
  recency: 0.1,
  tenure: 0.05,
};

/** A review at least this long (characters) is detailed feedback; a shorter one is advocacy. */
export const DETAILED_REVIEW_LENGTH = 80;

/**
 * The intent class of an interaction, or `null` for `abuse` (which earns nothing and blocks the gate).
 *
 * consume: view, like, follow, and a share without words of one's own. participate: comment, mention,
 * question, and an answer to oneself or to nobody known. advocate: recommendation, a share with words, a short
 * review. feedback: feature request, bug report, complaint, a detailed review (80+ characters). help: an
 * answer to another member's question (`targetMemberId` set and different from `memberId`).
 *
 * @example
 * ```ts
 * intentClassOf({ id: '1', memberId: 'ana', at, channel: 'forum', type: 'answer', targetMemberId: 'ben' }); // 'help'
 * ```
 */
export function intentClassOf(interaction: Interaction): IntentClass | null {
  switch (interaction.type) {
    case 'view':
    case 'like':
    case 'follow':
      return 'consume';
    case 'share':
      return hasWords(interaction.text) ? 'advocate' : 'consume';
    case 'comment':
    case 'mention':
    case 'question':
      return 'participate';
    case 'recommendation':
      return 'advocate';
    case 'review':
      return (interaction.text?.trim().length ?? 0) >= DETAILED_REVIEW_LENGTH
        ? 'feedback'
        : 'advocate';
    case 'feature_request':
    case 'bug_report':
    case 'complaint':
      return 'feedback';
    case 'answer':
      return interaction.targetMemberId !== undefined &&
        interaction.targetMemberId !== interaction.memberId
        ? 'help'
        : 'participate';
    case 'abuse':
      return null;
    default:
      return null;
  }
}

function hasWords(text: string | undefined): boolean {
  if (text === undefined) return false;
  for (let i = 0; i < text.length && i < 4096; i++) {
    const c = text.charCodeAt(i);
    // Anything but whitespace and zero-width characters counts as words of one's own.
    if (c > 32 && c !== 0x200b && c !== 0x200c && c !== 0x200d && c !== 0xfeff && c !== 0xa0)
      return true;
  }
  return false;
}

/**
 * Points an interaction earns before decay: its class weight, plus the outcome bonus when the outcome fits the
 * class (accepted/thanked on help, actioned on feedback). `abuse` earns 0.
 *
 * @example
 * ```ts
 * interactionPoints({ ...answer, outcome: 'accepted' }); // 12 with the defaults (8 + 4)
 * ```
 */
export function interactionPoints(
  interaction: Interaction,
  weights: Readonly<IntentWeights> = DEFAULT_INTENT_WEIGHTS,
  outcomeWeights: Readonly<OutcomeWeights> = DEFAULT_OUTCOME_WEIGHTS,
): number {
  const cls = intentClassOf(interaction);
  if (cls === null) return 0;
  return weights[cls] + outcomeBonus(cls, interaction, outcomeWeights);
}

/** The outcome bonus for an interaction of class `cls` (0 when the outcome does not fit the class). */
export function outcomeBonus(
  cls: IntentClass,
  interaction: Interaction,
  outcomeWeights: Readonly<OutcomeWeights>,
): number {
  const outcome = interaction.outcome;
  if (outcome === undefined) return 0;
  if (cls === 'help' && (outcome === 'accepted' || outcome === 'thanked'))
    return outcomeWeights[outcome];
  if (cls === 'feedback' && outcome === 'actioned') return outcomeWeights.actioned;
  return 0;
}
