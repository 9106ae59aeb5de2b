export * from './KpiScorecard';
