import { resolve } from 'node:path';
import { consoDbSettingSchema, consoDbToken, openConsoDbFromSetting } from '@hangar/conso-db';
import { definePluginSettings, type ServiceRegistration } from '@hangar/core';
import { z } from 'zod';
import { type FileStore, fileStoreToken } from '../files/file-store.js';
import { LocalFileStore } from '../files/local-file-store.js';

/**
 * Settings of the import/export pack when a host configures it (`hangar serve`'s config file): the
 * consolidation database (the same one the consolidation pack is given shares its pool) and the
 * root of the local file store that import files are read from and exports written to.
 */
export const importExportSettings = definePluginSettings({
  schema: z.strictObject({
    /** The consolidation database: a URL or `{ url, schema, poolSize, migrate, seed }`. */
    database: consoDbSettingSchema.optional(),
    /** Root of the local file store, relative to the config file. @defaultValue `HANGAR_FILES_DIR`, else `<tmp>/hangar-files` */
    filesDir: z.string().min(1).optional(),
  }),
  async build(settings, context) {
    const services: ServiceRegistration[] = [];
    if (settings.database !== undefined) {
      services.push({ token: consoDbToken, value: await openConsoDbFromSetting(settings.database, context) });
    }
    if (settings.filesDir !== undefined) {
      const store: ServiceRegistration<FileStore> = {
        token: fileStoreToken,
        value: new LocalFileStore(resolve(context.baseDir, settings.filesDir)),
      };
      services.push(store as ServiceRegistration);
    }
    return { services };
  },
});
