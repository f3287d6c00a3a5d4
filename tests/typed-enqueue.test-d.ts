import type { JobParamsInputOf, JobParamsOf, JobResultOf } from '@hangar/core';
import { type ConsoActionResult, consoActionJob, consolidationIntegrationJob } from '@hangar/jobs-database';
import { type ExportResult, exportDataJob } from '@hangar/jobs-importexport';
import { createClient, type JobId, type JobRecordOf, MemoryQueue } from '@hangar/runner';
import { describe, expectTypeOf, it } from 'vitest';
import { repeatJob as repeat } from './typed-enqueue/repeat-job.js';

// Compile-time checks of the typed enqueue (vitest runs them through tsc: tsconfig.type-tests.json).

describe('typed enqueue', () => {
  it('types params as the schema input and the waited result as the job result', () => {
    const client = createClient({ queue: new MemoryQueue(), jobs: [repeat, consoActionJob, exportDataJob] });
    expectTypeOf<JobParamsInputOf<typeof repeat>>().toEqualTypeOf<{
      text: string;
      times?: number | undefined;
    }>();
    expectTypeOf<JobParamsOf<typeof repeat>>().toEqualTypeOf<{ text: string; times: number }>();
    expectTypeOf<JobResultOf<typeof repeat>>().toEqualTypeOf<{ text: string; length: number }>();

    type Enqueued = Awaited<ReturnType<typeof enqueueRepeat>>;
    const enqueueRepeat = () => client.enqueue(repeat, { text: 'ab' });
    expectTypeOf<Enqueued['id']>().toEqualTypeOf<JobId<{ text: string; length: number }>>();
    const waitRepeat = (id: Enqueued['id']) => client.waitFor(id);
    expectTypeOf<Awaited<ReturnType<typeof waitRepeat>>>().toEqualTypeOf<
      JobRecordOf<{ text: string; length: number }>
    >();
    const waitByDefinition = (id: string) => client.waitFor(exportDataJob, id);
    expectTypeOf<
      NonNullable<Awaited<ReturnType<typeof waitByDefinition>>['result']>['result']
    >().toEqualTypeOf<ExportResult | undefined>();
    const waitAction = (id: string) => client.waitFor(consoActionJob, id);
    expectTypeOf<NonNullable<Awaited<ReturnType<typeof waitAction>>['result']>['result']>().toEqualTypeOf<
      ConsoActionResult | undefined
    >();
    // A plain string id (dynamic callers) still works and gives an unknown result.
    const waitDynamic = (id: string) => client.waitFor(id);
    expectTypeOf<
      NonNullable<Awaited<ReturnType<typeof waitDynamic>>['result']>['result']
    >().toEqualTypeOf<unknown>();

    // Parameters are checked against the definition at compile time (these calls never run).
    const wrongCalls = () => [
      // @ts-expect-error `text` is required
      client.enqueue(repeat, { times: 3 }),
      // @ts-expect-error `times` must be a number
      client.enqueue(repeat, { text: 'a', times: '3' }),
      // @ts-expect-error conso actions are a discriminated union on `action`
      client.enqueue(consoActionJob, { action: 'explode', conso: 1 }),
      // @ts-expect-error integration needs `consos`
      client.enqueue(consolidationIntegrationJob, { steps: 1 }),
    ];
    expectTypeOf(wrongCalls).toBeFunction();
    // Pack definitions accept their schema input: defaults are optional.
    const rightCalls = () => [
      client.enqueue(consoActionJob, { action: 'lock', conso: 'C1' }),
      client.enqueue(exportDataJob, { period: '202312', category: 'ACT', customer: 'acme' }),
      client.enqueue('typed.repeat', { anything: true }),
    ];
    expectTypeOf(rightCalls).toBeFunction();
  });
});
