import { describe, expect, it } from 'vitest';
import { mssqlIndexStatement } from './mssql-index-maintenance.js';

const options = { reorganizeFrom: 5, rebuildFrom: 30, minPages: 1_000, online: false };
const index = (fragmentationPercent: number, pageCount = 5_000) => ({
  table: 'bund]les',
  index: 'ix_bundles',
  fragmentationPercent,
  pageCount,
});

describe('SQL Server index maintenance statements (no server)', () => {
  it('leaves small or tidy indexes alone, reorganizes moderate and rebuilds heavy fragmentation', () => {
    expect(mssqlIndexStatement(index(80, 10), options)).toBeUndefined();
    expect(mssqlIndexStatement(index(4.9), options)).toBeUndefined();
    expect(mssqlIndexStatement(index(12), options)).toBe(
      'alter index [ix_bundles] on [bund]]les] reorganize',
    );
    expect(mssqlIndexStatement(index(30), options)).toBe('alter index [ix_bundles] on [bund]]les] rebuild');
    expect(mssqlIndexStatement(index(45), { ...options, online: true })).toBe(
      'alter index [ix_bundles] on [bund]]les] rebuild with (online = on)',
    );
  });
});
