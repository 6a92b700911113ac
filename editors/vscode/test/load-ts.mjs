// Compiles one of the extension's TypeScript modules with esbuild (already a
// devDependency) and imports it, so node's test runner can test the real code.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildSync } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
let outDir;

export async function loadTs(relPath) {
  outDir ??= mkdtempSync(path.join(os.tmpdir(), 'claimls-vscode-test-'));
  const result = buildSync({
    entryPoints: [path.join(root, relPath)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node18',
    external: ['vscode'],
    write: false,
  });
  const out = path.join(outDir, path.basename(relPath).replace(/\.ts$/, '.mjs'));
  writeFileSync(out, result.outputFiles[0].text);
  return import(pathToFileURL(out).href);
}
