// `pnpm --filter @rapport/core bench kpi`: 1,000,000 events through a goal tree of 30 KPIs (goal: < 1 s on one
// core). Prints the median of several rounds of evaluateGoals beside a bare loop that only reads each event's
// source and time (the floor any single pass pays), so the ratio shows what the KPI work costs on top.
import {
  evaluateGoals,
  presetGoalTree,
  type GoalEvent,
  type GoalTree,
  type Kpi,
} from '../src/index';
import { prng } from '../src/sample/random';

export const FROM = Date.UTC(2026, 9, 1);
export const TO = Date.UTC(2027, 0, 1);
export const NOW = Date.UTC(2026, 10, 22, 12);

export function buildTree(): GoalTree {
  const tree = presetGoalTree({ owner: 'Social lead' });
  const target = { from: new Date(FROM).toISOString(), to: new Date(TO).toISOString() };
  for (const k of tree.kpis) k.targets = [{ ...target, value: 1 }];
  tree.sources.push({ id: 'followers', basis: 'platform_terms', scopes: ['aggregate'] });
  const extra: Kpi[] = [];
  const base = {
    objective: 'marketing',
    owner: 'Social lead',
    level: 'outtake',
    direction: 'increase',
  } as const;
  for (const platform of ['x', 'instagram', 'facebook', 'tiktok', 'linkedin']) {
    extra.push({
      ...base,
      id: `answered_${platform}`,
      name: `Answered on ${platform}`,
      unit: 'count',
      metric: {
        kind: 'simple',
        measure: {
          source: 'care',
          agg: 'count',
          filters: [
            { field: 'platform', op: 'eq', value: platform },
            { field: 'answered', op: 'eq', value: true },
          ],
        },
      },
    });
  }
  extra.push(
    {
      ...base,
      id: 'customers',
      name: 'Distinct customers',
      unit: 'count',
      metric: {
        kind: 'simple',
        measure: { source: 'care', agg: 'count_distinct', field: 'customerId' },
      },
    },
    {
      ...base,
      id: 'frt_avg',
      name: 'First response (mean)',
      unit: 'ms',
      direction: 'decrease',
      metric: { kind: 'simple', measure: { source: 'care', agg: 'avg', field: 'firstResponseMs' } },
    },
    {
      ...base,
      id: 'frt_max',
      name: 'Slowest first response',
      unit: 'ms',
      direction: 'decrease',
      metric: { kind: 'simple', measure: { source: 'care', agg: 'max', field: 'firstResponseMs' } },
    },
    {
      ...base,
      id: 'private_share',
      name: 'Share moved to private',
      unit: 'ratio',
      metric: {
        kind: 'ratio',
        numerator: {
          source: 'care',
          agg: 'count',
          filters: [{ field: 'channel', op: 'eq', value: 'private' }],
        },
        denominator: { source: 'care', agg: 'count' },
      },
    },
    {
      ...base,
      level: 'output',
      id: 'followers',
      name: 'Followers (last snapshot per account)',
      unit: 'count',
      metric: {
        kind: 'simple',
        measure: { source: 'followers', agg: 'sum', field: 'count' },
        additivity: 'semi_additive',
        snapshotBy: 'account',
      },
    },
    {
      ...base,
      id: 'mentions_28d',
      name: 'Mentions, rolling 28 days',
      unit: 'count',
      metric: {
        kind: 'cumulative',
        measure: { source: 'mentions', agg: 'count' },
        window: { count: 28, grain: 'day' },
      },
    },
    {
      ...base,
      id: 'pipeline_growth',
      name: 'Pipeline growth vs previous period',
      unit: 'ratio',
      metric: {
        kind: 'derived',
        expr: {
          op: 'div',
          left: {
            op: 'sub',
            left: { kpi: 'sales.social_pipeline' },
            right: { kpi: 'sales.social_pipeline', offset: 1 },
          },
          right: { kpi: 'sales.social_pipeline', offset: 1 },
        },
      },
    },
  );
  extra.push(
    {
      ...base,
      level: 'outcome',
      id: 'resolved',
      name: 'Resolved conversations',
      unit: 'count',
      metric: {
        kind: 'simple',
        measure: {
          source: 'care',
          agg: 'count',
          filters: [{ field: 'resolved', op: 'eq', value: true }],
        },
      },
    },
    {
      ...base,
      level: 'outcome',
      id: 'shipped_or_planned',
      name: 'Ideas shipped or planned',
      unit: 'count',
      metric: {
        kind: 'simple',
        measure: {
          source: 'ideas',
          agg: 'count',
          filters: [{ field: 'status', op: 'in', value: ['shipped', 'planned'] }],
        },
      },
    },
  );
  tree.kpis.push(...extra);
  if (tree.kpis.length !== 30) throw new Error(`expected 30 KPIs, built ${tree.kpis.length}`);
  return tree;
}

