export * from './MentionCard';
