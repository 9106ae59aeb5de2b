// zod schemas for triage configuration, re-exported from @rapport/core/schemas.
import { z } from 'zod';
import { PLATFORMS } from '../model/constants';
import { ChannelSchema, DirectionSchema, MentionSchema, PlatformSchema } from '../model/schemas';
import { INTENTS } from '../text/types';
import { HHMM, isTimeZone } from './calendar';
import { keywordTokens } from './phrases';
import type {
  Agent,
  Calendar,
  Department,
  EscalationLevel,
  RoutingConfig,
  RoutingRule,
  SlaPolicy,
  TriageConfig,
  TriageState,
} from './types';

const id = z.string().trim().min(1, 'must not be empty').max(128, 'is longer than 128 characters');
const phrase = z.string().max(256, 'is longer than 256 characters');
// Keywords are matched on words: one of only punctuation or symbols ('$$$', '!!!') could never be found.
const keyword = phrase.refine((k) => keywordTokens(k).length > 0, {
  error: (issue) =>
    `keyword ${JSON.stringify(issue.input)} holds no letters, digits or emoji. Keywords are matched on whole ` +
    'words and punctuation and symbols are ignored, so it could never be found: remove it or write it as a word.',
});
const fraction = z.number().min(0, 'must be at least 0').max(1, 'must be at most 1');
const minutes = z
  .number()
  .finite()
  .positive('must be more than 0 minutes')
  .max(5_256_000, 'is more than ten years');
const BandSchema = z.enum(['critical', 'high', 'normal', 'low']);
const IntentSchema = z.enum(INTENTS);

/**
 * A department: an id rules refer to and a name people read.
 *
 * @example
 * ```ts
 * DepartmentSchema.parse({ id: 'legal', name: 'Legal' });
 * ```
 */
export const DepartmentSchema = z.strictObject({
  id,
  name: z.string().min(1).max(128),
  description: z.string().max(1024).optional(),
});

/**
 * Conditions on a mention's author (every given field must hold).
 *
 * @example
 * ```ts
 * AuthorConditionSchema.parse({ minFollowers: 10_000, tiers: ['vip'] });
 * ```
 */
export const AuthorConditionSchema = z.strictObject({
  minFollowers: z.number().nonnegative().optional(),
  maxFollowers: z.number().nonnegative().optional(),
  verified: z.boolean().optional(),
  isStaff: z.boolean().optional(),
  isBrand: z.boolean().optional(),
  isBot: z.boolean().optional(),
  tiers: z.array(z.string().min(1).max(64)).max(256).optional(),
  ids: z.array(id).max(100_000).optional(),
  minLifetimeValue: z.number().nonnegative().optional(),
});

/**
 * When a routing rule applies: platforms, channels, keywords and phrases, intents, sentiment, urgency, author, tags.
 * A keyword must hold at least one letter, digit or emoji: `'$$$'` or `'!!!'` is rejected, since it could never
 * be found.
 *
 * @example
 * ```ts
 * RoutingConditionSchema.parse({ keywords: ['refund'], intents: [{ intent: 'billing_issue', min: 0.6 }] });
 * ```
 */
export const RoutingConditionSchema = z.strictObject({
  platforms: z.array(PlatformSchema).max(PLATFORMS.length).optional(),
  channels: z.array(ChannelSchema).max(2).optional(),
  directions: z.array(DirectionSchema).max(2).optional(),
  keywords: z.array(keyword).max(10_000).optional(),
  allKeywords: z.array(keyword).max(100).optional(),
  noneKeywords: z.array(keyword).max(10_000).optional(),
  intents: z
    .array(z.strictObject({ intent: IntentSchema, min: fraction.optional() }))
    .max(INTENTS.length)
    .optional(),
  sentiment: z
    .strictObject({
      labels: z.array(z.enum(['negative', 'neutral', 'positive'])).optional(),
      min: z.number().min(-1).max(1).optional(),
      max: z.number().min(-1).max(1).optional(),
    })
    .optional(),
  minUrgency: fraction.optional(),
  author: AuthorConditionSchema.optional(),
  tags: z.array(z.string().min(1).max(128)).max(256).optional(),
});

/**
 * What a matching rule does: department, priority boost (-100..100), tags, SLA policy id, needs approval.
 *
 * @example
 * ```ts
 * RoutingActionSchema.parse({ department: 'service', needsApproval: 'legal', priorityBoost: 25 });
 * ```
 */
export const RoutingActionSchema = z.strictObject({
  department: id.optional(),
  priorityBoost: z.number().min(-100).max(100).optional(),
  tags: z.array(z.string().trim().min(1).max(128)).max(64).optional(),
  slaPolicy: id.optional(),
  needsApproval: z.enum(['legal', 'crisis', 'executive', 'privacy']).optional(),
});

/**
 * A routing rule: `when` every condition holds, `then` apply the action. Unknown keys are rejected (typos).
 *
 * @example
 * ```ts
 * const rule = RoutingRuleSchema.parse({ id: 'legal', when: { keywords: ['lawyer', 'sue'] }, then: { department: 'service', needsApproval: 'legal' } });
 * ```
 */
