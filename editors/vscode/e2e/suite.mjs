// The claimls extension in a real VS Code: code-server (VS Code 1.100, Node extension
// host) with the packaged .vsix installed, driven by playwright-core in Chromium. One
// browser session runs every check; each waits for the UI state it asserts (polling with a
// timeout, never a fixed sleep), and a screenshot of each is written to the output folder.
//
// Run through run.sh, which installs code-server, packages the .vsix and sets:
//   E2E_INSTALL  folder install.sh installed into (node_modules/code-server, playwright-core)
//   E2E_OUT      output folder (recreated): screenshots, logs, the workspace, VS Code's state
//   E2E_VSIX     the packaged extension
//   E2E_EXAMPLE  the example annotation (its article sits next to it)
//   CLAIMLS_BIN  the server the extension must start (set as `claimls.path`)
//   CHROMIUM     the browser executable
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as net from 'node:net';
import * as path from 'node:path';

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (run editors/vscode/e2e/run.sh)`);
  return value;
};
const install = env('E2E_INSTALL');
const out = env('E2E_OUT');
const vsix = env('E2E_VSIX');
const example = env('E2E_EXAMPLE');
const server = env('CLAIMLS_BIN');
const chromiumPath = env('CHROMIUM');

const { chromium } = createRequire(path.join(install, 'package.json'))('playwright-core');
const codeServer = path.join(install, 'node_modules/code-server/out/node/entry.js');

// Generous: two shared cores, and the first start of VS Code compiles a lot of JavaScript.
const TIMEOUT = 60_000;

// ---------------------------------------------------------------- workspace ---

fs.rmSync(out, { recursive: true, force: true });
const dirs = {
  userData: path.join(out, 'user-data'),
  extensions: path.join(out, 'extensions'),
  workspace: path.join(out, 'workspace'),
};
for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });

const claimsName = path.basename(example);
const original = fs.readFileSync(example, 'utf8');
const articleName = /^article: (.+)$/m.exec(original)?.[1];
if (!articleName) throw new Error(`${example} has no article: header`);
fs.copyFileSync(path.join(path.dirname(example), articleName), path.join(dirs.workspace, articleName));

// The planted typo: one word of one quote, which the server reports as C011.
const TYPO_FROM = 'was concerned over';
const TYPO_TO = 'was concernd over';
if (original.split(TYPO_FROM).length !== 2) throw new Error(`"${TYPO_FROM}" must occur once in ${example}`);
const planted = original.replace(TYPO_FROM, TYPO_TO);
const claimsFile = path.join(dirs.workspace, claimsName);
fs.writeFileSync(claimsFile, planted);
const lines = planted.split('\n');
/** 1-based number of the first line equal to `text`. */
function lineOf(text) {
  const i = lines.indexOf(text);
  if (i < 0) throw new Error(`no line "${text}" in the annotation`);
  return i + 1;
}

// The actor renamed at the end, and what the file must say afterwards: its declaration
// and every `source:` / `via:` naming it, and nothing else (notes mentioning it stay).
const ACTOR = 'CNN';
const RENAMED = 'Cable News Network';
const ACTOR_ROLE = 'US broadcaster';
const usePattern = new RegExp(`^(actor|  source:|  via:) ${ACTOR}$`, 'gm');
const renameCount = planted.match(usePattern)?.length ?? 0;
if (renameCount < 3) throw new Error(`expected several uses of ${ACTOR}, found ${renameCount}`);
const expectedAfterRename = planted.replace(usePattern, `$1 ${RENAMED}`);

// Colours that no theme uses, given by the user's settings to TextMate scopes. Two of them
// are scopes only the extension's `semanticTokenScopes` produce (the grammar never does):
// a span with that colour proves the server's semantic tokens reached the editor and were
// mapped through the scopes the extension declares.
const COLOR = {
  actor: '#12A4B7', // entity.name.type.actor.claims (grammar and semantic `class`)
  actorDeclaration: '#C71FD4', // entity.name.type.actor.declaration.claims (semantic only)
  nearMiss: '#E0115F', // invalid.illegal.quote.near-miss.claims (semantic only)
};
const settings = {
  'claimls.path': server,
  'editor.semanticHighlighting.enabled': true,
  'editor.tokenColorCustomizations': {
    textMateRules: [
      { scope: 'entity.name.type.actor.claims', settings: { foreground: COLOR.actor } },
      { scope: 'entity.name.type.actor.declaration.claims', settings: { foreground: COLOR.actorDeclaration } },
      { scope: 'invalid.illegal.quote.near-miss.claims', settings: { foreground: COLOR.nearMiss } },
    ],
  },
  'workbench.colorTheme': 'Default Dark Modern',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'files.autoSave': 'off',
  // The workspace sits inside this repository: no "open the parent repository?" prompt.
  'git.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  'editor.minimap.enabled': false,
  'editor.hover.delay': 100,
  // Completions come from the server only (no words of the document).
  'editor.wordBasedSuggestions': 'off',
  'chat.commandCenter.enabled': false,
  'window.commandCenter': false,
};
// User settings, and the server machine's (where `machine-overridable` settings live).
for (const scope of ['User', 'Machine']) {
  fs.mkdirSync(path.join(dirs.userData, scope), { recursive: true });
  fs.writeFileSync(path.join(dirs.userData, scope, 'settings.json'), JSON.stringify(settings, null, 2));
}
const config = path.join(out, 'code-server.yaml');
fs.writeFileSync(config, 'auth: none\ncert: false\n');

// ------------------------------------------------------------ code-server ---

// code-server keeps its own logs and heartbeat in the XDG folders: under `out` too, so
// that nothing is written outside it.
const codeServerEnv = {
  ...process.env,
  XDG_DATA_HOME: path.join(out, 'xdg', 'data'),
  XDG_CONFIG_HOME: path.join(out, 'xdg', 'config'),
  XDG_CACHE_HOME: path.join(out, 'xdg', 'cache'),
};

function codeServerArgs(extra) {
  return [
    codeServer,
    '--config', config,
    '--user-data-dir', dirs.userData,
    '--extensions-dir', dirs.extensions,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    ...extra,
  ];
}

const installed = spawnSync(process.execPath, codeServerArgs(['--install-extension', vsix]), {
  encoding: 'utf8',
  timeout: TIMEOUT * 2,
  env: codeServerEnv,
});
fs.writeFileSync(path.join(out, 'install-extension.log'), `${installed.stdout}\n${installed.stderr}`);
if (installed.status !== 0) {
  throw new Error(`code-server --install-extension failed (${installed.status}):\n${installed.stdout}\n${installed.stderr}`);
}
const extDirs = fs.readdirSync(dirs.extensions).filter((d) => d.startsWith('claimls.claimls-'));
if (extDirs.length !== 1) throw new Error(`the .vsix did not install: ${fs.readdirSync(dirs.extensions)}`);
console.log(`ok - code-server installed the .vsix (${extDirs[0]})`);

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

const port = await freePort();
const serverLog = fs.openSync(path.join(out, 'code-server.log'), 'w');
// Its own process group, so that stopping it also stops the extension host and the
// language server it started.
const cs = spawn(process.execPath, codeServerArgs(['--bind-addr', `127.0.0.1:${port}`, dirs.workspace]), {
  stdio: ['ignore', serverLog, serverLog],
  detached: true,
  env: codeServerEnv,
});
let csExited = false;
cs.on('exit', () => {
  csExited = true;
});
function stopCodeServer() {
  if (csExited || cs.pid === undefined) return;
  try {
    process.kill(-cs.pid, 'SIGTERM');
  } catch {
    // already gone
  }
}
process.on('exit', stopCodeServer);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    console.log(`not ok - stopped by ${signal}`);
    process.exit(1);
  });
}

/** Polls `check` until it returns a truthy value; fails with `what` after `timeout` ms. */
async function poll(what, check, timeout = TIMEOUT) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}${last ? `: ${last.message}` : ''}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const base = `http://127.0.0.1:${port}`;
await poll('code-server to listen', async () => {
  if (csExited) throw new Error('code-server exited; see code-server.log');
  const res = await fetch(`${base}/healthz`);
  return res.ok;
});

