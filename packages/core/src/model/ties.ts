// How messages stamped with the same time are ordered within a thread: shared by `orderMentions` and triage's own
// per-conversation records (not part of the public API).
import type { Mention } from './schemas';

/** A mention's id scoped by its platform (ids are unique only within a platform; platforms hold no ':'). */
export const scoped = (platform: string, id: string): string => `${platform}:${id}`;

/**
 * Reorders `list[from..to)`, messages with the same time, by id and then so that parents in the range come before
 * their replies (through chains of same-time replies; a reply cycle is cut where it closes).
 */
export function orderTies(list: Mention[], from: number, to: number): void {
  const run = list.slice(from, to).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const at = new Map<string, number>();
  for (let k = 0; k < run.length; k++) {
    const key = scoped(run[k]!.platform, run[k]!.id);
    if (!at.has(key)) at.set(key, k);
  }
  const parentOf = (k: number): number => {
    const m = run[k]!;
    if (m.inReplyToId === undefined) return -1;
    const p = at.get(scoped(m.platform, m.inReplyToId));
    return p === undefined || p === k ? -1 : p;
  };
  const placed = new Uint8Array(run.length);
  const onPath = new Uint8Array(run.length);
  let out = from;
  const path: number[] = [];
  for (let k = 0; k < run.length; k++) {
    // Walk up to the oldest ancestor not yet placed (stopping at a reply cycle), then place the chain downwards.
    for (let c = k; c >= 0 && !placed[c] && !onPath[c]; c = parentOf(c)) {
      onPath[c] = 1;
      path.push(c);
    }
    while (path.length) {
      const c = path.pop()!;
      onPath[c] = 0;
      placed[c] = 1;
      list[out++] = run[c]!;
    }
  }
}
