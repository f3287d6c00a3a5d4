import type { ParentDependencyInput, QueueAdapter } from '@hangar/core';

/** One step of a graph: its index and the steps (with conditions) it waits on. */
export interface GraphStep {
  step: number;
  parents: Array<{ step: number; on: 'success' | 'end' }>;
}

/**
 * A diamond-shaped graph of `1 + widths… + 1` steps: one root, layers in which each step waits
 * on two neighbouring steps of the layer above (one on `end`, every fifth step, to mix
 * conditions that all hold on success), and one final step waiting on the whole last layer.
 *
 * @example
 * diamondGraph([83, 83]).length; // 168
 */
export function diamondGraph(widths: readonly number[]): GraphStep[] {
  const steps: GraphStep[] = [{ step: 0, parents: [] }];
  let above = [0];
  for (const width of [...widths, 1]) {
    const layer: number[] = [];
    for (let i = 0; i < width; i += 1) {
      const step = steps.length;
      const picks =
        width === 1 ? above : [...new Set([above[i % above.length], above[(i + 1) % above.length]])];
      const parents = picks.map((p, n) => ({
        step: p as number,
        on: n === 1 && step % 5 === 0 ? ('end' as const) : ('success' as const),
      }));
      steps.push({ step, parents });
      layer.push(step);
    }
    above = layer;
  }
  return steps;
}

/**
 * Enqueues every step of `graph` up front, parents before children, as jobs of `type` on
 * `queue` with `{ step }` params; the root waits on `gate` (a job the caller ends when it wants
 * the graph to start). Returns the job id of each step.
 */
export async function enqueueGraph(
  queue: QueueAdapter,
  graph: readonly GraphStep[],
  job: { type: string; queue: string },
  gate?: string,
): Promise<string[]> {
  const ids: string[] = [];
  for (const { step, parents } of graph) {
    const dependencies: ParentDependencyInput[] = parents.map((p) => ({
      id: ids[p.step] as string,
      on: p.on,
    }));
    if (step === 0 && gate !== undefined) dependencies.push({ id: gate });
    const { id } = await queue.enqueue({
      type: job.type,
      queue: job.queue,
      params: { step },
      maxAttempts: 3,
      parents: dependencies,
    });
    ids.push(id);
  }
  return ids;
}
