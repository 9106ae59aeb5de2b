// `pnpm --filter @rapport/core bench triage`: the triage at scale, on the sample world (Kettle & Pine).
//  1. Ingest 1,000,000 mentions end to end (analyze, score, route, thread, SLA on a business-hours calendar in
//     Europe/London, queue upkeep): mentions per second on one core, with a per-stage breakdown.
//  2. `queue(now)` top 50 of 100,000 open conversations: median of many calls, beside a full sort.
//  3. Memory per open conversation.
// The machine's load average is printed first: with other work running, every figure scales down with it.
// Set TRIAGE_BENCH_MENTIONS to ingest fewer mentions (e.g. 200000) on a slow machine, TRIAGE_BENCH_ROUNDS for
// more or fewer end-to-end rounds (default 3; the median is printed).
// Each inbound mention's text is analysed once per ingest: the same TextSignals go to scoreMention
// (`context.signals`) and to the routing (`signals`).
// The script runs Node with its default young generation (16 MB semi-spaces). A triage holding a million mentions
// collects less often with a larger one: `node --max-semi-space-size=64` ingested about 137,000-139,000 mentions/s
// here against 120,000-137,000 without (2 cores shared, load average 2-3); a setting for users too, documented
// on createTriage.
import { cpus, loadavg } from 'node:os';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { performance } from 'node:perf_hooks';
import type { Mention } from '../src/model/schemas';
import { generateSampleMentions } from '../src/sample';
import { scoreMention } from '../src/scoring';
import { analyzeText } from '../src/text';
import { testSignals } from '../src/triage/fixtures';
import {
  computeSla,
  createTriage,
  routeMention,
  type Calendar,
  type TriageConfig,
} from '../src/triage';

v8.setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const N = Number(process.env.TRIAGE_BENCH_MENTIONS ?? 1_000_000);
const ROUNDS = Math.max(1, Number(process.env.TRIAGE_BENCH_ROUNDS ?? 3));
const BATCH = 1000;
const QUEUE_CONVERSATIONS = 100_000;

const weekday = [{ start: '08:00', end: '20:00' }];
const weekend = [{ start: '10:00', end: '16:00' }];
const london: Calendar = {
  id: 'uk',
  timeZone: 'Europe/London',
  week: {
    mon: weekday,
    tue: weekday,
    wed: weekday,
    thu: weekday,
    fri: weekday,
    sat: weekend,
    sun: weekend,
  },
  holidays: ['2026-12-25', '2026-12-26'],
};
const config: TriageConfig = {
  calendars: [london],
  defaultCalendar: 'uk',
  slaPolicies: [
    {
      id: 'standard',
      targets: {
        firstResponse: 60,
        nextResponse: 120,
        resolution: 24 * 60,
        publicAcknowledgement: 60,
      },
      byBand: { critical: { firstResponse: 15 }, high: { firstResponse: 30 } },
    },
  ],
  routing: {
    rules: [
      {
        id: 'legal',
        when: { keywords: ['lawyer', 'solicitor', 'small claims court', 'trading standards'] },
        then: { department: 'service', needsApproval: 'legal', priorityBoost: 20 },
      },
      {
        id: 'press',
        when: { author: { minFollowers: 50_000 }, sentiment: { labels: ['negative'] } },
        then: { priorityBoost: 15, tags: ['exposure'] },
      },
    ],
  },
};

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

