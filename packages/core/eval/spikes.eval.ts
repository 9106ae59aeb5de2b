// Spike detection: recall on injected incidents and false alarms per 30 days of normal traffic.
// Part 1: many seeded synthetic hourly series (hour-of-week seasonality, weekends, day-to-day noise) per scenario:
// sharp spikes, slow burns (negative share), single angry threads, collection gaps, normal traffic only.
// Part 2: the sample world (`createSampleWorld`) with its `incidents` ground truth, overall and per department.
// A naive detector (z-score over the previous 24 hours, z > 3, 6-hour cooldown) is printed alongside.
import type { Mention } from '../src/model/schemas';
import {
  bucketMentions,
  detectSpikes,
  detectSpikesByKey,
  type SeriesBucket,
  type Spike,
} from '../src/spikes';
import { syntheticSeries, type SyntheticIncident } from '../src/spikes/synthetic';
import { createSampleWorld, type SampleKind } from '../src/sample';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** A spike counts for an incident when it is raised between the incident's start and 6 hours after its end. */
const GRACE = 6 * HOUR;

interface Tally {
  incidents: number;
  found: number;
  falseAlarms: number;
  normalDays: number;
  delays: number[];
}

const empty = (): Tally => ({ incidents: 0, found: 0, falseAlarms: 0, normalDays: 0, delays: [] });

/** The naive peer: z-score of each bucket against the mean and standard deviation of the previous 24. */
function naiveSpikes(series: readonly SeriesBucket[]): { end: number }[] {
  const out: { end: number }[] = [];
  let lastAlarm = -Infinity;
  for (let i = 24; i < series.length; i++) {
    const window = series.slice(i - 24, i).map((b) => b.count);
    const mean = window.reduce((s, v) => s + v, 0) / 24;
    const sd = Math.sqrt(window.reduce((s, v) => s + (v - mean) ** 2, 0) / 23) || 1;
    const t = Date.parse(series[i]!.start);
    if ((series[i]!.count - mean) / sd > 3 && t - lastAlarm >= 6 * HOUR) {
      out.push({ end: t + HOUR });
      lastAlarm = t;
    }
  }
  return out;
}

/** Scores raised times (epoch ms) against incidents [start, end) in epoch ms. */
function score(
  tally: Tally,
  raised: readonly number[],
  incidents: readonly { start: number; end: number; shouldAlarm: boolean }[],
  spanMs: number,
): void {
  const found = new Set<number>();
  for (const t of raised) {
    const hit = incidents.findIndex((inc) => t > inc.start && t <= inc.end + GRACE);
    if (hit >= 0 && incidents[hit]!.shouldAlarm) {
      if (!found.has(hit)) tally.delays.push((t - incidents[hit]!.start) / HOUR);
      found.add(hit);
    } else tally.falseAlarms++;
  }
  const alarming = incidents.filter((i) => i.shouldAlarm);
  tally.incidents += alarming.length;
  tally.found += found.size;
  const incidentMs = alarming.reduce((s, i) => s + (i.end - i.start + GRACE), 0);
  tally.normalDays += (spanMs - incidentMs) / DAY;
}

function row(name: string, t: Tally, naive?: Tally): string {
  const recall = t.incidents ? (t.found / t.incidents).toFixed(2) : '  - ';
  const fa30 = ((t.falseAlarms / t.normalDays) * 30).toFixed(2);
  const delays = [...t.delays].sort((a, b) => a - b);
  const median = delays.length ? `${delays[delays.length >> 1]!.toFixed(0)} h` : '-';
  const peer = naive
    ? `   | naive: recall ${naive.incidents ? (naive.found / naive.incidents).toFixed(2) : '  - '}, FA/30d ${((naive.falseAlarms / naive.normalDays) * 30).toFixed(2)}`
    : '';
  return `${name.padEnd(44)} ${String(t.incidents).padStart(5)} ${recall.padStart(7)} ${String(t.falseAlarms).padStart(5)} ${fa30.padStart(8)} ${median.padStart(9)}${peer}`;
}

const HEADER = `${'scenario'.padEnd(44)} ${'inc.'.padStart(5)} ${'recall'.padStart(7)} ${'FA'.padStart(5)} ${'FA/30d'.padStart(8)} ${'delay p50'.padStart(9)}`;

