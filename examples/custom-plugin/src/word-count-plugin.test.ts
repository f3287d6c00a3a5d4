import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type JobContext, mapServiceResolver, silentLogger } from '@hangar/core';
import { createRunner, MemoryQueue } from '@hangar/runner';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import plugin, { wordCount } from './word-count-plugin.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hangar-wc-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('custom plugin example', () => {
  it('counts words of a real file through a runner, in French progress too', async () => {
    const path = join(dir, 'a.txt');
    await writeFile(path, 'un deux  trois\nquatre\tcinq\n');
    const runner = await createRunner({ queue: new MemoryQueue(), plugins: [plugin] }).start();
    try {
      const { id } = await runner.client.enqueue('example.word-count', { path });
      const job = await runner.client.waitFor(id);
      expect(job.result?.result).toEqual({ words: 5, bytes: 27 });
      const [entry] = await runner.client.getLog(id);
      expect(runner.registry.translator.render(entry!.message, 'fr')).toBe(`Comptage des mots de ${path}`);
    } finally {
      await runner.stop();
    }
  });

  it('works without a runner, by plain construction', async () => {
    const path = join(dir, 'b.txt');
    await writeFile(path, 'one two');
    const ctx = {
      signal: new AbortController().signal,
      progress: () => {},
      log: silentLogger,
      services: mapServiceResolver(),
    } as unknown as JobContext;
    const result = await wordCount.create(mapServiceResolver()).execute({ path }, ctx);
    expect(result).toEqual({ words: 2, bytes: 7 });
  });

  it('fails with a clear error for a missing file', async () => {
    const runner = await createRunner({ queue: new MemoryQueue(), plugins: [plugin] }).start();
    try {
      const { id } = await runner.client.enqueue(
        'example.word-count',
        { path: join(dir, 'nope.txt') },
        { maxAttempts: 1 },
      );
      const job = await runner.client.waitFor(id);
      expect(job.state).toBe('Failed');
      expect(String(job.errorInfo?.[0]?.params.message)).toMatch(/ENOENT/);
    } finally {
      await runner.stop();
    }
  });
});
