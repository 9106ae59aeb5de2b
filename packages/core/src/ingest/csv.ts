import { RapportInputError } from '../model/errors';

/** Options of `parseCsv`. */
export interface CsvOptions {
  /** The field separator, one character. Default `,`. */
  delimiter?: string;
}

/**
 * Parses CSV text (RFC 4180) into rows of fields, in one linear pass.
 *
 * Quoted fields may hold the delimiter, line breaks and doubled quotes (`""` is one `"`). Lines may end with
 * CRLF, LF or CR; a byte-order mark and a final line break are ignored. A quote inside an unquoted field is kept
 * as text (as spreadsheets do). A quoted field that never closes throws `RapportInputError` naming the line where
 * it opened, because everything after it would be misread.
 *
 * @example
 * ```ts
 * parseCsv('id,text\r\n1,"Hello, ""world""\nbye"\r\n');
 * // [['id', 'text'], ['1', 'Hello, "world"\nbye']]
 * ```
 */
export function parseCsv(text: string, options: CsvOptions = {}): string[][] {
  const delimiter = options.delimiter ?? ',';
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
    throw new RapportInputError(
      'The CSV delimiter must be one character other than a quote or a line break.',
    );
  }
  const d = delimiter.charCodeAt(0);
  const rows: string[][] = [];
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let row: string[] = [];
  let line = 1;
  if (i >= n) return rows;
  for (;;) {
    // At the start of a field.
    if (text.charCodeAt(i) === 34 /* " */) {
      const openedOn = line;
      let value = '';
      let from = i + 1;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q === -1) {
          throw new RapportInputError(
            `The CSV has a quoted field opened on line ${openedOn} that never closes.`,
          );
        }
        const chunk = text.slice(from, q);
        line += countLineBreaks(chunk);
        value += chunk;
        if (text.charCodeAt(q + 1) === 34) {
          value += '"';
          from = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      // Anything between the closing quote and the next delimiter or line break is kept as text.
      let j = i;
      while (j < n && !isFieldEnd(text.charCodeAt(j), d)) j++;
      value += text.slice(i, j);
      i = j;
      row.push(value);
    } else {
      let j = i;
      while (j < n && !isFieldEnd(text.charCodeAt(j), d)) j++;
      row.push(text.slice(i, j));
      i = j;
    }
    if (i >= n) {
      rows.push(row);
      return rows;
    }
    const c = text.charCodeAt(i);
    if (c === d) {
      i++;
      if (i >= n) {
        row.push('');
        rows.push(row);
        return rows;
      }
      continue;
    }
    // A line break: CRLF, LF or CR.
    i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
    line++;
    rows.push(row);
    row = [];
    if (i >= n) return rows;
  }
}

function isFieldEnd(c: number, delimiter: number): boolean {
  return c === delimiter || c === 10 || c === 13;
}

function countLineBreaks(text: string): number {
  let count = 0;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 10 || (c === 13 && text.charCodeAt(k + 1) !== 10)) count++;
  }
  return count;
}

/**
 * Turns parsed CSV rows into records keyed by the header row.
 *
 * Returns the header and one record per data row; `widths` gives each row's field count so a caller can reject
 * rows whose width differs from the header's. Duplicate header names throw `RapportInputError`.
 *
 * @example
 * ```ts
 * csvRecords([['id', 'text'], ['1', 'hi']]).records; // [{ id: '1', text: 'hi' }]
 * ```
 */
export function csvRecords(rows: readonly string[][]): {
  header: string[];
  records: Record<string, string>[];
  widths: number[];
} {
  const header = (rows[0] ?? []).map((h) => h.trim());
  const seen = new Set<string>();
  for (const h of header) {
    if (seen.has(h)) throw new RapportInputError(`The CSV header names the column "${h}" twice.`);
    seen.add(h);
  }
  const records: Record<string, string>[] = [];
  const widths: number[] = [];
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r]!;
    // Null-prototype records: a column named `__proto__` stays a plain key.
    const record = Object.create(null) as Record<string, string>;
    header.forEach((h, k) => {
      if (k < row.length) record[h] = row[k]!;
    });
    records.push(record);
    widths.push(row.length);
  }
  return { header, records, widths };
}
