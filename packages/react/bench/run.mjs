// Browser benchmark of TriageQueue: builds bench/page.tsx with esbuild and runs it in Debian's Chromium.
// Usage: pnpm --filter @rapport/react bench   (CHROMIUM=/path/to/chromium to use another browser)
import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '.rapport-tmp');
mkdirSync(out, { recursive: true });
await build({
  entryPoints: [join(here, 'page.tsx')],
  bundle: true,
  minify: true,
  format: 'iife',
  jsx: 'automatic',
  target: 'es2022',
  outfile: join(out, 'page.js'),
  define: { 'process.env.NODE_ENV': '"production"' },
  // React's profiling build, so <Profiler> reports commit durations in production mode.
  alias: { 'react-dom/client': 'react-dom/profiling' },
  logLevel: 'error',
});
writeFileSync(
  join(out, 'index.html'),
  '<!doctype html><html><head><meta charset="utf-8"><title>bench</title></head>' +
    '<body style="margin:0;font:14px system-ui"><div id="root" style="width:1200px"></div>' +
    '<script src="./page.js"></script></body></html>',
);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-sync',
    '--disable-quic',
  ],
});
const ROUNDS = 5;
let hostileOk = false;
const TICKS = 20;
const results = {
  sortRowsMs: [],
  sortDueMs: [],
  mountCommitMs: [],
  mountToFrameMs: [],
  sortMs: [],
  rowsInDom: [],
  tickCommitMs: [],
  tickWallMs: [],
};
try {
  for (let round = 0; round < ROUNDS; round++) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (e) => {
      console.error('page error:', e.message);
      process.exitCode = 1;
    });
    await page.goto(pathToFileURL(join(out, 'index.html')).href);
    await page.waitForFunction(() => 'bench' in window);
    if (round === 0) {
      const hostile = await page.evaluate(() => window.bench.hostile());
      hostileOk = hostile.executed + hostile.markup + hostile.links + hostile.bidi === 0;
      if (!hostileOk) {
        console.error('hostile text was not inert:', hostile);
        process.exitCode = 1;
      }
    }
    const pure = await page.evaluate(() => window.bench.sortOnly());
    results.sortRowsMs.push(pure.sortRowsMs);
    const mount = await page.evaluate(() => window.bench.mount());
    const sort = await page.evaluate(() => window.bench.sort());
    if (sort.firstPriority !== 100)
      throw new Error(`sort did not put the highest priority first (${sort.firstPriority})`);
    results.mountCommitMs.push(mount.mountCommitMs);
    results.mountToFrameMs.push(mount.mountToFrameMs);
    results.sortMs.push(sort.sortMs);
    const byDue = await page.evaluate(() => window.bench.sort('Due'));
    results.sortDueMs.push(byDue.sortMs);
    results.rowsInDom.push(Math.max(mount.rowsInDom, sort.rowsInDom, byDue.rowsInDom));
    for (let i = 0; i < TICKS; i++) {
      const tick = await page.evaluate(() => window.bench.tick());
      results.tickCommitMs.push(tick.tickCommitMs);
      results.tickWallMs.push(tick.tickWallMs);
    }
    await page.close();
  }
} finally {
  await browser.close();
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const row = (name, value, goal, unit = 'ms') =>
  console.log(
    `${name.padEnd(34)} ${value.toFixed(unit === 'ms' ? 1 : 0).padStart(8)} ${unit.padEnd(5)} goal ${goal}  ${
      (goal.startsWith('<') ? value < Number(goal.slice(2)) : true) ? 'ok' : 'OVER'
    }`,
  );
console.log(
  `TriageQueue, 100,000 conversations, Chromium headless, medians of ${ROUNDS} rounds (${TICKS} ticks each)`,
);
row('mount (render + commit)', median(results.mountCommitMs), '< 300');
row('mount to next frame', median(results.mountToFrameMs), '(info)');
row('sort by priority (commit)', median(results.sortMs), '< 150');
row('  of which sorting 100,000 rows', median(results.sortRowsMs), '(info)');
row('sort by due time (commit)', median(results.sortDueMs), '< 150');
row('rows in the DOM (max)', Math.max(...results.rowsInDom), '< 100', 'rows');
row('one-second timer tick (commit)', median(results.tickCommitMs), '< 4');
row('one-second timer tick (wall)', median(results.tickWallMs), '(info)');
console.log(
  `hostile text (<img onerror>, <script>, javascript: link, RTL override) inert in Chromium: ${hostileOk ? 'ok' : 'FAILED'}`,
);
