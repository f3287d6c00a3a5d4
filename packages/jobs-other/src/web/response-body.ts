import { once } from 'node:events';
import type { FileOwner, FileSink, FileStore, StoredFile } from '@hangar/jobs-importexport';
import { WebServiceRefusedError } from '../errors/web-service-refused-error.js';

/** A response body: kept as the result when small and textual, else stored as a file. */
export type ResponseBody =
  | { kind: 'inline'; contentType: string; body: unknown; bytes: number }
  | { kind: 'file'; contentType: string; file: StoredFile };

/** Limits and naming of {@link readResponseBody}. */
export interface ResponseBodyOptions {
  maxResultBytes: number;
  maxResponseBytes: number;
  /** Name of the output file, when the body becomes one. */
  fileName: string;
  url: string;
  /** The job the file belongs to: the store writes it in that job's tenant area. */
  owner: FileOwner;
}

const TEXTUAL = /^(text\/|application\/(json|xml|[\w.+-]+\+(json|xml))|application\/x-www-form-urlencoded)/i;

/**
 * Reads a response body as it streams: a textual body up to `maxResultBytes` is returned (JSON
 * parsed); anything larger or binary is written to the file store chunk by chunk, so memory holds
 * one chunk. A body over `maxResponseBytes` is refused and its partial file removed.
 */
export async function readResponseBody(
  response: Response,
  store: FileStore,
  options: ResponseBodyOptions,
): Promise<ResponseBody> {
  const contentType = response.headers.get('content-type') ?? 'application/octet-stream';
  const textual = TEXTUAL.test(contentType);
  const held: Buffer[] = [];
  let bytes = 0;
  let sink: FileSink | undefined;
  try {
    for await (const chunk of response.body ?? []) {
      const data = Buffer.from(chunk as Uint8Array);
      bytes += data.length;
      if (bytes > options.maxResponseBytes) {
        throw new WebServiceRefusedError(
          options.url,
          response.status,
          `the body is larger than ${options.maxResponseBytes} bytes`,
        );
      }
      if (sink === undefined && (!textual || bytes > options.maxResultBytes)) {
        sink = await store.create(options.fileName, contentType.split(';')[0]!.trim(), options.owner);
        for (const part of held.splice(0)) await write(sink, part);
      }
      if (sink === undefined) held.push(data);
      else await write(sink, data);
    }
    if (sink !== undefined) return { kind: 'file', contentType, file: await sink.close() };
  } catch (error) {
    await sink?.discard().catch(() => undefined);
    throw error;
  }
  const text = Buffer.concat(held).toString('utf8');
  return { kind: 'inline', contentType, body: /json/i.test(contentType) ? parseJson(text) : text, bytes };
}

async function write(sink: FileSink, data: Buffer): Promise<void> {
  if (!sink.stream.write(data)) await once(sink.stream, 'drain');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
