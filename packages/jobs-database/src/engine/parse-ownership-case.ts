import type { CaseReader } from './case-reader.js';
import type {
  ConsolidationMethod,
  HoldingInput,
  OwnershipInput,
  OwnershipOverride,
  ShareClass,
  ShareholdingInput,
} from './ownership-types.js';

const METHODS: readonly ConsolidationMethod[] = ['G', 'P', 'E', 'N'];

/** Reads the ownership part of a case input (parent, companies, holdings or share registers, options). */
export function parseOwnershipInput(input: CaseReader): OwnershipInput {
  const parent = input.field('parent').string();
  const holdings = input.field('holdings').optionalItems().map(parseHolding);
  const shareholdings = input.field('shareholdings').optionalItems().map(parseShareholding);
  const shareClasses: Record<string, ShareClass[]> = {};
  const registers = input.field('share_classes');
  if (!registers.isMissing) {
    for (const [company, classes] of registers.entries())
      shareClasses[company] = classes.items().map(parseShareClass);
  }
  if (!hasOwnershipData(input)) input.field('holdings').fail('holdings or shareholdings are required');
  return {
    parent,
    companies: parseCompanyList(input, parent, holdings, shareholdings),
    holdings,
    shareClasses,
    shareholdings,
    noProportional: noProportional(input),
    overrides: parseOverrides(input),
  };
}

/** True when the case input asks for proportional consolidation to be replaced by the equity method. */
export function noProportional(input: CaseReader): boolean {
  const options = input.field('options');
  if (options.isArray) return options.items().some((o) => o.value === 'no_proportional');
  return (
    options.field('no_proportional').flag() ||
    input.field('no_proportional').flag() ||
    input.field('calc_no_proportional').flag()
  );
}

/** True when the case gives holdings (percentages or share registers) to compute ownership from. */
export function hasOwnershipData(input: CaseReader): boolean {
  return !input.field('holdings').isMissing || !input.field('shareholdings').isMissing;
}

function parseCompanyList(
  input: CaseReader,
  parent: string,
  holdings: readonly HoldingInput[],
  shareholdings: readonly ShareholdingInput[],
): string[] {
  const field = input.field('companies');
  if (field.isArray) {
    return field
      .items()
      .map((item) =>
        item.isObject ? item.fieldOf('id', 'code', 'company', 'name').string() : item.string(),
      );
  }
  if (field.isObject) return field.entries().map(([name]) => name);
  if (!field.isMissing) field.fail('expected a list of companies');
  // Without a list, the perimeter is the parent plus every company a holding names.
  const names = [parent];
  for (const h of [...holdings, ...shareholdings]) {
    for (const name of [h.holder, h.held]) if (!names.includes(name)) names.push(name);
  }
  return names;
}

function parseHolding(item: CaseReader): HoldingInput {
  const both = item.fieldOf('pct', 'percent', 'percentage').optionalNumber();
  const fin = item.fieldOf('fin', 'financial', 'interest').optionalNumber() ?? both;
  const ctrl = item.fieldOf('ctrl', 'control', 'votes').optionalNumber() ?? both;
  if (fin === undefined && ctrl === undefined) item.field('fin').fail('a holding needs fin and/or ctrl');
  return {
    holder: item.field('holder').string(),
    held: item.field('held').string(),
    fin: (fin ?? ctrl) as number,
    ctrl: (ctrl ?? fin) as number,
  };
}

function parseShareClass(item: CaseReader): ShareClass {
  return {
    name: item.fieldOf('class', 'name').string(),
    issued: item.field('issued').number(),
    treasury: item.field('treasury').optionalNumber() ?? 0,
    votesPerShare: item.fieldOf('votes_per_share', 'votes').optionalNumber() ?? 1,
    dividendRightsPerShare:
      item.fieldOf('dividend_rights_per_share', 'dividend_rights').optionalNumber() ?? 1,
  };
}

function parseShareholding(item: CaseReader): ShareholdingInput {
  return {
    holder: item.field('holder').string(),
    held: item.field('held').string(),
    shareClass: item.fieldOf('class', 'share_class').string(),
    shares: item.field('shares').number(),
  };
}

function parseOverrides(input: CaseReader): Record<string, OwnershipOverride> {
  const field = input.fieldOf('overrides', 'manual_overrides', 'method_overrides');
  const result: Record<string, OwnershipOverride> = {};
  if (field.isMissing) return result;
  const pairs: [string, CaseReader][] = field.isArray
    ? field.items().map((item) => [item.fieldOf('company', 'id', 'code').string(), item])
    : field.entries();
  for (const [company, value] of pairs) {
    if (typeof value.value === 'string') {
      result[company] = { method: value.oneOf(METHODS) };
      continue;
    }
    const method = value.field('method');
    const override: OwnershipOverride = {
      ...(method.isMissing ? {} : { method: method.oneOf(METHODS) }),
      ...optional('interest', value.fieldOf('interest', 'group_pct', 'fin').optionalNumber()),
      ...optional('control', value.fieldOf('control', 'ctrl').optionalNumber()),
      ...optional('minority', value.fieldOf('minority', 'minority_pct').optionalNumber()),
      ...optional('integration', value.fieldOf('integration', 'integration_pct').optionalNumber()),
    };
    result[company] = override;
  }
  return result;
}

function optional<K extends string>(key: K, value: number | undefined): Partial<Record<K, number>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, number>);
}
