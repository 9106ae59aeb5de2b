#!/usr/bin/env node
// Smoke check of the static Storybook build, opened from disk (file://) in headless Chromium.
//
//   node scripts/check-static.mjs [storybook-static]      (from apps/storybook; `pnpm check:static`)
//
// Opens index.html (the manager) and then every entry of index.json in the preview iframe
// (`iframe.html?id=...&viewMode=story|docs`). An entry fails on any console error, uncaught page error,
// failed file request, Storybook's error display, or a story/play function that did not finish.
// Prints one line per entry, then `N passed, N failed`, and exits non-zero when anything failed.
//
// Why `--allow-file-access-from-files`: since Storybook 7 the build is made of ES modules, and Chromium
// refuses module scripts and fetch() over file:// for every origin unless this flag is given (Storybook
// issue #21978). Everything else already uses relative paths (`./assets/...`, `./index.json`), so with
// the flag the build opens straight from disk; without it, serve the folder over http instead.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright';

const here = path.dirname(fileURLToPath(import.meta.url));
const dir = path.resolve(process.argv[2] ?? path.join(here, '..', 'storybook-static'));
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TIMEOUT_MS = Number(process.env.CHECK_STATIC_TIMEOUT_MS ?? 60_000);
/** Time after a story settles during which late console errors (effects, timers) still count. */
const SETTLE_MS = 300;

const indexPath = path.join(dir, 'index.json');
if (!existsSync(indexPath)) {
  console.error(`check-static: ${indexPath} not found; run \`storybook build\` first.`);
  process.exit(2);
}
/** @type {{ entries: Record<string, { id: string; type: 'story' | 'docs'; title: string; name: string }> }} */
const index = JSON.parse(readFileSync(indexPath, 'utf8'));
const entries = Object.values(index.entries);
const base = pathToFileURL(dir + path.sep).href;

const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-sync',
    '--disable-quic',
    '--allow-file-access-from-files',
  ],
});

/**
 * Opens one URL and returns the problems seen there (empty when it is clean).
 * @param {string} url
 * @param {(page: import('playwright').Page) => Promise<string | undefined>} waitReady
 */
async function visit(url, waitReady) {
  const page = await browser.newPage();
  /** @type {string[]} */
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => {
    problems.push(
      `request failed: ${request.url()} (${request.failure()?.errorText ?? 'unknown'})`,
    );
  });
  try {
    await page.goto(url, { waitUntil: 'load', timeout: TIMEOUT_MS });
    const problem = await waitReady(page);
    if (problem) problems.push(problem);
    await page.waitForTimeout(SETTLE_MS);
  } catch (error) {
    problems.push(error instanceof Error ? error.message.split('\n')[0] : String(error));
  } finally {
    await page.close();
  }
  return problems;
}

/** Waits until the preview has rendered the story and its play function has finished. */
async function storyReady(page) {
  const handle = await page.waitForFunction(
    () => {
      const body = document.body;
      if (body.classList.contains('sb-show-errordisplay')) return 'error';
      if (body.classList.contains('sb-show-nopreview')) return 'nopreview';
      // @ts-expect-error: Storybook's preview global.
      const render = window.__STORYBOOK_PREVIEW__?.currentRender;
      const phase = render?.phase;
      if (phase === 'errored' || phase === 'aborted') return phase;
      if (phase === 'completed' || phase === 'finished') return 'ok';
      return false;
    },
    undefined,
    { timeout: TIMEOUT_MS, polling: 100 },
  );
  const state = await handle.jsonValue();
  if (state === 'ok') return undefined;
  const shown = await page
    .locator('#error-message, .sb-nopreview_heading')
    .first()
    .textContent({ timeout: 1_000 })
    .catch(() => '');
  return `story did not render (${state})${shown ? `: ${shown.trim()}` : ''}`;
}

/** Waits until a docs page (autodocs or MDX) has rendered its content. */
async function docsReady(page) {
  await page.waitForFunction(
    () => {
      const docs = document.querySelector('#storybook-docs .sbdocs-content');
      return (
        document.body.classList.contains('sb-show-errordisplay') ||
        (docs !== null && (docs.textContent ?? '').trim().length > 0)
      );
    },
    undefined,
    { timeout: TIMEOUT_MS, polling: 100 },
  );
  if (await page.evaluate(() => document.body.classList.contains('sb-show-errordisplay'))) {
    return 'docs page shows an error';
  }
  return undefined;
}

/** Waits until the manager shows the sidebar and its preview iframe has rendered something. */
async function managerReady(page) {
  await page.waitForSelector('#storybook-explorer-tree', { timeout: TIMEOUT_MS });
  const frame = page.frameLocator('#storybook-preview-iframe');
  await frame
    .locator('body.sb-show-main')
    .waitFor({ state: 'attached', timeout: TIMEOUT_MS })
    .catch(() => undefined);
  return undefined;
}

let passed = 0;
let failed = 0;
/**
 * @param {string} label
 * @param {string[]} problems
 */
function report(label, problems) {
  if (problems.length === 0) {
    passed += 1;
    console.log(`ok    ${label}`);
  } else {
    failed += 1;
    console.log(`FAIL  ${label}`);
    for (const problem of problems.slice(0, 10)) {
      console.log(`        ${problem.split('\n').slice(0, 2).join(' ').slice(0, 400)}`);
    }
  }
}

try {
  report('index.html (manager)', await visit(`${base}index.html`, managerReady));
  for (const entry of entries) {
    const viewMode = entry.type === 'docs' ? 'docs' : 'story';
    const url = `${base}iframe.html?id=${encodeURIComponent(entry.id)}&viewMode=${viewMode}`;
    const problems = await visit(url, viewMode === 'docs' ? docsReady : storyReady);
    report(`${entry.id} (${entry.title} › ${entry.name})`, problems);
  }
} finally {
  await browser.close();
}

console.log(`\ncheck-static: ${passed} passed, ${failed} failed (${dir}, opened from file://)`);
process.exit(failed === 0 ? 0 : 1);
