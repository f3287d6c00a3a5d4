import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  defineJob,
  definePlugin,
  type HangarPlugin,
  type JobContext,
  type QueueAdapter,
  t,
  UnrecoverableError,
} from '@hangar/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { MemoryQueue } from '../memory/memory-queue.js';
import { createRunner, type HangarRunner } from '../runner/hangar-runner.js';
import type { ApiToken } from './auth.js';
import { createHttpServer, type HttpServerOptions } from './http-server.js';

/** Tokens of the test servers: two customers, every role, and an admin of a third. */
export const TOKENS = {
  acmeOperator: 'acme-operator-token-0001',
  acmeViewer: 'acme-viewer-token-00000001',
  globexOperator: 'globex-operator-token-01',
  admin: 'ops-admin-token-000000001',
} as const;

/** The token table matching `TOKENS`. */
export const TOKEN_TABLE: ApiToken[] = [
  { token: TOKENS.acmeOperator, customerId: 'acme', userId: 'alice', roles: ['operator'] },
  { token: TOKENS.acmeViewer, customerId: 'acme', userId: 'victor', roles: ['viewer'] },
  { token: TOKENS.globexOperator, customerId: 'globex', userId: 'gina', roles: ['operator'] },
  { token: TOKENS.admin, customerId: 'ops', userId: 'root', roles: ['admin'] },
];

const add = defineJob({
  type: 'math.add',
  params: z.object({ a: z.number(), b: z.number() }),
  description: t('test.add.description'),
  create: () => ({
    async execute(p: { a: number; b: number }, ctx: JobContext) {
      ctx.progress(t('test.adding', { a: p.a, b: p.b }), { current: 1, total: 1 });
      return { sum: p.a + p.b };
    },
  }),
});

const steps = defineJob({
  type: 'test.steps',
  params: z.object({ count: z.number().int().min(1), delayMs: z.number().int().min(0).default(0) }),
  create: () => ({
    async execute(p: { count: number; delayMs: number }, ctx: JobContext) {
      for (let i = 1; i <= p.count; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, p.delayMs));
        ctx.checkpoint();
        ctx.progress(t('test.step', { step: i }), { current: i, total: p.count });
      }
      ctx.warn(t('test.almost'));
      return { steps: p.count };
    },
  }),
});

const fail = defineJob({
  type: 'test.fail',
  params: z.object({}),
  create: () => ({
    async execute() {
      throw new UnrecoverableError('no ledger', { key: 'test.noLedger', params: { ledger: 'L1' } });
    },
  }),
});

const files = defineJob({
  type: 'test.files',
  params: z.object({ name: z.string(), location: z.string(), content: z.string().optional() }),
  create: () => ({
    async execute(p: { name: string; location: string; content?: string }, ctx: JobContext) {
      ctx.addOutputFile({
        name: p.name,
        size: p.content?.length ?? 0,
        mediaType: 'text/csv',
        location: p.location,
      });
      return null;
    },
  }),
});

/** The job types of the tests, with English and French messages. */
export const testPlugin: HangarPlugin = definePlugin({
  name: 'test-plugin',
  jobs: [add, steps, fail, files],
  messages: {
    en: {
      'test.adding': 'Adding {a} and {b}',
      'test.step': 'Step {step} done',
      'test.almost': 'Nearly there',
      'test.noLedger': 'Ledger {ledger} does not exist',
      'test.add.description': 'Adds two numbers',
    },
    fr: {
      'test.adding': 'Addition de {a} et {b}',
      'test.step': 'Étape {step} terminée',
      'test.almost': 'Presque fini',
      'test.noLedger': "Le grand livre {ledger} n'existe pas",
      'test.add.description': 'Additionne deux nombres',
    },
  },
});

/** The error body every failed call answers with. */
export interface ErrorJson {
  error: {
    code: string;
    message: string;
    key: string;
    params: Record<string, unknown>;
    issues?: Array<{ path: string; message: string; code: string }>;
    requestId: string;
  };
}

