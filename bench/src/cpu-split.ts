import { readdirSync, readFileSync } from 'node:fs';

/** CPU time one processing phase cost per job, in µs: this process's, and the store's server processes'. */
export interface CpuPerJob {
  /** This process (the runner or peer library, with the bench's own probe), every thread. */
  clientUs: number;
  /** Every process of the store's server (`postgres` backends and its background workers, or `redis-server`). */
  serverUs: number;
}

/** The store whose server processes a phase's CPU is read from, by process name. */
export type ServerProcess = 'postgres' | 'redis-server';

/**
 * Starts counting CPU time for one processing phase; the function returned stops it and divides
 * by `jobs`. The server's time comes from `/proc/<pid>/schedstat` (nanoseconds on the CPU) of
 * every process of that name, so it includes the store's background work a phase causes (the
 * WAL writer, autovacuum) and any other client of the same server at that moment: it is
 * meaningful on a machine where the bench is the server's only client. A process that exits
 * within the phase takes its time with it, one that starts within it (a pool opening connections)
 * counts from its start.
 * Without `/proc` (not Linux) it reads as NaN.
 */
export function startCpuSplit(server: ServerProcess): (jobs: number) => CpuPerJob {
  const before = serverTimes(server);
  const client = process.cpuUsage();
  return (jobs) => {
    const used = process.cpuUsage(client);
    const after = serverTimes(server);
    let serverNs = 0;
    // a process that started within the phase (a pool opening a connection) counts from its start
    for (const [pid, ns] of after) serverNs += ns - (before.get(pid) ?? 0);
    return {
      clientUs: (used.user + used.system) / jobs,
      serverUs: before.size === 0 ? Number.NaN : serverNs / 1000 / jobs,
    };
  };
}

function serverTimes(name: ServerProcess): Map<number, number> {
  const times = new Map<number, number>();
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));
  } catch {
    return times;
  }
  for (const pid of pids) {
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() !== name) continue;
      const ns = Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]);
      if (Number.isFinite(ns)) times.set(Number(pid), ns);
    } catch {
      // the process ended between the listing and the read
    }
  }
  return times;
}
