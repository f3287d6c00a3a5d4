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

describe('GET /jobs/:id/files/:name', () => {
  it('streams an output file under filesRoot with its media type and name', async () => {
    const api = await startApi();
    await mkdir(join(api.filesRoot, 'exports'));
    await writeFile(join(api.filesRoot, 'exports', 'cube.csv'), 'x;y\n1;2\n');
    const id = await jobWithFile(api, 'cube été.csv', 'exports/cube.csv');
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
    expect(JSON.stringify(job)).not.toContain('exports/cube.csv');

    const res = await api.call(job.outputFiles[0]!.url, TOKENS.acmeViewer);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv');
    expect(res.headers.get('content-length')).toBe('8');
    expect(res.headers.get('content-disposition')).toBe(contentDisposition('cube été.csv'));
    expect(await res.text()).toBe('x;y\n1;2\n');
  });

  it('accepts an absolute location inside filesRoot', async () => {
    const api = await startApi();
    const id = await jobWithFile(api, 'report.csv', join(api.filesRoot, 'report.csv'));
    const res = await api.call(`/jobs/${id}/files/report.csv`, TOKENS.acmeViewer);
    expect(await res.text()).toBe('a,b\n1,2\n');
  });

  it.each([
    ['a relative path escaping with ..', '../../../etc/passwd'],
    ['an absolute path elsewhere', '/etc/passwd'],
    ['a file: URL elsewhere', 'file:///etc/passwd'],
    ['a missing file', 'missing.csv'],
    ['the root itself', '.'],
  ])('refuses %s with 404 FILE_NOT_FOUND', async (_label, location) => {
    const api = await startApi();
    const id = await jobWithFile(api, 'leak.txt', location);
    const res = await api.call(`/jobs/${id}/files/leak.txt`, TOKENS.acmeViewer);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({
      error: { code: 'FILE_NOT_FOUND', params: { jobId: id, name: 'leak.txt' } },
    });
  });

  it('refuses a symbolic link that leads out of filesRoot', async () => {
    const api = await startApi();
    await symlink('/etc', join(api.filesRoot, 'escape'));
    const id = await jobWithFile(api, 'hosts', 'escape/hosts');
    expect((await api.call(`/jobs/${id}/files/hosts`, TOKENS.acmeViewer)).status).toBe(404);
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
