// Packaging tests: install the packed tarballs into a plain npm project, as a user would, and use them.
// `npm test` packs them first (step `pack`); run alone with: node --test test/
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
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
});
