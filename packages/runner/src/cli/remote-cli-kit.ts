import { beforeEach } from 'vitest';
import { onCleanup, type TestApi, TOKENS } from '../http/test-fixtures.js';
import { runCli } from './run-cli.js';
import { capture, tempDir } from './test-kit.js';

/** What one CLI run printed, and its exit code. */
export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/**
 * Registers a fresh working directory per test (removed by `closeAll`) and returns a way to run
 * the CLI against a test API with a token.
 */
export function remoteCliKit() {
  let cwd = '';
  beforeEach(async () => {
    const tmp = await tempDir();
    cwd = tmp.dir;
    onCleanup(tmp.cleanup);
  });
  return {
    /** The current test's working directory. */
    get cwd(): string {
      return cwd;
    },
    /** Runs `hangar <argv>` against `api` with `HANGAR_URL` and `HANGAR_TOKEN` set. */
    run(
      api: TestApi,
      argv: string[],
      token: string = TOKENS.acmeOperator,
      signal?: AbortSignal,
    ): Promise<CliRun> {
      const c = capture({ HANGAR_URL: api.url, HANGAR_TOKEN: token }, cwd, signal);
      return runCli(argv, c.io).then((code) => ({ code, out: c.out(), err: c.err() }));
    },
  };
}
