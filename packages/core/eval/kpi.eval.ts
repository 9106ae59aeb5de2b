// `pnpm --filter @rapport/core eval kpi`: response-time KPIs on real customer-support threads (twcs-sample).
// The first-response median and the share answered within 60 minutes are computed three ways and printed side
// by side: through the goal tree (`evaluateGoals` on `careEvents`), through `careMetrics`, and by a plain
// independent walk over the CSV rows (threads from in_response_to_tweet_id). They must match.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  buildConversations,
  careEvents,
  careMetrics,
  evaluateGoals,
  presetGoalTree,
  type Mention,
} from '../src/index';
import { parseCsv } from '../src/schemas';
import { dataset } from './datasets';

interface Row {
  tweet_id: string;
  author_id: string;
  inbound: string;
  created_at: string;
  text: string;
  response_tweet_id: string;
  in_response_to_tweet_id: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Tue Oct 31 22:10:47 +0000 2017" → epoch ms (NaN when it does not match). */
function parseTwitterDate(s: string): number {
  const m = /^\w{3} (\w{3}) (\d{2}) (\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2}) (\d{4})$/.exec(
    s.trim(),
  );
  if (!m) return Number.NaN;
  const [, mon, d, hh, mm, ss, sign, oh, om, y] = m;
  const utc = Date.UTC(
    Number(y),
    MONTHS.indexOf(mon!),
    Number(d),
    Number(hh),
    Number(mm),
    Number(ss),
  );
  const offset = (Number(oh) * 60 + Number(om)) * 60_000 * (sign === '+' ? 1 : -1);
  return utc - offset;
}

/** The straightforward computation: thread by reply links, first inbound → first brand reply after it. */
function independent(rows: Row[], targetMs: number) {
  const byId = new Map(rows.map((r) => [r.tweet_id, r]));
  const threadOf = (r: Row): string => {
    let cur = r;
    const seen = new Set<string>();
    for (;;) {
      const parent = cur.in_response_to_tweet_id;
      if (!parent) return cur.tweet_id;
      const p = byId.get(parent);
      if (!p) return parent; // replies to the same missing tweet belong together
      if (seen.has(p.tweet_id)) return p.tweet_id;
      seen.add(p.tweet_id);
      cur = p;
    }
  };
  const threads = new Map<string, Row[]>();
  for (const r of rows) {
    const key = threadOf(r);
    threads.set(key, [...(threads.get(key) ?? []), r]);
  }
  const waits: number[] = [];
  let started = 0;
  let within = 0;
  for (const list of threads.values()) {
    const inbound = list
      .filter((r) => r.inbound === 'True')
      .map((r) => parseTwitterDate(r.created_at))
      .sort((a, b) => a - b);
    if (inbound.length === 0) continue;
    started++;
    const t0 = inbound[0]!;
    const replies = list
      .filter((r) => r.inbound === 'False')
      .map((r) => parseTwitterDate(r.created_at))
      .filter((t) => t >= t0)
      .sort((a, b) => a - b);
    if (replies.length === 0) continue;
    const wait = replies[0]! - t0;
    waits.push(wait);
    if (wait <= targetMs) within++;
  }
  waits.sort((a, b) => a - b);
  const n = waits.length;
  const median =
    n === 0 ? null : n % 2 ? waits[(n - 1) / 2]! : (waits[n / 2 - 1]! + waits[n / 2]!) / 2;
  return { started, answered: n, median, within: started ? within / started : null };
}

export default async function (): Promise<void> {
  const dir = dataset('twcs-sample');
  if (!dir) return;
  const [header, ...body] = parseCsv(readFileSync(path.join(dir, 'sample.csv'), 'utf8'));
  const rows: Row[] = body.map(
    (cells) => Object.fromEntries(header!.map((h, i) => [h, cells[i] ?? ''])) as unknown as Row,
  );
  const targetMs = 60 * 60_000;

  const mentions: Mention[] = [];
  const skipped: string[] = [];
  for (const r of rows) {
    const t = parseTwitterDate(r.created_at);
    if (!Number.isFinite(t)) {
      skipped.push(`${r.tweet_id}: bad date "${r.created_at}"`);
      continue;
    }
    const inbound = r.inbound === 'True';
    mentions.push({
      id: r.tweet_id,
      platform: 'x',
      channel: 'public',
      direction: inbound ? 'inbound' : 'outbound',
      author: {
        id: r.author_id,
        handle: r.author_id,
        followers: 0,
        verified: false,
        isStaff: false,
        isBrand: !inbound,
        isBot: false,
      },
      text: r.text,
      createdAt: new Date(t).toISOString(),
      ...(r.in_response_to_tweet_id && { inReplyToId: r.in_response_to_tweet_id }),
    });
  }
  const times = mentions.map((m) => Date.parse(m.createdAt));
  const from = Math.min(...times);
  const to = Math.max(...times) + 1;
  const conversations = buildConversations(mentions);
  const report = evaluateGoals(
    presetGoalTree({ departments: ['service'], owner: 'Care lead', targetMs }),
    careEvents(conversations),
    { from, to, now: to, grain: 'month' },
  );
  const kpi = (id: string) => report.kpis.find((k) => k.kpi === id)!;
  const care = careMetrics(conversations, { from, to, targetMs });
  const plain = independent(
    rows.filter((r) => Number.isFinite(parseTwitterDate(r.created_at))),
    targetMs,
  );

  const min = (ms: number | null) => (ms === null ? 'n/a' : `${(ms / 60_000).toFixed(2)} min`);
  const pct = (x: number | null) => (x === null ? 'n/a' : `${(x * 100).toFixed(2)}%`);
  console.log(
    `twcs-sample: ${rows.length} tweets (${skipped.length} skipped), ${conversations.length} threads, ` +
      `${new Date(from).toISOString()} … ${new Date(to).toISOString()}`,
  );
  const table = [
    ['', 'evaluateGoals', 'careMetrics', 'independent'],
    [
      'conversations started by a customer',
      String(report.events.inWindow),
      String(care.needingAnswer),
      String(plain.started),
    ],
    [
      'answered by the brand',
      String(kpi('service.first_response_median').eventCount),
      String(care.answered),
      String(plain.answered),
    ],
    [
      'first response, median',
      min(kpi('service.first_response_median').actual),
      min(care.firstResponseMs.median),
      min(plain.median),
    ],
    [
      'answered within 60 min',
      pct(kpi('service.within_target').actual),
      pct(care.withinTarget),
      pct(plain.within),
    ],
    [
      'response rate',
      pct(kpi('service.response_rate').actual),
      pct(care.responseRate),
      pct(plain.started ? plain.answered / plain.started : null),
    ],
    [
      'first response, p90',
      min(kpi('service.first_response_p90').actual),
      min(care.firstResponseMs.p90),
      '—',
    ],
  ];
  const widths = table[0]!.map((_, c) => Math.max(...table.map((r) => r[c]!.length)));
  for (const r of table) console.log(r.map((cell, c) => cell.padEnd(widths[c]!)).join('  '));
  const same =
    kpi('service.first_response_median').actual === plain.median &&
    care.firstResponseMs.median === plain.median &&
    Math.abs((kpi('service.within_target').actual ?? -1) - (plain.within ?? -2)) < 1e-12 &&
    Math.abs((care.withinTarget ?? -1) - (plain.within ?? -2)) < 1e-12;
  console.log(
    same ? 'MATCH: all three computations agree.' : 'MISMATCH: the computations disagree.',
  );
  if (!same) process.exitCode = 1;
}
