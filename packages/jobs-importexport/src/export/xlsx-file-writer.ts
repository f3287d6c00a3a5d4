import ExcelJS from 'exceljs';
import type { FileSink, StoredFile } from '../files/file-store.js';
import type { CellValue } from '../read/source-row.js';
import type { SheetWriter, TableFileWriter } from './table-file-writer.js';

/**
 * Writes XLSX sheets with exceljs's streaming WorkbookWriter: each row is committed (serialised and
 * released) as it is added, so a large export never holds the workbook in memory.
 */
export class XlsxFileWriter implements TableFileWriter {
  private readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  private current: ExcelJS.Worksheet | undefined;

  constructor(private readonly sink: FileSink) {
    this.workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: sink.stream,
      useStyles: false,
      useSharedStrings: false,
    });
  }

  async sheet(name: string, header: readonly string[]): Promise<SheetWriter> {
    this.current?.commit();
    const worksheet = this.workbook.addWorksheet(name);
    this.current = worksheet;
    worksheet.addRow([...header]).commit();
    return {
      row: async (values: readonly CellValue[]) => {
        worksheet.addRow(values.map((value) => value ?? null)).commit();
      },
      end: async () => undefined,
    };
  }

  async close(): Promise<StoredFile> {
    this.current?.commit();
    await this.workbook.commit();
    return this.sink.close();
  }

  async discard(): Promise<void> {
    await this.sink.discard();
  }
}
