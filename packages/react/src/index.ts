/**
 * @rapport/react: drop-in widgets and headless hooks over @rapport/core.
 */
export * from './ScoreBadge';
