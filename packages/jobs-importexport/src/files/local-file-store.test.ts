import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Translator } from '@hangar/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileLocationError } from '../errors/file-location-error.js';
import { StoredFileError } from '../errors/stored-file-error.js';
import { importExportMessages } from '../messages/importexport-messages.js';
import { LocalFileStore } from './local-file-store.js';

let root: string;
let store: LocalFileStore;
const translator = new Translator().register(importExportMessages);

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'hangar-store-'));
  store = new LocalFileStore(root);
  for (const tenant of ['acme', 'globex']) {
    await mkdir(join(root, 'tenants', tenant, 'uploads'), { recursive: true });
    await writeFile(join(root, 'tenants', tenant, 'uploads', 'data.csv'), `${tenant}\n`);
  }
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** The error `run` throws, checked to be of `type`. */
async function refusal<T>(run: () => Promise<unknown>, type: new (...args: never[]) => T): Promise<T> {
  const error = await run().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(type);
  return error as T;
}

/** Every rendering of an error a caller may see: message, params, en and fr text. */
function shown(error: FileLocationError | StoredFileError): string {
  const message = { key: error.key, params: error.params };
  return [
    error.message,
    JSON.stringify(error.params),
    translator.render(message, 'en'),
    translator.render(message, 'fr'),
  ].join('\n');
}

