export * from './tokens';
export * from './RapportProvider';
