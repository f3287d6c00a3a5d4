/** Column sums this close to 1 count as "held 100% inside the set". */
const CLOSED_TOLERANCE = 1e-9;

/**
 * Finds the companies that make I − A singular: strongly connected sets where every member is
 * held 100% by members of the same set, so no share of them leaks to outside shareholders.
 * For a matrix whose columns sum to at most 1 these sets are exactly the blocks with spectral
 * radius 1. Returns indices in ascending order; empty when I − A is invertible.
 */
export function findClosedCycles(matrix: readonly (readonly number[])[]): number[] {
  const n = matrix.length;
  const at = (h: number, k: number): number => (matrix[h] as readonly number[])[k] ?? 0;
  const reach: boolean[][] = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => at(i, j) > 0),
  );
  for (let m = 0; m < n; m++) {
    const viaM = reach[m] as boolean[];
    for (let i = 0; i < n; i++) {
      const row = reach[i] as boolean[];
      if (!row[m]) continue;
      for (let j = 0; j < n; j++) if (viaM[j]) row[j] = true;
    }
  }
  const result: number[] = [];
  const assigned = new Array<boolean>(n).fill(false);
  for (let i = 0; i < n; i++) {
    if (assigned[i] || !(reach[i] as boolean[])[i]) continue;
    // i lies on a cycle; its component is every j reachable both ways.
    const component: number[] = [];
    for (let j = 0; j < n; j++) {
      if ((reach[i] as boolean[])[j] && (reach[j] as boolean[])[i]) component.push(j);
    }
    for (const j of component) assigned[j] = true;
    const closed = component.every((k) => {
      const inside = component.reduce((acc, h) => acc + at(h, k), 0);
      return inside >= 1 - CLOSED_TOLERANCE;
    });
    if (closed) result.push(...component);
  }
  return result.sort((a, b) => a - b);
}

/** Indices of every company that lies on some ownership cycle. */
export function companiesOnCycles(matrix: readonly (readonly number[])[]): number[] {
  const n = matrix.length;
  const onCycle: number[] = [];
  for (let start = 0; start < n; start++) {
    const seen = new Array<boolean>(n).fill(false);
    const stack = [start];
    let found = false;
    while (stack.length > 0 && !found) {
      const h = stack.pop() as number;
      const row = matrix[h] as readonly number[];
      for (let k = 0; k < n; k++) {
        if ((row[k] ?? 0) <= 0) continue;
        if (k === start) {
          found = true;
          break;
        }
        if (!seen[k]) {
          seen[k] = true;
          stack.push(k);
        }
      }
    }
    if (found) onCycle.push(start);
  }
  return onCycle;
}
