import { RapportInputError, type InputIssue, type ParseResult } from '../model/errors';
import { PLATFORM_SET, PLATFORMS } from '../model/constants';
import type { Channel, Mention, MentionInput, Platform } from '../model/schemas';
import { brandMatcher } from './brand';
import { compact, MentionCollector, readOptions } from './collect';
import { csvRecords, parseCsv, type CsvOptions } from './csv';
import { toIsoDate } from './dates';
import type { ColumnMapping, ColumnNames } from './mapping';
import { ColumnMappingSchema } from './payloads';

const TRUE = new Set(['true', 't', 'yes', 'y', '1']);
const FALSE = new Set(['false', 'f', 'no', 'n', '0']);

/**
 * Normalises records (objects from a database, a spreadsheet export, JSON) into mentions through a column mapping.
 *
 * Each record is accepted or rejected with the column and the reason (a date in the wrong format, a count that
 * is not a whole number, an unknown platform, a missing id). Values may be strings, numbers or booleans; empty
 * strings count as absent. Keys may be dotted paths (`user.id`) into nested objects; only a record's own keys
 * are read, so `__proto__` never reaches a mention. Authors whose rows say `outbound` are marked `isBrand`.
 * A mapping with a typo throws `RapportInputError`.
 *
 * @example
 * ```ts
 * import { mentionsFromRecords } from '@rapport/core/schemas';
 * const { accepted } = mentionsFromRecords(rows, {
 *   columns: { id: 'ticket_id', text: 'body', createdAt: 'opened_at', authorId: 'customer_id', direction: 'from' },
 *   platform: 'email',
 *   channel: 'private',
 * });
 * ```
 */
export function mentionsFromRecords(
  records: unknown,
  mapping: ColumnMapping,
): ParseResult<Mention> {
  if (!Array.isArray(records)) {
    throw new RapportInputError('Expected an array of records (objects keyed by column name).');
  }
  const read = recordReader(mapping);
  const out = new MentionCollector();
  // A plain loop, not forEach: forEach skips the holes of a sparse array, which would drop them silently.
  for (let i = 0; i < records.length; i++) read(out, i, records[i]);
  return out.result();
}

/**
 * Reads a CSV file (RFC 4180, first row the header) into mentions through a column mapping.
 *
 * Every data row is accepted or rejected with reasons (index 0 is the first row after the header; blank lines,
 * such as a trailing empty line, are not rows and are not counted); a row whose field count differs from the
 * header's is rejected rather than guessed. Mapped columns missing from the header,
 * and a quoted field that never closes, throw `RapportInputError`. Use `TWCS_MAPPING` for the Customer Support
 * on Twitter layout.
 *
 * @example
 * ```ts
 * import { mentionsFromCsv, TWCS_MAPPING } from '@rapport/core/schemas';
 * const { accepted, rejected } = mentionsFromCsv(await file.text(), TWCS_MAPPING);
 * ```
 */
export function mentionsFromCsv(
  text: string,
  mapping: ColumnMapping,
  options: CsvOptions = {},
): ParseResult<Mention> {
  if (typeof text !== 'string') throw new RapportInputError('Expected the CSV file as a string.');
  const read = recordReader(mapping);
  const parsed = parseCsv(text, options);
  if (parsed.length === 0) return { accepted: [], rejected: [] };
  // A blank line reads as one empty field: with a header of several columns it is no row at all.
  const rows =
    parsed[0]!.length > 1
      ? parsed.filter((row, k) => k === 0 || row.length !== 1 || row[0] !== '')
      : parsed;
  const { header, records, widths } = csvRecords(rows);
  const wanted = Object.values(mapping.columns).filter((c): c is string => typeof c === 'string');
  const missing = [...new Set(wanted.filter((c) => !header.includes(c)))];
  if (missing.length > 0) {
    throw new RapportInputError(
      `The CSV header has no column ${missing.map((c) => `"${c}"`).join(', ')} (it has ${header.map((c) => `"${c}"`).join(', ')}).`,
      missing.map((c) => ({ path: c, message: 'is mapped but not in the header' })),
    );
  }
  const out = new MentionCollector();
  records.forEach((record, i) => {
    if (widths[i] !== header.length) {
      out.reject(i, record, [
        { path: '(row)', message: `has ${widths[i]} fields but the header has ${header.length}` },
      ]);
      return;
    }
    read(out, i, record);
  });
  return out.result();
}

/**
 * Reads JSON Lines (one JSON object per line) into mentions through a column mapping.
 *
 * Blank lines are skipped; a line that is not valid JSON, or not an object, is rejected with the parser's
 * reason. Indexes count non-blank lines from 0. Dotted column names (`user.screen_name`) reach nested values.
 *
 * @example
 * ```ts
 * import { mentionsFromJsonLines } from '@rapport/core/schemas';
 * const { accepted } = mentionsFromJsonLines(text, {
 *   columns: { id: 'id_str', text: 'full_text', createdAt: 'created_at', authorId: 'user.id_str', authorHandle: 'user.screen_name' },
 *   platform: 'x',
 * });
 * ```
 */
