// Grammar test: tokenizes the fixture annotation with the real TextMate engine
// (vscode-textmate + vscode-oniguruma) and checks the scopes of every construct.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tokenize, scopesAtColumn, dump } from './tokenize.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = path.join(here, 'fixtures', 'sample.claims');

const text = await readFile(fixture, 'utf8');
const lines = await tokenize(text);

/** Finds the line that contains `needle` (optionally the n-th such line). */
function lineWith(needle, nth = 0) {
  const found = lines.filter((l) => l.text.includes(needle));
  if (found.length <= nth) throw new Error(`fixture has no line #${nth} containing ${JSON.stringify(needle)}`);
  return found[nth];
}

/**
 * Asserts that every character of `needle` on `line` carries `scope`
 * (and, when given, that none carries any of `forbidden`).
 */
function expectScope(line, needle, scope, { forbidden = [], from = 0 } = {}) {
  const start = line.text.indexOf(needle, from);
  assert.ok(start >= 0, `${JSON.stringify(needle)} not in ${JSON.stringify(line.text)}`);
  for (let col = start; col < start + needle.length; col++) {
    const scopes = scopesAtColumn(line, col);
    assert.ok(
      scopes.includes(scope),
      `column ${col} of ${JSON.stringify(line.text)} (${JSON.stringify(line.text[col])}) ` +
        `should have ${scope}, has ${scopes.join(' ')}`,
    );
    for (const bad of forbidden) {
      assert.ok(!scopes.includes(bad), `column ${col} of ${JSON.stringify(line.text)} must not have ${bad}`);
    }
  }
}

function expectNoScope(line, needle, scope) {
  const start = line.text.indexOf(needle);
  assert.ok(start >= 0, `${JSON.stringify(needle)} not in ${JSON.stringify(line.text)}`);
  for (let col = start; col < start + needle.length; col++) {
    const scopes = scopesAtColumn(line, col);
    assert.ok(!scopes.includes(scope), `column ${col} of ${JSON.stringify(line.text)} must not have ${scope}`);
  }
}

const FIELD = 'variable.other.field.claims';
const COLON = 'punctuation.separator.key-value.claims';
const QUOTE = 'string.quoted.other.claims';
const ELISION = 'keyword.operator.elision.claims';

test('every line of the fixture is tokenized under source.claims', () => {
  assert.ok(lines.length > 20);
  for (const l of lines) {
    for (const t of l.tokens) assert.equal(t.scopes[0], 'source.claims', dump([l]));
  }
});

test('full-line comments', () => {
  const first = lines[0];
  expectScope(first, first.text, 'comment.line.number-sign.claims');
  expectScope(first, '#', 'punctuation.definition.comment.claims');
  const between = lineWith('# the Armenian accusation');
  expectScope(between, between.text, 'comment.line.number-sign.claims');
});

test('header fields at column 0', () => {
  const article = lineWith('article:');
  expectScope(article, 'article', FIELD);
  expectScope(article, ':', COLON);
  expectScope(article, 'sample.txt', 'string.unquoted.path.claims');

  const date = lineWith('date:');
  expectScope(date, 'date', FIELD);
  expectScope(date, '2020-10-02', 'constant.numeric.date.claims');

  const publisher = lineWith('publisher:');
  expectScope(publisher, 'publisher', FIELD);
  expectScope(publisher, 'UrduPoint News', 'entity.name.type.actor.reference.claims');
  expectScope(publisher, ',', 'punctuation.separator.comma.claims');
  expectScope(publisher, 'Sputnik', 'entity.name.type.actor.reference.claims');
});

test('actor block: keyword, name, aka/kind/role fields', () => {
  const header = lineWith('actor Russian Foreign Ministry');
  expectScope(header, 'actor', 'keyword.control.block.claims');
  expectScope(header, 'Russian Foreign Ministry', 'entity.name.type.actor.claims');
  expectNoScope(header, ' ', 'entity.name.type.actor.claims');

  const aka = lineWith('  aka:');
  expectScope(aka, 'aka', FIELD);
  expectScope(aka, ':', COLON);
  expectScope(aka, 'Moscow', 'entity.name.type.actor.reference.claims');
  expectScope(aka, 'Russia', 'entity.name.type.actor.reference.claims');
  expectNoScope(aka, ', ', 'entity.name.type.actor.reference.claims');

  const kind = lineWith('  kind:');
  expectScope(kind, 'kind', FIELD);
  expectScope(kind, 'government', 'constant.language.kind.claims');

  const role = lineWith('  role:');
  expectScope(role, 'role', FIELD);
  expectNoScope(role, 'foreign ministry', QUOTE);
});

