// Tests for the pure parts of the client: where "Open Article at Quote" asks
// the server, and how the server binary is found.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadTs } from './load-ts.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const { quotePositionFor, blockAt, splitLines } = await loadTs('src/quoteLocator.ts');
const { resolveServer, ServerNotFoundError } = await loadTs('src/serverPath.ts');

const lines = splitLines(readFileSync(path.join(here, 'fixtures', 'sample.claims'), 'utf8'));
const lineOf = (needle) => {
  const i = lines.findIndex((l) => l.includes(needle));
  assert.ok(i >= 0, needle);
  return i;
};

test('blockAt finds the claim and its fields, with continuation lines', () => {
  const b = blockAt(lines, lineOf('Nagorno-Karabakh conflict zone'));
  assert.equal(b.kind, 'claim');
  assert.equal(b.headerLine, lineOf('claim moscow-concern'));
  assert.deepEqual(
    b.fields.map((f) => f.name),
    ['source', 'via', 'cue', 'quote', 'stance', 'note'],
  );
  const quote = b.fields.find((f) => f.name === 'quote');
  assert.equal(quote.endLine, quote.line + 1);
  assert.equal(blockAt(lines, lineOf('publisher:')), undefined);
  assert.equal(blockAt(lines, 0), undefined);
  assert.equal(blockAt(lines, lineOf('  aka:')).kind, 'actor');
});

test('cursor on a quote line: that position', () => {
  const q = lineOf('  quote: Moscow was');
  assert.deepEqual(quotePositionFor(lines, { line: q, character: 20 }), { line: q, character: 20 });
  // On the field name: moved onto the value.
  assert.deepEqual(quotePositionFor(lines, { line: q, character: 3 }), { line: q, character: '  quote: '.length });
  // Past the end of the line: clamped.
  assert.deepEqual(quotePositionFor(lines, { line: q, character: 999 }), { line: q, character: lines[q].length });
});

test('cursor on a continuation line of a quote: that position, off the indentation', () => {
  const c = lineOf('Nagorno-Karabakh conflict zone');
  assert.deepEqual(quotePositionFor(lines, { line: c, character: 10 }), { line: c, character: 10 });
  assert.deepEqual(quotePositionFor(lines, { line: c, character: 0 }), { line: c, character: 4 });
});

test('cursor elsewhere in a claim: the nearest quote of that claim', () => {
  const q = lineOf('  quote: Moscow was');
  const start = { line: q, character: '  quote: '.length };
  for (const needle of ['claim moscow-concern', '  source: Russian', '  cue: said', '  stance: concerns', '  note:']) {
    assert.deepEqual(quotePositionFor(lines, { line: lineOf(needle), character: 2 }), start, needle);
  }
  const q2 = lineOf('  quote: These accusations');
  assert.deepEqual(quotePositionFor(lines, { line: lineOf('  disputes:'), character: 0 }), {
    line: q2,
    character: '  quote: '.length,
  });
  // The blank line after a claim still belongs to it.
  assert.deepEqual(quotePositionFor(lines, { line: lineOf('  note:') + 1, character: 0 }), start);
});

test('no quote outside claims', () => {
  assert.equal(quotePositionFor(lines, { line: lineOf('article:'), character: 0 }), undefined);
  assert.equal(quotePositionFor(lines, { line: lineOf('actor Baku'), character: 0 }), undefined);
  assert.equal(quotePositionFor(lines, { line: lineOf('  aka:'), character: 4 }), undefined);
});

test('several quotes: the closest above or below; an empty first line uses the continuation', () => {
  const src = [
    'claim c1', //            0
    '  source: X', //         1
    '  quote: first part', // 2
    '  cue: said', //         3
    '  note: n', //           4
    '  stance: asserts', //   5
    '  quote:', //            6
    '    second part', //     7
    '  via: Y', //            8
    'claim c2', //            9
    '  source: Z', //         10
  ];
  assert.deepEqual(quotePositionFor(src, { line: 3, character: 0 }), { line: 2, character: 9 });
  assert.deepEqual(quotePositionFor(src, { line: 4, character: 0 }), { line: 2, character: 9 });
  assert.deepEqual(quotePositionFor(src, { line: 5, character: 0 }), { line: 7, character: 4 });
  assert.deepEqual(quotePositionFor(src, { line: 6, character: 4 }), { line: 7, character: 4 });
  assert.deepEqual(quotePositionFor(src, { line: 8, character: 0 }), { line: 7, character: 4 });
  assert.equal(quotePositionFor(src, { line: 10, character: 3 }), undefined);
});

test('a comment line ends a quote, even when indented deeper', () => {
  const src = ['claim c1', '  quote: a b', '    # note', '    c d', '  cue: said'];
  const b = blockAt(src, 1);
  assert.equal(b.fields.find((f) => f.name === 'quote').endLine, 1);
  assert.deepEqual(quotePositionFor(src, { line: 2, character: 5 }), { line: 1, character: 9 });
});

test('server lookup: setting, then bundled server/, then PATH', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'claimls-path-'));
  const ext = path.join(dir, 'ext');
  const bin = path.join(dir, 'bin');
  mkdirSync(path.join(ext, 'server'), { recursive: true });
  mkdirSync(bin);
  const exe = (p) => {
    writeFileSync(p, '#!/bin/sh\n');
    chmodSync(p, 0o755);
    return p;
  };
  const env = { PATH: bin, HOME: dir };
  const platform = 'linux';

  assert.throws(() => resolveServer({ extensionPath: ext, env, platform }), ServerNotFoundError);

  const onPath = exe(path.join(bin, 'claimls'));
  assert.deepEqual(resolveServer({ extensionPath: ext, env, platform }), { command: onPath, source: 'path' });

  const bundled = exe(path.join(ext, 'server', 'claimls'));
  assert.deepEqual(resolveServer({ extensionPath: ext, env, platform }), { command: bundled, source: 'bundled' });

  const custom = exe(path.join(dir, 'my-claimls'));
  assert.deepEqual(resolveServer({ configuredPath: custom, extensionPath: ext, env, platform }), {
    command: custom,
    source: 'setting',
  });
  assert.deepEqual(resolveServer({ configuredPath: '~/my-claimls', extensionPath: ext, env, platform }), {
    command: custom,
    source: 'setting',
  });
  assert.deepEqual(
    resolveServer({ configuredPath: './my-claimls', workspaceFolder: dir, extensionPath: ext, env, platform }),
    { command: custom, source: 'setting' },
  );
  assert.deepEqual(
    resolveServer({ configuredPath: '${workspaceFolder}/my-claimls', workspaceFolder: dir, extensionPath: ext, env, platform }),
    { command: custom, source: 'setting' },
  );
  // A bare name in the setting is looked up on PATH.
  assert.deepEqual(resolveServer({ configuredPath: 'claimls', extensionPath: ext, env, platform }), {
    command: onPath,
    source: 'setting',
  });

  // A configured path that is wrong is an error, not a silent fallback.
  const err = (() => {
    try {
      resolveServer({ configuredPath: path.join(dir, 'nope'), extensionPath: ext, env, platform });
    } catch (e) {
      return e;
    }
  })();
  assert.ok(err instanceof ServerNotFoundError && err.configured);

  // A file without the executable bit does not count.
  writeFileSync(path.join(dir, 'plain'), 'x');
  assert.throws(() => resolveServer({ configuredPath: path.join(dir, 'plain'), extensionPath: ext, env, platform }));
});