// ---------------------------------------------------------------- browser ---

const browser = await chromium.launch({
  executablePath: chromiumPath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking'],
});
const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
const page = await context.newPage();
const pageErrors = [];
page.on('pageerror', (err) => pageErrors.push(String(err)));

let step = 0;
async function shot(name) {
  step += 1;
  const file = path.join(out, `${String(step).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

let failures = 0;
/** Runs one check; a failure is reported with a screenshot and does not stop the others. */
async function check(name, fn) {
  const started = Date.now();
  try {
    await fn();
    console.log(`ok - ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } catch (err) {
    failures += 1;
    console.log(`not ok - ${name}: ${err.message}`);
    try {
      await page.keyboard.press('Escape');
      await shot(`FAILED-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`);
    } catch {
      // the page itself is gone
    }
  }
}

const editor = page.locator('.editor-group-container .monaco-editor').first();
const viewLines = editor.locator('.view-lines');

/**
 * Runs a command from the command palette by its exact title. A command that opens its
 * own quick input (`opensInput`, e.g. Go to Line) reuses the palette's widget, so then
 * the wait is for the palette's `>` prefix to go instead of the widget.
 */
async function runCommand(title, { opensInput = false } = {}) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: TIMEOUT });
  await input.fill(`>${title}`);
  // The entry whose label is exactly this title (not merely the best fuzzy match).
  const entry = page
    .locator('.quick-input-list .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(title)}$`) }) })
    .first();
  await entry.waitFor({ state: 'visible', timeout: TIMEOUT });
  await entry.click();
  if (opensInput) {
    await poll(`"${title}" to open its input`, async () => !(await input.inputValue({ timeout: 1000 })).startsWith('>'));
  } else {
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: TIMEOUT });
  }
}

