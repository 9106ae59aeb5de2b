// `npm test`: installs what is missing, then runs every check and ends with the runners' summary.
//   --no-install   skip pnpm/dependency/Chromium installation (for a quick re-run)
//   --only a,b     run only the named steps (see STEPS below)
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import {
  CHROMIUM,
  ensureChromium,
  ensurePnpm,
  installDependencies,
  log,
  root,
  run,
  useLocalPnpm,
} from './lib.mjs';

const args = process.argv.slice(2);
const install = !args.includes('--no-install');
const onlyIndex = args.indexOf('--only');
const only = onlyIndex >= 0 ? new Set(args[onlyIndex + 1]?.split(',')) : undefined;
const tmp = path.join(root, '.rapport-tmp');
const packDir = path.join(tmp, 'pack');
const vitestReport = path.join(tmp, 'vitest-report.json');
const nodeReport = path.join(tmp, 'node-test-report.txt');
const PACKAGES = ['packages/core', 'packages/react'];

let pnpm = 'pnpm';
const exec = (bin, argv, options) => run(bin, argv, options).status === 0;
const pnpmExec = (...argv) => exec(pnpm, ['exec', ...argv]);

/** Each step is one check; all run, even after a failure, so one run shows every problem. */
const STEPS = [
  [
    'format',
    'Prettier formatting',
    () => pnpmExec('prettier', '--check', '--log-level', 'warn', '.'),
  ],
  ['lint', 'ESLint', () => pnpmExec('eslint', '--max-warnings', '0', '.')],
  ['typecheck', 'type-check every package', () => exec(pnpm, ['-r', '--if-present', 'typecheck'])],
  [
    'readme',
    "type-check the README's examples",
    () => exec('node', ['scripts/readme-examples.mjs']),
  ],
  [
    'unit',
    'unit tests (core, react) and story tests in headless Chromium',
    () =>
      pnpmExec(
        'vitest',
        'run',
        '--reporter=default',
        '--reporter=json',
        `--outputFile.json=${vitestReport}`,
      ),
  ],
  ['build', 'build the packages', () => exec(pnpm, ['-r', '--filter', './packages/*', 'build'])],
  ['pack', 'pack the packages as they are published', packPackages],
  [
    'publint',
    'publint --strict',
    () => PACKAGES.every((dir) => pnpmExec('publint', '--strict', '--pack', 'pnpm', dir)),
  ],
  [
    'attw',
    'are the types wrong',
    () => tarballs().every((t) => pnpmExec('attw', '--profile', 'node16', t)),
  ],
  ['size', 'size budgets (size-limit)', () => pnpmExec('size-limit')],
  [
    'storybook',
    'static Storybook build',
    () => exec(pnpm, ['--filter', '@rapport/storybook', 'build']),
  ],
  [
    'static',
    'the static Storybook opens from disk with no browser errors',
    () => exec(pnpm, ['--filter', '@rapport/storybook', 'check:static']),
  ],
  [
    'packaging',
    'packaging tests: the packed packages in a plain npm project',
    () =>
      exec('node', [
        '--test',
        '--test-reporter=spec',
        `--test-reporter=tap`,
        '--test-reporter-destination=stdout',
        `--test-reporter-destination=${nodeReport}`,
        'test/',
      ]),
  ],
];

function packPackages() {
  rmSync(packDir, { recursive: true, force: true });
  mkdirSync(packDir, { recursive: true });
  return PACKAGES.every((dir) =>
    exec(pnpm, ['pack', '--pack-destination', packDir], { cwd: path.join(root, dir) }),
  );
}

function tarballs() {
  return existsSync(packDir)
    ? readdirSync(packDir)
        .filter((f) => f.endsWith('.tgz'))
        .map((f) => path.join(packDir, f))
    : [];
}

function countTests() {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  if (existsSync(vitestReport)) {
    const report = JSON.parse(readFileSync(vitestReport, 'utf8'));
    passed += report.numPassedTests ?? 0;
    failed += report.numFailedTests ?? 0;
    skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  }
  if (existsSync(nodeReport)) {
    const tap = readFileSync(nodeReport, 'utf8');
    passed += Number(/^# pass (\d+)/m.exec(tap)?.[1] ?? 0);
    failed += Number(/^# fail (\d+)/m.exec(tap)?.[1] ?? 0);
    skipped += Number(/^# skipped (\d+)/m.exec(tap)?.[1] ?? 0);
  }
  return { passed, failed, skipped };
}

try {
  rmSync(vitestReport, { force: true });
  rmSync(nodeReport, { force: true });
  mkdirSync(tmp, { recursive: true });
  if (install) {
    pnpm = ensurePnpm();
    installDependencies(pnpm);
    ensureChromium();
  } else {
    pnpm = existsSync(path.join(root, '.tools/node_modules/.bin/pnpm')) ? useLocalPnpm() : 'pnpm';
    if (!existsSync(CHROMIUM))
      log(`warning: no Chromium at ${CHROMIUM}; the story tests will fail`);
  }
} catch (error) {
  console.error(`\n[rapport] ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}

const results = [];
for (const [name, title, check] of STEPS) {
  if (only && !only.has(name)) continue;
  log(`── ${name}: ${title}`);
  const started = Date.now();
  let ok = false;
  try {
    ok = check();
  } catch (error) {
    console.error(error);
  }
  results.push({ name, ok, seconds: (Date.now() - started) / 1000 });
  log(`${ok ? 'ok  ' : 'FAIL'} ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

console.log('\nSummary');
for (const r of results)
  console.log(`  ${r.ok ? 'ok  ' : 'FAIL'} ${r.name.padEnd(10)} ${r.seconds.toFixed(1)} s`);
const failedSteps = results.filter((r) => !r.ok).length;
const tests = countTests();
console.log(`checks: ${results.length - failedSteps} passed, ${failedSteps} failed`);
console.log(
  `tests: ${tests.passed} passed, ${tests.failed} failed${tests.skipped ? `, ${tests.skipped} skipped` : ''}`,
);
process.exit(failedSteps === 0 && tests.failed === 0 ? 0 : 1);
