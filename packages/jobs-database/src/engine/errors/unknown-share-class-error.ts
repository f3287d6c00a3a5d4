import { EngineError } from './engine-error.js';

/** A shareholding names a share class the held company's register does not define. */
export class UnknownShareClassError extends EngineError {
  constructor(company: string, shareClass: string) {
    super('UNKNOWN_SHARE_CLASS', `Company ${company} has no share class ${shareClass}`, {
      company,
      shareClass,
    });
  }
}
