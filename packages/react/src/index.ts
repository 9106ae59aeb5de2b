/**
 * @rapport/react: drop-in widgets and headless hooks over @rapport/core.
 */
export * from './theme';
export { createClock, type Clock, type ClockOptions } from './clock/clock';
export type { Formatter } from './internal/format';
export type { WidgetBaseProps } from './internal/ui';
export * from './ScoreBadge';
export * from './SlaTimer';
export * from './CapacityGauge';
export * from './ExperimentResult';
export * from './SpikeAlert';
export * from './VolumeChart';
export type { SpikeLike, SpikeTermLike, VolumeBucket } from './internal/coreTypes';
export * from './TriageQueue';
export * from './MentionCard';
export * from './ConversationView';
export * from './DepartmentBoard';
export * from './SuperfanLeaderboard';
export * from './MemberProfile';
export * from './GoalTree';
export * from './KpiScorecard';
export * from './hooks';
