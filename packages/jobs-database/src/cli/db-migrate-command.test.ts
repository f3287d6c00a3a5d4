import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { CONSO_MIGRATIONS } from '@hangar/conso-db';
import { afterAll, describe, expect, it } from 'vitest';
import { dbMigrateCommand } from './db-migrate-command.js';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (b: Buffer) => (out += b.toString()));
  stderr.on('data', (b: Buffer) => (err += b.toString()));
  const code = await dbMigrateCommand.run(args, { stdout, stderr });
  return { code, out, err };
}

describe('hangar db migrate', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it('creates the schema once; running it again changes nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'conso-migrate-'));
    dirs.push(dir);
    const url = `sqlite:${join(dir, 'conso.db')}`;
    const first = await run(['--db', url]);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(
      new RegExp(`^Applied ${Object.keys(CONSO_MIGRATIONS).length} migration\\(s\\): 0001-`),
    );
    const second = await run([`--db=${url}`]);
    expect(second).toEqual({ code: 0, out: 'Database is up to date\n', err: '' });
  });

  it('asks for --db', async () => {
    const previous = process.env.HANGAR_CONSO_DB;
    delete process.env.HANGAR_CONSO_DB;
    try {
      const result = await run([]);
      expect(result.code).toBe(2);
      expect(result.err).toContain('Missing --db URL');
    } finally {
      if (previous !== undefined) process.env.HANGAR_CONSO_DB = previous;
    }
  });
});
