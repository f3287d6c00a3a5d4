import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type IsolatedDb,
  openIsolatedPostgres,
  postgresTestTarget,
} from '../testing/postgres-test-target.js';
import { copyText, copyTextRow } from './copy-text.js';
import { PostgresCopyInput } from './postgres-copy-input.js';

describe('copyText', () => {
  it('escapes backslash, tab, newline and carriage return, and nothing else', () => {
    expect(copyText('a\tb')).toBe('a\\tb');
    expect(copyText('line 1\nline 2\r\n')).toBe('line 1\\nline 2\\r\\n');
    expect(copyText('C:\\temp\\N')).toBe('C:\\\\temp\\\\N');
    expect(copyText('é "quoted", comma; 100%')).toBe('é "quoted", comma; 100%');
  });

  it('writes null and undefined as \\N, so the text "\\N" stays distinct', () => {
    expect(copyText(null)).toBe('\\N');
    expect(copyText(undefined)).toBe('\\N');
    expect(copyText('\\N')).toBe('\\\\N');
  });

  it('writes numbers, bigints and booleans as COPY reads them, objects as escaped JSON', () => {
    expect(copyText(-1.5)).toBe('-1.5');
    expect(copyText(12345678901234567890n)).toBe('12345678901234567890');
    expect([copyText(true), copyText(false)]).toEqual(['t', 'f']);
    expect(copyText({ note: 'a\tb' })).toBe('{"note":"a\\\\tb"}');
  });

  it('joins a row with tabs and ends it with a newline', () => {
    expect(copyTextRow([1, 'x\ty', null])).toBe('1\tx\\ty\t\\N\n');
    expect(copyTextRow([])).toBe('\n');
  });
});

const target = await postgresTestTarget();

describe.skipIf(target.url === undefined)('PostgresCopyInput on PostgreSQL', () => {
  let isolated: IsolatedDb;
  beforeAll(async () => {
    isolated = await openIsolatedPostgres(target.url!);
    await sql`create table copied (id integer primary key, label text, flag boolean, doc jsonb)`.execute(
      isolated.handle.db,
    );
  });
  afterAll(async () => isolated?.dispose());

  const tricky = [
    'tab\there',
    'two\nlines',
    'crlf\r\n',
    'back\\slash',
    '\\N',
    '\\.',
    'trailing backslash\\',
    '',
    'ünïcödé ✓',
  ];

  it('loads every value back exactly as written, in a temporary table of the transaction too', async () => {
    const { db } = isolated.handle;
    const rows = tricky.map((label, index) => [index + 1, label, index % 2 === 0, { label, index }] as const);
    const loaded = await db.transaction().execute(async (trx) => {
      await sql`truncate copied`.execute(trx);
      await sql`create temporary table copied_temp (label text) on commit drop`.execute(trx);
      const temp = await PostgresCopyInput.start(trx, 'copy copied_temp (label) from stdin');
      await temp.write(copyTextRow(['only in this transaction']));
      expect(await temp.end()).toBe(1);
      const copy = await PostgresCopyInput.start(trx, 'copy copied (id, label, flag, doc) from stdin');
      // One row per write and a final chunk of several rows: a row may end anywhere in a chunk.
      for (const row of rows.slice(0, 4)) await copy.write(copyTextRow(row));
      await copy.write(rows.slice(4).map(copyTextRow).join(''));
      await copy.write(Buffer.from(copyTextRow([100, null, null, null])));
      return copy.end();
    });
    expect(loaded).toBe(tricky.length + 1);
    const { rows: back } = await sql<{
      id: number;
      label: string | null;
      flag: boolean | null;
      doc: unknown;
    }>`
      select id, label, flag, doc from copied order by id`.execute(db);
    expect(back).toEqual([
      ...rows.map(([id, label, flag, doc]) => ({ id, label, flag, doc })),
      { id: 100, label: null, flag: null, doc: null },
    ]);
  });

  it('rethrows the server error of a failed COPY and leaves the transaction to roll back', async () => {
    const { db } = isolated.handle;
    await sql`truncate copied`.execute(db);
    const failing = db.transaction().execute(async (trx) => {
      await sql`insert into copied (id, label) values (1, 'kept only if committed')`.execute(trx);
      const copy = await PostgresCopyInput.start(trx, 'copy copied (id, label) from stdin');
      await copy.write(copyTextRow(['not a number', 'x']));
      // Large enough for the server to answer with its error before the end.
      for (let i = 0; i < 200; i++) await copy.write(copyTextRow([i + 2, 'x'.repeat(1000)]));
      await copy.end();
    });
    await expect(failing).rejects.toMatchObject({ code: '22P02' });
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from copied`.execute(db);
    expect(rows[0]?.n).toBe(0);
  });

  it('aborts a COPY still running so the transaction rolls back and the pool stays usable', async () => {
    const { db } = isolated.handle;
    await sql`truncate copied`.execute(db);
    const stop = new Error('stopped by the caller');
    const aborted = db.transaction().execute(async (trx) => {
      const copy = await PostgresCopyInput.start(trx, 'copy copied (id, label) from stdin');
      await copy.write(copyTextRow([1, 'half-way']));
      await copy.abort(stop);
      throw stop;
    });
    await expect(aborted).rejects.toBe(stop);
    // Every connection of the pool still answers (none is stuck in COPY mode).
    const counts = await Promise.all(
      Array.from({ length: 4 }, () => sql<{ n: number }>`select count(*)::int as n from copied`.execute(db)),
    );
    expect(counts.map((result) => result.rows[0]?.n)).toEqual([0, 0, 0, 0]);
  });
});
