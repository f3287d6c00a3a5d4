import { consoDbSettingSchema, consoDbToken, openConsoDbFromSetting } from '@hangar/conso-db';
import { definePluginSettings } from '@hangar/core';
import { z } from 'zod';
import { type ConsoJobsOptions, consoJobsOptionsToken } from '../steps/conso-jobs-options.js';

/**
 * Settings of the consolidation pack when a host configures it (`hangar serve`'s config file):
 * the consolidation database, registered as the `consoDbToken` service its jobs read, and the
 * switches a host turns on without code. A switch given here replaces the plugin's own option
 * of the same name (`options`, what `createConsoJobsPlugin` was called with).
 */
export function consoJobsSettings(options: ConsoJobsOptions) {
  return definePluginSettings({
    schema: z.strictObject({
      /** The consolidation database: a URL or `{ url, schema, poolSize, migrate, seed }`. */
      database: consoDbSettingSchema,
      /**
       * Evaluate the customer's blocking validation rules before each conso of `conso.integration`
       * and refuse a conso that fails one (the plugin option of the same name).
       * @defaultValue the plugin's option, false unless set in code
       */
      blockOnFailedRules: z.boolean({ error: 'must be true or false' }).optional(),
    }),
    async build(settings, context) {
      const consoDb = await openConsoDbFromSetting(settings.database, context);
      const switches =
        settings.blockOnFailedRules === undefined
          ? []
          : // Registered after the plugin's own options, so it replaces them: same token, one value.
            [
              {
                token: consoJobsOptionsToken,
                value: { ...options, blockOnFailedRules: settings.blockOnFailedRules },
              },
            ];
      return { services: [{ token: consoDbToken, value: consoDb }, ...switches] };
    },
  });
}
