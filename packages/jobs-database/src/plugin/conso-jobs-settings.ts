import { consoDbSettingSchema, consoDbToken, openConsoDbFromSetting } from '@hangar/conso-db';
import { definePluginSettings } from '@hangar/core';
import { z } from 'zod';

/**
 * Settings of the consolidation pack when a host configures it (`hangar serve`'s config file):
 * the consolidation database, registered as the `consoDbToken` service its jobs read.
 */
export const consoJobsSettings = definePluginSettings({
  schema: z.strictObject({
    /** The consolidation database: a URL or `{ url, schema, poolSize, migrate, seed }`. */
    database: consoDbSettingSchema,
  }),
  async build(settings, context) {
    const consoDb = await openConsoDbFromSetting(settings.database, context);
    return { services: [{ token: consoDbToken, value: consoDb }] };
  },
});
