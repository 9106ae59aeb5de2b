// The API docs' examples run, and say what they print: every `@example` block in the core's source is run against
// the package (its public exports and the module it documents), and every line of the form
// `expression; // 'value' and more words` checks that the expression gives that value (a number to the decimals
// written, or within 1e-12 of it), and `expression; // RangeError: message` that it throws so.
//
// Examples written around a placeholder (`mentions`, `tree`, a `fetch` to a platform) stop at the first use of it:
// they are counted as illustrative, and the claims before that point are still checked.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = path.dirname(fileURLToPath(import.meta.url));

interface Example {
  file: string;
  code: string;
}

function examplesIn(file: string): Example[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/@example\s*\n\s*\*\s*```tsx?\n([\s\S]*?)\n\s*\*\s*```/g)].map((m) => ({
    file: path.relative(SRC, file),
    code: m[1]!
      .split('\n')
      .map((line) => line.replace(/^\s*\* ?/, ''))
      .join('\n'),
  }));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [file] : [];
  });
}

/** A literal at the start of a comment: 'text', "text", a number (1_260_000, 0.854), true, false, null, undefined. */
const LITERAL =
  /^('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|-?\d[\d_]*(?:\.\d+)?(?:e[-+]?\d+)?|true|false|null|undefined|NaN)(?=$|[\s:;,(.])/;
/** A comment that says the line throws: `RangeError: now must be …`. */
const THROWS = /^([A-Z]\w*Error): (.+)$/;
const STATEMENT = /^(const|let|var|for|if|return|export|declare|type|interface|await|throw)\b/;

type Claim =
  | { kind: 'value'; want: unknown; written: string; line: string }
  | { kind: 'throws'; name: string; message: string; line: string };

/** Rewrites claim lines into calls of `__claim(() => expression, index)`, and lists the claims. */
function instrument(code: string): { source: string; claims: Claim[] } {
  const claims: Claim[] = [];
  const lines = code
    .split('\n')
    .filter((line) => !/^\s*import\s/.test(line))
    .map((line) => {
      const m = /^(\s*)([^/\s].*?);\s*\/\/ (.*)$/.exec(line);
      if (!m || STATEMENT.test(m[2]!)) return line;
      const [, indent, expression, comment] = m;
      const thrown = THROWS.exec(comment!);
      if (thrown) {
        claims.push({ kind: 'throws', name: thrown[1]!, message: thrown[2]!, line: line.trim() });
      } else {
        const literal = LITERAL.exec(comment!);
        if (!literal) return line;
        const written = literal[1]!;
        const want: unknown =
          written === 'undefined'
            ? undefined
            : written === 'NaN'
              ? Number.NaN
              : /^['"]/.test(written)
                ? (new Function(`return ${written}`)() as string)
                : JSON.parse(written.replace(/_/g, ''));
        claims.push({ kind: 'value', want, written, line: line.trim() });
      }
      return `${indent}__claim(() => (${expression}), ${claims.length - 1});`;
    });
  return { source: lines.join('\n'), claims };
}

function holds(claim: Claim & { kind: 'value' }, got: unknown): boolean {
  if (typeof claim.want === 'number' && typeof got === 'number') {
    if (Number.isNaN(claim.want)) return Number.isNaN(got);
    const decimals = (claim.written.split('.')[1] ?? '').length;
    return (
      Number(got.toFixed(decimals)) === claim.want ||
      Math.abs(got - claim.want) <= 1e-12 * Math.abs(claim.want)
    );
  }
  return Object.is(got, claim.want);
}

/** Thrown by the placeholders' stand-ins (a `fetch` to a platform): the example is illustrative from there on. */
class Placeholder extends Error {}

interface Outcome {
  ran: boolean;
  stoppedAt?: string;
  checked: number;
  failures: string[];
}

async function run(example: Example, scope: Record<string, unknown>): Promise<Outcome> {
  const { source, claims } = instrument(example.code);
  const js = ts.transpileModule(source, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
  }).outputText;
  const failures: string[] = [];
  let checked = 0;
  const claim = (evaluate: () => unknown, index: number) => {
    const c = claims[index]!;
    checked++;
    if (c.kind === 'throws') {
      try {
        evaluate();
      } catch (error) {
        const e = error as Error;
        if (e.name !== c.name || !e.message.startsWith(c.message))
          failures.push(`${c.line}\n    threw ${e.name}: ${e.message}`);
        return;
      }
      failures.push(`${c.line}\n    did not throw`);
      return;
    }
    const got = evaluate();
    if (!holds(c, got)) failures.push(`${c.line}\n    gives ${JSON.stringify(got)}`);
  };
  const names = Object.keys(scope).filter((name) => /^[A-Za-z_$][\w$]*$/.test(name));
  const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as FunctionConstructor;
  try {
    await new AsyncFunction('__claim', ...names, js)(claim, ...names.map((name) => scope[name]));
    return { ran: true, checked, failures };
  } catch (error) {
    const e = error as Error;
    const placeholder = /^(\w+) is not defined$/.exec(e.message)?.[1];
    if (e instanceof ReferenceError && placeholder !== undefined && !(placeholder in scope)) {
      // A placeholder is data the reader has (`mentions`, `tree`); a function the example calls but nothing exports
      // is an API that was renamed or removed.
      if (new RegExp(`(^|[^.\\w$])${placeholder}\\(`).test(example.code)) {
        failures.push(
          `calls ${placeholder}(), which neither the package nor ${example.file} exports`,
        );
      }
      return { ran: false, stoppedAt: placeholder, checked, failures };
    }
    if (e instanceof Placeholder) return { ran: false, stoppedAt: 'fetch', checked, failures };
    failures.push(`throws ${e.name}: ${e.message}`);
    return { ran: false, checked, failures };
  }
}

describe('the API docs: every @example runs, and says what it gives', async () => {
  const exported = {
    ...(await import('./index')),
    ...(await import('./schemas')),
    ...(await import('./sample/index')),
    fetch: () => {
      throw new Placeholder('no network in the docs examples');
    },
  };
  const files = sourceFiles(SRC).filter((file) => examplesIn(file).length > 0);
  const outcomes: Outcome[] = [];

  it.each(files.map((file) => [path.relative(SRC, file), file]))(
    '%s',
    async (_, file) => {
      const scope = { ...exported, ...((await import(file)) as Record<string, unknown>) };
      const failures: string[] = [];
      for (const [i, example] of examplesIn(file).entries()) {
        const outcome = await run(example, scope);
        outcomes.push(outcome);
        for (const f of outcome.failures) failures.push(`example ${i + 1}: ${f}`);
      }
      expect(failures).toEqual([]);
      // The sample world's examples stream a million mentions, as its docs promise they can.
    },
    60_000,
  );

  it('checks most of them for real', () => {
    // Guards the guard: if the examples stopped running (a broken scope, a renamed export), this count would fall.
    const ran = outcomes.filter((o) => o.ran).length;
    const checked = outcomes.reduce((n, o) => n + o.checked, 0);
    expect(outcomes.length).toBeGreaterThanOrEqual(190);
    expect(ran).toBeGreaterThanOrEqual(110);
    expect(checked).toBeGreaterThanOrEqual(50);
  });
});
