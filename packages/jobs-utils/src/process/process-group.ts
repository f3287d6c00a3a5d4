import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { LineSplitter } from './line-splitter.js';

/** How a child process ended. */
export interface ProcessExit {
  /** Exit code, or null when a signal ended it. */
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/** What to run and where its output goes. */
export interface ProcessGroupSpec {
  readonly executable: string;
  readonly args: readonly string[];
  readonly cwd: string;
  readonly env: Readonly<Record<string, string>>;
  /** Called for every line of stdout or stderr, in order per stream. */
  onLine(stream: 'stdout' | 'stderr', line: string): void;
}

const POLL_MS = 25;

/** Whether any process of the group is still there (a zombie no one reaps counts as gone). */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // ESRCH: the whole group is gone already.
  }
}

/**
 * A child process started in a process group of its own (spawned detached, no shell), so that
 * stopping it reaches every process it started: SIGTERM to the group, then SIGKILL to the group
 * once `graceMs` passed with any member still alive.
 */
export class ProcessGroup {
  readonly pid: number;
  /** Resolves once the child exited and its output was read to the end. */
  readonly exited: Promise<ProcessExit>;
  private stopping: Promise<void> | undefined;

  private constructor(pid: number, exited: Promise<ProcessExit>) {
    this.pid = pid;
    this.exited = exited;
  }

  /** Starts the child; rejects when it cannot be started (missing executable, no permission). */
  static async start(spec: ProcessGroupSpec): Promise<ProcessGroup> {
    const child = spawn(spec.executable, [...spec.args], {
      cwd: spec.cwd,
      env: { ...spec.env },
      detached: true,
      shell: false,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    await new Promise<void>((resolve, reject) => {
      child.once('spawn', resolve);
      child.once('error', reject);
    });
    const pid = child.pid;
    if (pid === undefined) throw new Error(`${spec.executable} did not start`);
    const out = new LineSplitter((line) => spec.onLine('stdout', line));
    const err = new LineSplitter((line) => spec.onLine('stderr', line));
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    const exited = new Promise<ProcessExit>((resolve) => {
      child.once('exit', (code, signal) => {
        // A process the child left behind would hold the pipes open and outlive the job.
        signalGroup(pid, 'SIGKILL');
        child.once('close', () => {
          out.flush();
          err.flush();
          resolve({ code, signal });
        });
      });
    });
    return new ProcessGroup(pid, exited);
  }

  /**
   * Stops the whole group: SIGTERM, then SIGKILL after `graceMs` if any member is still alive.
   * Resolves once the child exited; calling it again returns the same promise.
   */
  stop(graceMs: number): Promise<void> {
    this.stopping ??= (async () => {
      signalGroup(this.pid, 'SIGTERM');
      const deadline = Date.now() + graceMs;
      while (groupAlive(this.pid) && Date.now() < deadline) await sleep(POLL_MS);
      signalGroup(this.pid, 'SIGKILL');
      await this.exited;
    })();
    return this.stopping;
  }
}
