import type { ErrorParams, FieldIssue } from '@hangar/core';
import type { ErrorBody } from '../http/http-errors.js';
import { CliError } from './cli-error.js';
import { EXIT, exitCodeForApiError } from './exit-codes.js';
import { type SseMessage, SseParser } from './sse-parser.js';

/** Where and as whom the CLI talks to a running API. */
export interface ApiClientOptions {
  /** Base URL, possibly with the mount prefix, e.g. `http://127.0.0.1:8080/hangar`. */
  baseUrl: string;
  /** Bearer token. */
  token: string;
  /** Language the server renders messages in. */
  lang: string;
  /** Admin tokens only: the customer to act for. */
  customerId?: string;
}

type Query = Record<string, string | number | readonly string[] | undefined>;

/** A small client of the HTTP API that turns every failure into a `CliError` with the right exit code. */
export class ApiClient {
  private readonly base: string;

  constructor(private readonly options: ApiClientOptions) {
    this.base = options.baseUrl.replace(/\/+$/, '');
  }

  /** Sends a request and returns the parsed JSON body of a 2xx answer. */
  async request<T>(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    path: string,
    init: { query?: Query; body?: unknown } = {},
  ): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    const res = await this.fetch(path, init.query, {
      method,
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    if (!res.ok) throw await this.errorOf(res);
    return (await res.json()) as T;
  }

  /**
   * Reads a job's event stream, calling `onEvent` for each event, until the server closes it;
   * returns the last event id seen (to resume from).
   */
  async stream(
    path: string,
    lastEventId: string | undefined,
    onEvent: (message: SseMessage) => void,
    signal: AbortSignal | undefined,
  ): Promise<string | undefined> {
    const headers: Record<string, string> = { accept: 'text/event-stream' };
    if (lastEventId !== undefined) headers['last-event-id'] = lastEventId;
    const res = await this.fetch(path, undefined, { method: 'GET', headers, signal });
    if (!res.ok || !res.body) throw await this.errorOf(res);
    const parser = new SseParser();
    const decoder = new TextDecoder();
    let last = lastEventId;
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      for (const message of parser.push(decoder.decode(chunk, { stream: true }))) {
        if (message.id !== undefined) last = message.id;
        onEvent(message);
      }
    }
    return last;
  }

  private async fetch(path: string, query: Query | undefined, init: RequestInit): Promise<Response> {
    const url = new URL(this.base + path);
    for (const [name, value] of Object.entries(query ?? {})) {
      if (value === undefined) continue;
      for (const v of Array.isArray(value) ? value : [value]) url.searchParams.append(name, String(v));
    }
    url.searchParams.set('lang', this.options.lang);
    if (this.options.customerId) url.searchParams.set('customerId', this.options.customerId);
    const headers = new Headers(init.headers);
    headers.set('authorization', `Bearer ${this.options.token}`);
    headers.set('accept-language', this.options.lang);
    try {
      return await fetch(url, { ...init, headers });
    } catch (error) {
      if (init.signal?.aborted) throw error;
      const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
      const reason = String(cause?.code ?? cause?.message ?? (error as Error).message);
      throw new CliError(
        EXIT.UNAVAILABLE,
        'hangar.cli.unreachable',
        { url: this.base, reason },
        { code: 'UNREACHABLE', cause: error },
      );
    }
  }

  private async errorOf(res: Response): Promise<CliError> {
    let body: Partial<ErrorBody> | undefined;
    try {
      body = (await res.json()) as Partial<ErrorBody>;
    } catch {
      body = undefined;
    }
    const error = body?.error;
    if (!error || typeof error.code !== 'string') {
      const exit =
        res.status === 502 || res.status === 503 || res.status === 504 ? EXIT.UNAVAILABLE : EXIT.SOFTWARE;
      return new CliError(
        exit,
        'hangar.cli.badResponse',
        { url: this.base, status: res.status },
        { code: 'BAD_RESPONSE' },
      );
    }
    return new CliError(
      exitCodeForApiError(error.code, res.status),
      error.key ?? 'hangar.cli.unexpected',
      (error.params ?? {}) as ErrorParams,
      {
        code: error.code,
        rendered: typeof error.message === 'string' ? error.message : undefined,
        issues: Array.isArray(error.issues) ? (error.issues as FieldIssue[]) : [],
      },
    );
  }
}
