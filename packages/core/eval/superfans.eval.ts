// `pnpm --filter @rapport/core eval superfans`: does Rapport find the people who help, without reputation?
// On the History Stack Exchange export (history-se): interactions are built from posts, comments and votes;
// members are ranked by `detectSuperfans`; the top of the list is compared with behavioural badges Stack
// Exchange awarded on its own (Teacher, Enthusiast, Fanatic, Civic Duty, ...), against two baselines: ranking by
// reputation and by raw post count. Rapport never reads reputation or badges.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  detectSuperfans,
  interactionsFromStackExchange,
  type CommunityReport,
  type StackExchangeComment,
  type StackExchangePost,
  type StackExchangeUser,
  type StackExchangeVote,
  type SuperfanOptions,
} from '../src/index';
import { csvRecords, parseCsv } from '../src/schemas';
import { dataset } from './datasets';

/** A CSV file's data rows as records keyed by its header (blank lines skipped). */
function readRecords(file: string): Array<Record<string, string>> {
  const { records, widths } = csvRecords(parseCsv(readFileSync(file, 'utf8')));
  return records.filter((_, i) => widths[i]! > 1);
}

const num = (s: string | undefined): number | undefined =>
  s === undefined || s === '' ? undefined : Number(s);

/** Badges awarded for behaviour over time, grouped by what they reward. */
const HELP_BADGES = [
  'Teacher',
  'Explainer',
  'Enlightened',
  'Necromancer',
  'Revival',
  'Nice Answer',
  'Good Answer',
  'Guru',
];
const HABIT_BADGES = [
  'Enthusiast',
  'Fanatic',
  'Civic Duty',
  'Commentator',
  'Pundit',
  'Suffrage',
  'Vox Populi',
];
const BEHAVIOURAL = [...HELP_BADGES, ...HABIT_BADGES];

type Ranking = string[];

function precisionAt(ranking: Ranking, holders: Set<string>, k: number): number {
  const top = ranking.slice(0, k);
  if (top.length === 0) return 0;
  return top.filter((u) => holders.has(u)).length / top.length;
}

/** Share of all holders found in the top `holders.size` (R-precision). */
function rPrecision(ranking: Ranking, holders: Set<string>): number {
  return precisionAt(ranking, holders, holders.size);
}

function pct(v: number): string {
  return `${(v * 100).toFixed(0)}%`;
}

