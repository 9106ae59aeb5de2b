import { MentionSchema, type Mention } from './schemas';
import { parseBatch, type ParseResult } from './errors';
import { scoped } from './ties';

export * from './errors';

/**
 * Validates mentions from outside (an API, a file, a queue): each is accepted or rejected with reasons.
 *
 * Dates must be ISO 8601 with a zone, numbers finite and non-negative, text at most 1 MiB; unknown keys are
 * dropped and `__proto__`/`constructor` keys never reach the result. A repeated `id` on the same platform is rejected as a duplicate.
 *
 * @example
 * ```ts
 * import { parseMentions } from '@rapport/core/schemas';
 * const { accepted, rejected } = parseMentions(JSON.parse(body));
 * for (const r of rejected) console.warn(`row ${r.index}:`, r.issues.map((i) => `${i.path} ${i.message}`));
 * ```
 */
export function parseMentions(input: unknown): ParseResult<Mention> {
  // Ids are unique only within a platform: the same id on two platforms is two mentions.
  return parseBatch(MentionSchema, input, (m) => scoped(m.platform, m.id), 'mentions');
}
