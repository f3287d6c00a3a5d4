import { language } from './i18n.js';

/** A refusal of the API: its status and its error body (message already in the page's language). */
export class ApiError extends Error {
  constructor(
    /** HTTP status. */
    readonly status: number,
    /** Stable error code, e.g. `FORBIDDEN`. */
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** One server-sent event of a job stream. */
export interface StreamEvent {
  /** `progress`, `message`, `state` or `end`. */
  event: string;
  /** Parsed data. */
  data: unknown;
}

type Query = Record<string, string | undefined>;

/**
 * Calls the JSON API with the bearer token. The page lives at `<prefix>/dashboard/`, so the API
 * is `..` from it, wherever the host mounted it. Every call carries `?lang=`, and an admin's
 * chosen customer as `?customerId=`.
 */
export class ApiClient {
  constructor(
    private readonly token: string,
    /** Customer an admin acts for, or undefined for the token's own. */
    public customerId: string | undefined = undefined,
  ) {}

  /** URL of an API path (`jobs/123`) or a dashboard path (`dashboard:api/me`). */
  url(path: string, query: Query = {}): string {
    const base = path.startsWith('/') ? location.origin : new URL('..', location.href).href;
    const url = new URL(path.replace(/^dashboard:/, 'dashboard/'), base);
    const all: Query = { ...query, lang: language(), customerId: this.customerId };
    for (const [name, value] of Object.entries(all)) if (value) url.searchParams.set(name, value);
    return url.href;
  }

  private async fetch(method: string, path: string, query: Query = {}): Promise<Response> {
    const response = await fetch(this.url(path, query), {
      method,
      headers: { authorization: `Bearer ${this.token}`, accept: 'application/json' },
    });
    if (!response.ok) {
      const body = (await response.json().catch(() => undefined)) as
        | { error?: { code?: string; message?: string } }
        | undefined;
      throw new ApiError(
        response.status,
        body?.error?.code ?? 'HTTP_' + response.status,
        body?.error?.message ?? response.statusText,
      );
    }
    return response;
  }

  /** A JSON call; refusals throw `ApiError`. */
  async json<T>(method: 'GET' | 'POST' | 'DELETE', path: string, query: Query = {}): Promise<T> {
    return (await (await this.fetch(method, path, query)).json()) as T;
  }

  /**
   * Follows `GET /jobs/:id/events` with the token (an `EventSource` cannot send one), calling
   * `onEvent` for each event until the `end` event, `onEvent` answering true, the server closing
   * the stream, or `signal` aborting.
   */
  async stream(
    path: string,
    query: Query,
    onEvent: (e: StreamEvent) => boolean | undefined,
    signal: AbortSignal,
  ): Promise<void> {
    const response = await fetch(this.url(path, query), {
      headers: { authorization: `Bearer ${this.token}`, accept: 'text/event-stream' },
      signal,
    });
    if (!response.ok || !response.body) throw new ApiError(response.status, 'STREAM', response.statusText);
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      for (let cut = buffer.indexOf('\n\n'); cut >= 0; cut = buffer.indexOf('\n\n')) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        let event = '';
        let data = '';
        for (const line of block.split('\n')) {
          if (line.startsWith('event:')) event = line.slice(6).trim();
          else if (line.startsWith('data:')) data += line.slice(5).trim();
        }
        if (!event) continue;
        const stop = onEvent({ event, data: data ? (JSON.parse(data) as unknown) : null });
        if (event === 'end' || stop === true) {
          void reader.cancel().catch(() => undefined);
          return;
        }
      }
    }
  }

  /** Downloads a file of the API (with the token) and hands it to the browser under `name`. */
  async download(path: string, name: string): Promise<void> {
    const blob = await (await this.fetch('GET', path)).blob();
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = name;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
  }
}
