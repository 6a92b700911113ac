// Checks the packaged extension (claimls.vsix, made by `npm run package`):
// the bundled client, the grammar, the language configuration and a valid
// manifest are inside, and nothing from src/, test/ or node_modules/ is.
// Without a .vsix the test is skipped, except under CI=true where it fails.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openZip } from './zip.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const vsixPath = path.join(root, 'claimls.vsix');
const haveVsix = existsSync(vsixPath);
const inCI = process.env.CI === 'true';

test('claimls.vsix exists', { skip: !haveVsix && !inCI && 'no claimls.vsix: run `npm run package` first' }, () => {
  assert.ok(haveVsix, `${vsixPath} is missing: \`npm run package\` must run before the tests in CI`);
});

test('the vsix holds the bundled client, grammar, language configuration and manifest', { skip: !haveVsix && 'no claimls.vsix' }, () => {
  const zip = openZip(vsixPath);
  for (const name of [
    'extension.vsixmanifest',
    'extension/dist/extension.js',
    'extension/syntaxes/claims.tmLanguage.json',
    'extension/language-configuration.json',
    'extension/package.json',
  ]) {
    assert.ok(zip.has(name), `${name} missing from the vsix; it holds: ${zip.names.join(', ')}`);
  }

  const manifest = JSON.parse(zip.read('extension/package.json').toString('utf8'));
  assert.equal(manifest.name, 'claimls');
  assert.equal(manifest.publisher, 'claimls');
  assert.equal(manifest.main, './dist/extension.js');
  assert.ok(manifest.activationEvents.includes('onLanguage:claims'));
  assert.equal(manifest.contributes.languages[0].id, 'claims');
  assert.deepEqual(manifest.contributes.languages[0].extensions, ['.claims']);
  assert.equal(manifest.contributes.grammars[0].scopeName, 'source.claims');
  const commands = manifest.contributes.commands.map((c) => c.command).sort();
  assert.deepEqual(commands, ['claimls.openArticleAtQuote', 'claimls.restartServer', 'claimls.showReport']);
  // Every file the manifest points at is in the package.
  for (const rel of [manifest.main, manifest.contributes.grammars[0].path, manifest.contributes.languages[0].configuration]) {
    const name = 'extension/' + path.posix.normalize(rel);
    assert.ok(zip.has(name), `manifest points at ${rel}, but ${name} is not in the vsix`);
  }

  // The packaged grammar and configuration are the sources, and parse.
  assert.equal(
    zip.read('extension/syntaxes/claims.tmLanguage.json').toString('utf8'),
    readFileSync(path.join(root, 'syntaxes', 'claims.tmLanguage.json'), 'utf8'),
  );
  JSON.parse(zip.read('extension/language-configuration.json').toString('utf8'));

  // The client is bundled: it needs only `vscode` and node built-ins at run time.
  const bundle = zip.read('extension/dist/extension.js').toString('utf8');
  assert.match(bundle, /require\("vscode"\)/);
  assert.doesNotMatch(bundle, /require\("vscode-languageclient/);
  assert.ok(bundle.includes('claimls.openArticleAtQuote'));

  const vsixManifest = zip.read('extension.vsixmanifest').toString('utf8');
  assert.match(vsixManifest, /Id="claimls"/);
  assert.match(vsixManifest, /Publisher="claimls"/);

  for (const name of zip.names) {
    assert.ok(!/^extension\/(src|test|node_modules)\//.test(name), `${name} should not be packaged`);
    assert.ok(!name.endsWith('.map') && !name.endsWith('.ts'), `${name} should not be packaged`);
  }
});
