import { z } from 'zod';

/** How a step's parents (`after`) have to end for it to run. */
export const stepParentCondition = z.enum(['success', 'failure', 'end']);

/** Comparisons a `when` condition makes on a value of a previous step's result. */
export const conditionOps = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'exists', 'missing'] as const;

/** A condition on the result of a step the step runs after. */
export const stepCondition = z
  .object({
    /** The step whose result is read: one of the step's `after`. */
    step: z.string().min(1),
    /** Dotted path in that step's result, e.g. `count` or `outcomes.0.state`; empty: the whole result. */
    path: z.string().max(200).default(''),
    /** The comparison. */
    op: z.enum(conditionOps),
    /** The value compared to (not for `exists` and `missing`). */
    value: z.union([z.string(), z.number(), z.boolean(), z.null()]).optional(),
  })
  .strict()
  .refine((c) => c.op === 'exists' || c.op === 'missing' || c.value !== undefined, {
    path: ['value'],
    message: 'is required by this op',
  });

/** A condition after defaults. */
export type StepCondition = z.output<typeof stepCondition>;

const STEP_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$/;

/** One step of a workflow: a job type with its params, and what it waits for. */
export const workflowStep = z
  .object({
    /** Unique in the workflow: letters, digits, `_ . : -`, at most 100. */
    id: z
      .string()
      .regex(STEP_ID, 'must be 1 to 100 letters, digits, _ . : or -, starting with a letter or digit'),
    /** Job type the step runs. */
    type: z.string().min(1).max(200),
    /** Its params, checked against the type's schema when the workflow starts. */
    params: z.record(z.string(), z.unknown()).default({}),
    /** Steps it runs after. @defaultValue none: it starts with the workflow */
    after: z.array(z.string()).max(10_000).default([]),
    /** How each of those has to end. @defaultValue 'success' */
    on: stepParentCondition.default('success'),
    /** Runs only when this holds of an `after` step's result; otherwise it is skipped. */
    when: stepCondition.optional(),
    /** Queue of the step's job. @defaultValue the type's queue */
    queue: z.string().min(1).max(200).optional(),
    /** Lower runs first. @defaultValue 0 */
    priority: z.number().int().optional(),
  })
  .strict();

/** A step after defaults. */
export type WorkflowStep = z.output<typeof workflowStep>;

/** Params of the workflow job: the declaration. */
export const workflowParams = z
  .object({
    /** Name of the workflow (e.g. `month-end-close`), on every step's metadata. */
    name: z.string().min(1).max(100),
    /** Its steps; at most 10,000. */
    steps: z.array(workflowStep).min(1).max(10_000),
  })
  .strict()
  .superRefine((declaration, issues) => {
    for (const problem of graphProblems(declaration.steps)) issues.addIssue({ code: 'custom', ...problem });
  });

/** A declaration after defaults. */
export type WorkflowParams = z.output<typeof workflowParams>;

/** What is wrong with a step graph: duplicate ids, unknown `after` ids, conditions, cycles. */
export function graphProblems(
  steps: readonly WorkflowStep[],
): { path: (string | number)[]; message: string }[] {
  const problems: { path: (string | number)[]; message: string }[] = [];
  const index = new Map<string, number>();
  for (const [i, step] of steps.entries()) {
    if (index.has(step.id))
      problems.push({ path: ['steps', i, 'id'], message: `step "${step.id}" is declared twice` });
    else index.set(step.id, i);
  }
  for (const [i, step] of steps.entries()) {
    for (const [k, parent] of step.after.entries()) {
      if (parent === step.id)
        problems.push({ path: ['steps', i, 'after', k], message: `step "${step.id}" runs after itself` });
      else if (!index.has(parent))
        problems.push({
          path: ['steps', i, 'after', k],
          message: `step "${step.id}" runs after "${parent}", which is not a step`,
        });
    }
    if (step.when && !step.after.includes(step.when.step)) {
      problems.push({
        path: ['steps', i, 'when', 'step'],
        message: `step "${step.id}" reads the result of "${step.when.step}": list it in after`,
      });
    }
  }
  if (problems.length === 0) {
    const cycle = findCycle(steps, index);
    if (cycle)
      problems.push({
        path: ['steps', index.get(cycle[0] as string) ?? 0, 'after'],
        message: `steps run after each other in a cycle: ${cycle.join(' → ')}`,
      });
  }
  return problems;
}

/** A cycle of step ids (first repeated last), or undefined; iterative, so 10,000 steps in a chain are fine. */
function findCycle(steps: readonly WorkflowStep[], index: ReadonlyMap<string, number>): string[] | undefined {
  const colour = new Array<0 | 1 | 2>(steps.length).fill(0);
  for (let root = 0; root < steps.length; root++) {
    if (colour[root] !== 0) continue;
    const stack: { node: number; next: number }[] = [{ node: root, next: 0 }];
    colour[root] = 1;
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as { node: number; next: number };
      const after = (steps[top.node] as WorkflowStep).after;
      if (top.next >= after.length) {
        colour[top.node] = 2;
        stack.pop();
        continue;
      }
      const parent = index.get(after[top.next++] as string) as number;
      if (colour[parent] === 1) {
        const from = stack.findIndex((f) => f.node === parent);
        return [
          ...stack.slice(from).map((f) => (steps[f.node] as WorkflowStep).id),
          (steps[parent] as WorkflowStep).id,
        ];
      }
      if (colour[parent] === 0) {
        colour[parent] = 1;
        stack.push({ node: parent, next: 0 });
      }
    }
  }
  return undefined;
}
