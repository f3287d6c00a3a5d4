import type { TwoTenantFixture } from '@hangar/conso-db/testing';
import { tenantDataFingerprint } from '@hangar/conso-db/testing';
import { JobState } from '@hangar/core';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTwoTenantSetup, type SharedTestDb, type TwoTenantSetup } from '../testing/deletion-fixture.js';
import type { JobHarness } from '../testing/job-harness.js';
import { backendsWithSkip } from '../testing/test-db.js';
import { CUSTOM_PROCEDURE_JOB_TYPE, type CustomProcedureResult } from './custom-procedure-job.js';

const backends = await backendsWithSkip();
const A = { customerId: 'ALPHA', userId: 'alice' };
const info = (severity: string, code: string) =>
  `'<errorinfo><error code="${code}" severity="${severity}"><param name="conso">' || p_code || '</param></error></errorinfo>'`;

/** The same procedure both ways: rename a conso of ALPHA; a name `bad` is an error in @errorinfo. */
const SQLITE_SCRIPT = `update consos set name = :p_name || ' x' || :p_count
  where code = :p_code and customer_id = (select id from customers where code = 'ALPHA');
select case when :p_name = 'bad' then ${info('error', 'BAD_NAME').replaceAll('p_code', ':p_code')}
  else ${info('warning', 'RENAMED').replaceAll('p_code', ':p_code')} end as errorinfo`;
const PG_PROCEDURE = sql`create procedure p_rename(p_code text, p_name text, p_count integer, inout errorinfo text)
  language plpgsql as $$ begin
    update consos set name = p_name || ' x' || p_count
      where code = p_code and customer_id = (select id from customers where code = 'ALPHA');
    errorinfo := case when p_name = 'bad' then ${sql.raw(info('error', 'BAD_NAME'))}
      else ${sql.raw(info('warning', 'RENAMED'))} end;
  end $$`;

describe.each(backends)('conso.custom-procedure on %s', (backend, skip) => {
  let setup: TwoTenantSetup;
  let db: SharedTestDb;
  let fx: TwoTenantFixture;
  let harness: JobHarness;

  beforeEach(async () => {
    if (skip !== undefined) return;
    setup = await openTwoTenantSetup(backend, []);
    ({ db, fx, harness } = setup);
    if (backend === 'postgres') await PG_PROCEDURE.execute(db.consoDb.db);
    await db.consoDb.db
      .insertInto('custom_procedures')
      .values({
        customer_id: fx.a.customerId,
        code: 'RENAME',
        name: 'Rename a conso',
        procedure_name: backend === 'postgres' ? 'p_rename' : null,
        sql_script: backend === 'postgres' ? null : SQLITE_SCRIPT,
        created_at: new Date().toISOString(),
      })
      .execute();
    const { id } = await db.consoDb.db
      .selectFrom('custom_procedures')
      .select('id')
      .where('code', '=', 'RENAME')
      .executeTakeFirstOrThrow();
    await db.consoDb.db
      .insertInto('custom_procedure_params')
      .values([
        { procedure_id: id, position: 1, name: 'p_code', type: 'text', required: 1, default_value: null },
        { procedure_id: id, position: 2, name: 'p_name', type: 'text', required: 1, default_value: null },
        { procedure_id: id, position: 3, name: 'p_count', type: 'integer', required: 0, default_value: '7' },
      ])
      .execute();
  }, 120_000);
  afterEach(async () => setup?.dispose());

  const nameOf = async () =>
    (
      await db.consoDb.db
        .selectFrom('consos')
        .select('name')
        .where('id', '=', fx.a.consoId)
        .executeTakeFirstOrThrow()
    ).name;

  it.skipIf(skip !== undefined)(
    'runs with checked values and defaults; @errorinfo warnings become job warnings',
    async () => {
      const record = await harness.run(
        CUSTOM_PROCEDURE_JOB_TYPE,
        { procedure: 'RENAME', values: { p_code: fx.a.consoCode, p_name: 'Renamed' } },
        A,
      );
      expect(record.state, JSON.stringify(record.errorInfo)).toBe(JobState.Succeeded);
      expect(record.result?.result as CustomProcedureResult).toMatchObject({
        values: { p_code: fx.a.consoCode, p_name: 'Renamed', p_count: 7 },
        messages: 1,
      });
      expect(await nameOf()).toBe('Renamed x7');
      expect(record.result?.warnings?.[0]).toMatchObject({
        key: 'sql.RENAMED',
        params: { conso: fx.a.consoCode },
      });
      const log = await db.consoDb.db
        .selectFrom('modification_log')
        .select('message_key')
        .where('log_group', '=', record.id)
        .execute();
      expect(log).toEqual([{ message_key: 'conso.log.customProcedureRun' }]);
    },
  );

  it.skipIf(skip !== undefined)(
    'refuses values that do not fit the definitions, naming them, and runs nothing',
    async () => {
      const before = await tenantDataFingerprint(db.consoDb.db, fx.a.customerId);
      const cases: [Record<string, unknown>, string][] = [
        [{ p_code: fx.a.consoCode, p_name: 'x', nope: 1 }, 'values.nope'],
        [{ p_name: 'x' }, 'values.p_code'],
        [{ p_code: fx.a.consoCode, p_name: 'x', p_count: 'seven' }, 'values.p_count'],
        [{ p_code: fx.a.consoCode, p_name: 'x', p_count: 1.5 }, 'values.p_count'],
      ];
      for (const [values, param] of cases) {
        const record = await harness.run(CUSTOM_PROCEDURE_JOB_TYPE, { procedure: 'RENAME', values }, A);
        expect(record.errorInfo?.[0], param).toMatchObject({
          code: 'CUSTOM_PROCEDURE_PARAM_INVALID',
          params: { param },
        });
      }
      const unknown = await harness.run(CUSTOM_PROCEDURE_JOB_TYPE, { procedure: 'NONE' }, A);
      expect(unknown.errorInfo?.[0]).toMatchObject({
        code: 'SCOPE_NOT_FOUND',
        params: { param: 'procedure' },
      });
      const foreign = await harness.run(
        CUSTOM_PROCEDURE_JOB_TYPE,
        { procedure: 'RENAME' },
        { customerId: fx.b.code },
      );
      expect(foreign.errorInfo?.[0]?.code).toBe('SCOPE_NOT_FOUND');
      expect(await tenantDataFingerprint(db.consoDb.db, fx.a.customerId)).toEqual(before);
    },
  );

  it.skipIf(skip !== undefined)(
    'an error in @errorinfo fails the job with its entries and rolls its work back',
    async () => {
      const before = await nameOf();
      const record = await harness.run(
        CUSTOM_PROCEDURE_JOB_TYPE,
        { procedure: 'RENAME', values: { p_code: fx.a.consoCode, p_name: 'bad' } },
        A,
      );
      expect(record.state).toBe(JobState.Failed);
      expect(record.errorInfo?.map((entry) => entry.code)).toEqual(['CUSTOM_PROCEDURE_FAILED', 'BAD_NAME']);
      expect(await nameOf()).toBe(before);
    },
  );
});
