/** The SQL dialects a script can be split for. */
export type ScriptDialect = 'postgres' | 'sqlite' | 'mssql';

/** One statement (or, on SQL Server, one `GO` batch) of a script. */
export interface ScriptStatement {
  /** The statement's text, without its terminating `;` or `GO` line. */
  readonly sql: string;
  /** 1-based line of the script where it starts. */
  readonly line: number;
}

/** A script that cannot be split: an unterminated quote, identifier or comment. */
export class ScriptSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly problem: string,
  ) {
    super(`line ${line}: ${problem}`);
  }
}

const WORD = /[A-Za-z0-9_]/;

/**
 * Splits a SQL script into statements the way the dialect's own tools read it. Semicolons inside
 * quotes ('…', "…", [ … ] and `…` where the dialect has them), comments (`--`, and block comments, nested on
 * PostgreSQL), dollar-quoted bodies (`$tag$…$tag$`, PostgreSQL) and `BEGIN … END` blocks (SQLite
 * triggers, PostgreSQL `BEGIN ATOMIC`) do not end a statement. On SQL Server the script is cut
 * into batches at lines holding only `GO` (optionally `GO n`, which repeats the batch), as
 * sqlcmd does; a batch is sent whole, semicolons included. Empty statements are dropped.
 */
export function splitSqlScript(script: string, dialect: ScriptDialect): ScriptStatement[] {
  return new ScriptScanner(script, dialect).statements();
}

class ScriptScanner {
  private i = 0;
  private line = 1;
  private start = 0;
  private startLine = 1;
  private blockDepth = 0;
  private readonly out: ScriptStatement[] = [];

  constructor(
    private readonly text: string,
    private readonly dialect: ScriptDialect,
  ) {}

  statements(): ScriptStatement[] {
    const { text } = this;
    while (this.i < text.length) {
      const c = text[this.i]!;
      const next = text[this.i + 1];
      if (c === '\n') {
        this.line += 1;
        this.i += 1;
        if (this.dialect === 'mssql') this.goLine();
      } else if (c === '-' && next === '-') this.skipLineComment();
      else if (c === '/' && next === '*') this.skipBlockComment();
      else if (c === "'") this.skipQuoted("'", this.backslashEscapes());
      else if (c === '"') this.skipQuoted('"', false);
      else if (c === '[' && this.dialect !== 'postgres') this.skipQuoted(']', false);
      else if (c === '`' && this.dialect === 'sqlite') this.skipQuoted('`', false);
      else if (c === '$' && this.dialect === 'postgres' && this.dollarQuote()) continue;
      else if (c === ';' && this.dialect !== 'mssql' && this.blockDepth === 0) {
        this.emit(this.i);
        this.i += 1;
        this.start = this.i;
        this.startLine = this.line;
      } else if (WORD.test(c) && (this.i === 0 || !WORD.test(text[this.i - 1]!))) this.word();
      else this.i += 1;
    }
    this.emit(text.length);
    return this.out;
  }

  private emit(end: number): void {
    const raw = this.text.slice(this.start, end);
    const lead = raw.length - raw.trimStart().length;
    const sql = raw.trim();
    if (sql.length > 0 && !isOnlyComments(sql)) {
      const line = this.startLine + countNewlines(raw.slice(0, lead));
      this.out.push({ sql, line });
    }
    this.blockDepth = 0;
  }

  // On SQL Server, a line holding only `GO` (or `GO n`) ends the batch.
  private goLine(): void {
    const rest = this.text.slice(this.i);
    const match = /^[ \t]*go(?:[ \t]+(\d+))?[ \t]*(?:--[^\n]*)?(?=\r?\n|$)/i.exec(rest);
    if (!match) return;
    const before = this.out.length;
    this.emit(this.i);
    const repeat = Number(match[1] ?? '1');
    const batch = this.out[before];
    if (batch) for (let n = 1; n < repeat; n++) this.out.push(batch);
    this.i += match[0].length;
    this.start = this.i;
    this.startLine = this.line;
  }

  private backslashEscapes(): boolean {
    // PostgreSQL E'…' strings read backslash escapes.
    const prev = this.text[this.i - 1];
    return (
      this.dialect === 'postgres' &&
      (prev === 'E' || prev === 'e') &&
      !WORD.test(this.text[this.i - 2] ?? ' ')
    );
  }

  private skipLineComment(): void {
    const end = this.text.indexOf('\n', this.i);
    this.i = end < 0 ? this.text.length : end;
  }

  private skipBlockComment(): void {
    const from = this.line;
    const nests = this.dialect !== 'sqlite';
    let depth = 0;
    while (this.i < this.text.length) {
      const two = this.text.slice(this.i, this.i + 2);
      if (two === '/*' && (depth === 0 || nests)) {
        depth += 1;
        this.i += 2;
      } else if (two === '*/') {
        depth -= 1;
        this.i += 2;
        if (depth === 0) return;
      } else {
        if (this.text[this.i] === '\n') this.line += 1;
        this.i += 1;
      }
    }
    throw new ScriptSyntaxError(from, 'unterminated comment');
  }

  private skipQuoted(close: string, backslash: boolean): void {
    const from = this.line;
    this.i += 1;
    while (this.i < this.text.length) {
      const c = this.text[this.i]!;
      if (c === '\n') this.line += 1;
      if (backslash && c === '\\') {
        this.i += 2;
        continue;
      }
      this.i += 1;
      if (c === close) {
        // A doubled quote is an escaped quote.
        if (this.text[this.i] === close) this.i += 1;
        else return;
      }
    }
    throw new ScriptSyntaxError(from, `unterminated ${close === "'" ? 'string' : 'quoted identifier'}`);
  }

  private dollarQuote(): boolean {
    if (WORD.test(this.text[this.i - 1] ?? ' ')) return false; // $1 or a$b: not a quote
    const match = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(this.text.slice(this.i));
    if (!match) return false;
    const tag = match[0];
    const from = this.line;
    const end = this.text.indexOf(tag, this.i + tag.length);
    if (end < 0) throw new ScriptSyntaxError(from, `unterminated ${tag} quote`);
    this.line += countNewlines(this.text.slice(this.i, end));
    this.i = end + tag.length;
    return true;
  }

  private word(): void {
    const match = /^[A-Za-z0-9_]+/.exec(this.text.slice(this.i, this.i + 64));
    const word = (match?.[0] ?? '').toLowerCase();
    this.i += Math.max(word.length, 1);
    if (this.dialect === 'mssql') return;
    if (word === 'begin' && this.opensBlock()) this.blockDepth += 1;
    else if (word === 'case' && this.blockDepth > 0) this.blockDepth += 1;
    else if (word === 'end' && this.blockDepth > 0) this.blockDepth -= 1;
  }

  // BEGIN opens a body inside CREATE TRIGGER (SQLite, PostgreSQL has none) or as BEGIN ATOMIC.
  private opensBlock(): boolean {
    if (this.blockDepth > 0) return true;
    const head = this.text.slice(this.start, this.i).replace(/\s+/g, ' ').trimStart().toLowerCase();
    if (this.dialect === 'sqlite') return /^create (temp |temporary )?trigger /.test(head);
    return /^\s*atomic\b/i.test(this.text.slice(this.i));
  }
}

function countNewlines(text: string): number {
  let n = 0;
  for (const c of text) if (c === '\n') n += 1;
  return n;
}

function isOnlyComments(sql: string): boolean {
  return (
    sql
      .replace(/--[^\n]*/g, '')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .trim().length === 0
  );
}
