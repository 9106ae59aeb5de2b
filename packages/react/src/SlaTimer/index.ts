export * from './SlaTimer';
