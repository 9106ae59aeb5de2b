// `pnpm --filter @rapport/core eval ingest`: reads the Customer Support on Twitter sample (twcs-sample) with
// `mentionsFromCsv(text, TWCS_MAPPING)` and prints what it accepted and rejected, beside two baselines on the same
// file: a naive reader that splits lines on "\n" and fields on "," (what a quick script does), and an independent
// character-by-character RFC 4180 reader. Then it prints read speed on the file repeated to about 5 MB.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildConversations } from '../src/index';
import { mentionsFromCsv, parseCsv, TWCS_MAPPING } from '../src/schemas';
import { dataset } from './datasets';

/** An independent RFC 4180 reader, written the simplest way, to check the row count. */
function referenceCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? Number.NaN : sorted[Math.floor(sorted.length / 2)]!;
}

export default async function () {
  const dir = dataset('twcs-sample');
  if (!dir) return;
  const text = readFileSync(path.join(dir, 'sample.csv'), 'utf8');

  const { accepted, rejected } = mentionsFromCsv(text, TWCS_MAPPING);
  const rows = parseCsv(text).length - 1;
  const reference = referenceCsv(text).length - 1;
  const naiveLines = text.split('\n').filter((l) => l.length > 0);
  const naiveBadWidth = naiveLines.slice(1).filter((l) => l.split(',').length !== 7).length;

  console.log('twcs-sample/sample.csv');
  console.log(
    `  data rows             mentionsFromCsv ${rows}   reference RFC 4180 ${reference}   naive split("\\n") ${naiveLines.length - 1}`,
  );
  console.log(
    `  naive lines with != 7 fields (commas or newlines inside quotes): ${naiveBadWidth}`,
  );
  console.log(`  accepted ${accepted.length}, rejected ${rejected.length}`);
  const reasons = new Map<string, number>();
  for (const r of rejected) {
    for (const issue of r.issues) {
      const key = `${issue.path}: ${issue.message.replace(/"[^"]*"/g, '"…"')}`;
      reasons.set(key, (reasons.get(key) ?? 0) + 1);
    }
  }
  for (const [reason, count] of reasons) console.log(`    ${count} × ${reason}`);

  const inbound = accepted.filter((m) => m.direction === 'inbound').length;
  const ids = new Set(accepted.map((m) => m.id));
  const replies = accepted.filter((m) => m.inReplyToId !== undefined);
  const linked = replies.filter((m) => ids.has(m.inReplyToId!)).length;
  console.log(`  inbound ${inbound}, outbound (brand) ${accepted.length - inbound}`);
  console.log(
    `  replies ${replies.length}: parent in the file ${linked}, parent missing ${replies.length - linked}`,
  );

  const conversations = buildConversations(accepted);
  const firstReply: number[] = [];
  for (const c of conversations) {
    const opener = c.mentions.find((m) => m.direction === 'inbound');
    const answer =
      opener &&
      c.mentions.find((m) => m.direction === 'outbound' && m.createdAt >= opener.createdAt);
    if (opener && answer)
      firstReply.push((Date.parse(answer.createdAt) - Date.parse(opener.createdAt)) / 60_000);
  }
  console.log(
    `  conversations ${conversations.length}, awaiting a reply ${conversations.filter((c) => c.awaitingReply).length}, ` +
      `answered ${firstReply.length}, median first reply ${median(firstReply).toFixed(1)} min`,
  );
  console.log(
    `  brands: ${[...new Set(accepted.filter((m) => m.direction === 'outbound').map((m) => m.author.id))].sort().join(', ')}`,
  );

  // Speed: the same file repeated (header once), medians of 5 rounds.
  const body = text.slice(text.indexOf('\n') + 1);
  const big = text.slice(0, text.indexOf('\n') + 1) + body.repeat(300);
  const mb = big.length / 1e6;
  const time = (fn: () => unknown) => {
    const rounds: number[] = [];
    for (let r = 0; r < 5; r++) {
      const t = performance.now();
      fn();
      rounds.push(performance.now() - t);
    }
    return median(rounds);
  };
  const tParse = time(() => parseCsv(big));
  const tRef = time(() => referenceCsv(big));
  const tImport = time(() => mentionsFromCsv(big, TWCS_MAPPING));
  const n = rows * 300;
  console.log(
    `\nspeed on ${mb.toFixed(1)} MB (${n.toLocaleString('en')} rows; ids repeat, so all but the first copy are rejected as duplicates)`,
  );
  console.log(
    `  parseCsv              ${tParse.toFixed(0)} ms  ${(mb / (tParse / 1000)).toFixed(0)} MB/s`,
  );
  console.log(
    `  reference char loop   ${tRef.toFixed(0)} ms  ${(mb / (tRef / 1000)).toFixed(0)} MB/s   (parseCsv is ${(tRef / tParse).toFixed(1)}× faster)`,
  );
  console.log(
    `  mentionsFromCsv       ${tImport.toFixed(0)} ms  ${((n / tImport) * 1000).toFixed(0)} rows/s (parse, map, validate with zod)`,
  );
}
