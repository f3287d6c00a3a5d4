import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JobContext, ServiceResolver } from '@hangar/core';
import { type ConsoDb, consoDbToken } from '../db/conso-db.js';
import { type FileStore, fileStoreToken } from '../files/file-store.js';
import { LocalFileStore } from '../files/local-file-store.js';

/** The open consolidation database the runner provides. */
export function consoDbOf(services: ServiceResolver): ConsoDb {
  return services.get(consoDbToken);
}

/** Directory of the fallback file store: `HANGAR_FILES_DIR`, else `<tmp>/hangar-files`. */
export function defaultFilesDir(): string {
  return process.env.HANGAR_FILES_DIR ?? join(tmpdir(), 'hangar-files');
}

/** The registered file store, or a local one in {@link defaultFilesDir} when none is registered. */
export function fileStoreOf(services: ServiceResolver): FileStore {
  return services.has(fileStoreToken) ? services.get(fileStoreToken) : new LocalFileStore(defaultFilesDir());
}

/**
 * The store location of the input file a job's parameter `param` names: inside the upload area of
 * the job's tenant (`FileStore.resolveTenantPath`), else `FileLocationError` naming the parameter.
 */
export function inputLocation(
  services: ServiceResolver,
  ctx: Pick<JobContext, 'customerId'>,
  file: string,
  param = 'file',
): Promise<string> {
  return fileStoreOf(services).resolveTenantPath(ctx.customerId, file, param);
}
