// zod schemas for superfans, re-exported from @rapport/core/schemas.
import { z } from 'zod';
import { MAX_TEXT_LENGTH } from '../model/constants';
import { describeKind } from '../model/errors';
import { RapportInputError, toInputIssues, type ParseResult, type Rejected } from '../model/parse';
import { ConsentSchema, IsoDateTimeSchema } from '../model/schemas';
import { isoToMs, msToIso, readNow } from './time';
import {
  INTERACTION_OUTCOMES,
  INTERACTION_TYPES,
  type IdentityLink,
  type Interaction,
  type MemberInfo,
  type StaffMember,
  type SuperfanOptions,
} from './types';

const preview = (v: unknown): string => {
  const s = typeof v === 'string' ? `"${v}"` : String(v);
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
};

const requiredId = (what: string) =>
  z
    .string({
      error: (issue) =>
        issue.input === undefined
          ? `is missing: ${what}`
          : `must be a string, got ${typeof issue.input}`,
    })
    .trim()
    .min(1, `must not be empty: ${what}`)
    .max(512, 'is longer than 512 characters');
const optionalId = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(512, 'is longer than 512 characters');

/** One of `INTERACTION_TYPES`; anything else is rejected and named in the message. */
export const InteractionTypeSchema = z.enum(INTERACTION_TYPES, {
  error: (issue) =>
    issue.input === undefined
      ? 'is missing: every interaction needs a type'
      : `is not a known interaction type (${preview(issue.input)}); expected one of ${INTERACTION_TYPES.join(', ')}`,
});

/** One of `accepted`, `thanked`, `actioned`. */
export const InteractionOutcomeSchema = z.enum(INTERACTION_OUTCOMES, {
  error: (issue) =>
    `is not a known outcome (${preview(issue.input)}); expected one of ${INTERACTION_OUTCOMES.join(', ')}`,
});

/** An interaction from outside. Unknown keys are dropped; text is at most 1 MiB. */
export const InteractionSchema = z.object({
  id: requiredId('every interaction needs an id'),
  memberId: requiredId('every interaction needs the member who did it'),
  at: IsoDateTimeSchema,
  channel: z
    .string({ error: 'is missing: say where it happened (x, forum, stackexchange, ...)' })
    .trim()
    .min(1, 'must not be empty')
    .max(64, 'is longer than 64 characters'),
  type: InteractionTypeSchema,
  threadId: optionalId.optional(),
  targetMemberId: optionalId.optional(),
  outcome: InteractionOutcomeSchema.optional(),
  text: z.string().max(MAX_TEXT_LENGTH, `is longer than ${MAX_TEXT_LENGTH} characters`).optional(),
  url: z
    .url({ protocol: /^https?$/, message: 'must be an http(s) URL' })
    .max(4096)
    .optional(),
});

/** A member directory entry. */
export const MemberInfoSchema = z.object({
  id: requiredId('every member needs an id'),
  kind: z.enum(['customer', 'staff', 'brand', 'bot']).optional(),
  followers: z.number().int().nonnegative().optional(),
  abusive: z.boolean().optional(),
  name: z.string().max(1024).optional(),
  consent: ConsentSchema.optional(),
});

/** A declared identity link. */
export const IdentityLinkSchema = z.strictObject({
  memberId: requiredId('the canonical id'),
  aliases: z.array(optionalId).max(1000),
});

/** A staff member holding relationships; `commitment` is 0..1. */
export const StaffMemberSchema = z.strictObject({
  id: requiredId('every staff member needs an id'),
  name: z.string().max(1024).optional(),
  commitment: z.number().min(0).max(1).optional(),
});

const weights = z.strictObject({
  consume: z.number().nonnegative().optional(),
  participate: z.number().nonnegative().optional(),
  advocate: z.number().nonnegative().optional(),
  feedback: z.number().nonnegative().optional(),
  help: z.number().nonnegative().optional(),
});

/**
 * Configuration of `detectSuperfans` from outside (a settings file, an API). Strict: a misspelt option is an error.
 * `previous` is not part of it (pass the previous report in code).
 */
