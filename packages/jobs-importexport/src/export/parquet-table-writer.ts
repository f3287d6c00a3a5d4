import { once } from 'node:events';
import { ByteWriter, ParquetWriter, type SchemaElement, type Writer } from 'hyparquet-writer';
import type { FileSink, StoredFile } from '../files/file-store.js';

/** Parquet column types the cube uses. */
export type ParquetColumnType = 'INT32' | 'DOUBLE' | 'STRING';

/** A column of a Parquet table. */
export interface ParquetColumn {
  readonly name: string;
  readonly type: ParquetColumnType;
  readonly nullable?: boolean;
}

/** Bytes buffered before they are handed to the sink. */
const CHUNK_BYTES = 1 << 20;
/** Rows per row group: bounded memory, and big enough for good compression. */
export const ROW_GROUP_ROWS = 50_000;

/**
 * Writes one Parquet table incrementally with hyparquet-writer's ParquetWriter: rows are buffered
 * one row group at a time, and encoded bytes go to the file-store sink as they are produced.
 */
export class ParquetTableWriter {
  private readonly writer: ParquetWriter;
  private readonly bytes: ByteWriter;
  private columns: (number | string | null)[][];
  private buffered = 0;
  /** Rows written. */
  rows = 0;

  constructor(
    private readonly sink: FileSink,
    private readonly schema: readonly ParquetColumn[],
  ) {
    this.columns = schema.map(() => []);
    const bytes = new ByteWriter();
    const grow = ByteWriter.prototype.ensure;
    // As hyparquet-writer's own file writer does: spill the buffer once it passes a chunk, then grow as usual.
    bytes.ensure = (size: number) => {
      if (bytes.index > CHUNK_BYTES) this.spill();
      grow.call(bytes, size);
    };
    bytes.finish = () => this.spill();
    this.bytes = bytes;
    // ParquetWriter awaits `flush` after each row group: the place to respect the sink's backpressure.
    const writer: Writer = Object.assign(bytes, { flush: () => this.drain() });
    this.writer = new ParquetWriter({ writer, schema: parquetSchema(schema), codec: 'SNAPPY' });
  }

  /** Adds a row (values in schema order). */
  async append(values: readonly (number | string | null)[]): Promise<void> {
    values.forEach((value, index) => {
      this.columns[index]?.push(value);
    });
    this.rows += 1;
    if (++this.buffered >= ROW_GROUP_ROWS) await this.writeGroup();
  }

  /** Writes the last row group and the footer; returns the stored file. */
  async close(): Promise<StoredFile> {
    await this.writeGroup();
    await this.writer.finish();
    await this.drain();
    return this.sink.close();
  }

  /** Abandons the file. */
  async discard(): Promise<void> {
    await this.sink.discard();
  }

  private async writeGroup(): Promise<void> {
    if (this.buffered === 0) return;
    const columnData = this.schema.map((column, index) => ({
      name: column.name,
      data: this.columns[index] ?? [],
      nullable: column.nullable ?? false,
    }));
    this.columns = this.schema.map(() => []);
    const rows = this.buffered;
    this.buffered = 0;
    await this.writer.write({ columnData, rowGroupSize: rows });
  }

  private spill(): void {
    if (this.bytes.index === 0) return;
    this.sink.stream.write(new Uint8Array(this.bytes.buffer.slice(0, this.bytes.index)));
    this.bytes.index = 0;
  }

  private async drain(): Promise<void> {
    this.spill();
    if (this.sink.stream.writableNeedDrain) await once(this.sink.stream, 'drain');
  }
}

function parquetSchema(columns: readonly ParquetColumn[]): SchemaElement[] {
  return [
    { name: 'root', num_children: columns.length },
    ...columns.map(
      (column): SchemaElement => ({
        name: column.name,
        repetition_type: column.nullable ? 'OPTIONAL' : 'REQUIRED',
        ...(column.type === 'STRING'
          ? { type: 'BYTE_ARRAY' as const, converted_type: 'UTF8' as const }
          : { type: column.type }),
      }),
    ),
  ];
}
