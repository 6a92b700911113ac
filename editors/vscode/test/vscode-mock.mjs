// A stand-in for the `vscode` module, enough for the bundled extension and
// vscode-languageclient to start, talk to a server and run our commands in
// plain node. Real classes for the value types (Uri, Position, Range, ...),
// recorded calls for what the tests check, and a permissive stub for the
// rest of the API (any other property is a no-op function returning a stub).
import { fileURLToPath, pathToFileURL } from 'node:url';

function stub(name) {
  const fn = function () {
    return stub(`${name}()`);
  };
  return new Proxy(fn, {
    get(target, prop) {
      if (prop === 'then' || typeof prop === 'symbol') return undefined;
      if (prop === 'dispose') return () => {};
      if (!(prop in target)) target[prop] = stub(`${name}.${String(prop)}`);
      return target[prop];
    },
  });
}

/** An object whose listed members are real and whose other members are stubs. */
function partial(name, members) {
  return new Proxy(members, {
    get(target, prop) {
      if (prop in target) return target[prop];
      if (prop === 'then' || typeof prop === 'symbol') return undefined;
      target[prop] = stub(`${name}.${String(prop)}`);
      return target[prop];
    },
  });
}

class Disposable {
  constructor(fn) {
    this._fn = fn;
  }
  static from(...items) {
    return new Disposable(() => items.forEach((d) => d?.dispose?.()));
  }
  dispose() {
    this._fn?.();
    this._fn = undefined;
  }
}

class EventEmitter {
  constructor() {
    this.listeners = new Set();
    this.event = (listener, thisArg) => {
      const l = listener.bind(thisArg);
      this.listeners.add(l);
      return new Disposable(() => this.listeners.delete(l));
    };
  }
  fire(e) {
    for (const l of [...this.listeners]) l(e);
  }
  dispose() {
    this.listeners.clear();
  }
}

