import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { consoDbToken } from '@hangar/conso-db';
import { createRunner, type HangarRunner, MemoryQueue } from '@hangar/runner';
import { createHttpServer } from '@hangar/runner/http';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportExportPlugin } from '../plugin/import-export-plugin.js';
import { type DemoFixture, openDemoFixture } from '../testing/demo-fixture.js';
import { databaseFingerprint } from '../testing/table-snapshots.js';
import { testBackends } from '../testing/test-databases.js';

const backends = await testBackends();
const TOKENS = {
  acme: 'acme-operator-token-0001',
  globex: 'globex-operator-token-01',
  admin: 'ops-admin-token-000000001',
} as const;

interface JobView {
  id: string;
  state: string;
  outputFiles?: { name: string; url: string }[];
  errors?: { code: string; params: Record<string, unknown>; text: string }[];
}

// The import-export jobs in a real runner behind the real HTTP API on loopback, with the store's
// root as the API's filesRoot: what a tenant writes, reads and downloads, end to end.
describe.each(backends)('tenant files through the HTTP API on $kind', ({ kind, skipReason }) => {
  let fx: DemoFixture;
  let runner: HangarRunner;
  let app: FastifyInstance;
  let url: string;
  beforeAll(async () => {
    if (skipReason) return;
    fx = await openDemoFixture(kind);
    runner = await createRunner({
      queue: new MemoryQueue(),
      plugins: [new ImportExportPlugin({ fileStore: fx.store })],
      services: [{ token: consoDbToken, value: fx.test.consoDb }],
      pollIntervalMs: 20,
    }).start();
    app = createHttpServer({
      client: runner.client,
      auth: {
        tokens: [
          { token: TOKENS.acme, customerId: 'DEMO', userId: 'alice', roles: ['operator'] },
          { token: TOKENS.globex, customerId: 'globex', userId: 'gina', roles: ['operator'] },
          { token: TOKENS.admin, customerId: 'ops', userId: 'root', roles: ['admin'] },
        ],
      },
      filesRoot: fx.store.root,
      // Keep-alive sockets of the test's fetch calls close with the server, not after the file ends.
      fastify: { forceCloseConnections: true },
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('no TCP address');
    url = `http://127.0.0.1:${address.port}`;
  });
  afterAll(async () => {
    await app?.close();
    await runner?.stop(100);
    await fx?.test.cleanup();
  });

  const call = (path: string, token: string, init: RequestInit = {}) =>
    fetch(url + path, {
      ...init,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    });
  async function run(
    token: string,
    type: string,
    params: Record<string, unknown>,
    lang = 'en',
  ): Promise<JobView> {
    const res = await call('/jobs', token, { method: 'POST', body: JSON.stringify({ type, params }) });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    await runner.client.waitFor(id, { pollMs: 20 });
    return (await (await call(`/jobs/${id}?lang=${lang}`, token)).json()) as JobView;
  }
  // The operator token's tenant is the demo group's customer, DEMO.
  const scope = { customer: 'DEMO', period: '202312', category: 'ACT' };

  it.skipIf(skipReason)(
    "writes an export in its tenant's area and serves it to that tenant only",
    async () => {
      const job = await run(TOKENS.acme, 'importexport.export-data', scope);
      expect(job.state).toBe('Succeeded');
      const file = job.outputFiles?.[0];
      expect(file?.name).toBe('data-202312-ACT.csv');
      const stored = await runner.client.get(job.id);
      const location = stored?.result?.outputFiles?.[0]?.location ?? '';
      expect(location).toMatch(
        new RegExp(`^tenants/DEMO/jobs/${job.id}/[0-9a-f-]{36}/data-202312-ACT\\.csv$`),
      );
      const mine = await call(file!.url, TOKENS.acme);
      expect(mine.status).toBe(200);
      const body = await mine.text();
      expect(body).toBe(await readFile(join(fx.store.root, location), 'utf8'));
      expect(body.split('\n')[0]).toBe('company,account,partner,flow,dimension,amount');
      expect((await call(file!.url, TOKENS.globex)).status).toBe(404);
      expect((await call(`${file!.url}?customerId=DEMO`, TOKENS.admin)).status).toBe(200);
    },
  );

  it.skipIf(skipReason)("imports a file of its tenant's uploads, named relative to them", async () => {
    const exported = await run(TOKENS.acme, 'importexport.export-data', scope);
    const location = (await runner.client.get(exported.id))?.result?.outputFiles?.[0]?.location ?? '';
    await mkdir(join(fx.store.root, 'tenants/DEMO/uploads'), { recursive: true });
    await copyFile(join(fx.store.root, location), join(fx.store.root, 'tenants/DEMO/uploads/data.csv'));
    const imported = await run(TOKENS.acme, 'importexport.import-data', {
      ...scope,
      file: 'data.csv',
      mode: 'merge',
    });
    expect(imported.state).toBe('Succeeded');
  });

  it.skipIf(skipReason)(
    "refuses an import whose file is another tenant's, naming the parameter, and writes nothing",
    async () => {
      await mkdir(join(fx.store.root, 'tenants/globex/uploads'), { recursive: true });
      await writeFile(join(fx.store.root, 'tenants/globex/uploads/data.csv'), 'company,account,amount\n');
      const before = await databaseFingerprint(fx.test.consoDb);
      for (const [file, lang] of [
        ['../../globex/uploads/data.csv', 'en'],
        [join(fx.store.root, 'tenants/globex/uploads/data.csv'), 'fr'],
      ] as const) {
        const job = await run(TOKENS.acme, 'importexport.import-data', { ...scope, file }, lang);
        expect(job.state).toBe('Failed');
        expect(job.errors?.[0]).toMatchObject({
          code: 'IMPORTEXPORT_FILE_LOCATION',
          params: { param: 'file', area: 'tenants/DEMO/uploads' },
        });
        expect(job.errors?.[0]?.text).toContain(lang === 'en' ? 'Parameter file' : 'Paramètre file');
      }
      // Into its own tenant (a customer's job cannot name another customer): refused for the file.
      const group = await run(TOKENS.acme, 'importexport.import-group-file', {
        file: '../../globex/uploads/group.json',
      });
      expect(group.errors?.[0]).toMatchObject({
        code: 'IMPORTEXPORT_FILE_LOCATION',
        params: { param: 'file' },
      });
      expect(await databaseFingerprint(fx.test.consoDb)).toEqual(before);
    },
  );

  it.skipIf(skipReason)("never shows the store's absolute path in an import error", async () => {
    for (const type of [
      'importexport.import-data',
      'importexport.import-structure',
      'importexport.import-group-file',
    ]) {
      const job = await run(TOKENS.acme, type, {
        ...scope,
        file: type.endsWith('group-file') ? 'none.json' : 'none.xlsx',
      });
      expect(job.state).toBe('Failed');
      const shown = JSON.stringify(job);
      expect(shown, type).toContain('tenants/DEMO/uploads/none');
      expect(shown, type).not.toContain(fx.store.root);
      expect(shown, type).not.toContain(fx.test.dir);
    }
  });
});
