// The claimls VS Code extension: starts `claimls lsp` over stdio through
// vscode-languageclient and adds three commands (restart, open article at quote,
// show the HTML report of the current annotation).
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  DefinitionRequest,
  Executable,
  LanguageClient,
  LanguageClientOptions,
  Location,
  LocationLink,
  ServerOptions,
} from 'vscode-languageclient/node';
import { quotePositionFor, splitLines } from './quoteLocator';
import { resolveServer, ServerNotFoundError } from './serverPath';

const CLIENT_ID = 'claimls';
const CLIENT_NAME = 'claimls';

let client: LanguageClient | undefined;
let outputChannel: vscode.OutputChannel | undefined;
let traceChannel: vscode.OutputChannel | undefined;
let extensionContext: vscode.ExtensionContext | undefined;

/** What the server reads from initializationOptions (and, later, from workspace/didChangeConfiguration). */
export interface InitializationOptions {
  rules: Record<string, string>;
  debounceMs: number;
}

function initializationOptions(): InitializationOptions {
  const config = vscode.workspace.getConfiguration('claimls');
  const rules = config.get<Record<string, string>>('rules') ?? {};
  const debounce = config.get<number>('debounceMs');
  return {
    rules: { ...rules },
    debounceMs: typeof debounce === 'number' && Number.isFinite(debounce) && debounce >= 0 ? debounce : 150,
  };
}

function firstWorkspaceFolder(): string | undefined {
  const folder = vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file');
  return folder?.uri.fsPath;
}

function createClient(context: vscode.ExtensionContext): LanguageClient | undefined {
  const configuredPath = vscode.workspace.getConfiguration('claimls').get<string>('path') ?? '';
  let command: string;
  try {
    const resolved = resolveServer({
      configuredPath,
      extensionPath: context.extensionPath,
      workspaceFolder: firstWorkspaceFolder(),
    });
    command = resolved.command;
    outputChannel?.appendLine(`claimls: using ${command} (from ${resolved.source})`);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    outputChannel?.appendLine(message);
    const configured = err instanceof ServerNotFoundError && err.configured;
    void vscode.window.showErrorMessage(message, configured ? 'Open Settings' : 'Set claimls.path').then((choice) => {
      if (choice) void vscode.commands.executeCommand('workbench.action.openSettings', 'claimls.path');
    });
    return undefined;
  }

  // No `transport`: with TransportKind.stdio the client would append `--stdio`
  // to the arguments, which `claimls lsp` does not take. Without it the
  // client still talks over the child's stdin/stdout.
  const run: Executable = { command, args: ['lsp'] };
  const serverOptions: ServerOptions = { run, debug: run };

  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'claims' },
      { scheme: 'untitled', language: 'claims' },
    ],
    // Computed at each (re)start so that a restart picks up edited settings.
    initializationOptions: () => initializationOptions(),
    synchronize: {
      // Sends workspace/didChangeConfiguration with { claimls: {...} } on every change.
      configurationSection: 'claimls',
      fileEvents: vscode.workspace.createFileSystemWatcher('**/claimls.toml'),
    },
    outputChannel,
    traceOutputChannel: traceChannel,
  };

  return new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
}

async function startClient(context: vscode.ExtensionContext): Promise<void> {
  client = createClient(context);
  if (!client) return;
  try {
    await client.start();
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    outputChannel?.appendLine(`claimls: the server failed to start: ${message}`);
    void vscode.window.showErrorMessage(`claimls: the server failed to start: ${message}`);
  }
}

async function stopClient(): Promise<void> {
  const old = client;
  client = undefined;
  if (!old) return;
  try {
    if (old.isRunning()) await old.stop(5000);
  } catch (err) {
    outputChannel?.appendLine(`claimls: stopping the server failed: ${String(err)}`);
  }
  try {
    await old.dispose(5000);
  } catch {
    // already stopped
  }
}

async function restartServer(): Promise<void> {
  if (!extensionContext) return;
  // A fresh client (not client.restart()): the binary is looked up again, so a
  // changed `claimls.path` or a newly installed binary is picked up.
  await stopClient();
  await startClient(extensionContext);
  if (client?.isRunning()) void vscode.window.setStatusBarMessage('claimls: server restarted', 3000);
}

function firstLocation(
  result: Location | Location[] | LocationLink[] | null,
): { uri: string; range: Location['range'] } | undefined {
  if (!result) return undefined;
  const items: (Location | LocationLink)[] = Array.isArray(result) ? result : [result];
  const item = items[0];
  if (!item) return undefined;
  if ('targetUri' in item) return { uri: item.targetUri, range: item.targetSelectionRange ?? item.targetRange };
  return { uri: item.uri, range: item.range };
}

