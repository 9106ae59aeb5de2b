// triage: routing to departments, response-time SLAs, the queue, assignment and escalation.
export type * from './types';
export * from './phrases';
export * from './routing';
export * from './calendar';
export * from './sla';
export * from './select';
export * from './triage';