/** The status bar's cursor position, `Ln 80, Col 11`. */
async function cursor() {
  return (await page.locator('#status\\.editor\\.selection').innerText({ timeout: 1000 })).trim();
}

/** Puts the cursor at 1-based line and column of the active editor. */
async function goTo(line, column) {
  await runCommand('Go to Line/Column...', { opensInput: true });
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: TIMEOUT });
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: TIMEOUT });
  await poll(`the cursor at ${line}:${column}`, async () => (await cursor()).startsWith(`Ln ${line}, Col ${column}`));
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The rendered view-line whose text is exactly `text` (spaces as Monaco draws them). */
function viewLine(text) {
  return viewLines.locator('.view-line').filter({
    hasText: new RegExp(`^${escapeRegExp(text).replace(/ /g, '[ \\u00a0]')}$`),
  });
}

/** Computed colour (`rgb(r, g, b)`) of the first span of `line` whose text contains `word`. */
async function colourOf(line, word) {
  const span = line.first().locator('span > span').filter({ hasText: word }).first();
  return span.evaluate((el) => getComputedStyle(el).color, undefined, { timeout: 1000 });
}

function rgb(hex) {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgb(${n >> 16}, ${(n >> 8) & 255}, ${n & 255})`;
}

try {
  await page.goto(`${base}/?folder=${encodeURIComponent(dirs.workspace)}`, { timeout: TIMEOUT });
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: TIMEOUT });

  await check('the annotation opens in an editor with the claims language', async () => {
    const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: claimsName });
    await row.waitFor({ state: 'visible', timeout: TIMEOUT });
    await row.dblclick();
    await viewLine(`actor ${ACTOR}`).or(viewLines.locator('.view-line', { hasText: 'article:' }))
      .first()
      .waitFor({ state: 'visible', timeout: TIMEOUT });
    await poll('the language mode "Claims"', async () =>
      (await page.locator('#status\\.editor\\.mode').innerText({ timeout: 1000 })).trim() === 'Claims',
    );
  });

  await check(`the extension starts ${server} (claimls.path)`, async () => {
    // The extension's output channel, as VS Code writes it to its log folder.
    const used = `using ${server} (from setting)`;
    await poll(`"${used}" in the claimls output channel`, () => {
      const logs = spawnSync('grep', ['-rlF', used, path.join(dirs.userData, 'logs')], { encoding: 'utf8' });
      return logs.status === 0;
    });
  });

  await check('Problems panel: C011 for the planted typo', async () => {
    await runCommand('View: Focus Problems (Errors, Warnings, Infos)');
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'C011' });
    await row.first().waitFor({ state: 'visible', timeout: TIMEOUT });
    const text = await row.first().innerText();
    if (!text.includes('`concernd` should be `concerned`') && !text.includes('concernd')) {
      throw new Error(`the C011 row does not name the typo: ${text}`);
    }
    // The typo is the only problem of the file.
    const all = await page.locator('.markers-panel .monaco-list-row').allInnerTexts();
    const codes = all.flatMap((t) => t.match(/C\d{3}/g) ?? []);
    if (codes.join(',') !== 'C011') throw new Error(`expected only C011, the panel shows: ${all.join(' | ')}`);
    await shot('problems-c011');
  });

  const sourceLine = lineOf(`  source: ${ACTOR}`);
  const actorColumn = '  source: '.length + 1;

  await check(`hover on "source: ${ACTOR}" shows the actor card`, async () => {
    await goTo(sourceLine, actorColumn);
    await runCommand('Show or Focus Hover');
    const hover = page.locator('.monaco-hover', { hasText: ACTOR_ROLE });
    await hover.first().waitFor({ state: 'visible', timeout: TIMEOUT });
    await shot('hover-source');
    await page.keyboard.press('Escape');
    await hover.first().waitFor({ state: 'hidden', timeout: TIMEOUT });
  });

  await check('completion after "source:" offers the declared actors', async () => {
    await goTo(sourceLine, actorColumn);
    // Delete the name, ask for completions, and look for two actors of the file.
    await page.keyboard.press('Shift+End');
    await page.keyboard.press('Delete');
    try {
      await viewLine('  source: ').first().waitFor({ state: 'visible', timeout: TIMEOUT });
      await page.keyboard.press('Control+Space');
      const widget = page.locator('.editor-widget.suggest-widget');
      for (const actor of ['Syrian national', 'Sputnik']) {
        await widget.locator('.monaco-list-row', { hasText: actor }).first().waitFor({ state: 'visible', timeout: TIMEOUT });
      }
      await shot('completion-source');
      await page.keyboard.press('Escape');
      await widget.waitFor({ state: 'hidden', timeout: TIMEOUT });
    } finally {
      // Back to the file as it was, with nothing left to save, whatever happened above.
      await runCommand('Undo');
      await viewLine(`  source: ${ACTOR}`).first().waitFor({ state: 'visible', timeout: TIMEOUT });
      await poll('the editor to be clean again', async () =>
        (await page.locator('.tabs-container .tab.active.dirty').count()) === 0,
      );
    }
  });

  /** Colour of `word` on 1-based line `n`, once that line is on screen. */
  async function colourAt(n, word) {
    await goTo(n, 1);
    return poll(`line ${n} on screen`, () => colourOf(viewLine(lines[n - 1]), word));
  }

  await check('semantic tokens: the extension’s token scopes colour actors and the near-miss quote', async () => {
    // The near-miss quote (semantic `string.nearMiss`), against an exact one.
    const typoLine = lines.findIndex((l) => l.includes(TYPO_TO)) + 1;
    await goTo(typoLine, 1);
    const typoView = viewLines.locator('.view-line', { hasText: 'concernd' });
    await poll(`the near-miss quote in ${COLOR.nearMiss}`, async () => (await colourOf(typoView, 'concernd')) === rgb(COLOR.nearMiss));
    await shot('semantic-near-miss');
    const exactQuoteLine = lines.findIndex((l) => l.startsWith('  quote: Mercenaries from Syria')) + 1;
    const exact = await colourAt(exactQuoteLine, 'Mercenaries');
    if (exact === rgb(COLOR.nearMiss)) throw new Error('an exact quote has the near-miss colour');

    // The actor's declaration (semantic `class.declaration`), its use after `source:`
    // (`class`), and a plain word of a note, which none of the colours touches.
    const declLine = lineOf(`actor ${ACTOR}`);
    await goTo(declLine, 'actor '.length + 1);
    await poll(`the declaration "${ACTOR}" in ${COLOR.actorDeclaration}`, async () =>
      (await colourOf(viewLine(`actor ${ACTOR}`), ACTOR)) === rgb(COLOR.actorDeclaration),
    );
    // VS Code's own token inspector names the semantic token and the scope it maps to.
    await runCommand('Developer: Inspect Editor Tokens and Scopes');
    const inspector = page.locator('.token-inspect-widget');
    await inspector.waitFor({ state: 'visible', timeout: TIMEOUT });
    await poll('the inspector to show the semantic token', async () => {
      const text = await inspector.innerText({ timeout: 1000 });
      return /semantic token type\s*class/.test(text) && text.includes('entity.name.type.actor.declaration.claims');
    });
    await shot('semantic-inspect-actor');
    await page.keyboard.press('Escape');
    await inspector.waitFor({ state: 'hidden', timeout: TIMEOUT });

    const noteLine = lines.findIndex((l) => l.startsWith('  note: interviewed by')) + 1;
    const plain = await colourAt(noteLine, 'interviewed');
    if ([COLOR.actor, COLOR.actorDeclaration, COLOR.nearMiss].map(rgb).includes(plain)) {
      throw new Error(`a plain word of a note is coloured ${plain}`);
    }
    const use = await colourAt(sourceLine, ACTOR);
    if (use !== rgb(COLOR.actor)) throw new Error(`"source: ${ACTOR}" is ${use}, not ${rgb(COLOR.actor)}`);
  });

  await check(`rename (F2) of actor "${ACTOR}" changes its declaration and every use`, async () => {
    await goTo(sourceLine, actorColumn);
    await page.keyboard.press('F2');
    const box = page.locator('.rename-box input');
    await box.waitFor({ state: 'visible', timeout: TIMEOUT });
    await poll('the rename box to hold the old name', async () => (await box.inputValue()) === ACTOR);
    await shot('rename-box');
    await box.fill(RENAMED);
    await page.keyboard.press('Enter');
    await viewLine(`  source: ${RENAMED}`).first().waitFor({ state: 'visible', timeout: TIMEOUT });
    await runCommand('File: Save');
    // Polled until the whole file is as expected (a save may be seen half-written).
    try {
      await poll('the renamed file on disk', () => fs.readFileSync(claimsFile, 'utf8') === expectedAfterRename, 15_000);
    } catch (err) {
      const a = fs.readFileSync(claimsFile, 'utf8').split('\n');
      const b = expectedAfterRename.split('\n');
      const i = a.findIndex((l, k) => l !== b[k]);
      throw new Error(`${err.message}; line ${i + 1} is ${JSON.stringify(a[i])}, expected ${JSON.stringify(b[i])}`);
    }
    await shot('rename-done');
    console.log(`    ${renameCount} uses renamed`);
  });
} catch (err) {
  failures += 1;
  console.log(`not ok - the suite stopped: ${err.stack ?? err}`);
  await shot('FAILED').catch(() => {});
} finally {
  await browser.close();
  stopCodeServer();
}

if (pageErrors.length) console.log(`(page errors, not counted: ${pageErrors.slice(0, 5).join(' | ')})`);
console.log(`screenshots and logs: ${out}`);
if (failures) {
  console.log(`${failures} check(s) failed; see code-server.log and user-data/logs`);
  process.exit(1);
}
console.log('all checks passed');
