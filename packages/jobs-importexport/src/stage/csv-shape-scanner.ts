/** Byte classes of a column's values, so the SQL that reads a column can skip checks it does not need. */
export const CHARS = { digit: 1, dot: 2, sign: 4, exponent: 8, comma: 16, other: 32 } as const;

const CLASS_OF = (() => {
  const classes = new Uint8Array(256).fill(CHARS.other);
  for (let b = 0x30; b <= 0x39; b++) classes[b] = CHARS.digit;
  classes[0x2e] = CHARS.dot;
  classes[0x2b] = CHARS.sign;
  classes[0x2d] = CHARS.sign;
  classes[0x45] = CHARS.exponent;
  classes[0x65] = CHARS.exponent;
  classes[0x2c] = CHARS.comma;
  return classes;
})();

/** What the scan learnt about one column of the data rows. */
export interface ColumnShape {
  /** Some value is quoted, or starts or ends with a byte that may be whitespace (control, space, non-ASCII). */
  readonly needsTrim: boolean;
  /** Union of the {@link CHARS} classes of its bytes. */
  readonly chars: number;
}

/** Why a file must be read by the streaming reader rather than COPY. */
export type ShapeProblem =
  | 'emptyFile'
  | 'emptyLine'
  | 'quotedLineBreak'
  | 'badQuote'
  | 'unclosedQuote'
  | 'bareCarriageReturn'
  | 'raggedRow';

const LF = 0x0a;
const CR = 0x0d;
const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
const QUOTE_SEEN = 3;

/**
 * Walks a CSV file's bytes as they stream to COPY and checks that PostgreSQL will read it exactly as
 * csv-parse would: one record per line (so a row's line is its position), quotes only around whole
 * fields, every row as wide as the header, no empty or bare-CR lines. Anything else is reported as a
 * {@link ShapeProblem}. Also learns the header's width and, per column, whether values need trimming
 * and which byte classes they use. One pass, no copy of the data.
 */
export class CsvShapeScanner {
  /** The first reason the file cannot take COPY, if any. */
  problem: ShapeProblem | undefined;
  /** Lines completed so far, the header included. */
  lines = 0;
  private state = FIELD_START;
  private col = 0;
  private width = -1;
  private last = 0;
  private lineStart = true;
  private afterCr = false;
  private started = false;
  private trims = new Uint8Array(0);
  private chars = new Uint8Array(0);

  constructor(
    private readonly delimiter: number,
    private readonly quote: number,
    /** UTF-8 files: a leading byte-order mark is not part of the first field. */
    private readonly skipBom: boolean,
  ) {}

  /** Whether the header line is complete (its width is known). */
  get headerDone(): boolean {
    return this.width >= 0;
  }

  /** Number of fields of the header. */
  get columns(): number {
    return this.width;
  }

  /** Shape of the data values of column `index` (0-based). */
  column(index: number): ColumnShape {
    return { needsTrim: this.trims[index] === 1, chars: this.chars[index] ?? 0 };
  }

  /** Scans the next chunk; sets {@link problem} and stops at the first problem. */
  scan(chunk: Buffer): void {
    if (this.problem) return;
    let i = 0;
    if (!this.started) {
      this.started = chunk.length > 0;
      if (this.skipBom && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) i = 3;
    }
    const { delimiter, quote } = this;
    const n = chunk.length;
    for (; i < n; i++) {
      const b = chunk[i] as number;
      if (this.afterCr) {
        if (b !== LF) return void this.fail('bareCarriageReturn');
        this.afterCr = false;
        if (!this.endLine()) return;
        continue;
      }
      const state = this.state;
      if (state === UNQUOTED) {
        if (b === delimiter || b === LF || b === CR) {
          if (this.last <= 0x20 || this.last >= 0x80) this.markTrim();
          if (!this.endField(b)) return;
        } else if (b === quote) return void this.fail('badQuote');
        else {
          this.addChar(b);
          this.last = b;
        }
      } else if (state === FIELD_START) {
        if (b === LF || b === CR) {
          if (this.lineStart) return void this.fail('emptyLine');
          if (!this.endField(b)) return;
        } else if (b === delimiter) {
          this.lineStart = false;
          if (!this.endField(b)) return;
        } else if (b === quote) {
          this.lineStart = false;
          this.markTrim();
          this.state = QUOTED;
        } else {
          this.lineStart = false;
          if (b <= 0x20 || b >= 0x80) this.markTrim();
          this.addChar(b);
          this.last = b;
          this.state = UNQUOTED;
        }
      } else if (state === QUOTED) {
        if (b === quote) this.state = QUOTE_SEEN;
        else if (b === LF || b === CR) return void this.fail('quotedLineBreak');
        else this.addChar(b);
      } else if (b === quote) {
        this.addChar(b);
        this.state = QUOTED;
      } else if (b === delimiter || b === LF || b === CR) {
        if (!this.endField(b)) return;
      } else return void this.fail('badQuote');
    }
  }

  /** Ends the scan at the end of the file. */
  finish(): void {
    if (this.problem) return;
    if (!this.started) return void this.fail('emptyFile');
    if (this.afterCr) return void this.fail('bareCarriageReturn');
    if (this.state === QUOTED) return void this.fail('unclosedQuote');
    if (this.state === UNQUOTED && (this.last <= 0x20 || this.last >= 0x80)) this.markTrim();
    if (!this.lineStart || this.state !== FIELD_START) this.endLine();
  }

  private endField(b: number): boolean {
    this.state = FIELD_START;
    if (b === this.delimiter) {
      this.col += 1;
      if (this.headerDone && this.col >= this.width) return this.fail('raggedRow');
      return true;
    }
    if (b === CR) {
      this.afterCr = true;
      return true;
    }
    return this.endLine();
  }

  private endLine(): boolean {
    if (!this.headerDone) {
      this.width = this.col + 1;
      this.trims = new Uint8Array(this.width);
      this.chars = new Uint8Array(this.width);
    } else if (this.col + 1 !== this.width) return this.fail('raggedRow');
    this.lines += 1;
    this.col = 0;
    this.state = FIELD_START;
    this.lineStart = true;
    return true;
  }

  private addChar(b: number): void {
    if (this.width >= 0) this.chars[this.col] = (this.chars[this.col] as number) | (CLASS_OF[b] as number);
  }

  private markTrim(): void {
    if (this.width >= 0) this.trims[this.col] = 1;
  }

  private fail(problem: ShapeProblem): false {
    this.problem = problem;
    return false;
  }
}
