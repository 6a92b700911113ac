// Loads syntaxes/claims.tmLanguage.json into the real TextMate engine
// (vscode-textmate + the oniguruma wasm) and tokenizes text line by line.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const textmate = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

const here = path.dirname(fileURLToPath(import.meta.url));
export const extensionRoot = path.resolve(here, '..');
export const grammarPath = path.join(extensionRoot, 'syntaxes', 'claims.tmLanguage.json');

let registryPromise;

async function registry() {
  if (!registryPromise) {
    registryPromise = (async () => {
      const wasmPath = path.join(path.dirname(require.resolve('vscode-oniguruma')), 'onig.wasm');
      const wasm = await readFile(wasmPath);
      await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
      const onigLib = Promise.resolve({
        createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
        createOnigString: (s) => new oniguruma.OnigString(s),
      });
      return new textmate.Registry({
        onigLib,
        loadGrammar: async (scopeName) => {
          if (scopeName !== 'source.claims') return null;
          const raw = await readFile(grammarPath, 'utf8');
          return textmate.parseRawGrammar(raw, grammarPath);
        },
      });
    })();
  }
  return registryPromise;
}

export async function loadGrammar() {
  const grammar = await (await registry()).loadGrammar('source.claims');
  if (!grammar) throw new Error('grammar source.claims did not load');
  return grammar;
}

/**
 * Tokenizes `text` and returns one entry per line:
 * { text, tokens: [{ start, end, text, scopes }] }.
 */
export async function tokenize(text) {
  const grammar = await loadGrammar();
  const lines = text.split(/\r\n|\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  let state = textmate.INITIAL;
  const out = [];
  for (const line of lines) {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    out.push({
      text: line,
      tokens: result.tokens.map((t) => ({
        start: t.startIndex,
        end: Math.min(t.endIndex, line.length),
        text: line.slice(t.startIndex, t.endIndex),
        scopes: t.scopes,
      })),
    });
  }
  return out;
}

/** Scopes of the token that covers column `col` (0-based) of a tokenized line. */
export function scopesAtColumn(line, col) {
  const tok = line.tokens.find((t) => t.start <= col && col < t.end);
  if (!tok) throw new Error(`no token at column ${col} of ${JSON.stringify(line.text)}`);
  return tok.scopes;
}

/** Prints a tokenized file, one token per line, for debugging (`node test/tokenize.mjs FILE`). */
export function dump(lines) {
  return lines
    .map((l, i) =>
      [`${i + 1}: ${l.text}`]
        .concat(l.tokens.map((t) => `    ${JSON.stringify(t.text)} ${t.scopes.join(' ')}`))
        .join('\n'),
    )
    .join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const file = process.argv[2] ?? path.join(here, 'fixtures', 'sample.claims');
  console.log(dump(await tokenize(await readFile(file, 'utf8'))));
}