test('claim block: keyword and hyphenated id', () => {
  const header = lineWith('claim moscow-concern');
  expectScope(header, 'claim', 'keyword.control.block.claims');
  expectScope(header, 'moscow-concern', 'entity.name.function.claim-id.claims');
  const second = lineWith('claim armenian-accusation');
  expectScope(second, 'armenian-accusation', 'entity.name.function.claim-id.claims');
});

test('source, via and cue fields', () => {
  const source = lineWith('  source: Russian Foreign Ministry');
  expectScope(source, 'source', FIELD);
  expectScope(source, 'Russian Foreign Ministry', 'entity.name.type.actor.reference.claims');

  const via = lineWith('  via:');
  expectScope(via, 'via', FIELD);
  expectScope(via, 'Sputnik', 'entity.name.type.actor.reference.claims');

  const cue = lineWith('  cue: said in a statement');
  expectScope(cue, 'cue', FIELD);
  expectScope(cue, 'said in a statement', 'string.unquoted.cue.claims');
});

test('quote text on the first line and on its continuation line, with ` ... ` elision', () => {
  const first = lineWith('  quote: Moscow was concerned');
  expectScope(first, 'quote', FIELD, { forbidden: [QUOTE] });
  expectScope(first, ':', COLON, { forbidden: [QUOTE] });
  expectScope(first, 'Moscow was concerned over reports about the transfer of militants', QUOTE, {
    forbidden: [ELISION],
  });
  expectScope(first, '...', ELISION);
  expectScope(first, '...', QUOTE);
  expectScope(first, 'to the', QUOTE, { forbidden: [ELISION] });

  const idx = lines.indexOf(first);
  const continuation = lines[idx + 1];
  assert.match(continuation.text, /^\s{4}Nagorno-Karabakh conflict zone$/);
  expectScope(continuation, 'Nagorno-Karabakh conflict zone', QUOTE, { forbidden: [FIELD] });

  // The next field ends the quote.
  const stance = lines[idx + 2];
  expectScope(stance, 'stance', FIELD, { forbidden: [QUOTE] });
});

test('the ` … ` elision character', () => {
  const l = lineWith('These accusations');
  expectScope(l, 'These accusations', QUOTE);
  expectScope(l, '\u2026', ELISION);
  expectScope(l, 'by Baku', QUOTE, { forbidden: [ELISION] });
});

test('stance values', () => {
  for (const [value, nth] of [['concerns', 0], ['accuses', 0], ['denies', 0]]) {
    const l = lineWith(`  stance: ${value}`, nth);
    expectScope(l, 'stance', FIELD);
    expectScope(l, value, 'constant.language.stance.claims');
  }
});

test('relation values are claim ids', () => {
  const l = lineWith('  disputes:');
  expectScope(l, 'disputes', FIELD);
  expectScope(l, 'armenian-accusation', 'entity.name.function.claim-id.reference.claims');
});

test('note field value is not a quote', () => {
  const l = lineWith('  note:');
  expectScope(l, 'note', FIELD);
  expectNoScope(l, 'Wednesday statement', QUOTE);
});

