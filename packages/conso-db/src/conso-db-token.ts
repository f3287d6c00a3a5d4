import { createServiceToken } from '@hangar/core';
import type { ConsoDb } from './open-conso-db.js';

/** Service token under which a runner provides the open consolidation database to job packs. */
export const consoDbToken = createServiceToken<ConsoDb>('hangar.conso-db');
