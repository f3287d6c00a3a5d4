import type { Readable, Writable } from 'node:stream';
import { createServiceToken, type JobContext } from '@hangar/core';

/** A file written to a store: what a job declares as an output file. */
export interface StoredFile {
  /** File name shown to the user. */
  name: string;
  /** Size in bytes. */
  size: number;
  /** Media type, e.g. `text/csv`. */
  mediaType: string;
  /** Store-specific key to read it back with {@link FileStore.openRead}. */
  location: string;
}

/** A file being written; `close` makes it visible, `discard` removes the partial file. */
export interface FileSink {
  /** Where the bytes go. */
  readonly stream: Writable;
  /** Key the file will have once closed. */
  readonly location: string;
  /** Ends the stream, waits for the bytes to be stored and returns the stored file. */
  close(): Promise<StoredFile>;
  /** Abandons the file (on error or cancellation). */
  discard(): Promise<void>;
}

/** Whose output a new file is: the job, and its tenant (none for a job enqueued without a customer). */
export type FileOwner = Pick<JobContext, 'customerId' | 'jobId'>;

/**
 * Where import files are read from and export files written to (local directory, object store...),
 * laid out by tenant as `tenantFileArea` of `@hangar/core` says, so the runner's download route
 * serves a tenant its own files only.
 */
export interface FileStore {
  /**
   * The location of a file a job of `customerId` names in its parameter `param` (`file`): for a
   * tenant, `relativePath` inside its upload area (`tenants/<customerId>/uploads/`); for a job
   * without a customer, a location anywhere in the store. Throws `FileLocationError` naming
   * `param` for a path that leaves that area (`..`, an absolute path, a link) or a customer id
   * that cannot name a folder.
   */
  resolveTenantPath(customerId: string | undefined, relativePath: string, param: string): Promise<string>;
  /** Opens a stored file for streaming; `signal` destroys the stream when it fires. */
  openRead(location: string, signal?: AbortSignal): Promise<Readable>;
  /** Size of a stored file in bytes. */
  size(location: string): Promise<number>;
  /**
   * Starts a new output file named `name` of `owner`'s job, in its output area
   * (`tenants/<customerId>/jobs/<jobId>/` or `system/jobs/<jobId>/`); a fresh location each
   * call, so exports never overwrite.
   */
  create(name: string, mediaType: string, owner: FileOwner): Promise<FileSink>;
}

/** Service token of the file store the import and export jobs use. */
export const fileStoreToken = createServiceToken<FileStore>('hangar.importexport.file-store');
