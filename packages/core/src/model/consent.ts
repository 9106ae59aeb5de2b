// Which uses of a person's data are permitted at a given moment, from the consent facts carried on their messages.
// Internal: the KPI care events, superfans and relationship memory read consent the same way.
import { parseInstant } from './instant';
import { CONSENT_PURPOSES } from './constants';
import type { Consent, ConsentPurpose, Mention } from './schemas';

/**
 * Per person (author id), the consent in force at `nowMs`: the latest record made by then. A record is an
 * author's `consent` on one of their messages; it counts from its `recordedAt`, or from that message when it has
 * none, and a record made after `nowMs` is not known yet. Among records of the same instant the one seen last
 * wins. Each record is the person's whole statement at that time: a purpose it leaves out is "not established"
 * from then on. Messages without a `consent` say nothing (people with no record are absent from the map).
 */
export function consentInForce(mentions: Iterable<Mention>, nowMs: number): Map<string, Consent> {
  const latest = new Map<string, { at: number; consent: Consent }>();
  for (const m of mentions) {
    if (m.direction !== 'inbound') continue;
    const consent = m.author.consent;
    if (consent === undefined) continue;
    const recorded = consent.recordedAt !== undefined ? parseInstant(consent.recordedAt) : NaN;
    const at = recorded === recorded ? recorded : parseInstant(m.createdAt);
    if (!(at <= nowMs)) continue;
    const known = latest.get(m.author.id);
    if (known === undefined || at >= known.at) latest.set(m.author.id, { at, consent });
  }
  const out = new Map<string, Consent>();
  for (const [id, record] of latest) out.set(id, record.consent);
  return out;
}

/** Why personal data may be used for a purpose: the person's yes, or a legitimate interest they can object to. */
export type ConsentBasis = 'legitimate_interest' | 'consent';

/**
 * Whether `purpose` is permitted under `basis`: on consent only an explicit yes (`true`); on legitimate interest
 * unless the person said no (`false`).
 */
export function permittedUnder(
  consent: Consent | undefined,
  purpose: ConsentPurpose,
  basis: ConsentBasis,
): boolean {
  const said = consent?.[purpose];
  return basis === 'consent' ? said === true : said !== false;
}

/** A basis option as given (`legitimate_interest` when left out); anything else is a RangeError naming `name`. */
export function readBasis(value: unknown, name: string): ConsentBasis {
  if (value === undefined || value === 'legitimate_interest') return 'legitimate_interest';
  if (value === 'consent') return 'consent';
  throw new RangeError(
    `${name} must be 'legitimate_interest' or 'consent', got ${JSON.stringify(value)}.`,
  );
}

/**
 * One person's consent from two copies of their record (two shards, or two accounts found to be the same person):
 * the record made later wins when both say when they were made; otherwise, per purpose, a "no" in either wins, then
 * a "yes" in either, so an objection is never lost by merging.
 */
export function mergeConsent(a: Consent | undefined, b: Consent | undefined): Consent | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  const ta = a.recordedAt !== undefined ? parseInstant(a.recordedAt) : NaN;
  const tb = b.recordedAt !== undefined ? parseInstant(b.recordedAt) : NaN;
  if (ta === ta && tb === tb && ta !== tb) return ta > tb ? a : b;
  const out: Consent = {};
  for (const purpose of CONSENT_PURPOSES) {
    const x = a[purpose];
    const y = b[purpose];
    if (x === false || y === false) out[purpose] = false;
    else if (x === true || y === true) out[purpose] = true;
  }
  const at = ta === ta ? a.recordedAt : b.recordedAt;
  if (at !== undefined) out.recordedAt = at;
  return out;
}
