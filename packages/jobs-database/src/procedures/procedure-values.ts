import type { ConsoRow, CustomParamType } from '@hangar/conso-db';
import { CustomProcedureParamError } from '../errors/custom-procedure-param-error.js';

/** A value the job passes, after checking it against its definition. */
export type ProcedureValue = string | number | boolean | null;

/** One argument of a call, in definition order. */
export interface ProcedureArg {
  readonly name: string;
  readonly type: CustomParamType;
  readonly value: ProcedureValue;
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Checks the job's values against the procedure's parameter definitions and returns the call's
 * arguments in definition order: unknown names, missing required values and values of the wrong
 * type are refused naming `values.<name>`; absent optional values take their default (or null).
 */
export function procedureArgs(
  procedure: string,
  definitions: readonly ConsoRow<'custom_procedure_params'>[],
  values: Readonly<Record<string, ProcedureValue>>,
): ProcedureArg[] {
  const known = new Set(definitions.map((d) => d.name));
  for (const name of Object.keys(values)) {
    if (!known.has(name))
      throw new CustomProcedureParamError(`values.${name}`, procedure, 'no such parameter');
  }
  return [...definitions]
    .sort((a, b) => a.position - b.position)
    .map((definition) => {
      const param = `values.${definition.name}`;
      // Names are spliced into the call as identifiers: a bad definition must not become SQL.
      if (!IDENT.test(definition.name))
        throw new CustomProcedureParamError(param, procedure, 'the definition has an invalid name');
      const given = values[definition.name];
      if (given === undefined || given === null) {
        if (Number(definition.required) === 1 && definition.default_value === null)
          throw new CustomProcedureParamError(param, procedure, 'required');
        const fallback =
          definition.default_value === null ? null : parse(definition.default_value, definition.type);
        if (fallback === undefined) throw new CustomProcedureParamError(param, procedure, 'invalid default');
        return { name: definition.name, type: definition.type, value: fallback };
      }
      const value =
        typeof given === 'string' ? parse(given, definition.type) : accept(given, definition.type);
      if (value === undefined)
        throw new CustomProcedureParamError(
          param,
          procedure,
          `expected ${definition.type}, got ${JSON.stringify(given)}`,
        );
      return { name: definition.name, type: definition.type, value };
    });
}

/** A non-string value of the right JSON type, or undefined. */
function accept(value: number | boolean, type: CustomParamType): ProcedureValue | undefined {
  if (type === 'boolean') return typeof value === 'boolean' ? value : undefined;
  if (type === 'integer') return Number.isSafeInteger(value) ? value : undefined;
  if (type === 'number') return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
  return undefined;
}

/** A string (a value or a stored default) converted to the type, or undefined when it does not fit. */
function parse(text: string, type: CustomParamType): ProcedureValue | undefined {
  switch (type) {
    case 'text':
      return text;
    case 'date':
      return DATE.test(text) && !Number.isNaN(Date.parse(text)) ? text : undefined;
    case 'boolean':
      return text === 'true' ? true : text === 'false' ? false : undefined;
    case 'integer':
      return /^-?\d+$/.test(text) && Number.isSafeInteger(Number(text)) ? Number(text) : undefined;
    case 'number':
      return text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : undefined;
  }
}
