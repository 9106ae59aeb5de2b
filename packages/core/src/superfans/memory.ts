import { permittedUnder, readBasis } from '../model/consent';
import { intentClassOf } from './classify';
import { DAY_MS, durationWords, isoToMs, msToIso, readNow } from './time';
import type {
  Commitment,
  Interaction,
  RelationshipMemory,
  RelationshipMoment,
  RelationshipOptions,
} from './types';

/** Days after a hiccup by which somebody should have followed up in person. */
export const HICCUP_FOLLOW_UP_DAYS = 2;
const MILESTONES = [10, 50, 100, 500, 1000];

/**
 * What a community manager should remember about one person before talking to them.
 *
 * Reads the member's interactions up to `now`: the last hiccup (their last complaint or bug report, with its
 * link), the last celebration (a recommendation, help accepted or thanked, feedback acted on, a 10th/50th/100th
 * contribution or a yearly anniversary), the open promises (commitments not kept, earliest due first) and when
 * the next personal touch is due: `touchEveryDays` (30) after the last touch, sooner when a hiccup since the last
 * touch needs a follow-up (2 days) or a promise falls due. Interactions of other members are skipped.
 *
 * @example
 * ```ts
 * const commitments = [{ id: 'p1', memberId: 'ana', madeAt: '2026-11-19T10:00:00Z', text: 'Send a fix date', dueAt: '2026-11-24T00:00:00Z' }];
 * const memory = relationshipMemory(interactions, 'ana', { now: '2026-11-22T00:00:00Z', touches, commitments });
 * memory.summary; // "last hiccup 3 days ago (bug report); 1 open promise; next touch due 2026-11-24 (a promise falls due)"
 * ```
 */
