/**
 * Codes of the file's accounts that sit on a loop of the parent hierarchy (walking up from the
 * account comes back to it), with the file's parents taking precedence over the database's.
 */
export function findHierarchyCycles(
  fileParents: ReadonlyMap<string, { parent: string | null }>,
  existing: ReadonlyMap<string, string | null>,
): string[] {
  const parentOf = (code: string): string | null | undefined =>
    fileParents.has(code) ? (fileParents.get(code)?.parent ?? null) : existing.get(code);
  const looping: string[] = [];
  for (const start of fileParents.keys()) {
    const seen = new Set<string>();
    let code = parentOf(start);
    // A chain longer than the chart itself must loop somewhere; the seen set stops walks on other loops.
    while (code !== null && code !== undefined && code !== start && !seen.has(code)) {
      seen.add(code);
      code = parentOf(code);
    }
    if (code === start) looping.push(start);
  }
  return looping;
}
