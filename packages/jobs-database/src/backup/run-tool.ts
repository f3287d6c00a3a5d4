import { spawn } from 'node:child_process';
import type { Writable } from 'node:stream';
import { BackupToolFailedError } from '../errors/backup-tool-failed-error.js';

/** How to run pg_dump or pg_restore. */
export interface ToolRun {
  readonly command: string;
  readonly args: readonly string[];
  /** The job's signal: cancelling kills the tool, which closes its connection, so the server stops too. */
  readonly signal: AbortSignal;
  /** Each line the tool writes to stderr (its `--verbose` progress). */
  readonly onLine?: (line: string) => void;
  /** Where stdout goes (the dump); ignored when absent. */
  readonly stdout?: Writable;
}

/** Runs a tool to its end; `BackupToolFailedError` with the tail of its output on failure. */
export function runTool(run: ToolRun): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(run.command, [...run.args], {
      stdio: ['ignore', run.stdout ? 'pipe' : 'ignore', 'pipe'],
    });
    const kill = () => child.kill('SIGTERM');
    run.signal.addEventListener('abort', kill, { once: true });
    if (run.stdout && child.stdout) child.stdout.pipe(run.stdout);
    let tail = '';
    let partial = '';
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (text: string) => {
      tail = (tail + text).slice(-2000);
      const lines = (partial + text).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) run.onLine?.(line);
    });
    child.on('error', (error) => reject(new BackupToolFailedError(run.command, null, error.message)));
    child.on('close', (code) => {
      run.signal.removeEventListener('abort', kill);
      if (run.signal.aborted) reject(run.signal.reason);
      else if (code === 0) resolve();
      else reject(new BackupToolFailedError(run.command, code, tail.trim().split('\n').slice(-5).join('\n')));
    });
  });
}
