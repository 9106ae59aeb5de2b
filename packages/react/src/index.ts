/**
 * @rapport/react: drop-in widgets and headless hooks over @rapport/core.
 */
export * from './theme';
export { createClock, type Clock, type ClockOptions } from './clock/clock';
export type { Formatter } from './internal/format';
export type { WidgetBaseProps } from './internal/ui';
export * from './ScoreBadge';
export * from './SlaTimer';
