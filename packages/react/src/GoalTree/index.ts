export * from './GoalTree';
