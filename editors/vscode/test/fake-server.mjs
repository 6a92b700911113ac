// A stand-in language server for the extension runtime test. It speaks LSP
// over stdio, appends every message it receives (and its argv) to the file
// named by FAKE_LSP_LOG as JSON lines, answers initialize, shutdown and
// textDocument/definition (with a Location in the article beside the
// annotation), and exits on `exit`.
//
// Run as `report FILE -o DIR` it stands in for `claimls report`: writes
// DIR/NAME.html naming the file and prints that path, as the real command does.
import { appendFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const log = process.env.FAKE_LSP_LOG;
const record = (obj) => log && appendFileSync(log, JSON.stringify(obj) + '\n');
record({ argv: process.argv.slice(2), pid: process.pid });

const argv = process.argv.slice(2);
if (argv[0] === 'report') {
  const [, file, flag, dir] = argv;
  if (flag !== '-o') process.exit(2);
  const page = path.join(dir, path.basename(file).replace(/\.claims$/, '.html'));
  writeFileSync(page, `<!DOCTYPE html><title>report of ${path.basename(file)}</title><p id="fake-report">${file}</p>`);
  process.stdout.write(page + '\n');
  process.exit(0);
}

let buffer = Buffer.alloc(0);
let shutdown = false;

function send(msg) {
  const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...msg }), 'utf8');
  process.stdout.write(`Content-Length: ${body.length}\r\n\r\n`);
  process.stdout.write(body);
}

function handle(msg) {
  record({ message: msg });
  switch (msg.method) {
    case 'initialize':
      send({
        id: msg.id,
        result: {
          capabilities: { textDocumentSync: 1, definitionProvider: true },
          serverInfo: { name: 'fake-claimls', version: '0' },
        },
      });
      break;
    case 'textDocument/definition': {
      const uri = msg.params.textDocument.uri.replace(/\.claims$/, '.txt');
      send({
        id: msg.id,
        result: { uri, range: { start: { line: 16, character: 60 }, end: { line: 16, character: 120 } } },
      });
      break;
    }
    case 'shutdown':
      shutdown = true;
      send({ id: msg.id, result: null });
      break;
    case 'exit':
      process.exit(shutdown ? 0 : 1);
      break;
    default:
      if (msg.id !== undefined && msg.method) send({ id: msg.id, result: null });
  }
}

process.stdin.on('data', (chunk) => {
  buffer = Buffer.concat([buffer, chunk]);
  for (;;) {
    const headerEnd = buffer.indexOf('\r\n\r\n');
    if (headerEnd < 0) return;
    const header = buffer.subarray(0, headerEnd).toString('ascii');
    const m = /Content-Length:\s*(\d+)/i.exec(header);
    if (!m) throw new Error('no Content-Length in ' + header);
    const length = Number(m[1]);
    if (buffer.length < headerEnd + 4 + length) return;
    const body = buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
    buffer = buffer.subarray(headerEnd + 4 + length);
    handle(JSON.parse(body));
  }
});
process.stdin.on('end', () => process.exit(shutdown ? 0 : 1));