export function buildEvents(n: number): GoalEvent[] {
  const rand = prng(42);
  const platforms = ['x', 'instagram', 'facebook', 'tiktok', 'linkedin'];
  const span = NOW - (FROM - (TO - FROM));
  const out: GoalEvent[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const at = FROM - (TO - FROM) + Math.floor(rand() * span);
    const r = rand();
    if (r < 0.5) {
      const answered = rand() < 0.9;
      out[i] = {
        source: 'care',
        at,
        platform: platforms[i % 5],
        channel: rand() < 0.2 ? 'private' : 'public',
        customerId: `c${Math.floor(rand() * 50_000)}`,
        consent: rand() < 0.5,
        answered,
        ...(answered && { firstResponseMs: Math.floor(rand() * 7_200_000) }),
        resolved: answered && rand() < 0.7,
        resolutionMs: Math.floor(rand() * 86_400_000),
      };
    } else if (r < 0.7) out[i] = { source: 'mentions', at, brand: rand() < 0.3 };
    else if (r < 0.8)
      out[i] = { source: 'posts', at, replies: i % 7, reposts: i % 3, likes: i % 50 };
    else if (r < 0.85)
      out[i] = { source: 'leads', at, socialTouched: rand() < 0.4, amount: rand() * 5000 };
    else if (r < 0.9)
      out[i] = {
        source: 'ideas',
        at,
        origin: rand() < 0.5 ? 'social' : 'email',
        status: rand() < 0.2 ? 'shipped' : 'captured',
      };
    else if (r < 0.93)
      out[i] = { source: 'incidents', at, detectedVia: 'social', leadMs: rand() * 3_600_000 };
    else if (r < 0.97)
      out[i] = {
        source: 'applications',
        at,
        channel: 'social',
        hired: rand() < 0.05,
        consent: true,
      };
    else
      out[i] = { source: 'followers', at, account: platforms[i % 5], count: 10_000 + (i % 1000) };
  }
  return out;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export default async function (): Promise<void> {
  const tree = buildTree();
  const events = buildEvents(1_000_000);
  const options = { from: FROM, to: TO, now: NOW, grain: 'day' as const };
  const rounds = 5;
  const times: number[] = [];
  const cpu: number[] = [];
  const floor: number[] = [];
  let sink = 0;
  let report = evaluateGoals(tree, events, options); // warm-up
  for (let r = 0; r < rounds; r++) {
    let t = performance.now();
    const c = process.cpuUsage();
    report = evaluateGoals(tree, events, options);
    times.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
    t = performance.now();
    for (let i = 0; i < events.length; i++) {
      const e = events[i]!;
      if (typeof e.source === 'string' && typeof e.at === 'number') sink += e.at & 1;
    }
    floor.push(performance.now() - t);
  }
  const med = median(times);
  const best = Math.min(...times);
  const cpuMed = median(cpu);
  const rate = (ms: number) => (((events.length / ms) * 1000) / 1e6).toFixed(2);
  console.log(
    `events: ${events.length.toLocaleString('en')}, KPIs: ${tree.kpis.length}, trend buckets: ${report.kpis[0]!.trend.length} (day), rounds: ${rounds}`,
  );
  console.log(
    `evaluateGoals  wall median ${med.toFixed(0)} ms, best ${best.toFixed(0)} ms (${rate(best)} M events/s); CPU time median ${cpuMed.toFixed(0)} ms`,
  );
  console.log(`               wall per round: ${times.map((t) => t.toFixed(0)).join(', ')} ms`);
  console.log(
    `bare loop      wall median ${median(floor).toFixed(1)} ms; evaluateGoals / bare loop: ${(med / median(floor)).toFixed(1)}×`,
  );
  // CPU time counts only the time this process ran (all its threads, so GC helpers too: an upper bound for one
  // core); wall time also counts the time other processes on this shared 2-core machine held the CPUs.
  console.log(
    `goal < 1000 ms on one core: ${cpuMed < 1000 ? 'met' : 'NOT met'} by CPU time (${cpuMed.toFixed(0)} ms); best wall round ${best.toFixed(0)} ms ${best < 1000 ? '(met)' : '(machine under load)'} [sink ${sink}]`,
  );
  const statuses = report.kpis.map((k) => k.status);
  console.log(
    `statuses: ${[...new Set(statuses)].map((s) => `${s} ${statuses.filter((x) => x === s).length}`).join(', ')}`,
  );
}
