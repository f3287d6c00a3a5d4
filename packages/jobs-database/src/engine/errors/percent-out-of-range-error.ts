import { EngineError } from './engine-error.js';

/** A direct percentage is not a fraction between 0 and 1. */
export class PercentOutOfRangeError extends EngineError {
  constructor(holder: string, held: string, value: number, field: string) {
    super(
      'PERCENT_OUT_OF_RANGE',
      `Holding ${holder} -> ${held}: ${field} ${value} is outside [0, 1] (percentages are fractions of 1)`,
      { holder, held, value, field },
    );
  }
}
