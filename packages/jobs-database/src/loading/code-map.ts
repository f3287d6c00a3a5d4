/** Two-way map between database ids and codes of one kind of row (companies, accounts, flows). */
export class CodeMap {
  private readonly ids = new Map<string, number>();
  private readonly codes = new Map<number, string>();

  constructor(rows: Iterable<{ readonly id: number; readonly code: string }>) {
    for (const row of rows) {
      this.ids.set(row.code, row.id);
      this.codes.set(row.id, row.code);
    }
  }

  /** Id of a code, if known. */
  id(code: string): number | undefined {
    return this.ids.get(code);
  }

  /** Code of an id, if known. */
  code(id: number): string | undefined {
    return this.codes.get(id);
  }

  /** Code of an id that must exist (ids read through foreign keys always do). */
  codeOf(id: number): string {
    const code = this.codes.get(id);
    if (code === undefined) throw new RangeError(`id ${id} is not in this code map`);
    return code;
  }

  /** Every code, in id order of insertion. */
  allCodes(): string[] {
    return [...this.ids.keys()];
  }
}
