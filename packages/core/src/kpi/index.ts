// kpi: business-goal KPI mapping, social-care metrics, experiments and data permission.
export type * from './types';
export * from './stats';
export * from './experiments';
export * from './time';
export * from './filters';
export * from './validate';
export * from './guard';
export * from './evaluate';
export * from './care';
export * from './presets';
export * from './attribution';
