// zod schemas for spike detection, re-exported from @rapport/core/schemas.
import { z } from 'zod';
import { IsoDateTimeSchema } from '../model/schemas';
import { parseBatch, type ParseResult } from '../model/parse';
import { DEFAULT_SPIKE_OPTIONS as D } from './options';
import type { ResolvedSpikeOptions, SeriesBucket, SpikeDetectorState } from './types';

const count = z.number().int('must be a whole number').nonnegative('must not be negative');
const ms = (max: number) =>
  z.number().finite().nonnegative('must not be negative').max(max, `must be at most ${max} ms`);
const YEAR = 365 * 24 * 3_600_000;

/**
 * One bucket of a mention-count series from outside: ISO start with a zone, whole counts, `negative` and
 * `authors` at most `count`.
 *
 * @example
 * ```ts
 * SeriesBucketSchema.parse({ start: '2026-11-17T10:00:00Z', count: 312, authors: 251 });
 * ```
 */
export const SeriesBucketSchema = z
  .object({
    start: IsoDateTimeSchema,
    count,
    negative: count.optional(),
    authors: count.optional(),
  })
  .check((ctx) => {
    const b = ctx.value;
    if (b.negative !== undefined && b.negative > b.count) {
      ctx.issues.push({
        code: 'custom',
        input: b,
        path: ['negative'],
        message: 'must not exceed count',
      });
    }
    if (b.authors !== undefined && b.authors > b.count) {
      ctx.issues.push({
        code: 'custom',
        input: b,
        path: ['authors'],
        message: 'must not exceed count',
      });
    }
  });

/**
 * Every threshold of spike detection (strict: an unknown key is a typo and is rejected). Defaults are
 * `DEFAULT_SPIKE_OPTIONS`; see it for why each value was chosen.
 *
 * @example
 * ```ts
 * const options = SpikeOptionsSchema.parse({ zThreshold: 5, persistence: { k: 3, n: 4 } });
 * ```
 */
export const SpikeOptionsSchema = z
  .strictObject({
    bucket: z
      .union([
        z.literal('hour'),
        z.literal('day'),
        z.number().int().min(1000, 'must be at least 1000 ms'),
      ])
      .optional(),
    zeroFilled: z.boolean().default(D.zeroFilled),
    utcOffsetMinutes: z.number().int().min(-840).max(840).default(D.utcOffsetMinutes),
    timeZone: z.string().min(1).optional(),
    historyWeeks: z.number().int().min(1).max(52).default(D.historyWeeks),
    minHistoryWeeks: z.number().int().min(1).max(52).default(D.minHistoryWeeks),
    minHistoryDays: z.number().int().min(1).max(7).default(D.minHistoryDays),
    recentBuckets: z.number().int().min(1).max(10_000).default(D.recentBuckets),
    minRecentBuckets: z.number().int().min(1).max(10_000).default(D.minRecentBuckets),
    zThreshold: z.number().finite().nonnegative().default(D.zThreshold),
    pThreshold: z.number().positive().max(1).default(D.pThreshold),
    minExpected: z.number().finite().positive().default(D.minExpected),
    minRelativeScale: z.number().finite().nonnegative().default(D.minRelativeScale),
    minCount: z.number().finite().nonnegative().default(D.minCount),
    minExcess: z.number().finite().nonnegative().default(D.minExcess),
    persistence: z
      .strictObject({
        k: z.number().int().min(1).max(100).default(D.persistence.k),
        n: z.number().int().min(1).max(100).default(D.persistence.n),
      })
      .refine((p) => p.k <= p.n, { message: 'k must not exceed n', path: ['k'] })
      .default({ ...D.persistence }),
    immediate: z
      .strictObject({
        z: z.number().finite().nonnegative().default(D.immediate.z),
        p: z.number().min(0).max(1).default(D.immediate.p),
      })
      .default({ ...D.immediate }),
    minAuthors: z.number().finite().nonnegative().default(D.minAuthors),
    minAuthorShare: z.number().min(0).max(1).default(D.minAuthorShare),
    coverageBuckets: z.number().int().min(0).max(1000).default(D.coverageBuckets),
    gapZeroExpected: z.number().nonnegative().default(D.gapZeroExpected),
    cooldownMs: ms(YEAR).default(D.cooldownMs),
    negativeShare: z
      .strictObject({
        enabled: z.boolean().default(D.negativeShare.enabled),
        shift: z.number().min(0.001).max(0.999).default(D.negativeShare.shift),
        threshold: z.number().finite().positive().default(D.negativeShare.threshold),
        minExcess: z.number().finite().nonnegative().default(D.negativeShare.minExcess),
        windowMs: ms(YEAR).min(1).default(D.negativeShare.windowMs),
        baselineMs: ms(YEAR).min(1).default(D.negativeShare.baselineMs),
        minNegative: z.number().finite().nonnegative().default(D.negativeShare.minNegative),
        minBaselineNegative: z
          .number()
          .finite()
          .nonnegative()
          .default(D.negativeShare.minBaselineNegative),
        minAuthorRatio: z.number().min(0).max(1).default(D.negativeShare.minAuthorRatio),
        cooldownMs: ms(YEAR).default(D.negativeShare.cooldownMs),
      })
      .default({ ...D.negativeShare }),
  })
  .refine((o) => o.minHistoryWeeks <= o.historyWeeks, {
    message: 'must not exceed historyWeeks',
    path: ['minHistoryWeeks'],
  })
  .refine((o) => o.minRecentBuckets <= o.recentBuckets, {
    message: 'must not exceed recentBuckets',
    path: ['minRecentBuckets'],
  });

const ringValue = z.number().int().min(-1);

/**
 * A saved streaming detector state (`SpikeDetector.getState()`), validated before `restoreSpikeDetector`.
 *
 * @example
 * ```ts
 * const detector = restoreSpikeDetector(SpikeDetectorStateSchema.parse(JSON.parse(saved)));
 * ```
 */
export const SpikeDetectorStateSchema = z
  .strictObject({
    version: z.literal(1),
    options: SpikeOptionsSchema,
    bucketMs: z.number().int().min(1000),
    phaseMs: z.number().int().nonnegative(),
    last: z.number().int().nullable(),
    ring: z.number().int().min(1).max(50_000_000),
    count: z.array(ringValue),
    negative: z.array(ringValue),
    authors: z.array(ringValue),
  })
  .refine(
    (s) => s.count.length === s.ring && s.negative.length === s.ring && s.authors.length === s.ring,
    { message: 'ring arrays must all have length `ring`', path: ['ring'] },
  )
  .refine((s) => s.phaseMs < s.bucketMs, { message: 'must be below bucketMs', path: ['phaseMs'] });

/**
 * Validates a mention-count series from outside; each bucket is accepted or rejected with reasons.
 *
 * Buckets with the same start are all accepted (`detectSpikes` adds them up, as counts from several shards).
 *
 * @example
 * ```ts
 * const { accepted, rejected } = parseSpikeSeries(JSON.parse(body));
 * const spikes = detectSpikes(accepted);
 * ```
 */
export function parseSpikeSeries(input: unknown): ParseResult<SeriesBucket> {
  return parseBatch(SeriesBucketSchema, input, undefined, 'series buckets');
}

// Compile-time checks that the schemas and the hand-written types agree (a mismatch fails type-checking).
type _Assert<T extends true> = T;
type _SpikeSchemasMatch = [
  _Assert<z.output<typeof SpikeOptionsSchema> extends ResolvedSpikeOptions ? true : false>,
  _Assert<z.output<typeof SpikeDetectorStateSchema> extends SpikeDetectorState ? true : false>,
];