export const SuperfanConfigSchema = z.strictObject({
  now: IsoDateTimeSchema,
  weights: weights.optional(),
  outcomeWeights: z
    .strictObject({
      accepted: z.number().nonnegative().optional(),
      thanked: z.number().nonnegative().optional(),
      actioned: z.number().nonnegative().optional(),
    })
    .optional(),
  halfLifeDays: z.number().positive().optional(),
  consumptionCap: z.number().nonnegative().optional(),
  maxHelpPerPerson: z.number().int().positive().optional(),
  presenceWindowWeeks: z.number().int().positive().max(520).optional(),
  presenceRecentWeeks: z.number().int().positive().max(519).optional(),
  gate: z
    .strictObject({
      minActiveWeeks: z.number().nonnegative().optional(),
      minPeopleHelped: z.number().nonnegative().optional(),
      minHelpDays: z.number().nonnegative().optional(),
      minFeedback: z.number().nonnegative().optional(),
      minFeedbackActioned: z.number().nonnegative().optional(),
      minTenureDays: z.number().nonnegative().optional(),
    })
    .optional(),
  rankWeights: z
    .strictObject({
      depth: z.number().nonnegative().optional(),
      presence: z.number().nonnegative().optional(),
      helpfulness: z.number().nonnegative().optional(),
      intelligence: z.number().nonnegative().optional(),
      recency: z.number().nonnegative().optional(),
      tenure: z.number().nonnegative().optional(),
    })
    .optional(),
  amplifierFollowers: z.number().nonnegative().optional(),
  members: z.array(MemberInfoSchema).optional(),
  profilingBasis: z.enum(['legitimate_interest', 'consent']).optional(),
  lowWaterScore: z.number().min(0).max(100).optional(),
  lowWaterActiveWeeks: z.number().nonnegative().optional(),
  graceDays: z.number().nonnegative().optional(),
  slippingGauge: z.number().nonnegative().optional(),
  maxEvidence: z.number().nonnegative().optional(),
});

// Compile-time checks that the schemas produce the plain types the runtime uses.
type Assert<T extends true> = T;
type _InteractionMatches = Assert<
  z.output<typeof InteractionSchema> extends Interaction ? true : false
>;
type _MemberMatches = Assert<z.output<typeof MemberInfoSchema> extends MemberInfo ? true : false>;
type _LinkMatches = Assert<z.output<typeof IdentityLinkSchema> extends IdentityLink ? true : false>;
type _StaffMatches = Assert<z.output<typeof StaffMemberSchema> extends StaffMember ? true : false>;
type _ConfigMatches = Assert<
  z.output<typeof SuperfanConfigSchema> extends SuperfanOptions ? true : false
>;

/**
 * Validates interactions from outside: each is accepted or rejected with reasons, never dropped.
 *
 * Rejected: unknown types (named in the message), missing members or ids, dates without a zone or after `now`
 * (ISO 8601 or epoch ms; nothing reads the clock), text over 1 MiB, and repeats of an accepted id ("duplicate
 * ... counted once"). Unknown keys are dropped. Throws `RapportInputError` when the input is not an array.
 *
 * @example
 * ```ts
 * import { parseInteractions } from '@rapport/core/schemas';
 * const { accepted, rejected } = parseInteractions(rows, { now: '2026-11-22T12:00:00Z' });
 * for (const r of rejected) console.warn(`row ${r.index}:`, r.issues.map((i) => `${i.path} ${i.message}`).join('; '));
 * ```
 */
export function parseInteractions(
  input: unknown,
  options: { now: string | number },
): ParseResult<Interaction> {
  // Read before anything else, and without assuming options were passed: a missing now is the caller's error.
  const nowMs = readNow((options as { now?: unknown } | null | undefined)?.now);
  if (!Array.isArray(input))
    throw new RapportInputError(`Expected an array of interactions, got ${describeKind(input)}.`);
  const accepted: Interaction[] = [];
  const rejected: Rejected[] = [];
  const seen = new Map<string, number>();
  // A plain loop, not forEach: forEach skips the holes of a sparse array, which would drop them silently.
  for (let index = 0; index < input.length; index++) {
    const record: unknown = input[index];
    const result = InteractionSchema.safeParse(record);
    if (!result.success) {
      rejected.push({ index, input: record, issues: toInputIssues(result.error) });
      continue;
    }
    const it = result.data as Interaction;
    if (isoToMs(it.at) > nowMs) {
      rejected.push({
        index,
        input: record,
        issues: [{ path: 'at', message: `is in the future (after now, ${msToIso(nowMs)})` }],
      });
      continue;
    }
    const first = seen.get(it.id);
    if (first !== undefined) {
      rejected.push({
        index,
        input: record,
        issues: [
          { path: 'id', message: `duplicate of the record at index ${first}; counted once` },
        ],
      });
      continue;
    }
    seen.set(it.id, index);
    accepted.push(it);
  }
  return { accepted, rejected };
}

/**
 * Validates superfan configuration from outside (strict: typos are rejected) and returns it typed.
 *
 * Saved settings say how to rank, not when: pass the time of the run as `now` (an ISO 8601 date-time or epoch
 * milliseconds). It takes the place of any `now` in the settings; without it the settings must hold one.
 *
 * @example
 * ```ts
 * // throws RapportInputError listing every problem
 * const options = parseSuperfanConfig(JSON.parse(settings), '2026-11-22T09:00:00Z');
 * ```
 */
export function parseSuperfanConfig(input: unknown, now?: string | number): SuperfanOptions {
  const at = typeof now === 'number' && Number.isFinite(now) ? new Date(now).toISOString() : now;
  const withNow =
    at !== undefined && input !== null && typeof input === 'object' && !Array.isArray(input)
      ? { ...input, now: at }
      : input;
  const result = SuperfanConfigSchema.safeParse(withNow);
  if (!result.success) {
    const issues = toInputIssues(result.error);
    throw new RapportInputError(
      `Invalid superfan configuration: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}`,
      issues,
    );
  }
  return result.data;
}
