import type { HoneycombClient } from './client.js';
import type { Plan } from './plan.js';
import type { PlanItem } from './plan-item.js';

/** A failed step, with what was applied before it and what was not, so the user knows where Honeycomb stands. */
export class ApplyError extends Error {
  constructor(
    readonly item: PlanItem,
    readonly applied: readonly PlanItem[],
    readonly notApplied: readonly PlanItem[],
    cause: unknown,
  ) {
    super(`could not ${item.action} ${item.kind} ${item.name}: ${(cause as Error).message}`, { cause });
    this.name = 'ApplyError';
  }
}

/**
 * Carries out the plan in order and stops at the first failure, since later objects may depend on
 * it. Nothing is rolled back: every step leaves Honeycomb valid, and the next apply plans from what
 * is there, so it finishes the job.
 */
export async function applyPlan(plan: Plan, client: HoneycombClient, onDone: (item: PlanItem) => void = () => {}): Promise<void> {
  const steps = plan.items.filter((item) => item.execute);
  for (const [index, item] of steps.entries()) {
    try {
      await item.execute!({ client, ids: plan.ids });
    } catch (error) {
      throw new ApplyError(item, steps.slice(0, index), steps.slice(index), error);
    }
    onDone(item);
  }
}