export const RoutingRuleSchema = z.strictObject({
  id,
  description: z.string().max(512).optional(),
  enabled: z.boolean().optional(),
  when: RoutingConditionSchema,
  then: RoutingActionSchema,
});

/**
 * Routing settings: rules (ordered), departments, intent mapping and the fallback department.
 *
 * @example
 * ```ts
 * const routing = RoutingConfigSchema.parse({ fallbackDepartment: 'marketing', intentDepartments: { job_inquiry: 'hr' } });
 * ```
 */
export const RoutingConfigSchema = z.strictObject({
  rules: z.array(RoutingRuleSchema).max(10_000).optional(),
  departments: z.array(DepartmentSchema).min(1).max(1000).optional(),
  intentDepartments: z.partialRecord(IntentSchema, id).optional(),
  fallbackDepartment: id.optional(),
  unclearNeedDepartment: id.optional(),
  minIntentConfidence: fraction.optional(),
});

const hhmm = z.string().regex(HHMM, 'must be a local time HH:MM between 00:00 and 24:00');
/**
 * Working hours within a day, local time `HH:MM` (end may be `24:00`), start before end.
 *
 * @example
 * ```ts
 * WorkingIntervalSchema.parse({ start: '09:00', end: '17:30' });
 * ```
 */
export const WorkingIntervalSchema = z
  .strictObject({ start: hhmm, end: hhmm })
  .refine((i) => i.start < i.end, { message: 'start must be before end' });
const dayIntervals = z.array(WorkingIntervalSchema).max(48);

/**
 * A working calendar: IANA time zone, intervals per weekday, holidays and one-off overrides, or 24/7.
 *
 * @example
 * ```ts
 * const calendar = CalendarSchema.parse({ id: 'uk', timeZone: 'Europe/London', week: { mon: [{ start: '09:00', end: '17:30' }] }, holidays: ['2026-12-25'] });
 * ```
 */
export const CalendarSchema = z.strictObject({
  id,
  timeZone: z
    .string()
    .refine(isTimeZone, { message: 'must be an IANA time zone such as Europe/London' }),
  alwaysOpen: z.boolean().optional(),
  week: z
    .strictObject({
      mon: dayIntervals.optional(),
      tue: dayIntervals.optional(),
      wed: dayIntervals.optional(),
      thu: dayIntervals.optional(),
      fri: dayIntervals.optional(),
      sat: dayIntervals.optional(),
      sun: dayIntervals.optional(),
    })
    .optional(),
  holidays: z.array(z.iso.date()).max(10_000).optional(),
  overrides: z
    .array(z.strictObject({ date: z.iso.date(), intervals: dayIntervals }))
    .max(10_000)
    .optional(),
});

const TargetsSchema = z.strictObject({
  firstResponse: minutes.optional(),
  nextResponse: minutes.optional(),
  resolution: minutes.optional(),
  publicAcknowledgement: minutes.optional(),
});
const TargetNameSchema = z.enum([
  'first_response',
  'next_response',
  'resolution',
  'public_acknowledgement',
]);

/**
 * A response-time policy: targets in business minutes, by department, channel and priority band.
 *
 * @example
 * ```ts
 * const policy = SlaPolicySchema.parse({ id: 'standard', targets: { firstResponse: 60, resolution: 1440 }, byBand: { critical: { firstResponse: 15 } } });
 * ```
 */
export const SlaPolicySchema = z.strictObject({
  id,
  name: z.string().max(256).optional(),
  calendar: id.optional(),
  when: z
    .strictObject({
      departments: z.array(id).optional(),
      channels: z.array(ChannelSchema).optional(),
      platforms: z.array(PlatformSchema).optional(),
      bands: z.array(BandSchema).optional(),
      tags: z.array(z.string().min(1).max(128)).optional(),
    })
    .optional(),
  targets: TargetsSchema,
  byDepartment: z.record(id, TargetsSchema).optional(),
  byChannel: z.partialRecord(ChannelSchema, TargetsSchema).optional(),
  byBand: z.partialRecord(BandSchema, TargetsSchema).optional(),
  warnAt: z
    .array(z.number().gt(0, 'must be more than 0').lt(1, 'must be less than 1'))
    .max(10)
    .optional(),
  roundTheClock: z.array(TargetNameSchema).optional(),
});

/**
 * A person who answers: departments, skills, online state and capacity (open conversations at once).
 *
 * @example
 * ```ts
 * AgentSchema.parse({ id: 'mk', departments: ['service'], skills: ['spanish'], online: true, capacity: 6 });
 * ```
 */
export const AgentSchema = z.strictObject({
  id,
  name: z.string().max(256).optional(),
  departments: z.array(id).max(100),
  skills: z.array(z.string().min(1).max(64)).max(100).optional(),
  online: z.boolean(),
  capacity: z.number().int().nonnegative().max(10_000),
});

