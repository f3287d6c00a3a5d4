import { describe, expect, it } from 'vitest';
import { bloatFromPgstatindex, estimateBtreeBloat } from './btree-bloat-estimate.js';

// An int4 key: 4 + 8-byte header + 8 bytes of aligned data = 20 bytes a tuple, so
// floor((8192 - 40) × 0.9 / 20) = 366 tuples a page at fillfactor 90.
const intIndex = { blockSize: 8192, fillfactor: 90, columns: [{ nullFrac: 0, avgWidth: 4 }] };

describe('estimateBtreeBloat', () => {
  it('finds no bloat in an index of the size a fresh build makes', () => {
    expect(estimateBtreeBloat({ ...intIndex, tuples: 366_000, pages: 1_001 })).toEqual({
      bloatPercent: 0,
      wastedBytes: 0,
    });
  });

  it('counts the pages beyond a fresh build as bloat', () => {
    // 36,600 live tuples need 101 pages; the index has 1,001.
    expect(estimateBtreeBloat({ ...intIndex, tuples: 36_600, pages: 1_001 })).toEqual({
      bloatPercent: 89.9,
      wastedBytes: 900 * 8192,
    });
  });

  it('gives nulls no room, and the null bitmap its header room', () => {
    const half = estimateBtreeBloat({
      ...intIndex,
      columns: [{ nullFrac: 0.5, avgWidth: 40 }],
      tuples: 100_000,
      pages: 1_000,
    });
    // 4 + 16 (12 aligned) + 24 (20 aligned) = 44 bytes: 166 a page, 604 pages needed.
    expect(half).toEqual({ bloatPercent: 39.6, wastedBytes: 396 * 8192 });
  });

  it('cannot tell without statistics', () => {
    expect(estimateBtreeBloat({ ...intIndex, tuples: -1, pages: 10 })).toBeUndefined();
    expect(estimateBtreeBloat({ ...intIndex, columns: [], tuples: 10, pages: 10 })).toBeUndefined();
  });
});

describe('bloatFromPgstatindex', () => {
  it('counts leaf room beyond the fillfactor and deleted pages', () => {
    expect(
      bloatFromPgstatindex({
        indexBytes: 100 * 8192,
        leafPages: 90,
        deletedPages: 5,
        emptyPages: 0,
        avgLeafDensity: 45,
        fillfactor: 90,
        blockSize: 8192,
      }),
    ).toEqual({ bloatPercent: 50, wastedBytes: 50 * 8192 });
  });
});
