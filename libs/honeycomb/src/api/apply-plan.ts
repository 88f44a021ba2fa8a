import type { HoneycombClient } from './client.js';
import type { Plan } from './plan.js';
import type { PlanItem } from './plan-item.js';

export class ApplyError extends Error {
  constructor(
    readonly item: PlanItem,
    cause: unknown,
  ) {
    super(`could not ${item.action} ${item.kind} ${item.name}: ${(cause as Error).message}`);
    this.name = 'ApplyError';
  }
}

/** Carries out the plan in order and stops at the first failure, since later objects may depend on it. */
export async function applyPlan(plan: Plan, client: HoneycombClient, onDone: (item: PlanItem) => void = () => {}): Promise<void> {
  for (const item of plan.items) {
    if (!item.execute) continue;
    try {
      await item.execute({ client, ids: plan.ids });
    } catch (error) {
      throw new ApplyError(item, error);
    }
    onDone(item);
  }
}
