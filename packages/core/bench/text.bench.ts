// `pnpm --filter @rapport/core bench text`: speed of analyzeText and scoreMention beside the `sentiment` npm package
// (AFINN) on the same tweets, in one process, medians of several rounds; then hostile inputs against a 50 ms budget.
// It measures the published build (dist/index.js, which `pnpm bench` builds first), as users import it: a bundler
// rewrites code (every top-level `const` becomes `var`), and that can change speed, so the source is not measured.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Mention } from '../src/model/schemas';
import type * as Core from '../src/index';
import { DATASETS } from '../eval/datasets';
import { prng } from '../src/sample/random';

const require = createRequire(import.meta.url);
const Sentiment = require('sentiment') as new () => { analyze(text: string): { score: number } };

const ROUNDS = 15;
/** How long each contender runs before measuring starts, in ms. */
const WARM_UP_MS = 500;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

function loadTweets(): { texts: string[]; source: string } {
  const file = path.join(DATASETS, 'tweeteval-val', 'val_text.txt');
  if (existsSync(file)) {
    const texts = readFileSync(file, 'utf8')
      .split('\n')
      .filter((t) => t.trim() !== '');
    return { texts, source: `${texts.length} TweetEval tweets` };
  }
  const words =
    'my package never arrived where is my refund love this great service support please help order account ' +
    'NOT happy sooooo good #fail @acme 😍 😡 !!! ?? thanks app crash billing today still waiting http://x.co/a'.split(
      ' ',
    );
  const rnd = prng(42);
  const texts = Array.from({ length: 2000 }, () =>
    Array.from(
      { length: 8 + Math.floor(rnd() * 16) },
      () => words[Math.floor(rnd() * words.length)],
    ).join(' '),
  );
  return { texts, source: `${texts.length} generated texts (dataset not found)` };
}

function time(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

/** CPU time of this process in ms: steadier than wall time on a machine shared with other jobs. */
function cpuTime(fn: () => void): number {
  const t0 = process.cpuUsage();
  fn();
  const d = process.cpuUsage(t0);
  return (d.user + d.system) / 1000;
}

/** The newest modification time of any file under `dir`, in ms. */
function newest(dir: string): number {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(file) : statSync(file).mtimeMs);
  }
  return t;
}

/** The published build, refused when it is missing or older than the source (so no stale figures are printed). */
async function loadBuild(): Promise<typeof Core> {
  const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
  const built = path.join(root, 'dist', 'index.js');
  if (!existsSync(built) || statSync(built).mtimeMs < newest(path.join(root, 'src'))) {
    throw new Error(
      'bench text measures the published build: run `pnpm --filter @rapport/core build` first (`pnpm bench` does)',
    );
  }
  return (await import(pathToFileURL(built).href)) as typeof Core;
}