function synthetic(): { total: Tally; naiveTotal: Tally } {
  const WEEKS = 12;
  const SEEDS = 20;
  const peaks = [3, 15, 60, 400];
  type Scenario = { name: string; incidents: SyntheticIncident['kind'][] };
  const scenarios: Scenario[] = [
    { name: 'sharp spikes', incidents: Array(8).fill('sharp') },
    { name: 'slow burns (negative share)', incidents: Array(8).fill('slow_burn') },
    { name: 'single angry threads', incidents: Array(8).fill('thread') },
    { name: 'collection gaps + backlog', incidents: Array(8).fill('gap') },
    { name: 'normal traffic only', incidents: [] },
    {
      name: 'mixed',
      incidents: ['sharp', 'thread', 'slow_burn', 'gap', 'sharp', 'gap', 'thread', 'slow_burn'],
    },
  ];
  console.log(
    `\nSynthetic hourly series: ${SEEDS} seeds × ${WEEKS} weeks per scenario and peak volume (3 warm-up weeks without incidents)`,
  );
  console.log(HEADER);
  const total = empty();
  const naiveTotal = empty();
  for (const scenario of scenarios) {
    const all = empty();
    const allNaive = empty();
    for (const peak of peaks) {
      const t = empty();
      const n = empty();
      for (let seed = 1; seed <= SEEDS; seed++) {
        const { series, incidents } = syntheticSeries({
          seed: seed * 7919 + peak,
          weeks: WEEKS,
          peak,
          incidents: scenario.incidents,
        });
        const t0 = Date.parse(series[0]!.start);
        const inc = incidents.map((i) => ({
          start: t0 + i.start * HOUR,
          end: t0 + i.end * HOUR,
          shouldAlarm: i.shouldAlarm,
        }));
        const span = WEEKS * 7 * DAY;
        // Only the weeks after the warm-up count, for both detectors.
        const after = t0 + 3 * 7 * DAY;
        const spikes = detectSpikes(series)
          .map((s) => Date.parse(s.end))
          .filter((e) => e > after);
        score(t, spikes, inc, span - 3 * 7 * DAY);
        score(
          n,
          naiveSpikes(series)
            .map((s) => s.end)
            .filter((e) => e > after),
          inc,
          span - 3 * 7 * DAY,
        );
      }
      console.log(row(`${scenario.name} @ peak ${peak}/h`, t, n));
      for (const [from, to] of [
        [t, all],
        [n, allNaive],
      ] as const) {
        to.incidents += from.incidents;
        to.found += from.found;
        to.falseAlarms += from.falseAlarms;
        to.normalDays += from.normalDays;
        to.delays.push(...from.delays);
      }
    }
    console.log(row(`${scenario.name}: all volumes`, all, allNaive));
    for (const [from, to] of [
      [all, total],
      [allNaive, naiveTotal],
    ] as const) {
      to.incidents += from.incidents;
      to.found += from.found;
      to.falseAlarms += from.falseAlarms;
      to.normalDays += from.normalDays;
      to.delays.push(...from.delays);
    }
  }
  console.log(row('ALL SYNTHETIC', total, naiveTotal));
  return { total, naiveTotal };
}

/** Negative by construction in the sample world (ground truth, independent of any sentiment scorer). */
const NEGATIVE: ReadonlySet<SampleKind> = new Set<SampleKind>([
  'delivery_issue',
  'billing_issue',
  'account_issue',
  'bug_report',
  'complaint',
  'chase',
  'still_broken',
  'cancellation',
]);

const DEPARTMENT: Partial<Record<SampleKind, string>> = {
  delivery_issue: 'logistics',
  chase: 'logistics',
  account_issue: 'product',
  bug_report: 'product',
  still_broken: 'product',
  feature_request: 'product',
  billing_issue: 'service',
  complaint: 'service',
  cancellation: 'service',
  purchase_question: 'sales',
  product_question: 'sales',
  job_inquiry: 'hr',
};

