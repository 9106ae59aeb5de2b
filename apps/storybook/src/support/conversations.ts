import {
  interactionsFromMentions,
  relationshipMemory,
  routeMention,
  scoreMention,
  type Interaction,
  type Mention,
  type RelationshipMemory,
} from '@rapport/core';
import { iso, sampleWorld } from './world';

/** The first sample mention matching `predicate` (throws when the sample has none, so a story never shows nothing). */
export function findMention(predicate: (m: Mention) => boolean, what: string): Mention {
  const found = sampleWorld().mentions.find(predicate);
  if (!found) throw new Error(`The sample world has no ${what}.`);
  return found;
}

/** A mention with its score and routing at `now`, as a card shows it. */
export function decided(mention: Mention, now: number) {
  const score = scoreMention(mention, { now });
  const routing = routeMention(mention, undefined, score.signals);
  return { mention, score, routing };
}

let batch: ReturnType<typeof interactionsFromMentions> | undefined;
function sampleBatch(): ReturnType<typeof interactionsFromMentions> {
  batch ??= interactionsFromMentions(sampleWorld().mentions);
  return batch;
}
/** What every customer of the sample world did (for relationship memory). */
export function sampleInteractions(): Interaction[] {
  return sampleBatch().interactions;
}

/** What to remember about a customer at `now`, within what they allowed. */
export function memoryOf(memberId: string, now: number): RelationshipMemory {
  const consent = sampleBatch().members.find((m) => m.id === memberId)?.consent;
  return relationshipMemory(
    sampleInteractions().filter((i) => Date.parse(i.at) <= now),
    memberId,
    { now: iso(now), ...(consent && { consent }) },
  );
}
