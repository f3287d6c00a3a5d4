import type { Migration } from 'kysely';
import { migration0001 } from './0001-tenancy-and-master-data.js';
import { migration0002 } from './0002-consolidations-and-ownership.js';
import { migration0003 } from './0003-exchange-rates.js';
import { migration0004 } from './0004-reported-data.js';
import { migration0005 } from './0005-rules.js';
import { migration0006 } from './0006-consolidated-data.js';
import { migration0007 } from './0007-platform.js';
import { migration0008 } from './0008-row-level-security.js';
import { migration0009 } from './0009-period-closing.js';
import { migration0010 } from './0010-validation-rules.js';
import { migration0011 } from './0011-deletion-marks.js';
import { migration0012 } from './0012-custom-procedures.js';
import { migration0013 } from './0013-closing-process.js';

/**
 * Every migration of the consolidation database, by name. Names sort in the order they apply;
 * a released migration is never edited, only followed by a new one.
 */
export const CONSO_MIGRATIONS: Readonly<Record<string, Migration>> = Object.freeze({
  '0001-tenancy-and-master-data': migration0001,
  '0002-consolidations-and-ownership': migration0002,
  '0003-exchange-rates': migration0003,
  '0004-reported-data': migration0004,
  '0005-rules': migration0005,
  '0006-consolidated-data': migration0006,
  '0007-platform': migration0007,
  '0008-row-level-security': migration0008,
  '0009-period-closing': migration0009,
  '0010-validation-rules': migration0010,
  '0011-deletion-marks': migration0011,
  '0012-custom-procedures': migration0012,
  '0013-closing-process': migration0013,
});
