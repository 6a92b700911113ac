// A small reader for zip archives (a .vsix is one): lists entries from the
// central directory and inflates an entry with node's zlib. No ZIP64.
import { readFileSync } from 'node:fs';
import zlib from 'node:zlib';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export function openZip(file) {
  const buf = readFileSync(file);
  // The end-of-central-directory record is 22 bytes plus a comment of up to 64 KiB.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error(`${file}: not a zip archive (no end of central directory)`);
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (cdOffset === 0xffffffff || count === 0xffff) throw new Error(`${file}: ZIP64 archives are not supported`);
  if (cdOffset + cdSize > eocd) throw new Error(`${file}: central directory out of bounds`);

  const entries = new Map();
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(p) !== CENTRAL) throw new Error(`${file}: bad central directory header at ${p}`);
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    const compressedSize = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const localOffset = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    entries.set(name, { name, method, crc, compressedSize, size, localOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }

  function read(name) {
    const e = entries.get(name);
    if (!e) throw new Error(`${file}: no entry ${name}`);
    const l = e.localOffset;
    if (buf.readUInt32LE(l) !== LOCAL) throw new Error(`${file}: bad local header for ${name}`);
    const start = l + 30 + buf.readUInt16LE(l + 26) + buf.readUInt16LE(l + 28);
    const raw = buf.subarray(start, start + e.compressedSize);
    let data;
    if (e.method === 0) data = Buffer.from(raw);
    else if (e.method === 8) data = zlib.inflateRawSync(raw);
    else throw new Error(`${file}: ${name} uses compression method ${e.method}`);
    if (data.length !== e.size) throw new Error(`${file}: ${name} inflated to ${data.length} bytes, expected ${e.size}`);
    if (zlib.crc32 && (zlib.crc32(data) >>> 0) !== e.crc) throw new Error(`${file}: ${name} fails its CRC`);
    return data;
  }

  return { names: [...entries.keys()], has: (name) => entries.has(name), read };
}
