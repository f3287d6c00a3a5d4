import type { MessageParam } from '@hangar/core';
import { toCents } from './data-file-format.js';
import type { RowErrorCollector } from './row-error-collector.js';

/**
 * Sums amounts per group (a company's bundle, a journal) in integer cents while rows stream, then
 * reports each group that does not sum to zero on its first row.
 */
export class BalanceTracker {
  private readonly groups = new Map<string, { cents: number; firstRow: number }>();

  /** Adds an amount to a group. */
  add(group: string, row: number, amount: number): void {
    const entry = this.groups.get(group);
    if (entry) entry.cents += toCents(amount);
    else this.groups.set(group, { cents: toCents(amount), firstRow: row });
  }

  /** Adds a group's total computed elsewhere (in SQL), in cents, with the row it first appears on. */
  addTotal(group: string, firstRow: number, cents: number): void {
    const entry = this.groups.get(group);
    if (entry) entry.cents += cents;
    else this.groups.set(group, { cents, firstRow });
  }

  /** Reports unbalanced groups as `unbalanced` errors on `column`. */
  report(errors: RowErrorCollector, column: string, kind: string, sheet?: string): void {
    for (const [group, entry] of this.groups) {
      if (entry.cents === 0) continue;
      const params: Record<string, MessageParam> = { kind, group, total: entry.cents / 100 };
      errors.add({
        row: entry.firstRow,
        column,
        problem: 'unbalanced',
        value: entry.cents / 100,
        params,
        ...(sheet ? { sheet } : {}),
      });
    }
  }
}
