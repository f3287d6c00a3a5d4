import {
  ACCOUNT_ROLE_VALUES,
  ACCOUNT_TYPE_VALUES,
  CONSOLIDATION_METHOD_VALUES,
  RATE_TYPE_VALUES,
} from '@hangar/conso-db';
import { z } from 'zod';
import { isIsoDate } from '../mapping/date-format.js';

const code = z.string().min(1).max(50);
const pct = z.number().min(0).max(1);
const amount = z.number().finite();
const line = z.strictObject({
  account: code,
  amount,
  partner: code.optional(),
  flow: code.optional(),
  dimension: z.string().max(50).optional(),
});

/** A company of a group file: a bare code in ownership cases, an object in consolidation cases. */
export const groupCompanySchema = z.strictObject({
  currency: z.string().length(3).optional(),
  name: z.string().optional(),
  method: z.enum(CONSOLIDATION_METHOD_VALUES).optional(),
  group_pct: pct.optional(),
  control_pct: pct.optional(),
  minority_pct: pct.optional(),
  integration_pct: pct.optional(),
});

/**
 * A group file: the input format of the consolidation reference cases (`cases.json`), either a
 * bare input object or a whole case `{ id, step, input }`. Top-level keys it does not know are
 * reported as warnings and ignored (cases carry other steps' data); inside an entry an unknown key
 * is an error, since it is most often a misspelt field (`partnr`) whose value would be lost.
 */
export const groupFileSchema = z.looseObject({
  group_currency: z.string().length(3).optional(),
  parent: code,
  accounts: z
    .record(
      code,
      z.strictObject({
        type: z.enum(ACCOUNT_TYPE_VALUES),
        rate: z.enum(RATE_TYPE_VALUES).optional(),
        role: z.enum(ACCOUNT_ROLE_VALUES).optional(),
        name: z.string().optional(),
      }),
    )
    .optional(),
  companies: z.union([z.array(code), z.record(code, groupCompanySchema)]),
  holdings: z.array(z.strictObject({ holder: code, held: code, fin: pct, ctrl: pct })).optional(),
  share_classes: z
    .record(
      code,
      z.array(
        z.strictObject({
          class: z.string().min(1).max(20),
          issued: z.number().positive(),
          votes_per_share: z.number().min(0),
          dividend_rights_per_share: z.number().min(0),
          treasury: z.number().min(0).default(0),
        }),
      ),
    )
    .optional(),
  shareholdings: z
    .array(z.strictObject({ holder: code, held: code, class: z.string().min(1), shares: z.number().min(0) }))
    .optional(),
  rates: z
    .record(
      z.string().length(3),
      z.strictObject({ closing: z.number().positive(), average: z.number().positive() }),
    )
    .optional(),
  historical: z
    .record(
      code,
      z.record(
        code,
        z.strictObject({ rate: z.number().positive().optional(), amount_gc: amount.optional() }),
      ),
    )
    .optional(),
  bundles: z.record(code, z.array(line)).optional(),
  adjustments: z
    .array(
      z.strictObject({
        journal: code,
        company: code,
        currency: z.enum(['local', 'group']),
        description: z.string().optional(),
        lines: z.array(line).min(1),
      }),
    )
    .optional(),
  investments: z
    .array(
      z.strictObject({
        holder: code,
        held: code,
        account: code,
        stake: pct,
        acquisition_net_assets_gc: amount,
        acquisition_date: z.string().refine(isIsoDate, 'expected a real date as YYYY-MM-DD').optional(),
      }),
    )
    .optional(),
  ic_rules: z
    .array(
      z.strictObject({
        name: code,
        side_a: z.array(code).min(1),
        side_b: z.array(code).min(1),
        diff_account: code,
        tolerance: z.number().min(0).optional(),
      }),
    )
    .optional(),
});

/** A parsed group file. */
export type GroupFile = z.output<typeof groupFileSchema>;

/** Keys of a group file this import understands; others (`cta_rollforward`, `link`...) are ignored with a warning. */
export const GROUP_FILE_KEYS: ReadonlySet<string> = new Set(Object.keys(groupFileSchema.shape));
