#!/usr/bin/env node
// Smoke check of the static Storybook build, opened from disk (file://) in headless Chromium.
//
//   node scripts/check-static.mjs [storybook-static] [--reload] [--filter=text]   (`pnpm check:static`)
//
// Opens index.html (the manager), then the preview iframe (`iframe.html?id=...&viewMode=story|docs`) and renders
// every entry of index.json in it. An entry fails on any console error, uncaught page error, failed file request,
// Storybook's error display, or a story/play function that threw or did not finish. Prints one line per entry,
// then `N passed, N failed`, and exits non-zero when anything failed.
//
// By default the preview is loaded once and each entry is rendered in turn through Storybook's own channel
// (`setCurrentStory`, as the manager does when you click in the sidebar), which is many times faster than
// reloading the page for each one. `--reload` opens every entry's URL in a fresh page instead.
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
const args = process.argv.slice(2);
const reload = args.includes('--reload');
const dirArg = args.find((a) => !a.startsWith('--'));
/** `--filter=text`: only entries whose id contains `text` (for a quick look at a few stories). */
const filter = args.find((a) => a.startsWith('--filter='))?.slice('--filter='.length);
const dir = path.resolve(dirArg ?? path.join(here, '..', 'storybook-static'));
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
const entries = Object.values(index.entries).filter((e) => !filter || e.id.includes(filter));
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
/** Entries re-checked on a fresh page because Storybook reloaded the preview while switching to them. */
let reloaded = 0;
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

/**
 * Renders `entry` in an already loaded preview through Storybook's channel and waits for the outcome.
 * @param {import('playwright').Page} page
 */
async function renderInPlace(page, entry) {
  const viewMode = entry.type === 'docs' ? 'docs' : 'story';
  const outcome = await page.evaluate(
    ({ storyId, viewMode, timeout }) =>
      new Promise((resolve) => {
        // @ts-expect-error: Storybook's channel global in the preview.
        const channel = window.__STORYBOOK_ADDONS_CHANNEL__;
        if (!channel) {
          resolve({ state: 'no channel' });
          return;
        }
        /** @type {[string, (payload: unknown) => void][]} */
        const handlers = [];
        const finish = (/** @type {{ state: string; detail?: string }} */ result) => {
          for (const [event, handler] of handlers) channel.off(event, handler);
          clearTimeout(timer);
          resolve(result);
        };
        const on = (/** @type {string} */ event, /** @type {(p: any) => void} */ handler) => {
          handlers.push([event, handler]);
          channel.on(event, handler);
        };
        const describe = (/** @type {any} */ p) =>
          typeof p === 'string' ? p : (p?.message ?? p?.description ?? JSON.stringify(p ?? ''));
        on('storyRendered', (p) => p === storyId && finish({ state: 'ok' }));
        on('docsRendered', (p) => p === storyId && finish({ state: 'ok' }));
        on('storyErrored', (p) => finish({ state: 'storyErrored', detail: describe(p) }));
        on('storyThrewException', (p) =>
          finish({ state: 'storyThrewException', detail: describe(p) }),
        );
        on('playFunctionThrewException', (p) =>
          finish({ state: 'playFunctionThrewException', detail: describe(p) }),
        );
        on('storyMissing', () => finish({ state: 'storyMissing' }));
        const timer = setTimeout(() => finish({ state: 'timeout' }), timeout);
        channel.emit('setCurrentStory', { storyId, viewMode });
      }),
    { storyId: entry.id, viewMode, timeout: TIMEOUT_MS },
  );
  if (outcome.state !== 'ok')
    return `${viewMode} did not render (${outcome.state})${outcome.detail ? `: ${outcome.detail}` : ''}`;
  if (viewMode === 'docs') return docsReady(page);
  return undefined;
}

const label = (entry) => `${entry.id} (${entry.title} › ${entry.name})`;
const urlOf = (entry) =>
  `${base}iframe.html?id=${encodeURIComponent(entry.id)}&viewMode=${entry.type === 'docs' ? 'docs' : 'story'}`;

try {
  report('index.html (manager)', await visit(`${base}index.html`, managerReady));
  if (reload || entries.length === 0) {
    for (const entry of entries) {
      report(
        label(entry),
        await visit(urlOf(entry), entry.type === 'docs' ? docsReady : storyReady),
      );
    }
  } else {
    // One preview page for every entry; problems are attributed to the entry being rendered.
    const page = await browser.newPage();
    /** @type {string[]} */
    let problems = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('requestfailed', (request) => {
      problems.push(
        `request failed: ${request.url()} (${request.failure()?.errorText ?? 'unknown'})`,
      );
    });
    // Stories first, then docs pages: going back from docs to story mode makes Storybook reload the page,
    // while story → story, story → docs and docs → docs render in place.
    const ordered = [
      ...entries.filter((e) => e.type !== 'docs'),
      ...entries.filter((e) => e.type === 'docs'),
    ];
    const [first, ...rest] = ordered;
    try {
      await page.goto(urlOf(first), { waitUntil: 'load', timeout: TIMEOUT_MS });
      const problem = await (first.type === 'docs' ? docsReady(page) : storyReady(page));
      if (problem) problems.push(problem);
      await page.waitForTimeout(SETTLE_MS);
    } catch (error) {
      problems.push(error instanceof Error ? error.message.split('\n')[0] : String(error));
    }
    report(label(first), problems);
    let navigated = false;
    // A real reload fires `load` again; history updates (Storybook rewrites the URL on every switch) do not.
    page.on('load', () => {
      navigated = true;
    });
    for (const entry of rest) {
      problems = [];
      navigated = false;
      try {
        const problem = await renderInPlace(page, entry);
        if (problem) problems.push(problem);
        await page.waitForTimeout(SETTLE_MS);
      } catch (error) {
        const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
        if (/Execution context was destroyed/.test(message)) navigated = true;
        else problems.push(message);
      }
      if (navigated) {
        reloaded += 1;
        // Storybook reloaded the preview while switching (it does so for some docs transitions): check this
        // entry on a fresh page instead, then carry on from a freshly loaded preview.
        problems = await visit(urlOf(entry), entry.type === 'docs' ? docsReady : storyReady);
        await page
          .goto(urlOf(entry), { waitUntil: 'load', timeout: TIMEOUT_MS })
          .catch(() => undefined);
        await (entry.type === 'docs' ? docsReady(page) : storyReady(page)).catch(() => undefined);
        await page.waitForTimeout(SETTLE_MS);
      }
      report(label(entry), problems);
    }
    await page.close();
  }
} finally {
  await browser.close();
}

console.log(
  `\ncheck-static: ${passed} passed, ${failed} failed (${dir}, opened from file://${reload ? ', one page per entry' : `, ${reloaded} re-checked after a preview reload`})`,
);
process.exit(failed === 0 ? 0 : 1);