/** A running API over a real runner and a real socket. */
export interface TestApi {
  /** Base URL, e.g. `http://127.0.0.1:53211`. */
  url: string;
  /** The runner. */
  runner: HangarRunner;
  /** The fastify instance. */
  app: FastifyInstance;
  /** Directory served as `filesRoot`. */
  filesRoot: string;
  /** fetch with a bearer token. */
  call(path: string, token: string | undefined, init?: RequestInit): Promise<Response>;
}

const cleanups: Array<() => Promise<void>> = [];

/** Closes every server, runner, queue and temp directory the test started. */
export async function closeAll(): Promise<void> {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
}

/**
 * Starts a runner on a queue (a new MemoryQueue unless given; closed with the API) and the API on
 * 127.0.0.1, port 0. The runner has the test plugin and `plugins`.
 */
export async function startApi(
  extra: Partial<HttpServerOptions> = {},
  beforeListen?: (app: FastifyInstance) => void,
  queue: QueueAdapter = new MemoryQueue(),
  plugins: readonly HangarPlugin[] = [],
): Promise<TestApi> {
  const runner = createRunner({ queue, plugins: [testPlugin, ...plugins], pollIntervalMs: 20 });
  cleanups.push(async () => {
    await runner.stop(100);
    await queue.close();
  });
  await runner.start();
  const filesRoot = await mkdtemp(join(tmpdir(), 'hangar-files-'));
  cleanups.push(() => rm(filesRoot, { recursive: true, force: true }));
  await writeFile(join(filesRoot, 'report.csv'), 'a,b\n1,2\n');
  const app = createHttpServer({
    client: runner.client,
    auth: { tokens: TOKEN_TABLE },
    filesRoot,
    ssePollMs: 50,
    ...extra,
  });
  cleanups.push(() => app.close());
  beforeListen?.(app);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no TCP address');
  const url = `http://127.0.0.1:${address.port}`;
  return { url, runner, app, filesRoot, call: (path, token, init) => authedFetch(url + path, token, init) };
}

/** Registers an extra cleanup, run by `closeAll`. */
export function onCleanup(cleanup: () => Promise<void>): void {
  cleanups.push(cleanup);
}

/** fetch with an optional bearer token and a JSON body when `init.body` is an object. */
export function authedFetch(
  url: string,
  token: string | undefined,
  init: RequestInit = {},
): Promise<Response> {
  const headers = new Headers(init.headers);
  if (token !== undefined) headers.set('authorization', `Bearer ${token}`);
  if (typeof init.body === 'string' && !headers.has('content-type'))
    headers.set('content-type', 'application/json');
  return fetch(url, { ...init, headers });
}

/** POST /jobs with a JSON body. */
export function enqueue(api: TestApi, token: string, body: unknown, path = '/jobs'): Promise<Response> {
  return api.call(path, token, { method: 'POST', body: JSON.stringify(body) });
}

/** One server-sent event. */
export interface SseEvent {
  /** Event name. */
  event: string;
  /** Parsed data. */
  data: unknown;
  /** Event id, if any. */
  id: string | undefined;
}

/** Reads a server-sent event stream to its end (or until `stop` says so), parsing each event. */
export async function readEvents(response: Response, stop?: (e: SseEvent) => boolean): Promise<SseEvent[]> {
  const events: SseEvent[] = [];
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let cut = buffer.indexOf('\n\n');
    while (cut >= 0) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      cut = buffer.indexOf('\n\n');
      const fields = new Map<string, string>();
      for (const line of block.split('\n')) {
        const i = line.indexOf(':');
        if (i > 0) fields.set(line.slice(0, i), line.slice(i + 1).trimStart());
      }
      if (!fields.has('event')) continue;
      const event = {
        event: fields.get('event')!,
        data: JSON.parse(fields.get('data') ?? 'null'),
        id: fields.get('id'),
      };
      events.push(event);
      if (stop?.(event)) {
        await reader.cancel();
        return events;
      }
    }
  }
  return events;
}

/** Polls `GET /jobs/:id` until the job is terminal. */
export async function waitDone(
  api: TestApi,
  id: string,
  token: string = TOKENS.acmeOperator,
): Promise<Record<string, unknown>> {
  const job = await api.runner.client.waitFor(id, { pollMs: 20 });
  const res = await api.call(`/jobs/${job.id}`, token);
  return (await res.json()) as Record<string, unknown>;
}
