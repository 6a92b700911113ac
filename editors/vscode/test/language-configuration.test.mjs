// Checks language-configuration.json the way VS Code reads it: each regular
// expression compiles with the flags given, and does what the format needs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const conf = JSON.parse(readFileSync(path.join(root, 'language-configuration.json'), 'utf8'));

/** VS Code compiles a string with no flags and an object as { pattern, flags }. */
function regex(value, extraFlags = '') {
  if (typeof value === 'string') return new RegExp(value, extraFlags);
  return new RegExp(value.pattern, (value.flags ?? '') + extraFlags);
}

function words(text) {
  return text.match(regex(conf.wordPattern, 'g')) ?? [];
}

test('line comments use #', () => {
  assert.equal(conf.comments.lineComment, '#');
});

test('folding follows indentation (one fold per block)', () => {
  assert.equal(conf.folding.offSide, true);
});

test('word pattern keeps hyphenated claim ids and non-Latin names whole', () => {
  assert.deepEqual(words('  disputes: armenian-accusation, moscow-concern'), [
    'disputes',
    'armenian-accusation',
    'moscow-concern',
  ]);
  assert.deepEqual(words('claim c-10'), ['claim', 'c-10']);
  assert.deepEqual(words('  source: Лейла Абдуллаева'), ['source', 'Лейла', 'Абдуллаева']);
  assert.deepEqual(words("  quote: Russia's concern"), ['quote', "Russia's", 'concern']);
  assert.deepEqual(words('  quote: a ... b'), ['quote', 'a', 'b']);
});

test('indentation increases after block headers only', () => {
  const inc = regex(conf.indentationRules.increaseIndentPattern);
  const dec = regex(conf.indentationRules.decreaseIndentPattern);
  for (const line of ['claim moscow-concern', 'actor Russian Foreign Ministry', 'claim', 'actor\tBaku']) {
    assert.ok(inc.test(line), line);
  }
  for (const line of ['  claim the victory', 'claims x', 'actors', '  quote: claim x', '# claim x']) {
    assert.ok(!inc.test(line), line);
  }
  for (const line of ['claim x', '  claim x', '', 'anything']) assert.ok(!dec.test(line), line);
  for (const rule of conf.onEnterRules) regex(rule.beforeText);
});