export default async function (): Promise<void> {
  const { analyzeText, scoreMention } = await loadBuild();
  const { texts, source } = loadTweets();
  const afinn = new Sentiment();
  const mentions: Mention[] = texts.map((text, i) => ({
    id: String(i),
    platform: 'x',
    channel: i % 3 === 0 ? 'private' : 'public',
    direction: 'inbound',
    author: {
      id: `a${i % 97}`,
      handle: `user${i % 97}`,
      followers: (i * 7919) % 50_000,
      verified: false,
      isStaff: false,
      isBrand: false,
      isBot: false,
      lifetimeValue: (i * 31) % 2000,
    },
    text,
    createdAt: '2026-11-22T10:00:00Z',
    metrics: { likes: i % 50, replies: i % 7, reposts: i % 11, quotes: i % 3, views: i * 13 },
  }));
  const now = '2026-11-22T12:30:00Z';
  let sink = 0;
  const runSentiment = () => {
    for (const t of texts) sink += afinn.analyze(t).score;
  };
  const runAnalyze = () => {
    for (const t of texts) sink += analyzeText(t).sentiment.score;
  };
  const runScore = () => {
    for (const m of mentions) sink += scoreMention(m, { now }).priority;
  };
  // Warm up every contender before measuring, by time rather than by a count of rounds: the engine keeps compiling
  // and recompiling a function for a while after its first calls (seen with --trace-opt: parts of the analyzer were
  // still being compiled after 30 rounds, and the first rounds ran on a background compiler's thread as well), so a
  // short warm-up measures the compiler, not the code. Each contender runs for at least WARM_UP_MS.
  const warmStart = performance.now();
  for (let k = 0; k < 5 || performance.now() - warmStart < 3 * WARM_UP_MS; k++) {
    runSentiment();
    runAnalyze();
    runScore();
  }
  const n = texts.length;
  const us = (ms: number) => (ms * 1000) / n;
  const perSec = (ms: number) => Math.round(n / (ms / 1000));
  for (const [clock, measure] of [
    ['CPU time', cpuTime],
    ['wall time', time],
  ] as const) {
    // Each of Rapport's functions is timed against `sentiment` alone, in rounds that alternate which of the two goes
    // first. Not all three in one rotation: scoreMention runs analyzeText inside it, so analyzeText timed right after
    // it would find its code and tables warm and read a few per cent faster than a caller's would.
    const pair = (ours: () => void): [number, number, string] => {
      const theirs: number[] = [];
      const mine: number[] = [];
      for (let r = 0; r < ROUNDS; r++) {
        if (r % 2 === 0) {
          theirs.push(measure(runSentiment));
          mine.push(measure(ours));
        } else {
          mine.push(measure(ours));
          theirs.push(measure(runSentiment));
        }
      }
      // The spread of the ratio round by round (each round times both, one right after the other), so a reader sees
      // how far one run's median can be trusted on this machine.
      const ratios = theirs.map((t, r) => t / mine[r]!).sort((x, y) => x - y);
      const spread = `rounds ${ratios[0]!.toFixed(2)}-${ratios[ratios.length - 1]!.toFixed(2)}x`;
      return [median(theirs), median(mine), spread];
    };
    const [s, a, spreadA] = pair(runAnalyze);
    const [s2, m, spreadM] = pair(runScore);
    console.log(
      `\nThroughput on ${source}, ${clock}, median of ${ROUNDS} rounds (one process, each against sentiment, interleaved; Rapport's published build):`,
    );
    console.log('contender                     µs/text   texts/s     vs sentiment');
    console.log(
      `sentiment (AFINN) .analyze    ${us(s).toFixed(2).padStart(7)}   ${String(perSec(s)).padStart(8)}     1.00x`,
    );
    console.log(
      `rapport analyzeText           ${us(a).toFixed(2).padStart(7)}   ${String(perSec(a)).padStart(8)}     ${(s / a).toFixed(2)}x  (target >= 2x; ${spreadA})`,
    );
    console.log(
      `rapport scoreMention          ${us(m).toFixed(2).padStart(7)}   ${String(perSec(m)).padStart(8)}     ${(s2 / m).toFixed(2)}x  (target >= 1x; ${spreadM}; sentiment ${us(s2).toFixed(2)} µs in these rounds)`,
    );
  }

  // Hostile input: each must finish well under 50 ms (analyzeText reads at most 20,000 code units by default;
  // the second column reads the whole input with maxLength: Infinity, to show every pass is linear).
  const rnd = prng(7);
  const MB = 1 << 20;
  const wordSoup = Array.from(
    { length: MB / 6 },
    () => ['good', 'not', 'bad', 'refund', 'never', 'arrived'][Math.floor(rnd() * 6)],
  ).join(' ');
  const hostile: [string, string][] = [
    ['1 MB of words', wordSoup.slice(0, MB)],
    ['100k emoji', '😡😍👍🏽❤️‍🔥'.repeat(20_000).slice(0, 200_000)],
    ['1 MB of "!"', '!'.repeat(MB)],
    ['1 MB of "?!"', '?!'.repeat(MB / 2)],
    ['1 MB one letter', 'a'.repeat(MB)],
    ['1 MB elongations', 'sooooooooooooo '.repeat(MB / 15)],
    ['1 MB of ":):(:/"', ':):(:/'.repeat(MB / 6)],
    ['1 MB of "#@#@"', '#@'.repeat(MB / 2)],
    ['1 MB of hashtags', '#fail#love#a'.repeat(MB / 12)],
    ['1 MB of "http://"', 'http://'.repeat(MB / 7)],
    ['zero-width + RTL', '\u200b\u200d\u202e\u2066'.repeat(MB / 4)],
    ['lone surrogates', '\ud83d'.repeat(MB)],
    ['"not " x 200k', 'not '.repeat(200_000)],
    ['"where is my " x 80k', 'where is my '.repeat(80_000)],
    ['markup', '<div onclick="x">'.repeat(MB / 18)],
  ];
  console.log('\nHostile input (median of 5 runs, ms; budget 50 ms):');
  console.log('input                     chars      default   whole input');
  for (const [name, text] of hostile) {
    const d = median(
      Array.from({ length: 5 }, () => time(() => (sink += analyzeText(text).cues.length))),
    );
    const w = median(
      Array.from({ length: 3 }, () =>
        time(() => (sink += analyzeText(text, { maxLength: Infinity }).cues.length)),
      ),
    );
    console.log(
      `${name.padEnd(24)} ${String(text.length).padStart(8)}   ${d.toFixed(2).padStart(7)}   ${w.toFixed(1).padStart(8)}  ${d < 50 ? 'ok' : 'OVER BUDGET'}`,
    );
  }
  if (sink === 0.123456) console.log(sink); // keep the work observable
}
