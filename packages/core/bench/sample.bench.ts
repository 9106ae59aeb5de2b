// `pnpm --filter @rapport/core bench sample`: how fast the sample world is built, and what a million mentions
// cost when streamed (`generateSampleMentions`) for other benchmarks (median of 5 rounds, best of 2 for the stream).
import { createSampleWorld, generateSampleMentions } from '../src/sample';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export default async function () {
  const worldTimes: number[] = [];
  let count = 0;
  for (let round = 0; round < 5; round++) {
    const t = performance.now();
    count = createSampleWorld({ seed: round }).mentions.length;
    worldTimes.push(performance.now() - t);
  }
  const worldMs = median(worldTimes);
  console.log(
    `createSampleWorld() default (30 days, scale 1): ${count.toLocaleString('en')} mentions`,
  );
  console.log(
    `  median ${worldMs.toFixed(0)} ms, ${((count / worldMs) * 1000).toFixed(0)} mentions/s`,
  );

  const scale = 165;
  const streamTimes: number[] = [];
  let streamed = 0;
  let peakHeap = 0;
  // Two rounds only: a million mentions take 10-20 s here, and the bench must stay under a minute.
  for (let round = 0; round < 2; round++) {
    const t = performance.now();
    streamed = 0;
    for (const m of generateSampleMentions({ seed: round, scale })) {
      streamed++;
      if ((streamed & 0xffff) === 0) peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
      if (m.text.length < 0) break;
    }
    streamTimes.push(performance.now() - t);
  }
  const streamMs = Math.min(...streamTimes);
  console.log(
    `generateSampleMentions({ scale: ${scale} }): ${streamed.toLocaleString('en')} mentions streamed`,
  );
  console.log(
    `  best of 2 rounds ${(streamMs / 1000).toFixed(1)} s, ${((streamed / streamMs) * 1000).toFixed(0)} mentions/s, ` +
      `peak heap ${(peakHeap / 1e6).toFixed(0)} MB (sampled every 65,536 mentions)`,
  );
}