function sampleWorld(): void {
  const configs = [
    ...[1, 2, 3, 4, 5].map((seed) => ({ seed, days: 90, scale: 1 })),
    ...[6, 7].map((seed) => ({ seed, days: 90, scale: 4 })),
  ];
  console.log(
    `\nSample world (createSampleWorld): ${configs.length} worlds of 90 days, incidents as ground truth`,
  );
  console.log(HEADER);
  const overall = empty();
  const byDept = empty();
  const naive = empty();
  let deptRight = 0;
  let deptTotal = 0;
  for (const c of configs) {
    const world = createSampleWorld(c);
    const kindOf = (m: Mention) => world.labels[m.id]?.kind;
    const departmentOf = (m: Mention) => {
      const k = kindOf(m);
      return k ? DEPARTMENT[k] : undefined;
    };
    const buckets = bucketMentions(world.mentions, {
      bucket: 'hour',
      now: world.end,
      by: 'department',
      departmentOf,
      negative: (m) => NEGATIVE.has(kindOf(m)!),
    });
    const spikes = detectSpikesByKey(buckets);
    const inc = world.incidents.map((i) => ({
      start: Date.parse(i.start),
      end: Date.parse(i.end),
      shouldAlarm: true,
    }));
    // The first two weeks are history; incidents are later in a 90-day world.
    const after = Date.parse(world.start) + 14 * DAY;
    const span = Date.parse(world.end) - after;
    const raisedOverall = spikes
      .filter((s) => s.key === undefined)
      .map((s) => Date.parse(s.end))
      .filter((e) => e > after);
    score(overall, raisedOverall, inc, span);
    // Per department: an incident is found when its own department's series raises a spike.
    for (const [k, incident] of world.incidents.entries()) {
      const mine = spikes.filter((s) => s.department === incident.department);
      const hit = mine.some(
        (s) => Date.parse(s.end) > inc[k]!.start && Date.parse(s.end) <= inc[k]!.end + GRACE,
      );
      byDept.incidents++;
      if (hit) byDept.found++;
    }
    const deptRaised = spikes
      .filter((s) => s.key !== undefined)
      .map((s) => Date.parse(s.end))
      .filter((e) => e > after);
    const countOnly = empty();
    score(countOnly, deptRaised, inc, span);
    byDept.falseAlarms += countOnly.falseAlarms;
    byDept.normalDays += countOnly.normalDays;
    score(
      naive,
      naiveSpikes(buckets.overall)
        .map((s) => s.end)
        .filter((e) => e > after),
      inc,
      span,
    );
    // Which department should look, for overall spikes during an incident.
    for (const s of spikes.filter((x) => x.key === undefined)) {
      const k = inc.findIndex(
        (i) => Date.parse(s.end) > i.start && Date.parse(s.end) <= i.end + GRACE,
      );
      if (k < 0) continue;
      const dominant = world.mentions.filter((m) => {
        const t = Date.parse(m.createdAt);
        return t >= Date.parse(s.start) && t < Date.parse(s.end) && m.direction === 'inbound';
      });
      const counts = new Map<string, number>();
      for (const m of dominant) {
        const d = departmentOf(m);
        if (d) counts.set(d, (counts.get(d) ?? 0) + 1);
      }
      const top = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
      deptTotal++;
      if (top === world.incidents[k]!.department) deptRight++;
    }
  }
  console.log(row('overall series', overall, naive));
  console.log(row('per-department series (own dept)', byDept));
  console.log(
    `department that should look (dominant in the spike) right for ${deptRight}/${deptTotal} incident spikes`,
  );
}

function example(): void {
  const { series } = syntheticSeries({
    seed: 3,
    weeks: 8,
    peak: 60,
    incidents: ['sharp', 'slow_burn'],
  });
  const spikes: Spike[] = detectSpikes(series);
  console.log('\nExample spikes (seed 3, peak 60/h):');
  for (const s of spikes) {
    console.log(
      `- ${s.kind} ${s.start} → ${s.end}, severity ${s.severity}, observed ${s.observed} vs expected ${s.expected}`,
    );
    for (const r of s.reasons) console.log(`    ${r}`);
  }
}

export default async function run(): Promise<void> {
  const started = performance.now();
  const { total } = synthetic();
  sampleWorld();
  example();
  const recall = total.found / total.incidents;
  const fa30 = (total.falseAlarms / total.normalDays) * 30;
  console.log(
    `\nTargets: recall ≥ 0.90 → ${recall.toFixed(3)} ${recall >= 0.9 ? 'MET' : 'NOT MET'}; ≤ 1 false alarm per 30 days → ${fa30.toFixed(3)} ${fa30 <= 1 ? 'MET' : 'NOT MET'} (all synthetic scenarios)`,
  );
  console.log(`(${((performance.now() - started) / 1000).toFixed(1)} s)`);
}
