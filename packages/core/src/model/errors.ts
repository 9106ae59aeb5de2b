import type { z } from 'zod';

/** One problem with one record, in words a person can act on. `path` is where in the record, e.g. `author.id`. */
export interface InputIssue {
  path: string;
  message: string;
}

/** A record that was not accepted, with its position in the input and every reason. */
export interface Rejected<TInput = unknown> {
  index: number;
  input: TInput;
  issues: InputIssue[];
}

/** The outcome of a batch parse: every input record is in exactly one of the two lists. */
export interface ParseResult<T, TInput = unknown> {
  accepted: T[];
  rejected: Rejected<TInput>[];
}

/** Thrown when the whole input has the wrong shape (for example not an array). */
export class RapportInputError extends Error {
  override name = 'RapportInputError';
  constructor(
    message: string,
    readonly issues: InputIssue[] = [],
  ) {
    super(message);
  }
}

/** Turns zod's issues into `{ path, message }` pairs. */
export function toInputIssues(error: z.ZodError): InputIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.length ? issue.path.map(String).join('.') : '(record)',
    message: issue.message,
  }));
}

/**
 * Validates a batch of records with `schema`; nothing is dropped silently.
 *
 * Each record is accepted (parsed, with defaults applied) or rejected with its index and reasons.
 * Records whose `id` repeats an accepted one are rejected as duplicates, so each id is counted once.
 *
 * @example
 * ```ts
 * const { accepted, rejected } = parseBatch(MentionSchema, rows, (m) => m.id);
 * ```
 */
export function parseBatch<S extends z.ZodType>(
  schema: S,
  input: unknown,
  keyOf?: (record: z.output<S>) => string,
  what = 'records',
): ParseResult<z.output<S>> {
  if (!Array.isArray(input)) {
    throw new RapportInputError(`Expected an array of ${what}, got ${describeKind(input)}.`);
  }
  const accepted: z.output<S>[] = [];
  const rejected: Rejected[] = [];
  const seen = new Map<string, number>();
  // A plain loop, not forEach: forEach skips the holes of a sparse array, which would drop them silently.
  for (let index = 0; index < input.length; index++) {
    const record: unknown = input[index];
    const result = schema.safeParse(record);
    if (!result.success) {
      rejected.push({ index, input: record, issues: toInputIssues(result.error) });
      continue;
    }
    const key = keyOf?.(result.data);
    if (key !== undefined) {
      const first = seen.get(key);
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
      seen.set(key, index);
    }
    accepted.push(result.data);
  }
  return { accepted, rejected };
}

/** What kind of value was passed where an array was expected, for an error: `null`, `undefined`, `an object`, `a string`. */
export function describeKind(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

/**
 * A value as a caller passed it, short, for an error message: strings quoted (cut at 64 characters), objects named
 * by their kind, anything else as JavaScript prints it (`undefined`, `NaN`).
 */
export function shownValue(value: unknown): string {
  if (typeof value === 'string')
    return JSON.stringify(value.length > 64 ? `${value.slice(0, 64)}…` : value);
  if (value instanceof Date) return 'a Date';
  if (Array.isArray(value)) return 'an array';
  if (value !== null && typeof value === 'object') return 'an object';
  if (typeof value === 'function') return 'a function';
  return String(value);
}
