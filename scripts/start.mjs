// `npm start`: installs what is missing, then serves the Storybook at http://localhost:6006.
import { ensurePnpm, installDependencies, log, run } from './lib.mjs';

try {
  const pnpm = ensurePnpm();
  installDependencies(pnpm);
  log('Storybook: http://localhost:6006  (Ctrl-C to stop)');
  const { status } = run(pnpm, ['--filter', '@rapport/storybook', 'dev']);
  process.exit(status);
} catch (error) {
  console.error(`\n[rapport] ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
