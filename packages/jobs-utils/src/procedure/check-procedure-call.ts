import type { ConsoDialect } from '@hangar/conso-db';
import { InvalidParamError } from '../errors/invalid-param-error.js';
import { isErrorInfoParam, type RunStoredProcedureParams } from './procedure-params.js';

/** Refuses a call the dialect cannot make as given, naming the param, before connecting. */
export function checkProcedureCall(params: RunStoredProcedureParams, dialect: ConsoDialect): void {
  if (dialect === 'sqlite') throw new InvalidParamError('connection', 'SQLite has no stored procedures');
  if (dialect === 'mssql' && params.kind === 'function')
    throw new InvalidParamError(
      'kind',
      'functions are called on PostgreSQL only; use a procedure on SQL Server',
    );
  const seen = new Set<string>();
  params.parameters.forEach((param, i) => {
    const name = param.name.toLowerCase();
    if (seen.has(name)) throw new InvalidParamError(`parameters.${i}.name`, `"${param.name}" is given twice`);
    seen.add(name);
    if (param.direction === 'out' && param.value !== undefined)
      throw new InvalidParamError(`parameters.${i}.value`, 'an out parameter takes no value');
    if (isErrorInfoParam(param) && (param.direction === 'in' || !['xml', 'text'].includes(param.type)))
      throw new InvalidParamError(
        `parameters.${i}`,
        'errorinfo must be an out or inout parameter of type xml or text',
      );
  });
}
