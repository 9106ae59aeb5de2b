// Helpers for `npm start` and `npm test`: plain Node, no dependencies, so they run on a bare machine.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
export const PNPM_VERSION = pkg.packageManager.split('@')[1];
const localPnpm = path.join(root, '.tools', 'node_modules', '.bin', 'pnpm');

export function log(message) {
  console.log(`\x1b[1m[rapport]\x1b[0m ${message}`);
}

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root, ...options });
  if (result.error) return { status: 1, error: result.error };
  return { status: result.status ?? 1 };
}

function versionOf(command) {
  const result = spawnSync(command, ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

/** Puts .tools/'s pnpm first on PATH, for the tools that run `pnpm` themselves (publint --pack pnpm). */
export function useLocalPnpm() {
  process.env.PATH = `${path.dirname(localPnpm)}${path.delimiter}${process.env.PATH ?? ''}`;
  return localPnpm;
}

/** The pnpm to use: the pinned version on PATH, or a copy installed into .tools/ (no root needed). */
export function ensurePnpm() {
  if (versionOf('pnpm') === PNPM_VERSION) return 'pnpm';
  if (existsSync(localPnpm) && versionOf(localPnpm) === PNPM_VERSION) return useLocalPnpm();
  // Lifecycle scripts are skipped so every npm version installs it the same way: the scripts only swap the
  // launchers for the native binary, which the launchers find on their own. One retry for a flaky network.
  for (let attempt = 1; attempt <= 2; attempt++) {
    log(`installing pnpm ${PNPM_VERSION} into .tools/ ...${attempt > 1 ? ' (retrying)' : ''}`);
    const result = run('npm', [
      'install',
      '--no-save',
      '--no-audit',
      '--no-fund',
      '--no-package-lock',
      '--ignore-scripts',
      '--prefix',
      path.join(root, '.tools'),
      `pnpm@${PNPM_VERSION}`,
    ]);
    if (result.status === 0 && versionOf(localPnpm) === PNPM_VERSION) return useLocalPnpm();
  }
  throw new Error(
    `Could not install pnpm ${PNPM_VERSION}. Install it with: npm i -g pnpm@${PNPM_VERSION}`,
  );
}

/** Installs the workspace's dependencies from the lockfile (quick when nothing changed). */
export function installDependencies(pnpm) {
  const args = ['install', '--frozen-lockfile', '--prefer-offline'];
  log(`${path.basename(pnpm)} ${args.join(' ')}`);
  const result = run(pnpm, args, { env: { ...process.env, CI: process.env.CI ?? 'true' } });
  if (result.status !== 0) throw new Error('pnpm install failed (see above).');
}

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's Chromium for the browser tests: installed with apt-get when absent and we are root. */
export function ensureChromium() {
  if (existsSync(CHROMIUM)) return CHROMIUM;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    log('installing Debian chromium for the browser tests (apt-get) ...');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    run('apt-get', ['update', '-qq'], { env });
    const result = run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], {
      env,
    });
    if (result.status === 0 && existsSync(CHROMIUM)) return CHROMIUM;
  }
  throw new Error(
    `The browser tests need Chromium at ${CHROMIUM}. On Debian or Ubuntu: sudo apt-get install chromium ` +
      '(or set CHROMIUM_PATH to a Chromium or Chrome binary).',
  );
}
