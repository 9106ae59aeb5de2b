/**
 * A shared ticking clock: one interval for every timer that reads it, started by the first subscriber and stopped
 * when the last one leaves.
 */
export interface Clock {
  /** The time of the last tick, in epoch milliseconds (stable between ticks). */
  getSnapshot(): number;
  /** Calls `listener` on every tick; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

export interface ClockOptions {
  /** Milliseconds between ticks (default 1000). */
  intervalMs?: number;
  /** Where the time comes from (default `Date.now`); fake timers in tests replace it. */
  read?: () => number;
}

/**
 * Creates a clock that ticks every `intervalMs` while someone listens, so a table of 1,000 SLA timers shares one
 * interval and only the timers re-render, not the table.
 *
 * Nothing runs until the first `subscribe` (so server rendering never starts an interval).
 *
 * @example
 * ```ts
 * const clock = createClock({ intervalMs: 1000 });
 * const stop = clock.subscribe(() => console.log(clock.getSnapshot()));
 * ```
 */
export function createClock({
  intervalMs = 1000,
  read = () => Date.now(),
}: ClockOptions = {}): Clock {
  const listeners = new Set<() => void>();
  let current = read();
  let timer: ReturnType<typeof setInterval> | undefined;
  const tick = () => {
    current = read();
    for (const listener of [...listeners]) listener();
  };
  return {
    getSnapshot: () => current,
    subscribe(listener) {
      listeners.add(listener);
      if (timer === undefined) {
        current = read();
        timer = setInterval(tick, intervalMs);
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && timer !== undefined) {
          clearInterval(timer);
          timer = undefined;
        }
      };
    },
  };
}

let defaultClock: Clock | undefined;

/** The clock widgets share when no `RapportProvider` gives one (created on first use). */
export function getDefaultClock(): Clock {
  defaultClock ??= createClock();
  return defaultClock;
}
