// Finds the claimls binary: the `claimls.path` setting, then a binary bundled
// in the extension (`server/claimls`, `server/claimls.exe` on Windows), then
// `claimls` on PATH. No vscode import, so the tests can run it under node.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export type ServerSource = 'setting' | 'bundled' | 'path';

export interface ResolvedServer {
  command: string;
  source: ServerSource;
}

export interface ResolveOptions {
  /** Value of the `claimls.path` setting ('' or undefined when unset). */
  configuredPath?: string;
  /** Folder the extension is installed in. */
  extensionPath: string;
  /** First workspace folder, used to resolve a relative `claimls.path`. */
  workspaceFolder?: string;
  /** Environment (PATH, PATHEXT, HOME); defaults to process.env. */
  env?: NodeJS.ProcessEnv;
  /** Defaults to process.platform. */
  platform?: NodeJS.Platform;
}

export class ServerNotFoundError extends Error {
  constructor(
    message: string,
    readonly configured: boolean,
  ) {
    super(message);
    this.name = 'ServerNotFoundError';
  }
}

function isExecutableFile(file: string, platform: NodeJS.Platform): boolean {
  try {
    const st = fs.statSync(file);
    if (!st.isFile()) return false;
    if (platform === 'win32') return true;
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Expands `~`, `${workspaceFolder}`, `${userHome}` and `${env:NAME}` in a configured path. */
export function expandConfiguredPath(value: string, opts: ResolveOptions): string {
  const env = opts.env ?? process.env;
  const home = env.HOME || env.USERPROFILE || os.homedir();
  let p = value.trim();
  p = p.replace(/\$\{userHome\}/g, home);
  p = p.replace(/\$\{env:([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, name: string) => env[name] ?? '');
  if (opts.workspaceFolder) p = p.replace(/\$\{workspaceFolder\}/g, opts.workspaceFolder);
  if (p === '~' || p.startsWith('~/') || p.startsWith('~\\')) p = path.join(home, p.slice(1));
  if (!path.isAbsolute(p) && (p.includes('/') || p.includes('\\')) && opts.workspaceFolder) {
    p = path.resolve(opts.workspaceFolder, p);
  }
  return p;
}

/** Looks a bare command name up on PATH (with PATHEXT on Windows). */
export function findOnPath(name: string, env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string | undefined {
  const pathVar = env.PATH ?? env.Path ?? '';
  const delimiter = platform === 'win32' ? ';' : ':';
  const exts =
    platform === 'win32' ? ['', ...(env.PATHEXT ?? '.EXE;.CMD;.BAT;.COM').split(';').filter(Boolean)] : [''];
  for (const dir of pathVar.split(delimiter)) {
    if (!dir) continue;
    for (const ext of exts) {
      const candidate = path.join(dir, name + ext);
      if (isExecutableFile(candidate, platform)) return candidate;
    }
  }
  return undefined;
}

export function resolveServer(opts: ResolveOptions): ResolvedServer {
  const env = opts.env ?? process.env;
  const platform = opts.platform ?? process.platform;
  const exe = platform === 'win32' ? 'claimls.exe' : 'claimls';

  const configured = (opts.configuredPath ?? '').trim();
  if (configured) {
    const expanded = expandConfiguredPath(configured, opts);
    if (path.isAbsolute(expanded)) {
      if (isExecutableFile(expanded, platform)) return { command: expanded, source: 'setting' };
      throw new ServerNotFoundError(
        `claimls.path is set to "${configured}", but ${expanded} is not an executable file.`,
        true,
      );
    }
    // A bare name such as "claimls-nightly": look it up on PATH.
    const onPath = findOnPath(expanded, env, platform);
    if (onPath) return { command: onPath, source: 'setting' };
    throw new ServerNotFoundError(`claimls.path is set to "${configured}", which is not on PATH.`, true);
  }

  const bundled = path.join(opts.extensionPath, 'server', exe);
  if (isExecutableFile(bundled, platform)) return { command: bundled, source: 'bundled' };

  const onPath = findOnPath('claimls', env, platform);
  if (onPath) return { command: onPath, source: 'path' };

  throw new ServerNotFoundError(
    'The claimls language server was not found: set "claimls.path", or install claimls on PATH ' +
      '(cargo install --path . in the claimls repository).',
    false,
  );
}
