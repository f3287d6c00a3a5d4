import { ConsoError } from './conso-error.js';

/** An advanced formula cannot be parsed or evaluated; names the formula text and the problem. */
export class FormulaError extends ConsoError {
  constructor(expression: string, problem: string, position?: number) {
    super(
      'FORMULA_INVALID',
      'conso.error.formula',
      `Formula "${expression}"${position === undefined ? '' : ` at ${position}`}: ${problem}`,
      { expression, problem, position: position ?? -1 },
    );
  }
}
