import type {
  ErrorInfo,
  JobRecord,
  LogEntry,
  MessageParam,
  ScheduleRecord,
  TranslatableString,
  Translator,
} from '@hangar/core';
import type { JobTypeInfo } from '../registry/job-registry.js';
import type {
  ErrorView,
  JobTypeView,
  JobView,
  LogEntryView,
  MessageView,
  OutputFileView,
  ScheduleView,
} from './view-schemas.js';

/** Renders records in one language; built per request. */
export interface RenderContext {
  /** Renders message keys. */
  translator: Translator;
  /** Language of the caller. */
  lang: string;
  /** Path prefix the API is mounted under ('' standalone), for links. */
  prefix: string;
}

/** Renders one translatable message with its key and parameters. */
export function renderMessage(message: TranslatableString, ctx: RenderContext): MessageView {
  return {
    text: ctx.translator.render(message, ctx.lang),
    key: message.key,
    params: { ...(message.params ?? {}) } as Record<string, MessageParam>,
  };
}

function percent(current: number | undefined, total: number | undefined): number | undefined {
  if (current === undefined || total === undefined || total <= 0) return undefined;
  return Math.max(0, Math.min(100, Math.round((current / total) * 1000) / 10));
}

/** Renders one log entry. */
export function renderLogEntry(entry: LogEntry, ctx: RenderContext): LogEntryView {
  const view: LogEntryView = {
    ...renderMessage(entry.message, ctx),
    seq: entry.seq,
    at: iso(entry.at),
    level: entry.level,
  };
  if (entry.current !== undefined) view.current = entry.current;
  if (entry.total !== undefined) view.total = entry.total;
  const pct = percent(entry.current, entry.total);
  if (pct !== undefined) view.percent = pct;
  return view;
}

/** ErrorInfo entries rendered in the caller’s language. */
export function renderErrors(info: ErrorInfo, ctx: RenderContext): ErrorView[] {
  return info.map((entry) => {
    const view: ErrorView = {
      ...renderMessage({ key: entry.key, params: entry.params }, ctx),
      code: entry.code,
      severity: entry.severity,
    };
    if (entry.source !== undefined) view.source = entry.source;
    return view;
  });
}

// Warnings appear both in the log and on the result; one copy each is enough for a reader.
function uniqueMessages(messages: readonly TranslatableString[], ctx: RenderContext): MessageView[] {
  const seen = new Set<string>();
  const out: MessageView[] = [];
  for (const m of messages) {
    const id = JSON.stringify([m.key, m.params ?? {}]);
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(renderMessage(m, ctx));
  }
  return out;
}

/**
 * Renders a job for the API: every message in the caller's language, dates as ISO strings,
 * output files as download links (their storage location stays private to the server).
 * With `log`, the view also carries every message in order.
 */
export function renderJob(job: JobRecord, ctx: RenderContext, log?: readonly LogEntry[]): JobView {
  const result = job.result;
  const warnings = [
    ...(log ?? []).filter((e) => e.level === 'warning').map((e) => e.message),
    ...(result?.warnings ?? []),
  ];
  // A failed job keeps the errors of its last attempt on the record; a partial success on its result.
  const errors = [...(job.errorInfo ?? []), ...(result?.errorInfo ?? [])];
  const seenErrors = new Set<string>();
  const uniqueErrors = errors.filter((e) => {
    const id = JSON.stringify([e.code, e.key, e.params, e.source]);
    if (seenErrors.has(id)) return false;
    seenErrors.add(id);
    return true;
  });
  const filesBase = `${ctx.prefix}/jobs/${encodeURIComponent(job.id)}/files/`;
  const outputFiles: OutputFileView[] = (result?.outputFiles ?? []).map((f) => ({
    name: f.name,
    size: f.size,
    mediaType: f.mediaType,
    url: filesBase + encodeURIComponent(f.name),
  }));
  let progress: JobView['progress'] = null;
  if (job.progress) {
    progress = renderMessage(job.progress.message, ctx);
    if (job.progress.current !== undefined) progress.current = job.progress.current;
    if (job.progress.total !== undefined) progress.total = job.progress.total;
    const pct = percent(job.progress.current, job.progress.total);
    if (pct !== undefined) progress.percent = pct;
  }
  const view: JobView = {
    id: job.id,
    type: job.type,
    queue: job.queue,
    state: job.state,
    priority: job.priority,
    attempts: job.attempts,
    maxAttempts: job.maxAttempts,
    customerId: job.customerId ?? null,
    userId: job.userId ?? null,
    parentId: job.parentId ?? null,
    parents: job.parents.map((p) => ({ id: p.id, on: p.on })),
    cancelRequested: job.cancelRequested,
    progress,
    warnings: uniqueMessages(warnings, ctx),
    errors: renderErrors(uniqueErrors, ctx),
    success: result ? result.success : null,
    result: result?.result ?? null,
    outputFiles,
    worker: job.worker ? { id: job.worker.id, host: job.worker.host, pid: job.worker.pid } : null,
    createdAt: iso(job.createdAt),
    updatedAt: iso(job.updatedAt),
    runAt: iso(job.runAt),
    startedAt: job.startedAt ? iso(job.startedAt) : null,
    finishedAt: job.finishedAt ? iso(job.finishedAt) : null,
  };
  if (log) view.messages = log.map((e) => renderLogEntry(e, ctx));
  return view;
}

/** Renders a job type with its parameters' JSON schema. */
export function renderJobType(
  info: JobTypeInfo,
  descriptionKey: TranslatableString | undefined,
  ctx: RenderContext,
): JobTypeView {
  return {
    type: info.type,
    description: descriptionKey ? renderMessage(descriptionKey, ctx) : null,
    defaultQueue: info.defaultQueue,
    timeoutMs: info.timeoutMs ?? null,
    maxAttempts: info.retry.maxAttempts,
    paramsSchema: isObject(info.paramsSchema) ? info.paramsSchema : {},
  };
}

/** Renders a recurring schedule as a summary (its parameters are left out to keep listings short). */
export function renderSchedule(s: ScheduleRecord): ScheduleView {
  return {
    name: s.name,
    cron: s.cron,
    timezone: s.timezone,
    type: s.type,
    queue: s.options.queue ?? null,
    paused: s.paused,
    nextRunAt: s.nextRunAt ? iso(s.nextRunAt) : null,
    lastRunAt: s.lastRunAt ? iso(s.lastRunAt) : null,
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// Adapters that read JSON back (Redis) may hand dates over as strings.
function iso(value: Date | string): string {
  return value instanceof Date ? value.toISOString() : new Date(value).toISOString();
}
