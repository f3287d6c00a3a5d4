import { ScopeNotFoundError } from '@hangar/conso-db';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { ConsoDatabase } from '../db/conso-db.js';
import { MappingProfileError } from '../errors/mapping-profile-error.js';
import { csvOptionsSchema } from '../read/csv-options.js';
import { DATE_FORMATS } from './date-format.js';
import { GENERIC_TABLES, type GenericTable } from './generic-tables.js';

/** Number layout of one column: decimal separator and optional grouping character. */
export const numberFormatSchema = z
  .object({ decimal: z.enum(['.', ',']).default('.'), thousands: z.string().max(1).optional() })
  .strict();

/** One column mapping: where a target column's value comes from and how it is transformed. */
export const columnMappingSchema = z
  .object({
    /** Target column (checked against the allow-listed table). */
    target: z.string().min(1),
    /** Source column header (renamed to `target`). */
    source: z.string().min(1).optional(),
    /** Fixed value instead of a source column (in file terms: a code for id columns). */
    constant: z.union([z.string(), z.number(), z.null()]).optional(),
    /** Negate numbers (credit-positive files). */
    flipSign: z.boolean().default(false),
    /** Layout of a date column. */
    dateFormat: z.enum(DATE_FORMATS).default('YYYY-MM-DD'),
    /** Layout of a number column. */
    numberFormat: numberFormatSchema.optional(),
    /** Id columns: the file holds `code`s to look up (default) or raw `id`s. */
    lookup: z.enum(['code', 'id']).default('code'),
  })
  .strict()
  .refine((m) => (m.source === undefined) !== (m.constant === undefined), {
    message: 'give either source or constant',
  });

/** Reader options of a profile. */
export const profileOptionsSchema = z
  .object({ csv: csvOptionsSchema.prefault({}), sheet: z.string().optional() })
  .strict();

/** A column mapping, defaults applied. */
export type ColumnMapping = z.output<typeof columnMappingSchema>;

/** A saved mapping profile, checked against the allow-list. */
export interface MappingProfile {
  code: string;
  name: string;
  targetTable: string;
  table: GenericTable;
  fileFormat: 'csv' | 'xlsx';
  options: z.output<typeof profileOptionsSchema>;
  mappings: ColumnMapping[];
}

/** What {@link saveMappingProfile} stores. */
export interface MappingProfileInput {
  code: string;
  name: string;
  targetTable: string;
  fileFormat: 'csv' | 'xlsx';
  options?: z.input<typeof profileOptionsSchema>;
  mappings: z.input<typeof columnMappingSchema>[];
}

/** Checks a profile: allow-listed table, known columns, each once, every non-nullable column mapped. */
export function checkMappingProfile(input: MappingProfileInput): MappingProfile {
  const table = GENERIC_TABLES[input.targetTable];
  if (!table || !Object.hasOwn(GENERIC_TABLES, input.targetTable)) {
    throw new MappingProfileError(
      input.code,
      `table "${input.targetTable}" is not allowed (${Object.keys(GENERIC_TABLES).join(', ')})`,
    );
  }
  const mappings = z.array(columnMappingSchema).safeParse(input.mappings);
  if (!mappings.success)
    throw new MappingProfileError(
      input.code,
      mappings.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
    );
  const options = profileOptionsSchema.safeParse(input.options ?? {});
  if (!options.success)
    throw new MappingProfileError(
      input.code,
      options.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
    );
  const seen = new Set<string>();
  for (const mapping of mappings.data) {
    if (!Object.hasOwn(table.columns, mapping.target))
      throw new MappingProfileError(input.code, `unknown column "${mapping.target}" of ${input.targetTable}`);
    if (seen.has(mapping.target))
      throw new MappingProfileError(input.code, `column "${mapping.target}" is mapped twice`);
    seen.add(mapping.target);
  }
  for (const [name, column] of Object.entries(table.columns)) {
    if (!column.nullable && !seen.has(name))
      throw new MappingProfileError(input.code, `column "${name}" must be mapped`);
  }
  return {
    code: input.code,
    name: input.name,
    targetTable: input.targetTable,
    table,
    fileFormat: input.fileFormat,
    options: options.data,
    mappings: mappings.data,
  };
}

/** Stores (or replaces) a customer's mapping profile after checking it. */
export async function saveMappingProfile(
  db: Kysely<ConsoDatabase>,
  customerId: number,
  input: MappingProfileInput,
): Promise<void> {
  const profile = checkMappingProfile(input);
  const values = {
    name: profile.name,
    target_table: profile.targetTable,
    file_format: profile.fileFormat,
    options: JSON.stringify(input.options ?? {}),
    column_mappings: JSON.stringify(input.mappings),
  };
  const existing = await db
    .selectFrom('file_mapping_profiles')
    .select('id')
    .where('customer_id', '=', customerId)
    .where('code', '=', input.code)
    .executeTakeFirst();
  if (existing)
    await db.updateTable('file_mapping_profiles').set(values).where('id', '=', existing.id).execute();
  else
    await db
      .insertInto('file_mapping_profiles')
      .values({ customer_id: customerId, code: input.code, created_at: new Date().toISOString(), ...values })
      .execute();
}

/** Loads and checks a customer's mapping profile by code. */
export async function loadMappingProfile(
  db: Kysely<ConsoDatabase>,
  customerId: number,
  code: string,
): Promise<MappingProfile> {
  const row = await db
    .selectFrom('file_mapping_profiles')
    .selectAll()
    .where('customer_id', '=', customerId)
    .where('code', '=', code)
    .executeTakeFirst();
  if (!row) throw new ScopeNotFoundError('profile', 'profile', code);
  let options: unknown;
  let mappings: unknown;
  try {
    options = JSON.parse(row.options);
    mappings = JSON.parse(row.column_mappings);
  } catch (error) {
    throw new MappingProfileError(code, `stored JSON is invalid (${(error as Error).message})`);
  }
  if (row.file_format !== 'csv' && row.file_format !== 'xlsx')
    throw new MappingProfileError(code, `file format "${row.file_format}" is not csv or xlsx`);
  return checkMappingProfile({
    code,
    name: row.name,
    targetTable: row.target_table,
    fileFormat: row.file_format,
    options: options as MappingProfileInput['options'],
    mappings: mappings as MappingProfileInput['mappings'],
  });
}
