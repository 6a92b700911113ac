// Runs the bundled extension (dist/extension.js, from `npm run build`) in node
// against a stand-in `vscode` module and a stand-in server (fake-server.mjs):
// activation starts `<claimls.path> lsp` with the settings as
// initializationOptions, the annotation is synchronized, "Open Article at
// Quote" asks for textDocument/definition at the claim's quote and opens the
// answer beside, "Restart Server" starts a new process, and deactivation
// shuts the server down. VS Code itself is not involved.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createVscodeMock, textDocument } from './vscode-mock.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const bundle = path.join(root, 'dist', 'extension.js');
const require = createRequire(import.meta.url);
const inCI = process.env.CI === 'true';

function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

async function waitFor(what, pred, timeoutMs = 10000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = pred();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

test('the bundled extension drives a language server', { skip: !existsSync(bundle) && !inCI && 'run `npm run build` first' }, async () => {
  assert.ok(existsSync(bundle), `${bundle} is missing: \`npm run build\` must run before the tests in CI`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'claimls-ext-'));
  const logFile = path.join(dir, 'lsp.log');
  const server = path.join(dir, 'claimls');
  writeFileSync(server, `#!/bin/sh\nexec "${process.execPath}" "${path.join(here, 'fake-server.mjs')}" "$@"\n`);
  chmodSync(server, 0o755);
  process.env.FAKE_LSP_LOG = logFile;
  const log = () =>
    existsSync(logFile)
      ? readFileSync(logFile, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l))
      : [];
  const messages = (method) => log().filter((e) => e.message?.method === method).map((e) => e.message);

  const fixture = path.join(here, 'fixtures', 'sample.claims');
  const text = readFileSync(fixture, 'utf8');
  const settings = {
    'claimls.path': server,
    'claimls.trace.server': 'off',
    'claimls.rules': { C021: 'off' },
    'claimls.debounceMs': 42,
  };
  // The document and the editor need the mock's classes: build the mock in two steps.
  const pre = createVscodeMock({ settings, workspaceFolder: dir, documents: [], activeEditor: undefined });
  const doc = textDocument(pre.vscode.Uri.file(fixture), 'claims', text);
  const headerLine = text.split('\n').findIndex((l) => l.startsWith('claim moscow-concern'));
  const cursor = new pre.vscode.Position(headerLine, 3);
  const editor = { document: doc, selection: new pre.vscode.Selection(cursor, cursor) };
  const { vscode, state } = createVscodeMock({ settings, workspaceFolder: dir, documents: [doc], activeEditor: editor });

  const Module = require('node:module');
  const originalLoad = Module._load;
  Module._load = function (request, ...rest) {
    if (request === 'vscode') return vscode;
    return originalLoad.call(this, request, ...rest);
  };
  let ext;
  try {
    delete require.cache[bundle];
    ext = require(bundle);
    const context = { extensionPath: dir, extensionUri: vscode.Uri.file(dir), subscriptions: [] };
    await ext.activate(context);

    // Started as `<claimls.path> lsp`, with the settings as initializationOptions.
    const init = await waitFor('initialize', () => messages('initialize')[0]);
    assert.deepEqual(log()[0].argv, ['lsp']);
    assert.deepEqual(init.params.initializationOptions, { rules: { C021: 'off' }, debounceMs: 42 });

    // The open annotation is synchronized; the settings section follows.
    const open = await waitFor('didOpen', () => messages('textDocument/didOpen')[0]);
    assert.equal(open.params.textDocument.languageId, 'claims');
    assert.equal(open.params.textDocument.text, text);
    const config = await waitFor('didChangeConfiguration', () => messages('workspace/didChangeConfiguration')[0]);
    assert.equal(config.params.settings.claimls.debounceMs, 42);
    assert.deepEqual(config.params.settings.claimls.rules, { C021: 'off' });

    // Both commands are registered.
    assert.ok(state.commands.has('claimls.restartServer'));
    assert.ok(state.commands.has('claimls.openArticleAtQuote'));

    // Open Article at Quote from the claim's header line: the definition is
    // asked at the start of its quote, and the answer opens beside.
    await state.commands.get('claimls.openArticleAtQuote')();
    const def = messages('textDocument/definition')[0];
    assert.ok(def, 'no textDocument/definition request');
    const quoteLine = text.split('\n').findIndex((l) => l.startsWith('  quote: Moscow was'));
    assert.deepEqual(def.params.position, { line: quoteLine, character: '  quote: '.length });
    assert.equal(def.params.textDocument.uri, doc.uri.toString());
    const shown = state.shown[0];
    assert.ok(shown, `nothing opened; messages: ${JSON.stringify(state.messages)}`);
    assert.equal(shown.uri.toString(), doc.uri.toString().replace(/\.claims$/, '.txt'));
    assert.equal(shown.options.viewColumn, vscode.ViewColumn.Beside);
    assert.deepEqual(
      [shown.options.selection.start.line, shown.options.selection.start.character, shown.options.selection.end.line, shown.options.selection.end.character],
      [16, 60, 16, 120],
    );

    // The code lens command hands VS Code's reference view its own types.
    let shownRefs;
    state.commands.set('editor.action.showReferences', (...args) => {
      shownRefs = args;
    });
    const fileUri = doc.uri.toString();
    await state.commands.get('claimls.showReferences')(fileUri, { line: 3, character: 6 }, [
      { uri: fileUri, range: { start: { line: 9, character: 10 }, end: { line: 9, character: 25 } } },
    ]);
    assert.ok(shownRefs, 'editor.action.showReferences was not run');
    assert.equal(shownRefs[0].toString(), fileUri);
    assert.ok(shownRefs[1] instanceof vscode.Position && shownRefs[1].line === 3 && shownRefs[1].character === 6);
    assert.equal(shownRefs[2].length, 1);
    assert.ok(shownRefs[2][0] instanceof vscode.Location);
    assert.equal(shownRefs[2][0].range.end.character, 25);

    // Show Report: `claimls report FILE -o DIR` runs, and the page it wrote is
    // shown in a webview beside the editor, scripts enabled, nothing loadable.
    assert.ok(state.commands.has('claimls.showReport'));
    await state.commands.get('claimls.showReport')();
    const reportRun = log().find((e) => e.argv && e.argv[0] === 'report');
    assert.ok(reportRun, `claimls report was not run; messages: ${JSON.stringify(state.messages)}`);
    assert.equal(reportRun.argv[1], fixture);
    assert.equal(reportRun.argv[2], '-o');
    const panel = state.panels[0];
    assert.ok(panel, `no webview; messages: ${JSON.stringify(state.messages)}`);
    assert.equal(panel.title, 'Report: sample.claims');
    assert.equal(panel.showOptions.viewColumn, vscode.ViewColumn.Beside);
    assert.equal(panel.options.enableScripts, true);
    assert.deepEqual(panel.options.localResourceRoots, []);
    assert.match(panel.webview.html, /<p id="fake-report">[^<]*sample\.claims<\/p>/);
    // Closing the panel removes the temporary folder.
    const reportDir = reportRun.argv[3];
    assert.ok(existsSync(reportDir));
    panel.dispose();
    assert.ok(!existsSync(reportDir));

    // Restart: the old process is shut down, a new one initialized.
    await state.commands.get('claimls.restartServer')();
    await waitFor('second initialize', () => messages('initialize').length === 2);
    assert.equal(messages('shutdown').length, 1);
    assert.equal(messages('exit').length, 1);
  } finally {
    if (ext) await ext.deactivate();
    Module._load = originalLoad;
  }
  // Deactivation shuts the second server down too.
  await waitFor('second shutdown', () => messages('exit').length === 2);
  assert.equal(messages('shutdown').length, 2);
});