class Uri {
  constructor(scheme, authority, path, query, fragment) {
    Object.assign(this, { scheme, authority: authority ?? '', path: path ?? '', query: query ?? '', fragment: fragment ?? '' });
  }
  static parse(value) {
    const u = new URL(value);
    return new Uri(u.protocol.replace(/:$/, ''), u.host, decodeURIComponent(u.pathname), u.search.replace(/^\?/, ''), u.hash.replace(/^#/, ''));
  }
  static file(p) {
    return new Uri('file', '', p, '', '');
  }
  static from(c) {
    return new Uri(c.scheme, c.authority, c.path, c.query, c.fragment);
  }
  static joinPath(base, ...parts) {
    return new Uri(base.scheme, base.authority, [base.path, ...parts].join('/'), '', '');
  }
  get fsPath() {
    return this.scheme === 'file' ? fileURLToPath(this.toString()) : this.path;
  }
  with(change) {
    return new Uri(change.scheme ?? this.scheme, change.authority ?? this.authority, change.path ?? this.path, change.query ?? this.query, change.fragment ?? this.fragment);
  }
  toString() {
    if (this.scheme === 'file') return pathToFileURL(this.path).href;
    return `${this.scheme}:${this.authority ? '//' + this.authority : ''}${this.path}`;
  }
  toJSON() {
    return this.toString();
  }
}

class Position {
  constructor(line, character) {
    this.line = line;
    this.character = character;
  }
  isEqual(o) {
    return o.line === this.line && o.character === this.character;
  }
}

class Range {
  constructor(a, b, c, d) {
    if (typeof a === 'number') {
      this.start = new Position(a, b);
      this.end = new Position(c, d);
    } else {
      this.start = a;
      this.end = b;
    }
  }
  get isEmpty() {
    return this.start.isEqual(this.end);
  }
}

class Selection extends Range {
  constructor(anchor, active) {
    super(anchor, active);
    this.anchor = anchor;
    this.active = active;
  }
}

class Location {
  constructor(uri, rangeOrPosition) {
    this.uri = uri;
    this.range = rangeOrPosition;
  }
}

/** A TextDocument over `text`. */
export function textDocument(uri, languageId, text, version = 1) {
  const lines = text.split(/\r\n|\n/);
  return {
    uri,
    fileName: uri.fsPath,
    languageId,
    version,
    isClosed: false,
    isDirty: false,
    isUntitled: false,
    eol: 1,
    lineCount: lines.length,
    getText: () => text,
    lineAt: (l) => ({ text: lines[typeof l === 'number' ? l : l.line] }),
    offsetAt: (p) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character,
    positionAt: (o) => {
      let line = 0;
      while (line < lines.length - 1 && o > lines[line].length) {
        o -= lines[line].length + 1;
        line++;
      }
      return new Position(line, o);
    },
    save: async () => true,
  };
}

/**
 * Creates the mock. `settings` maps full keys ('claimls.path') to values.
 * Returns { vscode, state } where state records commands, shown documents,
 * messages and output.
 */
export function createVscodeMock({ settings, workspaceFolder, documents, activeEditor }) {
  const state = { commands: new Map(), shown: [], messages: [], output: [], panels: [], configListeners: new EventEmitter() };

  const getConfiguration = (section) => {
    const prefix = section ? section + '.' : '';
    const get = (key, dflt) => {
      const full = prefix + key;
      if (full in settings) return settings[full];
      // A whole section as an object (what languageclient sends in didChangeConfiguration).
      const sub = Object.keys(settings).filter((k) => k.startsWith(full + '.'));
      if (sub.length) {
        const obj = {};
        for (const k of sub) obj[k.slice(full.length + 1)] = settings[k];
        return obj;
      }
      return dflt;
    };
    return {
      get,
      has: (key) => get(key) !== undefined,
      inspect: (key) => ({ key: prefix + key, globalValue: get(key) }),
      update: async () => {},
    };
  };

  const vscode = {
    version: '1.85.0',
    Disposable,
    EventEmitter,
    Uri,
    Position,
    Range,
    Selection,
    Location,
    CancellationTokenSource: class {
      constructor() {
        const emitter = new EventEmitter();
        this.token = { isCancellationRequested: false, onCancellationRequested: emitter.event };
      }
      cancel() {
        this.token.isCancellationRequested = true;
      }
      dispose() {}
    },
    ViewColumn: { Active: -1, Beside: -2, One: 1, Two: 2 },
    TextEditorRevealType: { Default: 0, InCenter: 1, InCenterIfOutsideViewport: 2, AtTop: 3 },
    DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
    DiagnosticTag: { Unnecessary: 1, Deprecated: 2 },
    ProgressLocation: { SourceControl: 1, Window: 10, Notification: 15 },
    ConfigurationTarget: { Global: 1, Workspace: 2, WorkspaceFolder: 3 },
    UIKind: { Desktop: 1, Web: 2 },
    env: partial('env', { appName: 'mock', appRoot: '', language: 'en', machineId: 'x', sessionId: 'x', uiKind: 1, uriScheme: 'vscode' }),
    workspace: partial('workspace', {
      getConfiguration,
      workspaceFolders: [{ uri: Uri.file(workspaceFolder), name: 'ws', index: 0 }],
      getWorkspaceFolder: () => ({ uri: Uri.file(workspaceFolder), name: 'ws', index: 0 }),
      textDocuments: documents,
      onDidChangeConfiguration: state.configListeners.event,
      createFileSystemWatcher: () => partial('watcher', { dispose() {} }),
      openTextDocument: async (uri) => documents.find((d) => d.uri.toString() === uri.toString()) ?? textDocument(uri, 'plaintext', ''),
    }),
    window: partial('window', {
      activeTextEditor: activeEditor,
      visibleTextEditors: activeEditor ? [activeEditor] : [],
      createOutputChannel: (name) =>
        partial('output', {
          name,
          append: (s) => state.output.push(s),
          appendLine: (s) => state.output.push(s + '\n'),
          replace() {},
          clear() {},
          show() {},
          hide() {},
          dispose() {},
        }),
      showTextDocument: async (uri, options) => {
        state.shown.push({ uri, options });
        return partial('editor', { revealRange: (range, type) => state.shown.at(-1) && (state.shown.at(-1).revealed = { range, type }) });
      },
      showErrorMessage: async (...a) => void state.messages.push(['error', ...a]),
      showWarningMessage: async (...a) => void state.messages.push(['warning', ...a]),
      showInformationMessage: async (...a) => void state.messages.push(['info', ...a]),
      setStatusBarMessage: () => new Disposable(),
      createWebviewPanel: (viewType, title, showOptions, options) => {
        const disposed = new EventEmitter();
        const panel = { viewType, title, showOptions, options, webview: { html: '' }, onDidDispose: disposed.event, dispose: () => disposed.fire() };
        state.panels.push(panel);
        return panel;
      },
    }),
    commands: partial('commands', {
      registerCommand: (id, fn) => {
        state.commands.set(id, fn);
        return new Disposable(() => state.commands.delete(id));
      },
      executeCommand: async (id, ...args) => state.commands.get(id)?.(...args),
    }),
    languages: partial('languages', {
      match: (selector, doc) => {
        const list = Array.isArray(selector) ? selector : [selector];
        return list.some((s) => (typeof s === 'string' ? s === doc.languageId : (!s.language || s.language === doc.languageId) && (!s.scheme || s.scheme === doc.uri.scheme)))
          ? 10
          : 0;
      },
    }),
  };
  return { vscode: partial('vscode', vscode), state };
}
