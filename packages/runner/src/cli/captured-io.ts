import { Writable } from 'node:stream';
import type { CliRunIo } from './cli-context.js';

/** A `CliRunIo` whose streams keep what was written, for reading a command's output back. */
export interface CapturedIo {
  /** Pass to `runCli`. */
  io: CliRunIo;
  /** Everything written to stdout so far. */
  out(): string;
  /** Everything written to stderr so far. */
  err(): string;
}

/**
 * Runs of `runCli` whose output is read back rather than printed: a plugin's tests of its own
 * commands, or an embedding service that shows a command's output itself.
 *
 * @example
 * ```ts
 * const captured = captureCliIo({ env: { HANGAR_URL: url }, cwd: process.cwd() });
 * const code = await runCli(['status', jobId], captured.io);
 * console.log(code, captured.out());
 * ```
 */
export function captureCliIo(options: {
  /** Environment the command sees. */
  env: Record<string, string | undefined>;
  /** Working directory the command resolves paths against. */
  cwd: string;
  /** Stops a long-running command (`serve`, `--follow`). */
  signal?: AbortSignal;
}): CapturedIo {
  const sink = () => {
    const chunks: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer | string, _encoding, done) {
        chunks.push(String(chunk));
        done();
      },
    });
    return { stream, text: () => chunks.join('') };
  };
  const stdout = sink();
  const stderr = sink();
  const { env, cwd, signal } = options;
  return {
    io: { stdout: stdout.stream, stderr: stderr.stream, env, cwd, ...(signal ? { signal } : {}) },
    out: stdout.text,
    err: stderr.text,
  };
}
