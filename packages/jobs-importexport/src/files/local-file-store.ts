import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { ConfigurationError } from '@hangar/core';
import type { FileSink, FileStore, StoredFile } from './file-store.js';

/**
 * A {@link FileStore} over a local directory. Locations are paths relative to the root; a location
 * that would leave the root (`../x`, another absolute path) is refused, since it comes from job
 * parameters a user typed.
 */
export class LocalFileStore implements FileStore {
  /** Absolute root directory. */
  readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  /** Absolute path of a location inside the root. */
  pathOf(location: string): string {
    const path = resolve(this.root, location);
    const rel = relative(this.root, path);
    if (rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel)) {
      throw new ConfigurationError('file', `"${location}" is outside the file store`);
    }
    return path;
  }

  async openRead(location: string, signal?: AbortSignal): Promise<Readable> {
    const path = this.pathOf(location);
    await stat(path);
    return createReadStream(path, signal === undefined ? {} : { signal });
  }

  async size(location: string): Promise<number> {
    return (await stat(this.pathOf(location))).size;
  }

  async create(name: string, mediaType: string): Promise<FileSink> {
    if (name === '' || name.includes('/') || name.includes('\\') || name.startsWith('.')) {
      throw new ConfigurationError('fileName', `"${name}" is not a plain file name`);
    }
    const folder = join('exports', `${new Date().toISOString().slice(0, 10)}-${randomUUID()}`);
    const location = join(folder, name);
    const path = this.pathOf(location);
    await mkdir(join(this.root, folder), { recursive: true });
    // Written under a temporary name and renamed on close: a reader never sees half a file.
    const partial = `${path}.part`;
    const stream = createWriteStream(partial);
    return {
      stream,
      location,
      async close(): Promise<StoredFile> {
        stream.end();
        await finished(stream);
        await rename(partial, path);
        return { name, size: (await stat(path)).size, mediaType, location };
      },
      async discard(): Promise<void> {
        stream.destroy();
        await rm(join(path, '..'), { recursive: true, force: true });
      },
    };
  }
}
