/**
 * A private PostgreSQL cluster for tests that must stop and start the server: created with
 * initdb in a temporary directory, listening on a free loopback port only, so the shared
 * server the other tests use is never touched.
 */
import { execFile, execFileSync } from 'node:child_process';
import {
  appendFileSync,
  chownSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
/** Longest a single initdb / pg_ctl call may take before the test gives up on it. */
const COMMAND_TIMEOUT_MS = 60_000;

/** How to run the cluster commands on this machine. */
interface Toolchain {
  /** Directory of initdb and pg_ctl, or '' when they are on PATH. */
  binDir: string;
  /** Owner of the cluster when running as root (initdb refuses root), else undefined. */
  owner: { uid: number; gid: number } | undefined;
}

/** Why no throwaway cluster can be created here, or undefined when one can. */
export function throwawayClusterSkipReason(): string | undefined {
  const found = toolchain();
  return typeof found === 'string' ? found : undefined;
}

/** A private cluster in a temporary directory; `destroy()` stops it and deletes everything. */
export class ThrowawayCluster {
  private running = false;

  private constructor(
    private readonly tools: Toolchain,
    private readonly dir: string,
    /** Loopback port the server listens on, kept across restarts. */
    readonly port: number,
  ) {}

  /** Connection string of the cluster's `postgres` database. */
  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  /** Runs initdb and starts the server; throws when the machine cannot (see the skip reason). */
  static async create(): Promise<ThrowawayCluster> {
    const tools = toolchain();
    if (typeof tools === 'string') throw new Error(tools);
    const dir = mkdtempSync(join(tmpdir(), 'hangar-pg-'));
    const cluster = new ThrowawayCluster(tools, dir, await freePort());
    try {
      if (tools.owner) chownSync(dir, tools.owner.uid, tools.owner.gid);
      await cluster.pg('initdb', [
        '-D',
        cluster.dataDir,
        '-U',
        'postgres',
        '--auth=trust',
        '--encoding=UTF8',
        '--no-locale',
        '--no-sync',
        '--no-instructions',
      ]);
      // In the config file rather than on pg_ctl's command line, which goes through a shell.
      // fsync is off: only the server process stops, never the machine, so nothing is lost.
      appendFileSync(
        join(cluster.dataDir, 'postgresql.conf'),
        [
          `port = ${cluster.port}`,
          `listen_addresses = '127.0.0.1'`,
          `unix_socket_directories = '${dir}'`,
          'fsync = off',
          'max_connections = 60',
          'shared_buffers = 32MB',
          '',
        ].join('\n'),
      );
      await cluster.start();
      return cluster;
    } catch (err) {
      await cluster.destroy();
      throw err;
    }
  }

  /** Starts the server and waits until it accepts connections. */
  async start(): Promise<void> {
    try {
      await this.pg('pg_ctl', ['-D', this.dataDir, '-l', this.logFile, '-w', '-t', '30', 'start']);
    } catch (err) {
      throw new Error(`${(err as Error).message}\n--- server log ---\n${this.logTail()}`);
    }
    this.running = true;
  }

  /** Stops the server: `fast` rolls back open transactions and checkpoints, `immediate` does not. */
  async stop(mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
    await this.pg('pg_ctl', ['-D', this.dataDir, '-m', mode, '-w', '-t', '30', 'stop']);
    this.running = false;
  }

  /** Stops the server if it runs and deletes the directory; safe to call more than once. */
  async destroy(): Promise<void> {
    if (this.running) await this.stop('immediate').catch(() => {});
    rmSync(this.dir, { recursive: true, force: true });
  }

  private get dataDir(): string {
    return join(this.dir, 'data');
  }

  private get logFile(): string {
    return join(this.dir, 'server.log');
  }

  private logTail(): string {
    return existsSync(this.logFile) ? readFileSync(this.logFile, 'utf8').slice(-2000) : '(no log)';
  }

  private async pg(command: 'initdb' | 'pg_ctl', args: string[]): Promise<void> {
    const bin = this.tools.binDir ? join(this.tools.binDir, command) : command;
    const [file, argv] = this.tools.owner ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
    // `-l` sends the server's output to a file: a server holding our pipes would keep
    // execFile (and the test process) waiting for it to exit.
    await run(file, argv, { cwd: this.dir, timeout: COMMAND_TIMEOUT_MS });
  }
}

function toolchain(): Toolchain | string {
  const binDir = findBinDir();
  if (binDir === undefined) {
    return 'initdb and pg_ctl were not found (put them on PATH or set HANGAR_PG_BIN to their directory)';
  }
  if (process.getuid?.() !== 0) return { binDir, owner: undefined };
  try {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
    execFileSync('runuser', ['--help'], { stdio: 'ignore' });
    return { binDir, owner: { uid: id('-u'), gid: id('-g') } };
  } catch {
    return 'running as root, and initdb refuses root: a `postgres` user and runuser are needed';
  }
}

function findBinDir(): string | undefined {
  const works = (dir: string) => {
    try {
      execFileSync(dir ? join(dir, 'pg_ctl') : 'pg_ctl', ['--version'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  };
  const fromEnv = process.env.HANGAR_PG_BIN;
  if (fromEnv !== undefined) return works(fromEnv) ? fromEnv : undefined;
  if (works('')) return '';
  // Debian and Ubuntu keep the server binaries off PATH, one directory per major version.
  const versions = existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql') : [];
  const newest = versions
    .map((v) => join('/usr/lib/postgresql', v, 'bin'))
    .sort((a, b) => b.localeCompare(a, 'en', { numeric: true }));
  return newest.find(works);
}

/** A loopback port nothing listens on right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no free port');
  return address.port;
}
