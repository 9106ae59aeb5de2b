// superfans: behaviour-based superfan detection, relationship capacity and community health.
export * from './types';
export {
  DEFAULT_GATE,
  DEFAULT_INTENT_WEIGHTS,
  DEFAULT_OUTCOME_WEIGHTS,
  DEFAULT_RANK_WEIGHTS,
  DETAILED_REVIEW_LENGTH,
  intentClassOf,
  interactionPoints,
} from './classify';
export { DEFAULT_SUPERFAN_OPTIONS, detectSuperfans } from './detect';
export { communityHealthFromCounts } from './health';
export { RELATIONSHIPS_PER_PERSON, planCapacity } from './capacity';
export { HICCUP_FOLLOW_UP_DAYS, relationshipMemory } from './memory';
export {
  identityResolver,
  interactionsFromMentions,
  interactionsFromStackExchange,
  looksLikeQuestion,
  looksLikeThanks,
  mergeIdentities,
  mergeMemberIdentities,
  type InteractionBatch,
  type SkippedRecord,
  type StackExchangeComment,
  type StackExchangeExport,
  type StackExchangeOptions,
  type StackExchangePost,
  type StackExchangeUser,
  type StackExchangeVote,
} from './adapters';
export {
  createCommunity,
  mergeCommunityStates,
  toCommunityState,
  type Community,
  type CommunityOptions,
} from './community';
