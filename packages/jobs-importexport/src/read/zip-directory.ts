import { createReadStream } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';

/** One file inside a zip archive, from the central directory. */
export interface ZipEntry {
  readonly name: string;
  /** 0 stored, 8 deflated. */
  readonly method: number;
  readonly compressedSize: number;
  /** Offset of the entry's local header. */
  readonly headerOffset: number;
}

/** The central directory of a zip file on disk, and a way to stream any entry. */
export interface ZipDirectory {
  readonly entries: ReadonlyMap<string, ZipEntry>;
  /** Streams an entry's uncompressed bytes. */
  open(name: string): Promise<Readable>;
  /** Closes the file. */
  close(): Promise<void>;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * Reads the central directory of a zip file (XLSX) so entries can be opened in any order. exceljs's
 * streaming reader takes entries in file order, and workbooks from streaming writers store the
 * workbook part (sheet names) last, which it does not handle reliably; reading the directory does.
 * ZIP64 archives (over 4 GiB or 65,535 entries) are not supported.
 */
export async function openZipDirectory(path: string): Promise<ZipDirectory> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const tailSize = Math.min(size, 22 + 0xffff);
    const tail = await read(handle, size - tailSize, tailSize);
    let eocd = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw new Error('not a zip file (no end of central directory)');
    const count = tail.readUInt16LE(eocd + 10);
    const dirSize = tail.readUInt32LE(eocd + 12);
    const dirOffset = tail.readUInt32LE(eocd + 16);
    if (dirOffset === 0xffffffff || count === 0xffff) throw new Error('ZIP64 archives are not supported');
    const dir = await read(handle, dirOffset, dirSize);
    const entries = new Map<string, ZipEntry>();
    let at = 0;
    for (let i = 0; i < count; i++) {
      if (dir.readUInt32LE(at) !== CENTRAL) throw new Error('corrupt zip central directory');
      const method = dir.readUInt16LE(at + 10);
      const compressedSize = dir.readUInt32LE(at + 20);
      const nameLength = dir.readUInt16LE(at + 28);
      const extraLength = dir.readUInt16LE(at + 30);
      const commentLength = dir.readUInt16LE(at + 32);
      const headerOffset = dir.readUInt32LE(at + 42);
      const name = dir.toString('utf8', at + 46, at + 46 + nameLength);
      entries.set(name, { name, method, compressedSize, headerOffset });
      at += 46 + nameLength + extraLength + commentLength;
    }
    return {
      entries,
      async open(name: string): Promise<Readable> {
        const entry = entries.get(name);
        if (!entry) throw new Error(`no entry ${name} in the zip file`);
        const local = await read(handle, entry.headerOffset, 30);
        if (local.readUInt32LE(0) !== LOCAL) throw new Error(`corrupt zip entry ${name}`);
        const start = entry.headerOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
        if (entry.compressedSize === 0) return createReadStream(path, { start: 0, end: -1 });
        const raw = createReadStream(path, { start, end: start + entry.compressedSize - 1 });
        if (entry.method === 0) return raw;
        if (entry.method !== 8)
          throw new Error(`unsupported zip compression method ${entry.method} for ${name}`);
        const inflate = createInflateRaw();
        raw.on('error', (error) => inflate.destroy(error));
        return raw.pipe(inflate);
      },
      close: () => handle.close(),
    };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

async function read(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}
