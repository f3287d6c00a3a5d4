import { type ConsoDatabase, TenantScope } from '@hangar/conso-db';
import { createServiceToken, type JobContext, type ServiceResolver, Translator } from '@hangar/core';
import { consoDbOf } from '@hangar/jobs-importexport';
import type { Kysely } from 'kysely';
import { otherMessages } from '../messages/other-messages.js';
import {
  OTHER_JOBS_DEFAULTS,
  type OtherJobsConfig,
  otherJobsConfigToken,
  resolveOtherJobsOptions,
} from '../plugin/other-jobs-options.js';

/** Service token of the translator the jobs render e-mails and reports with. */
export const otherTranslatorToken = createServiceToken<Translator>('hangar.other.translator');

/** The plugin's configuration, or the defaults when the job runs without the plugin's services. */
export function configOf(services: ServiceResolver): OtherJobsConfig {
  if (services.has(otherJobsConfigToken)) return services.get(otherJobsConfigToken);
  return resolveOtherJobsOptions(OTHER_JOBS_DEFAULTS, () => true);
}

/** The plugin's translator, or one holding this package's messages. */
export function translatorOf(services: ServiceResolver): Translator {
  if (services.has(otherTranslatorToken)) return services.get(otherTranslatorToken);
  return new Translator().register(otherMessages);
}

/** The database and the job's tenant scope (a `customer` param may only repeat the tenant). */
export async function openScope(
  services: ServiceResolver,
  ctx: Pick<JobContext, 'customerId'>,
  customer: string | undefined,
): Promise<{ db: Kysely<ConsoDatabase>; scope: TenantScope }> {
  const { db } = consoDbOf(services);
  return { db, scope: await TenantScope.open(db, { tenant: ctx.customerId, customer }) };
}