export default async function (): Promise<void> {
  // ----- 1. End to end ---------------------------------------------------------------------------------------------
  // The sample world's first 100,000 mentions (about three weeks at scale 20), repeated with fresh ids and
  // thread keys, each copy shifted by 30 days: generating a million directly takes a minute on this machine.
  const UNIQUE = Math.min(N, 100_000);
  console.log(
    `Building ${fmt(N)} mentions from ${fmt(UNIQUE)} sample mentions (untimed); load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')} on ${cpus().length} cores`,
  );
  const t0 = performance.now();
  const unique: Mention[] = [];
  for (const m of generateSampleMentions({ seed: 7, scale: 20, days: 30 })) {
    unique.push(m);
    if (unique.length >= UNIQUE) break;
  }
  const mentions: Mention[] = [];
  const shift = 30 * 86_400_000;
  for (let copy = 0; mentions.length < N; copy++) {
    for (const m of unique) {
      if (mentions.length >= N) break;
      if (copy === 0) {
        mentions.push(m);
        continue;
      }
      const k = `~${copy}`;
      mentions.push({
        ...m,
        id: m.id + k,
        createdAt: new Date(Date.parse(m.createdAt) + copy * shift).toISOString(),
        ...(m.conversationId !== undefined && { conversationId: m.conversationId + k }),
        ...(m.inReplyToId !== undefined && { inReplyToId: m.inReplyToId + k }),
      });
    }
  }
  const inbound = mentions.filter((m) => m.direction === 'inbound').length;
  console.log(
    `  ${fmt(mentions.length)} mentions (${fmt(inbound)} inbound) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );

  // Every round ingests all the mentions into a fresh triage (in its own call, so that nothing of the previous
  // round stays reachable when the heap is measured); the median round counts.
  const queueEvery = 50_000;
  const round = () => {
    gc();
    const heap0 = process.memoryUsage().heapUsed;
    const t = createTriage(config);
    let ms = 0;
    let queueMs = 0;
    for (let i = 0; i < mentions.length; i += BATCH) {
      const batch = mentions.slice(i, i + BATCH);
      const s = performance.now();
      t.ingest(batch);
      ms += performance.now() - s;
      if ((i + BATCH) % queueEvery === 0) {
        const q = performance.now();
        t.queue(batch[batch.length - 1]!.createdAt);
        queueMs += performance.now() - q;
      }
    }
    gc();
    return { triage: t, ms, queueMs, heap: process.memoryUsage().heapUsed - heap0 };
  };
  const ingestTimes: number[] = [];
  let last: ReturnType<typeof round> | undefined;
  for (let r = 0; r < ROUNDS; r++) {
    // eslint-disable-next-line no-useless-assignment -- releases the previous round before the next measures
    last = undefined;
    last = round();
    ingestTimes.push(last.ms);
  }
  const { triage, queueMs, heap: heapFull } = last!;
  const ingestMs = median(ingestTimes);
  const snap = triage.getSnapshot();
  console.log(
    '\n1. Ingest end to end (analyze once + score + route + thread + SLA + queue upkeep), one core',
  );
  console.log(
    `  ${fmt(mentions.length)} mentions in ${(ingestMs / 1000).toFixed(1)} s (median of ${ROUNDS} rounds: ${ingestTimes
      .map((t) => fmt((mentions.length / t) * 1000))
      .join(', ')}) = ${fmt((mentions.length / ingestMs) * 1000)} mentions/s (target 100,000)`,
  );
  console.log(
    `  queue(now) every ${fmt(queueEvery)} mentions: ${(queueMs / Math.max(1, Math.floor(mentions.length / queueEvery))).toFixed(2)} ms per call`,
  );
  console.log(
    `  ${fmt(snap.openConversations)} open conversations; places ${JSON.stringify(snap.counts)}`,
  );
  console.log(
    `  heap held by the triage beyond the mention objects themselves: ${fmt(heapFull / 1e6)} MB (${fmt(heapFull / mentions.length)} B per mention)`,
  );

  // Per-stage breakdown on the first 50,000 mentions (medians of 3 rounds).
  const sample = mentions.slice(0, 50_000);
  const sampleIn = sample.filter((m) => m.direction === 'inbound');
  const rate = (count: number, fn: () => void) => {
    const times: number[] = [];
    for (let r = 0; r < 3; r++) {
      const s = performance.now();
      fn();
      times.push(performance.now() - s);
    }
    return (count / median(times)) * 1000;
  };
  const signals = sampleIn.map((m) => analyzeText(m.text));
  const stub = testSignals({ complaint: 0.6 }, -0.4);
  const stubScore = { priority: 40, band: 'normal' as const, reasons: [], signals: stub };
  const stages: [string, number][] = [
    [
      'analyzeText (text module)',
      rate(sampleIn.length, () => sampleIn.forEach((m) => analyzeText(m.text))),
    ],
    [
      'scoreMention with signals (scoring module)',
      rate(sampleIn.length, () =>
        sampleIn.forEach((m, i) => scoreMention(m, { signals: signals[i]! })),
      ),
    ],
    [
      'routeMention with signals (2 rules)',
      rate(sampleIn.length, () =>
        sampleIn.forEach((m, i) => routeMention(m, config.routing, signals[i]!)),
      ),
    ],
    [
      'triage.ingest with analyze+score stubbed (threading, routing, SLA, queue upkeep)',
      rate(sample.length, () => {
        const t = createTriage({ ...config, analyze: () => stub, score: () => stubScore });
        for (let i = 0; i < sample.length; i += BATCH) t.ingest(sample.slice(i, i + BATCH));
      }),
    ],
  ];
  console.log(
    '\n  Stage breakdown on 50,000 mentions (inbound only for the first three), per second:',
  );
  for (const [name, r] of stages) console.log(`    ${name.padEnd(82)} ${fmt(r).padStart(10)}`);
  const conv = { mentions: sample.slice(0, 3), channel: 'public' as const, complaint: true };
  const slaRate = rate(20_000, () => {
    for (let i = 0; i < 20_000; i++)
      computeSla(conv, config.slaPolicies![0]!, london, '2026-10-02T12:00:00Z');
  });
  console.log(
    `    ${'computeSla with events (3 messages, London calendar)'.padEnd(82)} ${fmt(slaRate).padStart(10)}`,
  );

  // ----- 2. queue(now) over 100,000 open conversations ---------------------------------------------------------------
  // Prepare 100,000 one-message conversations first, so the heap difference below is the triage's own cost.
  const base = mentions.filter((m) => m.direction === 'inbound');
  const prepared: Mention[] = [];
  for (let k = 0; k < QUEUE_CONVERSATIONS; k++) {
    const m = base[k % base.length]!;
    prepared.push({
      id: `q${k}`,
      platform: m.platform,
      channel: m.channel,
      direction: 'inbound',
      author: m.author,
      text: m.text,
      createdAt: m.createdAt,
    });
  }
  const now = prepared[prepared.length - 1]!.createdAt;
  gc();
  const heap1 = process.memoryUsage().heapUsed;
  const big = createTriage({
    ...config,
    analyze: () => stub,
    score: (m) => ({ ...stubScore, priority: (m.text.length * 7) % 100 }),
  });
  for (let i = 0; i < QUEUE_CONVERSATIONS; i += BATCH) big.ingest(prepared.slice(i, i + BATCH));
  gc();
  const perConversation = (process.memoryUsage().heapUsed - heap1) / QUEUE_CONVERSATIONS;
  const queueTimes: number[] = [];
  const filteredTimes: number[] = [];
  for (let r = 0; r < 31; r++) {
    let s = performance.now();
    big.queue(now);
    queueTimes.push(performance.now() - s);
    s = performance.now();
    big.queue(now, { departments: ['service'] });
    filteredTimes.push(performance.now() - s);
  }
  // The peer: a full sort of every open conversation by the same order, then the first 50.
  const state = big.toJSON();
  const sortTimes: number[] = [];
  const keys = state.conversations.map((c, i) => ({ id: c.id, rank: (i * 7919) % 100_003 }));
  for (let r = 0; r < 11; r++) {
    const s = performance.now();
    [...keys].sort((a, b) => a.rank - b.rank || (a.id < b.id ? -1 : 1)).slice(0, 50);
    sortTimes.push(performance.now() - s);
  }
  console.log(
    `\n2. queue(now) top 50 of ${fmt(big.getSnapshot().openConversations)} open conversations (median of 31 calls)`,
  );
  console.log(
    `  bounded heap, no filter:          ${median(queueTimes).toFixed(2)} ms (target < 5 ms)`,
  );
  console.log(`  bounded heap, department filter:  ${median(filteredTimes).toFixed(2)} ms`);
  console.log(
    `  full sort of the keys only (peer): ${median(sortTimes).toFixed(2)} ms -> heap is ${(median(sortTimes) / median(queueTimes)).toFixed(1)}x faster`,
  );

  // ----- 3. Memory --------------------------------------------------------------------------------------------------
  console.log('\n3. Memory');
  console.log(
    `  ${fmt(perConversation)} B of heap per open conversation: the triage's own record, decision, routing and indexes (the caller's mention object not counted)`,
  );
  // Keep both states alive to the end so the collector cannot free one during a measurement.
  if (triage.getSnapshot().version < 0 || big.getSnapshot().version < 0) console.log('');
}
