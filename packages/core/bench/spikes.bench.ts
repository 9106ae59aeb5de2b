// Spike detection speed: streaming buckets per second, and batch detection over a year of hourly buckets.
// Peer: a naive rolling z-score over the previous 24 buckets (what a dashboard rule would do), side by side.
import {
  createSpikeDetector,
  detectSpikes,
  mergeSpikeStates,
  restoreSpikeDetector,
  type SeriesBucket,
} from '../src/spikes';
import { syntheticSeries } from '../src/spikes/synthetic';

const ROUNDS = 5;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

function time(fn: () => void): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

function naive(series: readonly SeriesBucket[]): number {
  let alarms = 0;
  let sum = 0;
  let sumSq = 0;
  for (let i = 0; i < series.length; i++) {
    const c = series[i]!.count;
    if (i >= 24) {
      const mean = sum / 24;
      const sd = Math.sqrt(Math.max(sumSq / 24 - mean * mean, 1));
      if ((c - mean) / sd > 3) alarms++;
      const old = series[i - 24]!.count;
      sum -= old;
      sumSq -= old * old;
    }
    sum += c;
    sumSq += c * c;
  }
  return alarms;
}

export default async function run(): Promise<void> {
  // A year of hourly buckets (52 weeks) with incidents, and a longer stream for the streaming figure.
  const year = syntheticSeries({
    seed: 1,
    weeks: 52,
    peak: 120,
    incidents: ['sharp', 'slow_burn', 'thread', 'gap', 'sharp', 'slow_burn', 'sharp', 'gap'],
  }).series;
  const stream = syntheticSeries({ seed: 2, weeks: 52 * 4, peak: 120 }).series;
  // Warm up the JIT.
  detectSpikes(year);
  naive(year);

  const batch: number[] = [];
  const naiveBatch: number[] = [];
  let spikes = 0;
  for (let r = 0; r < ROUNDS; r++) {
    batch.push(time(() => (spikes = detectSpikes(year).length)));
    naiveBatch.push(time(() => naive(year)));
  }

  const streaming: number[] = [];
  const naiveStreaming: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const detector = createSpikeDetector({ bucket: 'hour' });
    streaming.push(
      time(() => {
        for (const b of stream) detector.push(b);
      }),
    );
    naiveStreaming.push(time(() => naive(stream)));
  }

  const detector = createSpikeDetector({ bucket: 'hour' });
  for (const b of year) detector.push(b);
  const state = detector.getState();
  const json = JSON.stringify(state);
  const restore: number[] = [];
  const merge: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    restore.push(time(() => restoreSpikeDetector(JSON.parse(json))));
    merge.push(time(() => mergeSpikeStates(state, state)));
  }

  const perSec = (n: number, ms: number) => Math.round((n / ms) * 1000).toLocaleString('en');
  const b = median(batch);
  const nb = median(naiveBatch);
  const s = median(streaming);
  const ns = median(naiveStreaming);
  console.log(`medians of ${ROUNDS} rounds`);
  console.log(
    `batch, a year of hourly buckets (${year.length.toLocaleString('en')} buckets, ${spikes} spikes): ${b.toFixed(1)} ms` +
      ` (${perSec(year.length, b)} buckets/s) | naive 24-h z-score ${nb.toFixed(2)} ms, ratio ${(b / nb).toFixed(1)}×`,
  );
  console.log(
    `streaming push (${stream.length.toLocaleString('en')} buckets): ${perSec(stream.length, s)} buckets/s, ${((s / stream.length) * 1000).toFixed(2)} µs per bucket` +
      ` | naive ${perSec(stream.length, ns)} buckets/s, ratio ${(s / ns).toFixed(1)}×`,
  );
  console.log(
    `state: ${(json.length / 1024).toFixed(0)} KiB of JSON for hourly buckets (ring of ${state.ring} buckets);` +
      ` restore ${median(restore).toFixed(2)} ms, merge ${median(merge).toFixed(2)} ms`,
  );
}
