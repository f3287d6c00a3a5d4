import type { Readable } from 'node:stream';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { CellValue } from './source-row.js';
import type { ZipDirectory } from './zip-directory.js';

/** Element name without its namespace prefix (`x:row` → `row`). */
function local(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

interface XmlHandlers {
  open?(tag: SaxesTagPlain): void;
  close?(name: string): void;
  text?(text: string): void;
}

/** Feeds an XML stream to saxes chunk by chunk; `afterChunk` runs between chunks (to hand rows out). */
async function* parseXml(stream: Readable, handlers: XmlHandlers): AsyncGenerator<void> {
  const parser = new SaxesParser();
  if (handlers.open) parser.on('opentag', (tag) => handlers.open?.(tag as SaxesTagPlain));
  if (handlers.close) parser.on('closetag', (tag) => handlers.close?.(local(tag.name)));
  if (handlers.text) parser.on('text', (text) => handlers.text?.(text));
  for await (const chunk of stream) {
    parser.write((chunk as Buffer).toString('utf8'));
    yield;
  }
  parser.close();
  yield;
}

async function drain(generator: AsyncGenerator<void>): Promise<void> {
  for await (const _ of generator) {
    // Parsing happens in the generator; nothing to do between chunks.
  }
}

/** Sheets of a workbook in workbook order, with the zip path of each. */
export async function readWorkbookSheets(zip: ZipDirectory): Promise<{ name: string; path: string }[]> {
  const sheets: { name: string; rid: string }[] = [];
  await drain(
    parseXml(await zip.open('xl/workbook.xml'), {
      open(tag) {
        if (local(tag.name) !== 'sheet') return;
        const rid =
          Object.entries(tag.attributes).find(([key]) => local(key) === 'id' && key !== 'sheetId')?.[1] ?? '';
        sheets.push({ name: tag.attributes.name ?? '', rid });
      },
    }),
  );
  const targets = new Map<string, string>();
  if (zip.entries.has('xl/_rels/workbook.xml.rels')) {
    await drain(
      parseXml(await zip.open('xl/_rels/workbook.xml.rels'), {
        open(tag) {
          if (local(tag.name) === 'Relationship' && tag.attributes.Id && tag.attributes.Target)
            targets.set(tag.attributes.Id, tag.attributes.Target);
        },
      }),
    );
  }
  return sheets.map((sheet, index) => {
    const target = targets.get(sheet.rid) ?? `worksheets/sheet${index + 1}.xml`;
    return { name: sheet.name, path: target.startsWith('/') ? target.slice(1) : `xl/${target}` };
  });
}

/** The shared strings table (rich text flattened; phonetic runs left out). */
export async function readSharedStrings(zip: ZipDirectory): Promise<string[]> {
  const strings: string[] = [];
  if (!zip.entries.has('xl/sharedStrings.xml')) return strings;
  let current = '';
  let inText = false;
  let inPhonetic = false;
  await drain(
    parseXml(await zip.open('xl/sharedStrings.xml'), {
      open(tag) {
        const name = local(tag.name);
        if (name === 'si') current = '';
        else if (name === 'rPh') inPhonetic = true;
        else if (name === 't' && !inPhonetic) inText = true;
      },
      close(name) {
        if (name === 'si') strings.push(current);
        else if (name === 'rPh') inPhonetic = false;
        else if (name === 't') inText = false;
      },
      text(text) {
        if (inText) current += text;
      },
    }),
  );
  return strings;
}

/** Zero-based column of a cell reference (`C12` → 2). */
function columnIndex(ref: string): number {
  let n = 0;
  for (const char of ref) {
    const code = char.charCodeAt(0);
    if (code < 65 || code > 90) break;
    n = n * 26 + (code - 64);
  }
  return n - 1;
}

/** A row of cells as read, with its 1-based row number. */
export interface XlsxRow {
  number: number;
  values: CellValue[];
  /** Cells holding an error value (`#DIV/0!`, `#N/A`...), by zero-based column: empty in `values`. */
  errors?: Map<number, string>;
}

/**
 * Streams the rows of one worksheet part: shared strings resolved, inline and formula strings as
 * text, numbers as numbers, booleans as `true`/`false`, errors as empty values listed in `errors`.
 */
export async function* readSheetRows(
  zip: ZipDirectory,
  path: string,
  shared: readonly string[],
): AsyncGenerator<XlsxRow> {
  let ready: XlsxRow[] = [];
  let row: XlsxRow | undefined;
  let rowNumber = 0;
  let cell: { column: number; type: string; text: string } | undefined;
  let capture = false;
  const handlers: XmlHandlers = {
    open(tag) {
      const name = local(tag.name);
      if (name === 'row') {
        rowNumber = tag.attributes.r ? Number(tag.attributes.r) : rowNumber + 1;
        row = { number: rowNumber, values: [] };
      } else if (name === 'c' && row) {
        const ref = tag.attributes.r;
        cell = {
          column: ref ? columnIndex(ref) : row.values.length,
          type: tag.attributes.t ?? 'n',
          text: '',
        };
      } else if (cell && (name === 'v' || (name === 't' && cell.type === 'inlineStr'))) {
        capture = true;
      }
    },
    close(name) {
      if (name === 'v' || name === 't') capture = false;
      else if (name === 'c' && row && cell) {
        row.values[cell.column] = cellValue(cell.type, cell.text, shared);
        if (cell.type === 'e') {
          row.errors ??= new Map();
          row.errors.set(cell.column, cell.text || '#ERROR');
        }
        cell = undefined;
      } else if (name === 'row' && row) {
        for (let i = 0; i < row.values.length; i++) row.values[i] ??= null;
        ready.push(row);
        row = undefined;
      }
    },
    text(text) {
      if (capture && cell) cell.text += text;
    },
  };
  for await (const _ of parseXml(await zip.open(path), handlers)) {
    if (ready.length === 0) continue;
    const batch = ready;
    ready = [];
    yield* batch;
  }
}

function cellValue(type: string, text: string, shared: readonly string[]): CellValue {
  switch (type) {
    case 's':
      return nonEmpty(shared[Number(text)] ?? '');
    case 'inlineStr':
    case 'str':
    case 'd':
      return nonEmpty(text);
    case 'b':
      return text === '1' ? 'true' : 'false';
    case 'e':
      return null;
    default: {
      if (text === '') return null;
      const number = Number(text);
      return Number.isFinite(number) ? number : nonEmpty(text);
    }
  }
}

function nonEmpty(text: string): CellValue {
  const trimmed = text.trim();
  return trimmed === '' ? null : trimmed;
}