describe('local file store by tenant', () => {
  it("writes a job's output under its tenant's jobs folder, or under system/ without a customer", async () => {
    const sink = await store.create('out.csv', 'text/csv', { customerId: 'acme', jobId: 'job-1' });
    sink.stream.write('a,b\n');
    const file = await sink.close();
    expect(file.location).toMatch(/^tenants\/acme\/jobs\/job-1\/[0-9a-f-]{36}\/out\.csv$/);
    expect(await readFile(join(root, file.location), 'utf8')).toBe('a,b\n');
    const system = await store.create('out.csv', 'text/csv', { customerId: undefined, jobId: 'job-2' });
    expect(system.location).toMatch(/^system\/jobs\/job-2\/[0-9a-f-]{36}\/out\.csv$/);
    await system.discard();
  });

  it('refuses an output name with a folder and ids that cannot name a folder', async () => {
    const owner = { customerId: 'acme', jobId: 'job-3' };
    const name = await refusal(() => store.create('../x.csv', 'text/csv', owner), FileLocationError);
    expect(name).toMatchObject({ code: 'IMPORTEXPORT_FILE_LOCATION', param: 'fileName' });
    const tenant = await refusal(
      () => store.create('x.csv', 'text/csv', { customerId: '../globex', jobId: 'job-3' }),
      FileLocationError,
    );
    expect(tenant).toMatchObject({ param: 'customerId', key: 'importexport.error.fileLocation.notPlainId' });
    const job = await refusal(
      () => store.create('x.csv', 'text/csv', { customerId: 'acme', jobId: '../../globex' }),
      FileLocationError,
    );
    expect(job.param).toBe('jobId');
  });

  it("resolves a tenant's file inside its upload area", async () => {
    expect(await store.resolveTenantPath('acme', 'data.csv', 'file')).toBe('tenants/acme/uploads/data.csv');
    expect(await store.resolveTenantPath('acme', 'sub/../data.csv', 'file')).toBe(
      'tenants/acme/uploads/data.csv',
    );
    const location = await store.resolveTenantPath('acme', 'data.csv', 'file');
    const chunks: Buffer[] = [];
    for await (const chunk of await store.openRead(location)) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe('acme\n');
  });

  it.each([
    ["another tenant's upload", '../../globex/uploads/data.csv'],
    ['its own output area', '../jobs/job-1/out.csv'],
    ['the store root', '../../../report.csv'],
    ['an absolute path', '/etc/passwd'],
    ['an absolute path into the store', '/tenants/globex/uploads/data.csv'],
    ['a drive path', 'C:\\data.csv'],
    ['the upload area itself', '.'],
  ])("refuses %s with an error naming the parameter, never the store's path", async (_label, path) => {
    const error = await refusal(() => store.resolveTenantPath('acme', path, 'file'), FileLocationError);
    expect(error).toMatchObject({
      code: 'IMPORTEXPORT_FILE_LOCATION',
      key: 'importexport.error.fileLocation.outsideArea',
      params: { param: 'file', location: path, area: 'tenants/acme/uploads' },
    });
    expect(translator.render({ key: error.key, params: error.params }, 'en')).toBe(
      `Parameter file: "${path}" is outside tenants/acme/uploads, the only files this job may read`,
    );
    expect(shown(error)).not.toContain(root);
  });

  it('accepts a store location inside its own tenant area, such as an output of its own job', async () => {
    expect(await store.resolveTenantPath('acme', 'tenants/acme/jobs/job-1/out.csv', 'file')).toBe(
      'tenants/acme/jobs/job-1/out.csv',
    );
    // Another tenant's location is no store location of acme's: it names a folder of acme's uploads.
    expect(await store.resolveTenantPath('acme', 'tenants/globex/uploads/data.csv', 'file')).toBe(
      'tenants/acme/uploads/tenants/globex/uploads/data.csv',
    );
  });

  it("refuses a symbolic link of the upload area that leads into another tenant's", async () => {
    await symlink(
      join(root, 'tenants', 'globex', 'uploads'),
      join(root, 'tenants', 'acme', 'uploads', 'peek'),
    );
    const error = await refusal(
      () => store.resolveTenantPath('acme', 'peek/data.csv', 'file'),
      FileLocationError,
    );
    expect(error.params).toMatchObject({ param: 'file', location: 'peek/data.csv' });
  });

  it('lets a job without a customer read anywhere in the store, and nowhere outside it', async () => {
    expect(await store.resolveTenantPath(undefined, 'tenants/globex/uploads/data.csv', 'file')).toBe(
      'tenants/globex/uploads/data.csv',
    );
    const error = await refusal(
      () => store.resolveTenantPath(undefined, '../etc/passwd', 'file'),
      FileLocationError,
    );
    expect(error.key).toBe('importexport.error.fileLocation.outsideStore');
    expect(shown(error)).not.toContain(root);
  });

  it('reports a store it cannot write by the store-relative folder only', async () => {
    const notADirectory = join(root, 'tenants', 'acme', 'uploads', 'data.csv');
    const broken = new LocalFileStore(notADirectory);
    const error = await refusal(
      () => broken.create('out.csv', 'text/csv', { customerId: 'acme', jobId: 'job-9' }),
      StoredFileError,
    );
    expect(error).toMatchObject({
      key: 'importexport.error.storedFile.unwritable',
      params: { reason: 'ENOTDIR' },
    });
    expect(error.params.location).toMatch(/^tenants\/acme\/jobs\/job-9\/[0-9a-f-]{36}$/);
    expect(shown(error)).not.toContain(root);
  });

  it('reports a missing file or a folder by its store-relative location only', async () => {
    const missing = await refusal(() => store.size('tenants/acme/uploads/none.csv'), StoredFileError);
    expect(missing).toMatchObject({
      code: 'IMPORTEXPORT_FILE_UNAVAILABLE',
      key: 'importexport.error.storedFile.missing',
      params: { location: 'tenants/acme/uploads/none.csv', reason: 'ENOENT' },
    });
    expect(shown(missing)).not.toContain(root);
    const opened = await refusal(() => store.openRead('tenants/acme/uploads/none.csv'), StoredFileError);
    expect(shown(opened)).not.toContain(root);
    // Node's own message for a path with a NUL byte quotes the absolute path.
    const nul = await refusal(() => store.size('tenants/acme/uploads/x\0.csv'), StoredFileError);
    expect(shown(nul)).not.toContain(root);
    const folder = await refusal(() => store.openRead('tenants/acme/uploads'), StoredFileError);
    expect(folder.key).toBe('importexport.error.storedFile.notAFile');
    expect(shown(folder)).not.toContain(root);
  });
});
