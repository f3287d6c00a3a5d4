import type { Readable, Writable } from 'node:stream';
import { createServiceToken } from '@hangar/core';

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

/** Where import files are read from and export files written to (local directory, object store...). */
export interface FileStore {
  /** Opens a stored file for streaming; `signal` destroys the stream when it fires. */
  openRead(location: string, signal?: AbortSignal): Promise<Readable>;
  /** Size of a stored file in bytes. */
  size(location: string): Promise<number>;
  /** Starts a new file named `name` (a fresh location each call, so exports never overwrite). */
  create(name: string, mediaType: string): Promise<FileSink>;
}

/** Service token of the file store the import and export jobs use. */
export const fileStoreToken = createServiceToken<FileStore>('hangar.importexport.file-store');
