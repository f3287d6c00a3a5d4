import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JobNotFoundError, tenantFileArea } from '@hangar/core';
import type { FastifyInstance } from 'fastify';
import type { ApiContext } from './api-context.js';
import { FileNotFoundError, FilesNotServedError } from './http-errors.js';
import { commonQuerySchema, fileParamsSchema, parseRequest } from './request-schemas.js';

const SAFE_MEDIA_TYPE =
  /^[A-Za-z0-9!#$&^_.+-]+\/[A-Za-z0-9!#$&^_.+-]+(\s*;\s*[A-Za-z0-9_-]+=[A-Za-z0-9_.-]+)*$/;

/**
 * Resolves a file's `location` (a path relative to `root`, an absolute path or a `file:` URL)
 * to a real path inside `root`; undefined when it is outside, including through a symbolic link
 * or `..`, or does not exist.
 */
export async function resolveInsideRoot(root: string, location: string): Promise<string | undefined> {
  let path: string;
  try {
    path = location.startsWith('file:') ? fileURLToPath(location) : resolve(root, location);
  } catch {
    return undefined;
  }
  try {
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(path)]);
    const rel = relative(realRoot, realFile);
    if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return undefined;
    return realFile;
  } catch {
    return undefined;
  }
}

/** `Content-Disposition` for a download, with an ASCII fallback and the UTF-8 name (RFC 6266). */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/**
 * Registers `GET /jobs/:id/files/:name`: streams an output file of a job the caller may see,
 * from that job's tenant area of `filesRoot` (see `tenantFileArea` in `@hangar/core`).
 */
export function registerFileRoute(app: FastifyInstance, api: ApiContext): void {
  const { client, filesRoot } = api.options;

  app.get('/jobs/:id/files/:name', { exposeHeadRoute: false }, async (request, reply) => {
    const { scope } = await api.scope(request, 'read', commonQuerySchema);
    const { id, name } = parseRequest(fileParamsSchema, request.params, 'path');
    const job = await client.get(id, { customerId: scope.customerId });
    if (!job) throw new JobNotFoundError(id);
    const file = job.result?.outputFiles?.find((f) => f.name === name);
    if (!file) throw new FileNotFoundError(id, name);
    if (!filesRoot) throw new FilesNotServedError();
    // Served from the job's own tenant area only (`tenants/<customerId>/` or `system/`): a job
    // that declared another tenant's file, or one outside any area, gets nothing out.
    const area = tenantFileArea(job.customerId);
    const path = await resolveInsideRoot(filesRoot, file.location);
    const inArea = path && area ? await resolveInsideRoot(join(filesRoot, area), path) : undefined;
    if (!inArea) {
      // A location outside the job's area is a job bug or an attack: say "not found", log the detail.
      api
        .logOf(request)
        .warn(
          { jobId: id, name, location: file.location, area },
          "Refused an output file outside the job's tenant area of filesRoot",
        );
      throw new FileNotFoundError(id, name);
    }
    const stats = await stat(inArea);
    // After a streamed body, Node can keep counting the keep-alive connection as busy, so that
    // close() waits for the client's keep-alive timeout; a download is rare and large enough
    // that a connection of its own costs nothing.
    if (!stats.isFile()) throw new FileNotFoundError(id, name);
    return reply
      .header(
        'content-type',
        SAFE_MEDIA_TYPE.test(file.mediaType) ? file.mediaType : 'application/octet-stream',
      )
      .header('content-length', String(stats.size))
      .header('content-disposition', contentDisposition(file.name))
      .header('x-content-type-options', 'nosniff')
      .header('connection', 'close')
      .send(createReadStream(inArea));
  });
}
