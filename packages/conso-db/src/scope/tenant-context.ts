import { AsyncLocalStorage } from 'node:async_hooks';
import type { AnyJobDefinition, JobDefinition } from '@hangar/core';

const tenants = new AsyncLocalStorage<string | undefined>();

/**
 * Runs `fn` as the given tenant (a customer code; undefined for system work). Every PostgreSQL
 * connection the consolidation database hands out inside it carries that tenant in the
 * `hangar.tenant` setting, which the row-level security policies read.
 */
export function runAsTenant<T>(tenant: string | undefined, fn: () => T): T {
  return tenants.run(tenant, fn);
}

/** The tenant of the code running now, if any. */
export function currentTenant(): string | undefined {
  return tenants.getStore();
}

/**
 * The job definition with its `execute` run as the job's tenant (`ctx.customerId`), so that the
 * row-level security of PostgreSQL confines even a query that forgot its customer filter. Job
 * packs wrap every job they register with it.
 */
export function bindJobToTenant<P, R>(definition: JobDefinition<P, R>): JobDefinition<P, R> {
  return {
    ...definition,
    create: (services) => {
      const job = definition.create(services);
      // A derived object keeps the job's own `abort` and `dispose` (and their `this`).
      const bound: typeof job = Object.create(job);
      bound.execute = (params, ctx) => runAsTenant(ctx.customerId, () => job.execute(params, ctx));
      return bound;
    },
  };
}

/** {@link bindJobToTenant} over a pack's job list. */
export function bindJobsToTenant(definitions: readonly AnyJobDefinition[]): AnyJobDefinition[] {
  return definitions.map((definition) => bindJobToTenant(definition));
}