export function mentionsFromJsonLines(text: string, mapping: ColumnMapping): ParseResult<Mention> {
  if (typeof text !== 'string')
    throw new RapportInputError('Expected the JSON Lines file as a string.');
  const read = recordReader(mapping);
  const out = new MentionCollector();
  let index = 0;
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed.length === 0) continue;
    const i = index++;
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch (error) {
      out.reject(i, trimmed.length > 200 ? `${trimmed.slice(0, 200)}…` : trimmed, [
        { path: '(line)', message: `is not valid JSON: ${(error as Error).message}` },
      ]);
      continue;
    }
    read(out, i, value);
  }
  return out.result();
}

type Reader = (out: MentionCollector, index: number, record: unknown) => void;

function recordReader(mappingInput: ColumnMapping): Reader {
  const mapping = readOptions(ColumnMappingSchema, mappingInput, 'column mapping');
  const c: ColumnNames = mapping.columns;
  const isBrand = brandMatcher(mapping.brand);
  const dates = mapping.dates ?? 'auto';
  const tagSeparator = mapping.tagSeparator ?? ',';
  return (out, index, record) => {
    if (record === null || typeof record !== 'object' || Array.isArray(record)) {
      out.reject(index, record, [
        { path: '(record)', message: 'must be an object keyed by column name' },
      ]);
      return;
    }
    const issues: InputIssue[] = [];
    const get = (column: string | undefined) =>
      column === undefined ? undefined : lookup(record, column);
    const str = (column: string | undefined): string | undefined => {
      const v = get(column);
      if (v === undefined || v === null) return undefined;
      if (typeof v === 'string') return v.length > 0 ? v : undefined;
      if (typeof v === 'number' && Number.isInteger(v) && !Number.isSafeInteger(v)) {
        // JSON.parse has already rounded it: 1192370000000000001 arrives as 1192370000000000000.
        issues.push({
          path: column!,
          message: `is a number too large to keep exactly (${String(v)}: digits beyond 2^53 are lost); use its text form (for example id_str)`,
        });
        return undefined;
      }
      if (typeof v === 'number' || typeof v === 'bigint') return String(v);
      if (typeof v === 'boolean') return String(v);
      issues.push({
        path: column!,
        message: `must be text, got ${Array.isArray(v) ? 'an array' : typeof v}`,
      });
      return undefined;
    };
    // An id column: as written, except a whole number a spreadsheet or pandas wrote as a float ("119237.0", which
    // pandas writes for a column with empty cells) reads as the integer, so replies still find their parents; an id
    // in scientific notation ("1.19237E+18") has lost its digits and is rejected.
    const idText = (column: string | undefined): string | undefined => {
      const v = str(column);
      if (v === undefined) return undefined;
      const float = FLOAT_ID.exec(v);
      if (float) return float[1];
      if (SCIENTIFIC_ID.test(v)) {
        issues.push({
          path: column!,
          message: `is in scientific notation (${preview(v)}), so the digits of the id are lost; export ids as text`,
        });
        return undefined;
      }
      return v;
    };
    const required = (column: string, field: string): string | undefined => {
      const v = idText(column);
      if (v === undefined && !issues.some((i) => i.path === column)) {
        issues.push({ path: column, message: `is empty; every mention needs ${field}` });
      }
      return v;
    };
    const count = (column: string | undefined): number | undefined => {
      const v = get(column);
      if (v === undefined || v === null || v === '') return undefined;
      let n = Number.NaN;
      if (typeof v === 'number') n = v;
      else if (typeof v === 'string') {
        const t = v.trim();
        if (t === '') return undefined;
        // Digits, optionally grouped ("1,234", "1_234") or with a zero fraction ("12.0", as pandas writes counts
        // in a column with empty cells); hexadecimal, exponents and other fractions are not counts.
        if (COUNT_TEXT.test(t)) n = Number(t.replace(/[,_]/g, ''));
      }
      if (!Number.isSafeInteger(n) || n < 0) {
        issues.push({
          path: column!,
          message: `must be a whole number of at least 0, got ${preview(v)}`,
        });
        return undefined;
      }
      return n;
    };
    const flag = (column: string | undefined): boolean | undefined => {
      const v = get(column);
      if (v === undefined || v === null || v === '') return undefined;
      if (typeof v === 'boolean') return v;
      const t = String(v).trim().toLowerCase();
      if (TRUE.has(t)) return true;
      if (FALSE.has(t)) return false;
      issues.push({
        path: column!,
        message: `must be true or false (yes/no, 1/0), got ${preview(v)}`,
      });
      return undefined;
    };

    const id = required(c.id, 'an id');
    const text = get(c.text);
    if (typeof text !== 'string') {
      issues.push({
        path: c.text,
        message:
          text === undefined || text === null
            ? 'is missing; every mention needs text'
            : `must be text, got ${typeof text}`,
      });
    }
    const authorId = required(c.authorId, 'an author');
    const rawDate = get(c.createdAt);
    let createdAt: string | undefined;
    if (rawDate === undefined || rawDate === null || rawDate === '') {
      issues.push({ path: c.createdAt, message: 'is empty; every mention needs a date' });
    } else {
      createdAt = toIsoDate(rawDate, dates);
      if (createdAt === undefined)
        issues.push({
          path: c.createdAt,
          message: `is not a ${dateWords(dates)}: ${preview(rawDate)}`,
        });
    }
    const platformText = str(c.platform)?.trim().toLowerCase();
    let platform: Platform = mapping.platform ?? 'other';
    if (platformText !== undefined) {
      if (PLATFORM_SET.has(platformText)) platform = platformText as Platform;
      else
        issues.push({
          path: c.platform!,
          message: `"${platformText.slice(0, 40)}" is not a platform (${PLATFORMS.join(', ')})`,
        });
    }
    const channelText = str(c.channel)?.trim().toLowerCase();
    let channel: Channel = mapping.channel ?? 'public';
    if (channelText !== undefined) {
      if (channelText === 'public' || channelText === 'private') channel = channelText;
      else
        issues.push({
          path: c.channel!,
          message: `must be public or private, got ${preview(channelText)}`,
        });
    }
    const handle = str(c.authorHandle) ?? '';
    let outbound: boolean | undefined;
    const directionText = str(c.direction)?.trim().toLowerCase();
    if (directionText !== undefined) {
      if (directionText === 'inbound' || directionText === 'in') outbound = false;
      else if (directionText === 'outbound' || directionText === 'out') outbound = true;
      else
        issues.push({
          path: c.direction!,
          message: `must be inbound or outbound, got ${preview(directionText)}`,
        });
    } else {
      const inbound = flag(c.inbound);
      if (inbound !== undefined) outbound = !inbound;
    }
    if (outbound === undefined && authorId !== undefined) outbound = isBrand(authorId, handle);
    const metricsColumns = [c.likes, c.replies, c.reposts, c.quotes, c.views];
    const metrics = metricsColumns.some((col) => col !== undefined)
      ? {
          likes: count(c.likes) ?? 0,
          replies: count(c.replies) ?? 0,
          reposts: count(c.reposts) ?? 0,
          quotes: count(c.quotes) ?? 0,
          views: count(c.views) ?? 0,
        }
      : undefined;
    const followers = count(c.followers);
    const verified = flag(c.verified);
    const tagText = str(c.tags);
    const tags = tagText
      ?.split(tagSeparator)
      .map((t) => t.trim())
      .filter((t) => t.length > 0);
    const candidate: MentionInput = compact({
      id: id ?? '',
      platform,
      channel,
      direction: outbound ? 'outbound' : 'inbound',
      author: compact({
        id: authorId ?? '',
        handle,
        name: str(c.authorName),
        followers,
        verified,
        isBrand: outbound === true,
      }),
      text: typeof text === 'string' ? text : '',
      createdAt: createdAt ?? '',
      inReplyToId: idText(c.inReplyToId),
      conversationId: idText(c.conversationId),
      url: str(c.url),
      lang: str(c.lang),
      metrics,
      tags: tags && tags.length > 0 ? tags : undefined,
    });
    if (issues.length > 0) out.reject(index, record, issues);
    else out.offer(index, record, candidate);
  };
}

