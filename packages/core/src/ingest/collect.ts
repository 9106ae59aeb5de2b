import type { z } from 'zod';
import type { InputIssue, ParseResult, Rejected } from '../model/errors';
import { RapportInputError, toInputIssues } from '../model/errors';
import { MentionSchema, type Mention, type MentionInput } from '../model/schemas';
import { scoped } from '../model/ties';

/**
 * Gathers a normaliser's output: every candidate is checked against `MentionSchema`, ids are counted once per
 * platform (ids are unique only within a platform), and every record ends up accepted or rejected with reasons.
 */
export class MentionCollector {
  readonly accepted: Mention[] = [];
  readonly rejected: Rejected[] = [];
  private readonly seen = new Map<string, number>();

  /** Validates a normalised mention; `input` is the platform's record, kept for the caller's error report. */
  offer(index: number, input: unknown, candidate: MentionInput): void {
    const result = MentionSchema.safeParse(candidate);
    if (!result.success) {
      this.reject(index, input, toInputIssues(result.error));
      return;
    }
    const key = scoped(result.data.platform, result.data.id);
    const first = this.seen.get(key);
    if (first !== undefined) {
      this.reject(index, input, [
        { path: 'id', message: `duplicate of the record at index ${first}; counted once` },
      ]);
      return;
    }
    this.seen.set(key, index);
    this.accepted.push(result.data);
  }

  reject(index: number, input: unknown, issues: InputIssue[]): void {
    this.rejected.push({ index, input, issues });
  }

  result(): ParseResult<Mention> {
    return { accepted: this.accepted, rejected: this.rejected };
  }
}

/** Drops keys whose value is `undefined`, so optional fields are absent rather than present-but-empty. */
export function compact<T extends object>(value: T): T {
  for (const key of Object.keys(value) as Array<keyof T>) {
    if (value[key] === undefined) delete value[key];
  }
  return value;
}

/** An http(s) URL, or undefined: platforms send other schemes (`at://`, `tag:`) that are not links to open. */
export function httpUrl(value: unknown): string | undefined {
  return typeof value === 'string' && /^https?:\/\/[^\s]+$/i.test(value) && value.length <= 4096
    ? value
    : undefined;
}

/** A language tag a mention can carry, or undefined for "unknown" markers such as X's `und`. */
export function languageTag(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const tag = value.trim();
  if (tag.length < 2 || tag.length > 35 || tag === 'und' || tag === 'zxx' || tag === 'qme')
    return undefined;
  return tag;
}

/** A count a mention's metrics can hold: whole, finite, not negative (negative scores count as zero). */
export function countOf(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.max(0, Math.floor(value)) : 0;
}

/** Validates options (configuration) with a strict schema; a typo throws `RapportInputError` listing each issue. */
export function readOptions<S extends z.ZodType>(
  schema: S,
  options: unknown,
  what: string,
): z.output<S> {
  const result = schema.safeParse(options ?? {});
  if (result.success) return result.data;
  const issues = toInputIssues(result.error);
  throw new RapportInputError(
    `Invalid ${what}: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}.`,
    issues,
  );
}

/** Every issue of a failed record parse, as `{ path, message }`. */
export function recordIssues<S extends z.ZodType>(
  schema: S,
  record: unknown,
): { data: z.output<S>; issues?: undefined } | { data?: undefined; issues: InputIssue[] } {
  const result = schema.safeParse(record);
  return result.success ? { data: result.data } : { issues: toInputIssues(result.error) };
}
