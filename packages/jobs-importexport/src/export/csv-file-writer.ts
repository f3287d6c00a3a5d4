import { once } from 'node:events';
import { Transform, type TransformCallback } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { FileSink, StoredFile } from '../files/file-store.js';
import type { CsvOptions } from '../read/csv-options.js';
import { formatNumber } from '../read/number-format.js';
import type { CellValue } from '../read/source-row.js';
import type { SheetWriter, TableFileWriter } from './table-file-writer.js';

/** Re-encodes text as ISO-8859-1 for a latin1 export. */
class Latin1Encoder extends Transform {
  override _transform(chunk: Buffer | string, _encoding: BufferEncoding, callback: TransformCallback): void {
    callback(null, Buffer.from(chunk.toString(), 'latin1'));
  }
}

/** Writes one CSV table to a file-store sink with csv-stringify, honouring backpressure. */
export class CsvFileWriter implements TableFileWriter {
  private started = false;
  private readonly stringifier;

  constructor(
    private readonly sink: FileSink,
    private readonly options: CsvOptions,
  ) {
    this.stringifier = stringify({
      delimiter: options.delimiter,
      quote: options.quote,
      bom: options.bom && options.encoding === 'utf-8',
    });
    if (options.encoding === 'latin1') this.stringifier.pipe(new Latin1Encoder()).pipe(sink.stream);
    else this.stringifier.pipe(sink.stream);
  }

  async sheet(_name: string, header: readonly string[]): Promise<SheetWriter> {
    if (this.started) throw new Error('a CSV file holds one table');
    this.started = true;
    await this.write([...header]);
    const numbers = { decimalSeparator: this.options.decimalComma ? ',' : '.' } as const;
    return {
      row: (values: readonly CellValue[]) =>
        this.write(
          values.map((value) => (typeof value === 'number' ? formatNumber(value, numbers) : (value ?? ''))),
        ),
      end: async () => undefined,
    };
  }

  async close(): Promise<StoredFile> {
    const done = once(this.stringifier, 'end');
    this.stringifier.end();
    await done;
    return this.sink.close();
  }

  async discard(): Promise<void> {
    this.stringifier.destroy();
    await this.sink.discard();
  }

  private async write(record: string[]): Promise<void> {
    if (!this.stringifier.write(record)) await once(this.stringifier, 'drain');
  }
}
