// The cross-tenant suite must fail on a job that ignores its tenant: a leaky job that locks the
// conso its params name, in whichever customer, is caught by the same check the suite runs.
import { consoDbToken } from '@hangar/conso-db';
import { checkCrossTenantCase, coverageGaps, loadTwoTenantFixture } from '@hangar/conso-db/testing';
import { defineJob, definePlugin } from '@hangar/core';
import { openTestDb } from '@hangar/jobs-importexport/testing';
import { createRunner, MemoryQueue } from '@hangar/runner';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

const leakyLock = defineJob({
  type: 'test.leaky-lock',
  params: z.object({ customer: z.string(), conso: z.string() }),
  create: (services) => ({
    async execute(params) {
      const { db } = services.get(consoDbToken);
      const customer = await db
        .selectFrom('customers')
        .select('id')
        .where('code', '=', params.customer)
        .executeTakeFirstOrThrow();
      await db
        .updateTable('consos')
        .set({ locked: 1, locked_by: 'leak' })
        .where('customer_id', '=', customer.id)
        .where('code', '=', params.conso)
        .execute();
      return {};
    },
  }),
});

describe('cross-tenant check', () => {
  it('reports a job that follows its params instead of its tenant, and a type without cases', async () => {
    const test = await openTestDb('sqlite');
    const queue = new MemoryQueue();
    const runner = createRunner({
      queue,
      plugins: [definePlugin({ name: 'leaky', jobs: [leakyLock] })],
      services: [{ token: consoDbToken, value: test.consoDb }],
      pollIntervalMs: 20,
    });
    await runner.start();
    try {
      const fixture = await loadTwoTenantFixture(test.consoDb.db);
      const host = {
        types: runner.registry.types(),
        run: async (type: string, params: unknown, customerId: string | undefined) =>
          runner.client.waitFor(
            (await runner.client.enqueue(type, params, customerId === undefined ? {} : { customerId })).id,
            { pollMs: 20 },
          ),
        outputText: async () => '',
      };
      const problems = await checkCrossTenantCase(
        test.consoDb.db,
        host,
        { ...fixture, writeFile: async (name) => name },
        'test.leaky-lock',
        {
          name: 'customer param names B',
          params: ({ b }) => ({ customer: b.code, conso: b.consoCode }),
          expect: { refused: 'TENANT_MISMATCH' },
        },
      );
      expect(problems).toContainEqual(expect.stringMatching(/^B's consos changed/));
      expect(problems).toContainEqual(
        expect.stringMatching(/^expected Failed with TENANT_MISMATCH, got Succeeded/),
      );
      expect(coverageGaps(host.types, [])).toEqual({ uncovered: ['test.leaky-lock'], unknown: [] });
    } finally {
      await runner.stop();
      await queue.close();
      await test.cleanup();
    }
  });
});
