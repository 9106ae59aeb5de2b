export * from './ExperimentResult';
