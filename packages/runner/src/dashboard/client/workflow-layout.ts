/** What the layout needs of a step: its id and the steps it runs after. */
export interface LayoutStep {
  readonly id: string;
  readonly after: readonly string[];
}

/**
 * The steps in levels, left to right: a step sits one level after the deepest of the steps it
 * runs after, so every edge points to the right; level 0 holds the steps that start with the
 * workflow. Within a level, declaration order. Kahn's order (no recursion), so a chain of 10,000
 * steps is fine. The declaration was checked for cycles when enqueued; should one still be read
 * here, its steps go to a last level rather than being lost. `after` ids that are not steps are
 * ignored.
 */
export function stepLevels<T extends LayoutStep>(steps: readonly T[]): T[][] {
  const ids = new Set(steps.map((s) => s.id));
  const waiting = new Map<string, number>();
  const next = new Map<string, string[]>();
  for (const step of steps) {
    const parents = [...new Set(step.after)].filter((p) => ids.has(p) && p !== step.id);
    waiting.set(step.id, parents.length);
    for (const parent of parents) {
      const children = next.get(parent);
      if (children) children.push(step.id);
      else next.set(parent, [step.id]);
    }
  }
  const level = new Map<string, number>();
  let ready = steps.filter((s) => waiting.get(s.id) === 0).map((s) => s.id);
  for (const id of ready) level.set(id, 0);
  while (ready.length > 0) {
    const after: string[] = [];
    for (const id of ready) {
      const own = level.get(id) ?? 0;
      for (const child of next.get(id) ?? []) {
        level.set(child, Math.max(level.get(child) ?? 0, own + 1));
        const left = (waiting.get(child) ?? 0) - 1;
        waiting.set(child, left);
        if (left === 0) after.push(child);
      }
    }
    ready = after;
  }
  const placed = [...level.values()];
  const last = placed.length === 0 ? 0 : Math.max(...placed) + 1;
  const levels: T[][] = [];
  for (const step of steps) {
    const at = waiting.get(step.id) === 0 ? (level.get(step.id) ?? 0) : last;
    while (levels.length <= at) levels.push([]);
    levels[at]?.push(step);
  }
  return levels.filter((l) => l.length > 0);
}
