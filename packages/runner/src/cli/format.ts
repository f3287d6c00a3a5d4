import { itemOutcomesOf } from '@hangar/core';
import type { TriggerView } from '../http/trigger-schemas.js';
import type { JobView, LogEntryView, ScheduleView } from '../http/view-schemas.js';

/** Pads cells into aligned columns. */
export function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}

/** One log entry as a line: progress plain, other levels tagged. */
export function formatLogEntry(entry: LogEntryView): string {
  const counts =
    entry.current !== undefined && entry.total !== undefined ? ` (${entry.current}/${entry.total})` : '';
  const tag = entry.level === 'progress' ? '' : `${entry.level}: `;
  return `${tag}${entry.text}${counts}`;
}

function progressCell(job: JobView): string {
  if (!job.progress) return '';
  return job.progress.percent !== undefined ? `${job.progress.percent}%` : job.progress.text;
}

/** The jobs of a listing as a table. */
export function formatJobTable(items: readonly JobView[]): string[] {
  return table(
    ['ID', 'TYPE', 'STATE', 'PROGRESS', 'CREATED'],
    items.map((j) => [j.id, j.type, j.state, progressCell(j), j.createdAt]),
  );
}

/** When a time is, relative to now: `in 5m`, `3h ago`. */
export function relativeTime(iso: string, now: number = Date.now()): string {
  const ms = Date.parse(iso) - now;
  const abs = Math.abs(ms);
  const units: Array<[number, string]> = [
    [86_400_000, 'd'],
    [3_600_000, 'h'],
    [60_000, 'm'],
    [1000, 's'],
  ];
  const [size, unit] = units.find(([u]) => abs >= u) ?? [1000, 's'];
  const n = Math.round(abs / size);
  return ms >= 0 ? `in ${n}${unit}` : `${n}${unit} ago`;
}

/** The schedules as a table with their next run. */
export function formatScheduleTable(items: readonly ScheduleView[], now: number = Date.now()): string[] {
  return table(
    ['NAME', 'CRON', 'TIMEZONE', 'TYPE', 'NEXT RUN', 'LAST RUN'],
    items.map((s) => [
      s.name,
      s.cron,
      s.timezone,
      s.type,
      s.paused ? 'paused' : s.nextRunAt ? `${s.nextRunAt} (${relativeTime(s.nextRunAt, now)})` : '-',
      s.lastRunAt ?? '-',
    ]),
  );
}

/** The event triggers as a table: which ends fire each, and what it enqueues. */
export function formatTriggerTable(items: readonly TriggerView[]): string[] {
  return table(
    ['NAME', 'ON', 'STATES', 'CUSTOMER', 'ENQUEUES', 'STATUS', 'LAST FIRED'],
    items.map((t) => {
      const metadata = Object.entries(t.on.metadata).map(([k, v]) => `${k}=${v}`);
      return [
        t.name,
        metadata.length > 0 ? `${t.on.type} (${metadata.join(', ')})` : t.on.type,
        t.on.states.join(','),
        t.on.customerId ?? '(all)',
        t.job.type,
        t.paused ? 'paused' : 'active',
        t.lastFiredAt ?? '-',
      ];
    }),
  );
}

/** A job in full, for `hangar status`. */
export function formatJob(job: JobView): string[] {
  const lines = [
    `${job.id}  ${job.type}  ${job.state}${job.cancelRequested && job.state === 'Processing' ? ' (cancelling)' : ''}`,
    `  queue: ${job.queue}  priority: ${job.priority}  attempts: ${job.attempts}/${job.maxAttempts}`,
    `  customer: ${job.customerId ?? '-'}  user: ${job.userId ?? '-'}`,
    `  created: ${job.createdAt}  run at: ${job.runAt}`,
  ];
  if (job.startedAt)
    lines.push(`  started: ${job.startedAt}${job.finishedAt ? `  finished: ${job.finishedAt}` : ''}`);
  if (job.worker) lines.push(`  worker: ${job.worker.id}`);
  if (job.progress) {
    const counts =
      job.progress.total !== undefined ? ` (${job.progress.current ?? 0}/${job.progress.total})` : '';
    lines.push(`  progress: ${job.progress.text}${counts}`);
  }
  if (job.messages?.length) lines.push('Messages:', ...job.messages.map((m) => `  ${formatLogEntry(m)}`));
  if (job.warnings.length) lines.push('Warnings:', ...job.warnings.map((w) => `  ${w.text}`));
  if (job.errors.length)
    lines.push(
      'Errors:',
      // An entry that is not an error (what became of an item that did not fail) says so.
      ...job.errors.map(
        (e) =>
          `  ${e.severity === 'error' ? '' : `${e.severity} `}${e.code}: ${e.text}${e.source ? ` [${e.source}]` : ''}`,
      ),
    );
  const outcomes = itemOutcomesOf(job.result);
  if (outcomes !== undefined) {
    // A job that works through a list says what became of each item: shown first, as a table.
    const rows = outcomes.map((o) => [o.item, o.outcome, o.detail ?? '']);
    lines.push('Outcomes:', ...table(['ITEM', 'OUTCOME', 'DETAIL'], rows).map((l) => `  ${l}`));
  }
  if (job.result !== null && job.result !== undefined) {
    lines.push(
      'Result:',
      ...JSON.stringify(job.result, null, 2)
        .split('\n')
        .map((l) => `  ${l}`),
    );
  }
  if (job.outputFiles.length) {
    lines.push(
      'Files:',
      ...job.outputFiles.map((f) => `  ${f.name}  ${f.size} bytes  ${f.mediaType}  ${f.url}`),
    );
  }
  return lines;
}