/** A whole number written as a float: "119237.0" (group 1 is the integer). */
const FLOAT_ID = /^(\d+)\.0+$/;
/** A number a spreadsheet wrote in scientific notation: "1.19237E+18". */
const SCIENTIFIC_ID = /^\d\.\d+e\+\d+$/i;
/** A count as exports write it: plain digits, digits grouped by "," or "_" in threes, or a zero fraction. */
const COUNT_TEXT = /^(?:\d+(?:\.0+)?|\d{1,3}(?:,\d{3})+|\d{1,3}(?:_\d{3})+)$/;

/** A record's value at `column`: its own key of that name, else a dotted path through own keys. */
function lookup(record: object, column: string): unknown {
  if (Object.hasOwn(record, column)) return (record as Record<string, unknown>)[column];
  if (!column.includes('.')) return undefined;
  let value: unknown = record;
  for (const key of column.split('.')) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function preview(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

function dateWords(format: string): string {
  switch (format) {
    case 'iso':
      return 'ISO 8601 date-time with a time zone';
    case 'twitter':
      return 'Twitter date such as "Tue Oct 31 22:10:47 +0000 2017"';
    case 'epoch-seconds':
      return 'number of seconds since 1970';
    case 'epoch-ms':
      return 'number of milliseconds since 1970';
    default:
      return 'date (ISO 8601 with a zone, Twitter format, or epoch seconds or milliseconds; set dates to read other numbers)';
  }
}
