// Extracts the READMEs' ```ts / ```tsx blocks (the repository's and each package's) into .rapport-tmp/readme/ and type-checks them against the
// workspace packages, so the examples users copy keep compiling. The packaging tests (test/) also run the ```ts
// blocks against the packed packages and check the values their comments promise.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { log, root, run } from './lib.mjs';

const out = path.join(root, '.rapport-tmp', 'readme');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const readmes = ['README.md', 'packages/core/README.md', 'packages/react/README.md'];
const blocks = readmes.flatMap((file) => [
  ...readFileSync(path.join(root, file), 'utf8').matchAll(/^```(tsx?)\n([\s\S]*?)^```/gm),
]);
blocks.forEach(([, lang, code], i) => {
  // Each block is its own module, so top-level names do not clash between examples.
  writeFileSync(path.join(out, `example-${i + 1}.${lang}`), `${code}\nexport {};\n`);
});
writeFileSync(
  path.join(out, 'tsconfig.json'),
  JSON.stringify(
    {
      extends: '../../tsconfig.base.json',
      compilerOptions: {
        noEmit: true,
        jsx: 'react-jsx',
        lib: ['ES2023', 'DOM', 'DOM.Iterable'],
        types: [],
        baseUrl: '.',
        paths: {
          '@rapport/core': ['../../packages/core/src/index.ts'],
          '@rapport/core/schemas': ['../../packages/core/src/schemas.ts'],
          '@rapport/core/sample': ['../../packages/core/src/sample/index.ts'],
          '@rapport/react': ['../../packages/react/src/index.ts'],
          react: ['../../packages/react/node_modules/@types/react/index.d.ts'],
          'react/jsx-runtime': ['../../packages/react/node_modules/@types/react/jsx-runtime.d.ts'],
          '*': ['../../packages/react/node_modules/*', '../../packages/core/node_modules/*'],
        },
      },
      include: ['*.ts', '*.tsx'],
    },
    null,
    2,
  ),
);
log(`${blocks.length} README examples in ${readmes.join(', ')}`);
const tsc = path.join(root, 'node_modules', '.bin', 'tsc');
process.exit(run(tsc, ['-p', path.join(out, 'tsconfig.json')]).status);