export function relationshipMemory(
  interactions: readonly Interaction[],
  memberId: string,
  options: RelationshipOptions,
): RelationshipMemory {
  // Plain JS may leave out the options (and with them now): that is a missing now, not a TypeError.
  const nowMs = readNow((options as Partial<RelationshipOptions> | undefined)?.now);
  const everyDays = options.touchEveryDays ?? 30;
  if (typeof everyDays !== 'number' || !(everyDays > 0) || !Number.isFinite(everyDays)) {
    throw new RangeError(
      `touchEveryDays must be a number of days above 0, got ${typeof everyDays === 'string' ? JSON.stringify(everyDays) : String(everyDays)}.`,
    );
  }
  const every = everyDays * DAY_MS;
  const basis = readBasis(options.basis, 'basis');
  const allows = (purpose: 'relationship' | 'contact'): boolean =>
    permittedUnder(options.consent, purpose, basis);
  const withheld: ('relationship' | 'contact')[] = [];
  if (!allows('relationship')) withheld.push('relationship');
  if (!allows('contact')) withheld.push('contact');
  const own: Array<{ it: Interaction; t: number }> = [];
  const seen = new Set<string>();
  for (const it of interactions) {
    if (it.memberId !== memberId || seen.has(it.id)) continue;
    seen.add(it.id);
    const t = isoToMs(it.at);
    if (t === t && t <= nowMs) own.push({ it, t });
  }
  own.sort((a, b) => a.t - b.t || (a.it.id < b.it.id ? -1 : a.it.id > b.it.id ? 1 : 0));

  let hiccup: { m: RelationshipMoment; t: number } | undefined;
  let celebration: { m: RelationshipMoment; t: number } | undefined;
  const moment = (it: Interaction, t: number, what: string) => ({
    m: {
      at: it.at,
      what,
      interactionId: it.id,
      ...(it.url !== undefined && { url: it.url }),
    },
    t,
  });
  let contributions = 0;
  for (const { it, t } of own) {
    const cls = intentClassOf(it);
    if (it.type === 'complaint' || it.type === 'bug_report')
      hiccup = moment(it, t, it.type === 'complaint' ? 'complaint' : 'bug report');
    let celebrate: string | undefined;
    if (cls !== null && cls !== 'consume') {
      contributions++;
      if (MILESTONES.includes(contributions)) celebrate = `${ordinal(contributions)} contribution`;
    }
    if (it.type === 'recommendation') celebrate = 'recommended us';
    if (cls === 'help' && it.outcome === 'accepted') celebrate = 'their answer was accepted';
    if (cls === 'help' && it.outcome === 'thanked') celebrate = 'thanked for their help';
    if (cls === 'feedback' && it.outcome === 'actioned') celebrate = 'their feedback was acted on';
    if (celebrate !== undefined) celebration = moment(it, t, celebrate);
  }
  if (own.length > 0) {
    const first = own[0]!;
    // Whole calendar years since the first post: the anniversary counts from its day on, whatever the hour.
    const firstDay = new Date(first.t);
    const today = new Date(nowMs);
    let years = today.getUTCFullYear() - firstDay.getUTCFullYear();
    const before =
      today.getUTCMonth() < firstDay.getUTCMonth() ||
      (today.getUTCMonth() === firstDay.getUTCMonth() &&
        today.getUTCDate() < firstDay.getUTCDate());
    if (before) years--;
    if (years >= 1) {
      const d = new Date(first.t);
      d.setUTCFullYear(d.getUTCFullYear() + years);
      // The anniversary is that day (from midnight UTC), even if the first post came later in the day.
      const t = Math.min(
        d.getTime(),
        Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()),
      );
      if (t <= nowMs && (!celebration || t > celebration.t))
        celebration = {
          m: {
            at: msToIso(t),
            what: `${years} ${years === 1 ? 'year' : 'years'} in the community`,
            interactionId: first.it.id,
          },
          t,
        };
    }
  }

  // Open at `now`: already made, and not kept yet (a promise kept later was still open then).
  const openPromises: Commitment[] = (options.commitments ?? [])
    .filter(
      (c) =>
        c.memberId === memberId &&
        !(isoToMs(c.madeAt) > nowMs) &&
        (c.keptAt === undefined || !(isoToMs(c.keptAt) <= nowMs)),
    )
    .sort((a, b) => dueMs(a) - dueMs(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  let lastTouch = Number.NaN;
  for (const touch of options.touches ?? []) {
    if (touch.memberId !== memberId) continue;
    const t = isoToMs(touch.at);
    if (t <= nowMs && !(t <= lastTouch)) lastTouch = t;
  }
  const base = lastTouch === lastTouch ? lastTouch : own.length > 0 ? own[0]!.t : nowMs;
  let due = base + every;
  let why = lastTouch === lastTouch ? 'regular touch' : 'first personal touch';
  if (hiccup && !(hiccup.t <= lastTouch) && hiccup.t + HICCUP_FOLLOW_UP_DAYS * DAY_MS < due) {
    due = hiccup.t + HICCUP_FOLLOW_UP_DAYS * DAY_MS;
    why = 'follow up on their last hiccup';
  }
  const promiseDue = openPromises.length > 0 ? dueMs(openPromises[0]!) : Number.POSITIVE_INFINITY;
  if (promiseDue < due) {
    due = promiseDue;
    why = 'a promise falls due';
  }

  const remember = !withheld.includes('relationship');
  const reach = !withheld.includes('contact');
  const refusal = (purpose: string) =>
    options.consent?.[purpose as 'relationship' | 'contact'] === false
      ? 'they said no'
      : 'they have not said yes';
  const parts: string[] = [];
  if (!remember) parts.push(`nothing remembered about them: ${refusal('relationship')}`);
  else {
    parts.push(
      hiccup
        ? `last hiccup ${durationWords(nowMs - hiccup.t)} ago (${hiccup.m.what})`
        : 'no hiccups on record',
    );
    if (celebration)
      parts.push(
        `last celebration ${durationWords(nowMs - celebration.t)} ago (${celebration.m.what})`,
      );
  }
  if (openPromises.length > 0)
    parts.push(`${openPromises.length} open ${openPromises.length === 1 ? 'promise' : 'promises'}`);
  // Without leave to remember, a hiccup does not bring the touch forward either.
  if (!remember && why === 'follow up on their last hiccup') {
    due = base + every;
    why = lastTouch === lastTouch ? 'regular touch' : 'first personal touch';
    if (promiseDue < due) {
      due = promiseDue;
      why = 'a promise falls due';
    }
  }
  const dueIso = msToIso(due);
  if (!reach) parts.push(`no personal touches: ${refusal('contact')} to being contacted`);
  else
    parts.push(
      due <= nowMs
        ? `personal touch overdue since ${dueIso.slice(0, 10)} (${why})`
        : `next touch due ${dueIso.slice(0, 10)} (${why})`,
    );

  return {
    memberId,
    ...(remember && hiccup && { lastHiccup: hiccup.m }),
    ...(remember && celebration && { lastCelebration: celebration.m }),
    openPromises,
    ...(lastTouch === lastTouch && { lastTouchAt: msToIso(lastTouch) }),
    ...(reach && { nextTouchDue: dueIso }),
    touchOverdue: reach && due <= nowMs,
    withheld,
    summary: parts.join('; '),
  };
}

function dueMs(c: Commitment): number {
  const t = c.dueAt === undefined ? Number.NaN : isoToMs(c.dueAt);
  return t === t ? t : Number.POSITIVE_INFINITY;
}

function ordinal(n: number): string {
  const rem100 = n % 100;
  if (rem100 >= 11 && rem100 <= 13) return `${n}th`;
  switch (n % 10) {
    case 1:
      return `${n}st`;
    case 2:
      return `${n}nd`;
    case 3:
      return `${n}rd`;
    default:
      return `${n}th`;
  }
}
