// Packaging tests: install the packed tarballs into a plain npm project, as a user would, and use them.
// `npm test` packs them first (step `pack`); run alone with: node --test test/
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const packDir = path.join(root, '.rapport-tmp', 'pack');
let project;

const tarball = (name) => {
  const file =
    existsSync(packDir) && readdirSync(packDir).find((f) => f.startsWith(`rapport-${name}-`));
  assert.ok(
    file,
    `no packed @rapport/${name} in ${packDir}: run the build and pack steps of npm test first`,
  );
  return path.join(packDir, file);
};
const sh = (cmd, args) =>
  execFileSync(cmd, args, { cwd: project, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const node = (file) => sh(process.execPath, [file]).trim();

/** The READMEs whose ```ts examples a user would copy into a project of their own. */
const READMES = ['README.md', 'packages/core/README.md'];
/**
 * What an example's `declare const name: Type;` stands for when it runs: realistic data from the published sample
 * world and the core's own platform fixtures (an X API v2 response, a Customer Support on Twitter CSV).
 */
const FIXTURES = `
import { readFileSync } from 'node:fs';
import { interactionsFromMentions } from '@rapport/core';
import { createSampleWorld } from '@rapport/core/sample';
const world = createSampleWorld({ seed: 42 });
const fixture = (name) => readFileSync(${JSON.stringify(path.join(root, 'packages/core/src/ingest/fixtures'))} + '/' + name, 'utf8');
export const mentions = world.mentions;
export const accepted = world.mentions;
export const mention = world.mentions.find((m) => m.direction === 'inbound' && m.channel === 'public');
export const rows = interactionsFromMentions(world.mentions).interactions;
export const xResponse = JSON.parse(fixture('x-search-recent.json'));
export const csvText = fixture('twcs-layout.csv');
`;
/** A literal an example's comment promises a `console.log` prints: 'text' or a number as written. */
const LITERAL = String.raw`'[^']*'|-?\d+(?:\.\d+)?`;
const PROMISE = new RegExp(
  String.raw`^(\s*)console\.log\((.*)\); // ((?:${LITERAL})(?:\s+(?:${LITERAL}))*)$`,
);

/**
 * Makes a README example runnable: each `declare const` takes its fixture, and each `console.log(...); // 'won' 0.0124`
 * also checks that it prints those values (a number to the decimals written).
 */
function runnable(code, where) {
  const lines = code.split('\n').map((line) => {
    const declared = /^declare const (\w+)\b/.exec(line);
    if (declared) return `const ${declared[1]} = fixtures.${declared[1]};`;
    const promise = PROMISE.exec(line);
    if (!promise) return line;
    const [, indent, args, literals] = promise;
    const expected = literals
      .match(new RegExp(LITERAL, 'g'))
      .map((l) => (l.startsWith("'") ? l.slice(1, -1) : Number(l)));
    return `${indent}expectPrinted([${args}], ${JSON.stringify(expected)}, ${JSON.stringify(where)});`;
  });
  return [
    "import * as fixtures from './readme-fixtures.mjs';",
    'function expectPrinted(values, expected, where) {',
    '  console.log(...values);',
    '  expected.forEach((want, i) => {',
    "    const got = typeof want === 'number' && typeof values[i] === 'number'",
    "      ? Number(values[i].toFixed((String(want).split('.')[1] ?? '').length)) : values[i];",
    '    if (got !== want) throw new Error(`${where}: the comment promises ${JSON.stringify(want)}, it printed ${JSON.stringify(values[i])}`);',
    '  });',
    '}',
    ...lines,
  ].join('\n');
}

describe('the published packages, installed with plain npm', () => {
  before(() => {
    project = mkdtempSync(path.join(os.tmpdir(), 'rapport-consumer-'));
    writeFileSync(
      path.join(project, 'package.json'),
      JSON.stringify({ name: 'consumer', private: true }),
    );
    sh('npm', [
      'install',
      '--no-audit',
      '--no-fund',
      '--prefer-offline',
      '--loglevel=error',
      tarball('core'),
      tarball('react'),
      'react@19.3.1',
      'react-dom@19.3.1',
      'recharts@3.10.1',
      '@tanstack/react-table@9.3.1',
      'typescript@6.0.3',
      '@types/react@19.3.0',
    ]);
  });
  after(() => rmSync(project, { recursive: true, force: true }));

  it('imports the core as ESM and calls it', () => {
    writeFileSync(
      path.join(project, 'esm.mjs'),
      `import { priorityBand, buildConversations } from '@rapport/core';
       import { parseMentions } from '@rapport/core/schemas';
       const { accepted, rejected } = parseMentions([
         { id: '1', platform: 'x', channel: 'public', direction: 'inbound', author: { id: 'a', handle: '@a' },
           text: 'Where is my parcel?', createdAt: '2026-11-01T10:00:00Z' },
         { id: '2' },
       ]);
       console.log(priorityBand(80), buildConversations(accepted).length, rejected.length);`,
    );
    assert.equal(node('esm.mjs'), 'critical 1 1');
  });

  it('requires the core as CommonJS and calls it', () => {
    writeFileSync(
      path.join(project, 'cjs.cjs'),
      `const { priorityBand } = require('@rapport/core');
       const { MentionSchema } = require('@rapport/core/schemas');
       console.log(priorityBand(10), typeof MentionSchema.safeParse);`,
    );
    assert.equal(node('cjs.cjs'), 'low function');
  });

  it('type-checks a consumer against the packed types (node16 and bundler resolution)', () => {
    writeFileSync(
      path.join(project, 'consumer.mts'),
      `import { priorityBand, type Mention, type PriorityBand } from '@rapport/core';
       import { parseMentions } from '@rapport/core/schemas';
       import { ScoreBadge, type ScoreBadgeProps } from '@rapport/react';
       const band: PriorityBand = priorityBand(50);
       const mentions: Mention[] = parseMentions([]).accepted;
       const props: ScoreBadgeProps = { priority: 50, band };
       // @ts-expect-error a priority is a number
       const wrong: ScoreBadgeProps = { priority: 'high' };
       export { mentions, props, wrong, ScoreBadge };`,
    );
    const tsc = path.join(project, 'node_modules', 'typescript', 'bin', 'tsc');
    const common = [
      '--noEmit',
      '--strict',
      '--skipLibCheck',
      'false',
      '--jsx',
      'react-jsx',
      '--target',
      'es2022',
      'consumer.mts',
    ];
    sh(process.execPath, [tsc, '--module', 'node16', '--moduleResolution', 'node16', ...common]);
    sh(process.execPath, [tsc, '--module', 'esnext', '--moduleResolution', 'bundler', ...common]);
  });

  it('renders a widget from the packed React package on the server (ESM and CJS)', () => {
    writeFileSync(
      path.join(project, 'ssr.mjs'),
      `import { createElement } from 'react';
       import { renderToString } from 'react-dom/server';
       import { ScoreBadge } from '@rapport/react';
       console.log(renderToString(createElement(ScoreBadge, { priority: 91 })));`,
    );
    writeFileSync(
      path.join(project, 'ssr.cjs'),
      `const { createElement } = require('react');
       const { renderToString } = require('react-dom/server');
       const { ScoreBadge } = require('@rapport/react');
       console.log(renderToString(createElement(ScoreBadge, { priority: 12 })));`,
    );
    assert.match(node('ssr.mjs'), /role="status"[^>]*data-band="critical"/);
    assert.match(node('ssr.cjs'), /data-band="low"/);
  });

  it("runs the READMEs' examples against the published packages, with the values their comments promise", () => {
    const ts = createRequire(path.join(project, 'package.json'))('typescript');
    writeFileSync(path.join(project, 'readme-fixtures.mjs'), FIXTURES);
    let count = 0;
    for (const readme of READMES) {
      const text = readFileSync(path.join(root, readme), 'utf8');
      for (const [, code] of text.matchAll(/^```ts\n([\s\S]*?)^```/gm)) {
        count++;
        const where = `${readme}, example ${count}`;
        const js = ts.transpileModule(runnable(code, where), {
          compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
        }).outputText;
        const file = path.join(project, `readme-${count}.mjs`);
        writeFileSync(file, js);
        try {
          sh(process.execPath, [file]);
        } catch (error) {
          assert.fail(`${where} fails when run:\n${error.stderr || error.message}`);
        }
      }
    }
    assert.ok(count >= 8, `found only ${count} examples`);
  });
});
