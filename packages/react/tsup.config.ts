import { readdirSync, statSync } from 'node:fs';
import { defineConfig } from 'tsup';

// One entry per widget folder (plus the index) with code splitting, so a bundler that imports one widget from
// `dist/index.js` keeps only that widget's chunk ("sideEffects": false). A single-file bundle could not be
// tree-shaken: module-level `memo()`, `createContext()` and table setup calls look like side effects.
const widgets = Object.fromEntries(
  readdirSync('src')
    .filter((name) => /^[A-Z]/.test(name) && statSync(`src/${name}`).isDirectory())
    .map((name) => [`widgets/${name}`, `src/${name}/index.ts`]),
);

export default defineConfig({
  entry: { index: 'src/index.ts', ...widgets },
  format: ['esm', 'cjs'],
  splitting: true,
  dts: true,
  sourcemap: true,
  clean: true,
  treeshake: false,
  target: 'es2022',
  external: ['react', 'react-dom', 'recharts', '@tanstack/react-table', '@rapport/core'],
  tsconfig: 'tsconfig.json',
});