export default async function superfansEval(): Promise<void> {
  const dir = dataset('history-se');
  if (!dir) return;
  const read = (name: string) => readRecords(path.join(dir, name));
  const started = performance.now();
  const postRows = read('Posts.csv');
  const commentRows = read('Comments.csv');
  const voteRows = read('Votes.csv');
  const userRows = read('Users.csv');
  const badgeRows = read('Badges.csv');

  const posts: StackExchangePost[] = postRows.map((r) => ({
    id: r.Id!,
    postTypeId: Number(r.PostTypeId),
    ownerUserId: r.OwnerUserId || null,
    creationDate: r.CreationDate!,
    parentId: r.ParentId || null,
    acceptedAnswerId: r.AcceptedAnswerId || null,
  }));
  const comments: StackExchangeComment[] = commentRows.map((r) => ({
    id: r.Id!,
    postId: r.PostId!,
    userId: r.UserId || null,
    creationDate: r.CreationDate!,
    text: r.Text ?? '',
  }));
  const votes: StackExchangeVote[] = voteRows.map((r) => ({
    id: r.Id!,
    postId: r.PostId!,
    voteTypeId: Number(r.VoteTypeId),
    userId: r.UserId || null,
    creationDate: r.CreationDate!,
  }));
  const users: StackExchangeUser[] = userRows.map((r) => ({
    id: r.Id!,
    displayName: r.DisplayName ?? '',
  }));

  const batch = interactionsFromStackExchange({ posts, comments, votes, users });
  const skippedBy = new Map<string, number>();
  for (const s of batch.skipped)
    skippedBy.set(
      s.reason.replace(/\d+/g, 'N'),
      (skippedBy.get(s.reason.replace(/\d+/g, 'N')) ?? 0) + 1,
    );
  let last = 0;
  for (const it of batch.interactions) last = Math.max(last, Date.parse(it.at));
  const now = new Date(last + 86_400_000).toISOString();
  console.log(
    `history-se: ${posts.length} posts, ${comments.length} comments, ${votes.length} votes, ${users.length} users -> ${batch.interactions.length} interactions (${batch.skipped.length} skipped: ${[...skippedBy].map(([r, n]) => `${n} ${r}`).join('; ')}); now = ${now}`,
  );

  // Labels: behavioural badges. Candidates: everyone who posted or commented (not the Community bot).
  const badgesOf = new Map<string, Set<string>>();
  for (const b of badgeRows) {
    if (!BEHAVIOURAL.includes(b.Name!)) continue;
    const set = badgesOf.get(b.UserId!) ?? new Set<string>();
    set.add(b.Name!);
    badgesOf.set(b.UserId!, set);
  }
  const active = new Set<string>();
  for (const it of batch.interactions)
    if (it.type !== 'like' && it.type !== 'follow') active.add(it.memberId);
  active.delete('-1');
  const holdersOf = (names: string[]) =>
    new Set([...active].filter((u) => names.some((n) => badgesOf.get(u)?.has(n))));
  const labels: Array<[string, Set<string>]> = [
    ['any behavioural badge', holdersOf(BEHAVIOURAL)],
    ['helping badge (Teacher, Explainer, Enlightened, ...)', holdersOf(HELP_BADGES)],
    ['habit badge (Enthusiast, Fanatic, Civic Duty, ...)', holdersOf(HABIT_BADGES)],
    ['Enthusiast or Fanatic', holdersOf(['Enthusiast', 'Fanatic'])],
  ];

  // Baselines.
  const byId = (a: string, b: string) => Number(a) - Number(b);
  const reputation = new Map(userRows.map((r) => [r.Id!, num(r.Reputation) ?? 0]));
  const byReputation = [...active].sort(
    (a, b) => (reputation.get(b) ?? 0) - (reputation.get(a) ?? 0) || byId(a, b),
  );
  const postCount = new Map<string, number>();
  for (const p of posts) {
    const o = p.ownerUserId ? String(p.ownerUserId) : undefined;
    if (o && (p.postTypeId === 1 || p.postTypeId === 2))
      postCount.set(o, (postCount.get(o) ?? 0) + 1);
  }
  const byPosts = [...active].sort(
    (a, b) => (postCount.get(b) ?? 0) - (postCount.get(a) ?? 0) || byId(a, b),
  );

  // Rapport: the defaults (recent behaviour matters most), and a whole-history view that matches how badges
  // accumulate over a site's life (half-life 3 years, presence over 5 years).
  const configs: Array<[string, SuperfanOptions]> = [
    ['Rapport (defaults: half-life 90 d, 26 weeks)', { now, members: batch.members }],
    [
      'Rapport (whole history: half-life 3 y, 260 weeks)',
      {
        now,
        members: batch.members,
        halfLifeDays: 3 * 365,
        presenceWindowWeeks: 260,
        presenceRecentWeeks: 26,
        gate: { minActiveWeeks: 26 },
      },
    ],
  ];
  const reports: Array<[string, CommunityReport, number]> = configs.map(([name, options]) => {
    const s = performance.now();
    const report = detectSuperfans(batch.interactions, options);
    return [name, report, performance.now() - s];
  });
  const rankOf = (report: CommunityReport): Ranking => {
    const ranked = report.members.map((m) => m.memberId).filter((u) => active.has(u));
    const seen = new Set(ranked);
    return [...ranked, ...[...active].filter((u) => !seen.has(u)).sort(byId)];
  };
  const rankings: Array<[string, Ranking]> = [
    ...reports.map(([name, report]) => [name, rankOf(report)] as [string, Ranking]),
    ['baseline: reputation', byReputation],
    ['baseline: raw post count', byPosts],
  ];

  const ks = [10, 25, 50, 100];
  for (const [label, holders] of labels) {
    console.log(
      `\nlabel: ${label} — ${holders.size} of ${active.size} active members hold it (random ranking: ${pct(holders.size / active.size)})`,
    );
    const table: Record<string, Record<string, string>> = {};
    for (const [name, ranking] of rankings) {
      const row: Record<string, string> = {};
      for (const k of ks) row[`P@${k}`] = pct(precisionAt(ranking, holders, k));
      row[`R-prec (k=${holders.size})`] = pct(rPrecision(ranking, holders));
      table[name] = row;
    }
    console.table(table);
  }

  console.log('\nRapport superfans (absolute gate) against the badges:');
  const gateTable: Record<string, Record<string, string | number>> = {};
  const any = labels[0]![1];
  for (const [name, report, ms] of reports) {
    const superfans = report.members.filter((m) => m.superfan).map((m) => m.memberId);
    gateTable[name] = {
      superfans: superfans.length,
      'hold a behavioural badge': superfans.length
        ? pct(superfans.filter((u) => any.has(u)).length / superfans.length)
        : '-',
      'helper path': report.members.filter((m) => m.superfan && m.gate.paths.includes('helper'))
        .length,
      'informant path': report.members.filter(
        (m) => m.superfan && m.gate.paths.includes('informant'),
      ).length,
      'ranked members': report.members.length,
      'ms to rank': Math.round(ms),
    };
  }
  console.table(gateTable);
  const whole = reports[1]![1];
  console.log('\nTop 5 (whole history), as a community manager would read them:');
  for (const m of whole.members.slice(0, 5))
    console.log(
      `  #${m.rank} ${m.name ?? m.memberId} (score ${m.score}${m.superfan ? ', superfan' : ''}; badges: ${[...(badgesOf.get(m.memberId) ?? [])].join(', ') || 'none'}): ${m.reasons.slice(1, 3).join('; ')}`,
    );
  console.log(`\nhealth (whole history): ${whole.health.summary}`);
  console.log(`eval took ${Math.round(performance.now() - started)} ms`);
}
