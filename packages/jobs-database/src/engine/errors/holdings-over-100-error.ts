import { EngineError } from './engine-error.js';

/** The direct holdings in one company add up to more than 100%. */
export class HoldingsOver100Error extends EngineError {
  constructor(company: string, total: number, field: string) {
    super('HOLDINGS_OVER_100', `Direct holdings (${field}) in ${company} total ${total}, more than 100%`, {
      company,
      total,
      field,
    });
  }
}