async function openArticleAtQuote(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'claims') {
    void vscode.window.showInformationMessage('claimls: open a .claims file and put the cursor on a claim.');
    return;
  }
  if (!client || !client.isRunning()) {
    void vscode.window.showWarningMessage('claimls: the language server is not running (try "claimls: Restart Server").');
    return;
  }
  const document = editor.document;
  const lines = splitLines(document.getText());
  const cursor = editor.selection.active;
  const at = quotePositionFor(lines, { line: cursor.line, character: cursor.character });
  if (!at) {
    void vscode.window.showInformationMessage('claimls: the cursor is not in a claim with a quote.');
    return;
  }
  const position = new vscode.Position(at.line, at.character);
  const params = client.code2ProtocolConverter.asTextDocumentPositionParams(document, position);
  let result: Location | Location[] | LocationLink[] | null;
  try {
    result = await client.sendRequest(DefinitionRequest.type, params);
  } catch (err) {
    void vscode.window.showErrorMessage(`claimls: ${err instanceof Error ? err.message : String(err)}`);
    return;
  }
  const target = firstLocation(result);
  if (!target) {
    void vscode.window.showInformationMessage('claimls: this quote was not found in the article.');
    return;
  }
  const uri = client.protocol2CodeConverter.asUri(target.uri);
  const range = client.protocol2CodeConverter.asRange(target.range);
  const articleEditor = await vscode.window.showTextDocument(uri, {
    viewColumn: vscode.ViewColumn.Beside,
    selection: range,
    preserveFocus: false,
    preview: true,
  });
  articleEditor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/** The binary as the language server is found (setting, bundled, PATH), or an error shown. */
function claimlsCommand(): string | undefined {
  const configuredPath = vscode.workspace.getConfiguration('claimls').get<string>('path') ?? '';
  try {
    return resolveServer({
      configuredPath,
      extensionPath: extensionContext?.extensionPath ?? '',
      workspaceFolder: firstWorkspaceFolder(),
    }).command;
  } catch (err) {
    void vscode.window.showErrorMessage(err instanceof Error ? err.message : String(err));
    return undefined;
  }
}

/**
 * "claimls: Show Report": runs `claimls report FILE -o TMPDIR` on the saved
 * annotation and shows the page it wrote in a webview beside the editor. The
 * page is self-contained (inline style and script, no fetches).
 */
async function showReport(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  const document = editor?.document;
  if (!document || document.languageId !== 'claims' || document.uri.scheme !== 'file') {
    void vscode.window.showInformationMessage('claimls: open a saved .claims file to see its report.');
    return;
  }
  if (document.isDirty && !(await document.save())) {
    void vscode.window.showWarningMessage('claimls: save the annotation first; the report reads the file.');
    return;
  }
  const command = claimlsCommand();
  if (!command) return;
  const file = document.uri.fsPath;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimls-report-'));
  const result = await new Promise<{ ok: boolean; stdout: string; stderr: string }>((resolve) => {
    execFile(command, ['report', file, '-o', dir], { cwd: path.dirname(file), maxBuffer: 1 << 20 }, (err, stdout, stderr) =>
      resolve({ ok: !err, stdout: String(stdout), stderr: String(stderr) }),
    );
  });
  const written = result.stdout.split(/\r?\n/).map((l) => l.trim()).find((l) => l.endsWith('.html'));
  if (!result.ok || !written) {
    const why = result.stderr.trim().split('\n').find((l) => l.startsWith('error:')) ?? result.stderr.trim();
    void vscode.window.showErrorMessage(`claimls: the report failed: ${why || 'no page was written'}`);
    return;
  }
  const page = path.resolve(path.dirname(file), written);
  const html = fs.readFileSync(page, 'utf8');
  const panel = vscode.window.createWebviewPanel(
    'claimlsReport',
    `Report: ${path.basename(file)}`,
    { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
    // The page's own script cross-highlights the article and the claims; it loads nothing.
    { enableScripts: true, localResourceRoots: [] },
  );
  panel.webview.html = html;
  panel.onDidDispose(() => fs.rmSync(dir, { recursive: true, force: true }));
}

interface WirePosition {
  line: number;
  character: number;
}

/**
 * The server's "N claims" code lens runs `claimls.showReferences` with the wire form
 * `[uri, position, locations]`; VS Code's reference view wants its own types.
 */
async function showReferences(
  uri: string,
  position: WirePosition,
  locations: Array<{ uri: string; range: { start: WirePosition; end: WirePosition } }>,
): Promise<void> {
  const pos = (p: WirePosition) => new vscode.Position(p.line, p.character);
  await vscode.commands.executeCommand(
    'editor.action.showReferences',
    vscode.Uri.parse(uri),
    pos(position),
    (locations ?? []).map((l) => new vscode.Location(vscode.Uri.parse(l.uri), new vscode.Range(pos(l.range.start), pos(l.range.end)))),
  );
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  extensionContext = context;
  outputChannel = vscode.window.createOutputChannel('claimls');
  traceChannel = vscode.window.createOutputChannel('claimls (trace)');
  context.subscriptions.push(outputChannel, traceChannel);

  context.subscriptions.push(
    vscode.commands.registerCommand('claimls.restartServer', restartServer),
    vscode.commands.registerCommand('claimls.openArticleAtQuote', openArticleAtQuote),
    vscode.commands.registerCommand('claimls.showReport', showReport),
    vscode.commands.registerCommand('claimls.showReferences', showReferences),
    vscode.workspace.onDidChangeConfiguration((e) => {
      // rules/debounceMs reach the running server through didChangeConfiguration;
      // a different binary needs a new process.
      if (e.affectsConfiguration('claimls.path')) void restartServer();
    }),
  );

  await startClient(context);
}

export async function deactivate(): Promise<void> {
  await stopClient();
}
