import { StringDecoder } from 'node:string_decoder';

/** Longest line passed on whole; longer ones are cut into pieces of this length. */
export const MAX_LINE_LENGTH = 4_000;

/**
 * Cuts a byte stream into lines (`\n` or `\r\n`), decoding UTF-8 across chunk boundaries; `flush`
 * hands on a last line without a newline.
 */
export class LineSplitter {
  private readonly decoder = new StringDecoder('utf8');
  private pending = '';

  constructor(private readonly onLine: (line: string) => void) {}

  push(chunk: Buffer): void {
    this.pending += this.decoder.write(chunk);
    let at = this.pending.indexOf('\n');
    while (at >= 0) {
      this.emit(this.pending.slice(0, at).replace(/\r$/, ''));
      this.pending = this.pending.slice(at + 1);
      at = this.pending.indexOf('\n');
    }
    while (this.pending.length > MAX_LINE_LENGTH) {
      this.emit(this.pending.slice(0, MAX_LINE_LENGTH));
      this.pending = this.pending.slice(MAX_LINE_LENGTH);
    }
  }

  flush(): void {
    this.pending += this.decoder.end();
    if (this.pending.length > 0) this.emit(this.pending);
    this.pending = '';
  }

  private emit(line: string): void {
    for (let i = 0; i < line.length || i === 0; i += MAX_LINE_LENGTH) {
      this.onLine(line.slice(i, i + MAX_LINE_LENGTH));
      if (line.length === 0) break;
    }
  }
}
