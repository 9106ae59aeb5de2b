// kpi: business-goal KPI mapping, social-care metrics, experiments and data permission.
export type * from './types';
export * from './stats';
export * from './experiments';
