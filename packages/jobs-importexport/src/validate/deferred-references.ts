import type { RowErrorCollector } from './row-error-collector.js';

interface PendingReference {
  code: string;
  kind: string;
  row: number;
  column: string;
  sheet: string;
}

/**
 * References to codes that may be defined further on in the same workbook (a holding naming a
 * company of the companies sheet, stored after it in the zip). Checked once every sheet is read,
 * against the database's codes plus those the file defines.
 */
export class DeferredReferences {
  private readonly pending: PendingReference[] = [];
  private readonly defined = new Map<string, Set<string>>();

  /** Records a code the file defines (e.g. a company code in the companies sheet). */
  define(kind: string, code: string): void {
    const codes = this.defined.get(kind) ?? new Set<string>();
    this.defined.set(kind, codes);
    codes.add(code);
  }

  /** Whether the file defines `code`. */
  defines(kind: string, code: string): boolean {
    return this.defined.get(kind)?.has(code) ?? false;
  }

  /** Checks `code` now when known in `existing`, else later. */
  refer(existing: ReadonlyMap<string, unknown>, reference: PendingReference): void {
    if (!existing.has(reference.code)) this.pending.push(reference);
  }

  /** Reports every pending reference the file did not define. */
  report(errors: RowErrorCollector): void {
    for (const ref of this.pending) {
      if (this.defines(ref.kind, ref.code)) continue;
      errors.add({
        row: ref.row,
        column: ref.column,
        sheet: ref.sheet,
        problem: 'unknownCode',
        value: ref.code,
        params: { kind: ref.kind },
      });
    }
  }
}
