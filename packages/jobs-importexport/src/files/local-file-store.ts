import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, realpath, rename, rm, stat } from 'node:fs/promises';
import { isAbsolute, join, posix, relative, resolve, sep } from 'node:path';
import { PassThrough, type Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { jobOutputArea, tenantFileArea, tenantUploadArea } from '@hangar/core';
import { FileLocationError } from '../errors/file-location-error.js';
import { StoredFileError } from '../errors/stored-file-error.js';
import type { FileOwner, FileSink, FileStore, StoredFile } from './file-store.js';

/**
 * A {@link FileStore} over a local directory, laid out by tenant (see `tenantFileArea` in
 * `@hangar/core`): a tenant's jobs read from `tenants/<customerId>/uploads/` and write to
 * `tenants/<customerId>/jobs/<jobId>/`; jobs without a customer write to `system/jobs/<jobId>/`.
 * Locations are paths relative to the root; one that would leave the root (`../x`, an absolute
 * path) is refused, since it comes from job parameters a user typed. No error it throws names
 * the root's absolute path.
 */
export class LocalFileStore implements FileStore {
  /** Absolute root directory. */
  readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  /** Absolute path of a location inside the root. */
  pathOf(location: string, param = 'file'): string {
    const path = resolve(this.root, location);
    if (!isInside(this.root, path)) throw new FileLocationError(param, location, 'outsideStore');
    return path;
  }

  async resolveTenantPath(
    customerId: string | undefined,
    relativePath: string,
    param: string,
  ): Promise<string> {
    // A job enqueued without a customer is the operator's own: it may read anywhere in the store.
    if (customerId === undefined) {
      this.pathOf(relativePath, param);
      return await this.checkLinks(relativePath, '', param);
    }
    const area = tenantUploadArea(customerId);
    if (area === undefined) throw new FileLocationError('customerId', customerId, 'notPlainId');
    // A store location inside the tenant's own area (`tenants/<id>/...`, e.g. an output of one of
    // its jobs that a pipeline loads next) is the tenant's own file: accepted as it is.
    const own = tenantFileArea(customerId) as string;
    const normalized = posix.normalize(relativePath.replace(/\\/g, '/'));
    if (normalized.startsWith(`${own}/`) && !isAbsolute(relativePath)) {
      return await this.checkLinks(normalized, own, param, relativePath);
    }
    const location = posix.join(area, relativePath.replace(/\\/g, '/'));
    if (isAbsolute(relativePath) || /^[A-Za-z]:/.test(relativePath) || !location.startsWith(`${area}/`)) {
      throw new FileLocationError(param, relativePath, 'outsideArea', area);
    }
    return await this.checkLinks(location, area, param, relativePath);
  }

  async openRead(location: string, signal?: AbortSignal): Promise<Readable> {
    const path = this.pathOf(location);
    const stats = await stat(path).catch((error: unknown) => {
      throw StoredFileError.from(error, location);
    });
    if (!stats.isFile()) throw new StoredFileError(location, 'notAFile', 'EISDIR');
    // The stream's own errors name the absolute path: they reach the reader as StoredFileError.
    const source = createReadStream(path, signal === undefined ? {} : { signal });
    const output = new PassThrough();
    source.on('error', (error) => output.destroy(StoredFileError.from(error, location) as Error));
    output.on('close', () => source.destroy());
    return source.pipe(output);
  }

  async size(location: string): Promise<number> {
    try {
      return (await stat(this.pathOf(location))).size;
    } catch (error) {
      throw StoredFileError.from(error, location);
    }
  }

  async create(name: string, mediaType: string, owner: FileOwner): Promise<FileSink> {
    if (name === '' || name.includes('/') || name.includes('\\') || name.startsWith('.')) {
      throw new FileLocationError('fileName', name, 'notPlainName');
    }
    const area = jobOutputArea(owner.customerId, owner.jobId);
    if (area === undefined) {
      throw tenantFileArea(owner.customerId) === undefined
        ? new FileLocationError('customerId', owner.customerId ?? '', 'notPlainId')
        : new FileLocationError('jobId', owner.jobId, 'notPlainId');
    }
    // A folder per file: a job may write two files of one name (an attempt after a failed one),
    // and discarding one removes its folder only.
    const folder = posix.join(area, randomUUID());
    const location = posix.join(folder, name);
    const path = this.pathOf(location);
    try {
      await mkdir(join(this.root, folder), { recursive: true });
    } catch (error) {
      throw StoredFileError.from(error, folder, true);
    }
    // Written under a temporary name and renamed on close: a reader never sees half a file.
    const partial = `${path}.part`;
    const file = createWriteStream(partial);
    // The writers see this stream: the file's own errors (a full disk...) name the absolute path
    // and reach them as StoredFileError instead.
    const stream = new PassThrough();
    file.on('error', (error) => stream.destroy(StoredFileError.from(error, location, true) as Error));
    stream.pipe(file);
    return {
      stream,
      location,
      async close(): Promise<StoredFile> {
        stream.end();
        try {
          await finished(file);
          await rename(partial, path);
          return { name, size: (await stat(path)).size, mediaType, location };
        } catch (error) {
          throw StoredFileError.from(error, location, true);
        }
      },
      async discard(): Promise<void> {
        stream.destroy();
        file.destroy();
        await rm(join(path, '..'), { recursive: true, force: true });
      },
    };
  }

  /**
   * `location` itself when its real path (symbolic links followed, if it exists) is still inside
   * `area` (the root when ''); a link out of the area is refused like `..`.
   */
  private async checkLinks(location: string, area: string, param: string, given = location): Promise<string> {
    const areaPath = join(this.root, area);
    let real: string;
    try {
      real = await realpath(join(this.root, location));
    } catch {
      return location; // Not there yet: reading it reports the missing file.
    }
    const realArea = await realpath(areaPath).catch(() => areaPath);
    if (!isInside(realArea, real)) {
      throw area === ''
        ? new FileLocationError(param, given, 'outsideStore')
        : new FileLocationError(param, given, 'outsideArea', area);
    }
    return location;
  }
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}
