import type { HoneycombDefinitions } from '../spec/definitions.js';
import { recipientKey, recipientLabel } from '../spec/recipient.js';
import {
  boardBody,
  burnAlertBody,
  derivedColumnBody,
  recipientBody,
  remoteRecipientKey,
  sloBody,
  triggerBody,
  type Body,
} from './bodies.js';
import { IdRegistry } from './id-registry.js';
import { unmarkDescription } from './managed-marker.js';
import { apiPaths } from './paths.js';
import type { PlanItem } from './plan-item.js';
import { planQueries } from './plan-queries.js';
import { planResource, type PlannedKind } from './plan-resource.js';
import { remoteSloId, type RemoteState } from './remote-state.js';

export interface Plan {
  /** Creates and updates in dependency order, then deletes in reverse dependency order. */
  items: PlanItem[];
  /** Ids known so far; applying the plan adds the ids of created objects. */
  ids: IdRegistry;
}

export interface PlanOptions {
  dataset: string;
  /**
   * Delete remote objects that this tool created (they carry the managed marker) and that no
   * definition matches any more. Recipients are never deleted: they are shared by every environment
   * of the team (https://docs.honeycomb.io/api/tag/Recipients/).
   */
  deleteUnmanaged?: boolean;
}

/**
 * Honeycomb rejects a burn alert without recipients on create and update (terraform-provider-
 * honeycombio internal/provider/burn_alert_resource.go: "At least one recipient block is required for
 * a burn alert"; the OpenAPI BurnAlertCreateRequest lists `recipients` as required). Such an alert is
 * skipped with this warning rather than failing the whole apply, so the rest still lands and the local
 * engine can still evaluate it.
 */
export const BURN_ALERT_NEEDS_RECIPIENT =
  'no recipient, and Honeycomb requires at least one on a burn alert; give it a recipient to create it';

const quoted = (name: unknown): string => `"${String(name)}"`;
const named = (r: Body): string | undefined => r['name'] as string | undefined;

/**
 * Matches definitions to what Honeycomb has (recipients by type + target, derived columns by alias,
 * burn alerts by SLO + description, everything else by name) and decides what to change.
 */
export function computePlan(defs: HoneycombDefinitions, remote: RemoteState, options: PlanOptions): Plan {
  const { dataset } = options;
  const del = options.deleteUnmanaged ?? false;
  const ids = new IdRegistry();
  const sloNameById = new Map(remote.slos.map((s) => [String(s['id']), String(s['name'])]));
  const burnAlertKey = (slo: string, description: unknown): string => `${slo}\u0000${String(description)}`;

  const kinds: PlannedKind[] = [
    planResource(
      {
        kind: 'recipient',
        collection: apiPaths.recipients,
        definitions: defs.recipients,
        remote: remote.recipients,
        key: recipientKey,
        label: recipientLabel,
        remoteKey: remoteRecipientKey,
        remoteLabel: (r) => String(r['id']),
        body: recipientBody,
        register: (d, id, live) => live.set('recipient', recipientKey(d), id),
        deletable: () => false,
      },
      ids,
      del,
    ),
    planResource(
      {
        kind: 'derived column',
        collection: apiPaths.derivedColumns(dataset),
        definitions: defs.derivedColumns,
        remote: remote.derivedColumns,
        key: (d) => d.alias,
        label: (d) => d.alias,
        remoteKey: (r) => r['alias'] as string,
        remoteLabel: (r) => String(r['alias']),
        body: derivedColumnBody,
      },
      ids,
      del,
    ),
    planQueries(defs.queries, remote, dataset, ids, del),
    planResource(
      {
        kind: 'SLO',
        collection: apiPaths.slos(dataset),
        definitions: defs.slos,
        remote: remote.slos,
        key: (d) => d.name,
        label: (d) => quoted(d.name),
        remoteKey: named,
        remoteLabel: (r) => quoted(r['name']),
        body: sloBody,
        register: (d, id, live) => live.set('SLO', d.name, id),
      },
      ids,
      del,
    ),
    planResource(
      {
        kind: 'burn alert',
        collection: apiPaths.burnAlerts(dataset),
        definitions: defs.burnAlerts,
        remote: remote.burnAlerts,
        key: (d) => burnAlertKey(d.slo.name, d.description),
        label: (d) => `${quoted(d.description)} of SLO ${quoted(d.slo.name)}`,
        remoteKey: (r) => burnAlertKey(sloNameById.get(remoteSloId(r) ?? '') ?? '', unmarkDescription(r['description'])),
        remoteLabel: (r) =>
          `${quoted(unmarkDescription(r['description']))} of SLO ${quoted(sloNameById.get(remoteSloId(r) ?? ''))}`,
        body: burnAlertBody,
        skipReason: (d) => (d.recipients?.length ? undefined : BURN_ALERT_NEEDS_RECIPIENT),
      },
      ids,
      del,
    ),
    planResource(
      {
        kind: 'trigger',
        collection: apiPaths.triggers(dataset),
        definitions: defs.triggers,
        remote: remote.triggers,
        key: (d) => d.name,
        label: (d) => quoted(d.name),
        remoteKey: named,
        remoteLabel: (r) => quoted(r['name']),
        body: triggerBody,
      },
      ids,
      del,
    ),
    planResource(
      {
        kind: 'board',
        collection: apiPaths.boards,
        definitions: defs.boards,
        remote: remote.boards,
        key: (d) => d.name,
        label: (d) => quoted(d.name),
        remoteKey: named,
        remoteLabel: (r) => quoted(r['name']),
        body: boardBody,
      },
      ids,
      del,
    ),
  ];
  return { items: [...kinds.flatMap((k) => k.items), ...kinds.reverse().flatMap((k) => k.deletes)], ids };
}
