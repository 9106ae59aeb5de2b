// superfans: behaviour-based superfan detection, relationship capacity and community health.
export * from './types';
