export * from './bands';
export * from './types';
