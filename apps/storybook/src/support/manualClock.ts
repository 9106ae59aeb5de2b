import type { Clock } from '@rapport/react';

/** A clock that only moves when told to: the Cockpit's "move time forward" control and deterministic tests. */
export interface ManualClock extends Clock {
  set(epochMs: number): void;
  advance(ms: number): void;
}

/**
 * Creates a `Clock` (the interface `RapportProvider` takes) that starts at `start` and moves only on
 * `set`/`advance`, notifying every subscribed timer at once.
 */
export function createManualClock(start: string | number): ManualClock {
  let now = typeof start === 'number' ? start : Date.parse(start);
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of [...listeners]) listener();
  };
  return {
    getSnapshot: () => now,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(epochMs) {
      now = epochMs;
      notify();
    },
    advance(ms) {
      now += ms;
      notify();
    },
  };
}
