import type { HoneycombClient } from './client.js';
import type { IdRegistry } from './id-registry.js';

export type ResourceKind = 'recipient' | 'derived column' | 'query' | 'SLO' | 'burn alert' | 'trigger' | 'board';
/** `skip`: defined, but Honeycomb would reject it as it stands; `reason` says why and what to do. */
export type PlanAction = 'create' | 'update' | 'unchanged' | 'delete' | 'skip';

export interface ApplyContext {
  client: HoneycombClient;
  ids: IdRegistry;
}

export interface PlanItem {
  kind: ResourceKind;
  name: string;
  action: PlanAction;
  /** The fields an update changes. */
  changes: string[];
  reason?: string;
  /** Absent for unchanged and skipped items. */
  execute?: (ctx: ApplyContext) => Promise<void>;
}

const SYMBOL: Record<PlanAction, string> = { create: '+', update: '~', unchanged: '=', delete: '-', skip: '!' };

/** One line per object: `~ update trigger "High Error Rate" (threshold)`. */
export function formatPlanItem(item: PlanItem): string {
  const changes = item.action === 'update' && item.changes.length ? ` (${item.changes.join(', ')})` : '';
  const reason = item.reason ? `: ${item.reason}` : '';
  return `${SYMBOL[item.action]} ${item.action} ${item.kind} ${item.name}${changes}${reason}`;
}

export function summarizePlan(items: readonly PlanItem[]): string {
  const n = (action: PlanAction): number => items.filter((i) => i.action === action).length;
  const skipped = n('skip') ? `, ${n('skip')} skipped` : '';
  return `Plan: ${n('create')} to create, ${n('update')} to update, ${n('unchanged')} unchanged, ${n('delete')} to delete${skipped}.`;
}
