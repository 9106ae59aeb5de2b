// Where the evaluations find the labelled development datasets: RAPPORT_DATASETS, or ../shared/datasets
// beside the repository. They are not part of the repository; an evaluation skips with a message without them.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export const DATASETS =
  process.env.RAPPORT_DATASETS ?? path.resolve(repoRoot, '../shared/datasets');

/** The path of a dataset folder, or undefined (with a printed message) when it is missing. */
export function dataset(name: string): string | undefined {
  const dir = path.join(DATASETS, name);
  if (existsSync(dir)) return dir;
  console.log(`skipped: dataset ${name} not found at ${dir} (set RAPPORT_DATASETS)`);
  return undefined;
}
