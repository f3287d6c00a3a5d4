import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contentDisposition } from './file-route.js';
import { closeAll, enqueue, startApi, type TestApi, TOKENS } from './test-fixtures.js';

afterEach(closeAll);

async function jobWithFile(api: TestApi, name: string, location: string): Promise<string> {
  const res = await enqueue(api, TOKENS.acmeOperator, { type: 'test.files', params: { name, location } });
  const { id } = (await res.json()) as { id: string };
  await api.runner.client.waitFor(id, { pollMs: 20 });
  return id;
}

/** Writes `content` at `location` under filesRoot, creating its folders. */
async function storeFile(api: TestApi, location: string, content: string): Promise<void> {
  await mkdir(join(api.filesRoot, location, '..'), { recursive: true });
  await writeFile(join(api.filesRoot, location), content);
}

describe('GET /jobs/:id/files/:name', () => {
  it("streams an output file of the job's tenant area with its media type and name", async () => {
    const api = await startApi();
    await storeFile(api, 'tenants/acme/jobs/j1/cube.csv', 'x;y\n1;2\n');
    const id = await jobWithFile(api, 'cube été.csv', 'tenants/acme/jobs/j1/cube.csv');
    const job = (await (await api.call(`/jobs/${id}`, TOKENS.acmeViewer)).json()) as {
      outputFiles: Array<{ name: string; url: string }>;
    };
    expect(job.outputFiles).toEqual([
      {
        name: 'cube été.csv',
        size: 0,
        mediaType: 'text/csv',
        url: `/jobs/${id}/files/cube%20%C3%A9t%C3%A9.csv`,
      },
    ]);
    // The storage location is the server's business.
    expect(JSON.stringify(job)).not.toContain('tenants/acme');

    const res = await api.call(job.outputFiles[0]!.url, TOKENS.acmeViewer);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv');
    expect(res.headers.get('content-length')).toBe('8');
    expect(res.headers.get('content-disposition')).toBe(contentDisposition('cube été.csv'));
    expect(await res.text()).toBe('x;y\n1;2\n');
  });

  it("accepts an absolute location inside the job's tenant area", async () => {
    const api = await startApi();
    await storeFile(api, 'tenants/acme/uploads/report.csv', 'a,b\n1,2\n');
    const id = await jobWithFile(api, 'report.csv', join(api.filesRoot, 'tenants/acme/uploads/report.csv'));
    const res = await api.call(`/jobs/${id}/files/report.csv`, TOKENS.acmeViewer);
    expect(await res.text()).toBe('a,b\n1,2\n');
  });

  it("serves the file to the job's tenant and an admin acting for it, and to no one else", async () => {
    const api = await startApi();
    await storeFile(api, 'tenants/acme/jobs/j2/out.csv', 'mine\n');
    const id = await jobWithFile(api, 'out.csv', 'tenants/acme/jobs/j2/out.csv');
    const url = `/jobs/${id}/files/out.csv`;
    expect(await (await api.call(url, TOKENS.acmeViewer)).text()).toBe('mine\n');
    expect(await (await api.call(`${url}?customerId=acme`, TOKENS.admin)).text()).toBe('mine\n');
    const other = await api.call(url, TOKENS.globexOperator);
    expect(other.status).toBe(404);
    expect(await other.json()).toMatchObject({ error: { code: 'JOB_NOT_FOUND' } });
    expect((await api.call(url, TOKENS.admin)).status).toBe(404);
  });

  it.each([
    ['a relative path escaping with ..', '../../../etc/passwd'],
    ['an absolute path elsewhere', '/etc/passwd'],
    ['a file: URL elsewhere', 'file:///etc/passwd'],
    ['a missing file', 'tenants/acme/jobs/j3/missing.csv'],
    ['the root itself', '.'],
    ["the tenant's area itself", 'tenants/acme'],
    ["another tenant's file", 'tenants/globex/jobs/j4/secret.csv'],
    ['a file of the store outside every tenant area', 'report.csv'],
    ['a file of jobs without a customer', 'system/jobs/j5/maintenance.csv'],
    ["another tenant's file through ..", 'tenants/acme/../globex/jobs/j4/secret.csv'],
  ])('refuses %s with 404 FILE_NOT_FOUND', async (_label, location) => {
    const api = await startApi();
    await storeFile(api, 'tenants/acme/jobs/j0/mine.csv', 'mine\n');
    await storeFile(api, 'tenants/globex/jobs/j4/secret.csv', 'secret\n');
    await storeFile(api, 'system/jobs/j5/maintenance.csv', 'system\n');
    const id = await jobWithFile(api, 'leak.txt', location);
    const res = await api.call(`/jobs/${id}/files/leak.txt`, TOKENS.acmeViewer);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({
      error: { code: 'FILE_NOT_FOUND', params: { jobId: id, name: 'leak.txt' } },
    });
  });

  it("refuses a symbolic link that leads out of filesRoot or of the tenant's area", async () => {
    const api = await startApi();
    await storeFile(api, 'tenants/globex/jobs/j4/secret.csv', 'secret\n');
    await mkdir(join(api.filesRoot, 'tenants/acme'), { recursive: true });
    await symlink('/etc', join(api.filesRoot, 'tenants/acme/escape'));
    await symlink(join(api.filesRoot, 'tenants/globex'), join(api.filesRoot, 'tenants/acme/peek'));
    const id = await jobWithFile(api, 'hosts', 'tenants/acme/escape/hosts');
    expect((await api.call(`/jobs/${id}/files/hosts`, TOKENS.acmeViewer)).status).toBe(404);
    const peek = await jobWithFile(api, 'secret.csv', 'tenants/acme/peek/jobs/j4/secret.csv');
    expect((await api.call(`/jobs/${peek}/files/secret.csv`, TOKENS.acmeViewer)).status).toBe(404);
  });

  it('answers FILE_NOT_FOUND for a name the job did not produce, and when no filesRoot is configured', async () => {
    const api = await startApi();
    const id = await jobWithFile(api, 'report.csv', 'report.csv');
    const other = await api.call(`/jobs/${id}/files/other.csv`, TOKENS.acmeViewer);
    expect(await other.json()).toMatchObject({
      error: { code: 'FILE_NOT_FOUND', key: 'hangar.http.fileNotFound' },
    });

    const bare = await startApi({ filesRoot: undefined });
    const bareId = await jobWithFile(bare, 'report.csv', 'report.csv');
    const res = await bare.call(`/jobs/${bareId}/files/report.csv`, TOKENS.acmeViewer);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({
      error: { code: 'FILE_NOT_FOUND', key: 'hangar.http.filesNotServed' },
    });
  });
});
