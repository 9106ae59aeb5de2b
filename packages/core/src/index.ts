/**
 * @rapport/core: the framework-agnostic core of Rapport.
 *
 * Pure functions over plain data (time always comes in as `now`), with thin stateful shells where a UI needs
 * them. No React, DOM or Node-only APIs: it runs in browsers, Node, workers and edge runtimes.
 * zod schemas live in `@rapport/core/schemas`; the sample world in `@rapport/core/sample`.
 */
export * from './model';
export * from './text';
export * from './scoring';
export * from './ingest';
export * from './triage';
export * from './superfans';
export * from './kpi';
export * from './spikes';
