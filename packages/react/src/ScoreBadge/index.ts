export * from './ScoreBadge';
