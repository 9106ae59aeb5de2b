// Builders for superfan tests (not part of the public API).
import type { Interaction, InteractionOutcome, InteractionType } from './types';
import { prng } from '../sample/random';

export const NOW = '2026-11-22T00:00:00.000Z';
export const NOW_MS = Date.parse(NOW);
export const DAY = 86_400_000;
export const WEEK = 7 * DAY;

let counter = 0;

/** An ISO date `days` days before NOW (fractions allowed). */
export function daysAgo(days: number): string {
  return new Date(NOW_MS - days * DAY).toISOString();
}

export function interaction(
  memberId: string,
  type: InteractionType,
  days: number,
  extra: Partial<Interaction> = {},
): Interaction {
  counter++;
  return {
    id: `${memberId}-${type}-${counter}`,
    memberId,
    at: daysAgo(days),
    channel: 'forum',
    type,
    ...extra,
  };
}

/** One answer a week to a different person, for `weeks` weeks, the first `accepted` of them accepted. */
export function weeklyHelper(
  memberId: string,
  weeks: number,
  options: { accepted?: number; people?: number; outcome?: InteractionOutcome } = {},
): Interaction[] {
  const people = options.people ?? 10;
  const out: Interaction[] = [];
  for (let w = 0; w < weeks; w++) {
    out.push(
      interaction(memberId, 'answer', w * 7 + 1, {
        targetMemberId: `asker-${w % people}`,
        ...(w < (options.accepted ?? 0) && { outcome: options.outcome ?? 'accepted' }),
      }),
    );
  }
  return out;
}

/** One interaction of `type` a week for `weeks` weeks, starting `offsetDays` ago. */
export function weekly(
  memberId: string,
  type: InteractionType,
  weeks: number,
  offsetDays = 1,
  extra: Partial<Interaction> = {},
): Interaction[] {
  const out: Interaction[] = [];
  for (let w = 0; w < weeks; w++) out.push(interaction(memberId, type, w * 7 + offsetDays, extra));
  return out;
}

const TYPES: InteractionType[] = [
  'view',
  'like',
  'follow',
  'comment',
  'mention',
  'share',
  'recommendation',
  'review',
  'question',
  'feature_request',
  'bug_report',
  'complaint',
  'answer',
  'answer',
  'answer',
];

/** A random community: `n` interactions among `members` members over `days` days before NOW. */
export function randomCommunity(
  seed: number,
  n: number,
  members: number,
  days = 400,
): Interaction[] {
  const rand = prng(seed);
  const out: Interaction[] = [];
  for (let i = 0; i < n; i++) {
    const m = Math.floor(rand() * rand() * members);
    const type = TYPES[Math.floor(rand() * TYPES.length)]!;
    const target = type === 'answer' ? `m${Math.floor(rand() * members)}` : undefined;
    const r = rand();
    const outcome: InteractionOutcome | undefined =
      type === 'answer' && r < 0.3
        ? 'accepted'
        : type === 'answer' && r < 0.5
          ? 'thanked'
          : (type === 'feature_request' || type === 'bug_report') && r < 0.3
            ? 'actioned'
            : undefined;
    out.push({
      id: `i${seed}-${i}`,
      memberId: `m${m}`,
      at: new Date(NOW_MS - Math.floor(rand() * days * DAY)).toISOString(),
      channel: 'forum',
      type,
      ...(target !== undefined && { targetMemberId: target }),
      ...(outcome !== undefined && { outcome }),
    });
  }
  return out;
}
