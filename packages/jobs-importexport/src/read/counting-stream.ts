import { Transform, type TransformCallback } from 'node:stream';

/**
 * Passes bytes through and counts them, so import progress can be told as a share of the file
 * size whatever the parser buffers downstream.
 */
export class CountingStream extends Transform {
  /** Bytes that went through so far. */
  bytes = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    callback(null, chunk);
  }
}
