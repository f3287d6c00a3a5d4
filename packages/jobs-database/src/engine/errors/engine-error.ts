/** Parameters of an engine error message, kept flat so they serialise and translate cleanly. */
export type EngineErrorParams = Readonly<Record<string, string | number>>;

/**
 * Base class of every error the consolidation engine throws: a stable string `code` plus the
 * `params` that identify what went wrong. Kept local so the engine stays free of framework
 * dependencies; it can later be rebased on the framework's error class without touching callers.
 */
export class EngineError extends Error {
  /** Stable machine-readable code, e.g. `OWNERSHIP_SINGULAR`. */
  readonly code: string;
  /** Values naming the offending companies, accounts or amounts. */
  readonly params: EngineErrorParams;

  constructor(code: string, message: string, params: EngineErrorParams = {}, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = new.target.name;
    this.code = code;
    this.params = params;
  }

  /** Plain JSON form, for logs and command output. */
  toJSON(): { code: string; params: EngineErrorParams; message: string } {
    return { code: this.code, params: this.params, message: this.message };
  }
}

/** True when `err` is an engine error with the given code. */
export function hasEngineErrorCode(err: unknown, code: string): boolean {
  return err instanceof EngineError && err.code === code;
}
