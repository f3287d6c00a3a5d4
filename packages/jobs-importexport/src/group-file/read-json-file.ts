import { ImportFileError } from '../errors/import-file-error.js';
import type { FileStore } from '../files/file-store.js';

/** Largest group file read: group files describe one small group, and JSON is parsed whole. */
export const MAX_GROUP_FILE_BYTES = 32 * 1024 * 1024;

/** Reads and parses a JSON file from the store, refusing files over {@link MAX_GROUP_FILE_BYTES}. */
export async function readJsonFile(
  store: FileStore,
  location: string,
  signal?: AbortSignal,
): Promise<unknown> {
  const name = location.split(/[\\/]/).pop() ?? location;
  let size: number;
  try {
    size = await store.size(location);
  } catch (error) {
    throw new ImportFileError(name, 'unreadable', (error as Error).message, error);
  }
  if (size > MAX_GROUP_FILE_BYTES) {
    throw new ImportFileError(
      name,
      'unreadable',
      `${size} bytes is more than a group file may have (${MAX_GROUP_FILE_BYTES})`,
    );
  }
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of await store.openRead(location, signal))
      chunks.push(Buffer.from(chunk as Buffer));
  } catch (error) {
    if ((error as { name?: string }).name === 'AbortError') throw error;
    throw new ImportFileError(name, 'unreadable', (error as Error).message, error);
  }
  try {
    return JSON.parse(
      Buffer.concat(chunks)
        .toString('utf8')
        .replace(/^\uFEFF/, ''),
    );
  } catch (error) {
    throw new ImportFileError(name, 'invalidJson', (error as Error).message, error);
  }
}