/**
 * One rung of the escalation ladder: `after` minutes relative to the SLA due time (negative = before breach).
 *
 * @example
 * ```ts
 * EscalationLevelSchema.parse({ id: 'lead', after: 0, notify: ['team-lead'], raisePriority: 10 });
 * ```
 */
export const EscalationLevelSchema = z.strictObject({
  id,
  after: z.number().finite().min(-525_600).max(525_600),
  notify: z.array(z.string().min(1).max(256)).max(100).optional(),
  reassign: id.optional(),
  raisePriority: z.number().min(0).max(100).optional(),
  crisis: z.boolean().optional(),
});

/**
 * Everything `createTriage` is configured with (except the analyzer and scorer functions, which are code).
 *
 * @example
 * ```ts
 * import { TriageConfigSchema } from '@rapport/core/schemas';
 * const config = TriageConfigSchema.parse(JSON.parse(configFile));
 * const triage = createTriage(config);
 * ```
 */
export const TriageConfigSchema = z.strictObject({
  routing: RoutingConfigSchema.optional(),
  slaPolicies: z.array(SlaPolicySchema).max(1000).optional(),
  calendars: z.array(CalendarSchema).max(1000).optional(),
  defaultCalendar: id.optional(),
  agents: z.array(AgentSchema).max(100_000).optional(),
  escalation: z.array(EscalationLevelSchema).max(100).optional(),
  queueOrder: z
    .strictObject({ priorityLeadMs: z.number().finite().nonnegative().optional() })
    .optional(),
  autoAssign: z.boolean().optional(),
  repeatWindowDays: z.number().positive().max(3650).optional(),
});

const iso = z.iso.datetime({ offset: true });
const RoutingSchema = z.strictObject({
  department: id,
  confidence: fraction,
  matchedRule: id.optional(),
  decidedBy: z.enum(['rule', 'model', 'fallback']),
  priorityBoost: z.number().min(-100).max(100),
  tags: z.array(z.string().max(128)).max(64),
  slaPolicy: id.optional(),
  needsApproval: z.enum(['legal', 'crisis', 'executive', 'privacy']).optional(),
  reasons: z.array(z.string().max(2048)).max(64),
});
const PauseSchema = z.strictObject({ from: iso, to: iso.optional(), reason: z.string().max(512) });

/**
 * A saved or merged triage state (from `triage.toJSON()` or `mergeTriageStates`), checked before
 * `createTriage(config, state)` loads it from another worker, machine or file.
 *
 * @example
 * ```ts
 * const state = TriageStateSchema.parse(JSON.parse(saved));
 * const triage = createTriage(config, state);
 * ```
 */
export const TriageStateSchema = z.strictObject({
  format: z.literal('rapport.triage/1'),
  conversations: z.array(
    z.strictObject({
      id: z.string().min(1).max(512),
      mentions: z.array(MentionSchema).min(1),
      status: z.enum(['open', 'resolved']),
      resolvedAt: iso.optional(),
      assignee: id.optional(),
      escalation: id.optional(),
      escalatedFor: iso.optional(),
      extraPriority: z.number().min(0).max(10_000),
      pauses: z.array(PauseSchema),
      department: id.optional(),
      heldUnassigned: z.boolean().optional(),
      decisions: z.record(
        z.string(),
        z.strictObject({
          priority: z.number().min(0).max(100),
          routing: RoutingSchema,
          complaint: z.boolean(),
          irate: z.boolean(),
          about: z.string().max(256),
          reasons: z.array(z.string().max(2048)).max(64),
        }),
      ),
    }),
  ),
  rejected: z.array(
    z.strictObject({
      index: z.number().int().nonnegative(),
      // Absent when the record was `undefined` (a hole in a sparse batch), since JSON drops the key; it reads
      // back as `undefined`, as `Rejected.input` was.
      input: z
        .unknown()
        .optional()
        .transform((input): unknown => input),
      issues: z.array(z.strictObject({ path: z.string(), message: z.string() })),
    }),
  ),
  owners: z.record(z.string(), z.string()),
});

// The schemas must produce the public types (checked at compile time).
type Assignable<T, U extends T> = U;
type _Checks = [
  Assignable<Department, z.output<typeof DepartmentSchema>>,
  Assignable<RoutingRule, z.output<typeof RoutingRuleSchema>>,
  Assignable<RoutingConfig, z.output<typeof RoutingConfigSchema>>,
  Assignable<Calendar, z.output<typeof CalendarSchema>>,
  Assignable<SlaPolicy, z.output<typeof SlaPolicySchema>>,
  Assignable<Agent, z.output<typeof AgentSchema>>,
  Assignable<EscalationLevel, z.output<typeof EscalationLevelSchema>>,
  Assignable<Omit<TriageConfig, 'analyze' | 'score'>, z.output<typeof TriageConfigSchema>>,
  Assignable<TriageState, z.output<typeof TriageStateSchema>>,
];