// Edge cases that the fixture does not show.
test('edge cases: attached dots, tabs, unnamed, relation lists, unknown words, bad ids, comments in values', async () => {
  const src = [
    'claim x-1',
    '\tsource: unnamed',
    '\tquote: and so on... the end ... ',
    '\t\tcontinued … here',
    '\t# a comment between fields',
    '\tsupports: a-1, b-2',
    '\tresponds-to: c-3',
    '\tstance: ponders',
    'claimx not-a-block',
    'claim Bad_Id',
    'claim ok-id trailing',
    '  quote: first line',
    '    # a deeper comment ends the quote',
    '    not a continuation any more',
    '  quote : no space before the colon',
    '',
  ].join('\n');
  const ls = await tokenize(src);
  expectScope(ls[1], 'unnamed', 'constant.language.unnamed.claims');
  expectScope(ls[2], 'and so on... the end', QUOTE, { forbidden: [ELISION] });
  const endDots = ls[2].text.lastIndexOf('...');
  expectScope(ls[2], '...', ELISION, { from: endDots });
  expectScope(ls[3], 'continued', QUOTE);
  expectScope(ls[3], '\u2026', ELISION);
  expectScope(ls[4], '# a comment between fields', 'comment.line.number-sign.claims', { forbidden: [QUOTE] });
  expectScope(ls[5], 'a-1', 'entity.name.function.claim-id.reference.claims');
  expectScope(ls[5], 'b-2', 'entity.name.function.claim-id.reference.claims');
  expectScope(ls[6], 'responds-to', FIELD);
  expectScope(ls[6], 'c-3', 'entity.name.function.claim-id.reference.claims');
  expectScope(ls[7], 'ponders', 'constant.other.stance.claims', { forbidden: ['constant.language.stance.claims'] });
  expectNoScope(ls[8], 'claimx', 'keyword.control.block.claims');
  expectScope(ls[9], 'claim', 'keyword.control.block.claims');
  expectScope(ls[9], 'Bad_Id', 'invalid.illegal.claim-head.claims');
  expectScope(ls[10], 'ok-id', 'entity.name.function.claim-id.claims');
  expectScope(ls[10], 'trailing', 'invalid.illegal.claim-head.claims');
  expectScope(ls[11], 'first line', QUOTE);
  expectScope(ls[12], '# a deeper comment ends the quote', 'comment.line.number-sign.claims', { forbidden: [QUOTE] });
  expectNoScope(ls[13], 'not a continuation any more', QUOTE);
  expectNoScope(ls[14], 'quote', FIELD);
});

// The repository's own annotations (examples/*.claims): no construct is left
// unscoped or marked invalid, and every quote line is a string.
test('the example annotations of the repository tokenize cleanly', async (t) => {
  const { readdir } = await import('node:fs/promises');
  const examplesDir = path.resolve(here, '..', '..', '..', 'examples');
  let files = [];
  try {
    files = (await readdir(examplesDir)).filter((f) => f.endsWith('.claims'));
  } catch {
    // no examples folder
  }
  if (files.length === 0) {
    t.skip('no examples/*.claims');
    return;
  }
  for (const f of files) {
    const ls = await tokenize(await readFile(path.join(examplesDir, f), 'utf8'));
    let quoteIndent = -1;
    for (const l of ls) {
      for (const tok of l.tokens) {
        assert.ok(!tok.scopes.some((s) => s.startsWith('invalid')), `${f}: invalid token in ${JSON.stringify(l.text)}`);
      }
      const indent = l.text.match(/^[ \t]*/)[0].length;
      const blank = l.text.trim() === '';
      const comment = /^[ \t]*#/.test(l.text);
      if (comment) expectScope(l, l.text.trim(), 'comment.line.number-sign.claims');
      if (/^claim /.test(l.text)) expectScope(l, l.text.slice(6).trim(), 'entity.name.function.claim-id.claims');
      if (/^actor /.test(l.text)) expectScope(l, l.text.slice(6).trim(), 'entity.name.type.actor.claims');
      const field = /^([ \t]*)([a-z][a-z0-9-]*):[ \t]*(.*)$/.exec(l.text);
      // A non-blank, non-comment line deeper than the quote field continues it.
      if (!blank && !comment && quoteIndent >= 0 && indent > quoteIndent) {
        expectScope(l, l.text.trim(), QUOTE);
        continue;
      }
      quoteIndent = -1;
      if (field && !blank && !comment) {
        expectScope(l, field[2], FIELD);
        if (field[2] === 'quote') {
          quoteIndent = field[1].length;
          if (field[3]) expectScope(l, field[3], QUOTE);
        }
        if (field[2] === 'stance') expectScope(l, field[3], 'constant.language.stance.claims');
      }
    }
  }
});
