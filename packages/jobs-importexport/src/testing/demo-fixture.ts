import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { consoDbToken, loadTinyDemoGroup, type TinyDemoSummary } from '@hangar/conso-db';
import { mapServiceResolver, type ServiceResolver } from '@hangar/core';
import { fileStoreToken } from '../files/file-store.js';
import { LocalFileStore } from '../files/local-file-store.js';
import { openTestDb, type TestDb } from './test-databases.js';

/** A migrated test database holding the conso-db demo group, a file store and the services jobs need. */
export interface DemoFixture {
  readonly test: TestDb;
  readonly demo: TinyDemoSummary;
  readonly store: LocalFileStore;
  readonly services: ServiceResolver;
}

/** Opens a test database of `kind`, loads the demo group (customer `DEMO`, conso `202312ACT001`). */
export async function openDemoFixture(kind: 'sqlite' | 'postgres'): Promise<DemoFixture> {
  const test = await openTestDb(kind);
  const demo = await loadTinyDemoGroup(test.consoDb.db);
  const root = join(test.dir, 'files');
  await mkdir(root, { recursive: true });
  const store = new LocalFileStore(root);
  const services = mapServiceResolver([
    [consoDbToken, test.consoDb],
    [fileStoreToken, store],
  ]);
  return { test, demo, store, services };
}
