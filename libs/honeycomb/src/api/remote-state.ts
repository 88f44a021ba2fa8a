import type { HoneycombDefinitions } from '../spec/definitions.js';
import { compareIds, type Body } from './bodies.js';
import type { HoneycombClient } from './client.js';
import { apiPaths } from './paths.js';

/** What Honeycomb has now, for the kinds the definitions manage (a kind left out is not fetched). */
export interface RemoteState {
  recipients: Body[];
  derivedColumns: Body[];
  annotations: Body[];
  /** Query specs by query id, for the annotations and triggers the plan compares. */
  querySpecs: Map<string, Body>;
  slos: Body[];
  burnAlerts: Body[];
  triggers: Body[];
  boards: Body[];
}

export const remoteSloId = (alert: Body): string | undefined =>
  ((alert['slo'] as Body | undefined)?.['id'] as string | undefined) ?? (alert['slo_id'] as string | undefined);

export async function fetchRemoteState(
  client: HoneycombClient,
  dataset: string,
  defs: HoneycombDefinitions,
): Promise<RemoteState> {
  const list = async (managed: unknown, path: string): Promise<Body[]> =>
    managed ? ((await client.get<Body[]>(path)) ?? []) : [];
  const recipients = await list(defs.recipients, apiPaths.recipients);
  const derivedColumns = await list(defs.derivedColumns, apiPaths.derivedColumns(dataset));
  const annotations = await list(defs.queries, apiPaths.queryAnnotations(dataset));
  const slos = await list(defs.slos || defs.burnAlerts, apiPaths.slos(dataset));
  const burnAlerts: Body[] = [];
  if (defs.burnAlerts) {
    // Listed per SLO only, and the list leaves out `recipients`
    // (https://docs.honeycomb.io/api/burn-alerts/list-all-burn-alerts-for-an-slo), so each alert is
    // read whole; comparing against the list would rewrite every alert's recipients on every apply.
    const managedSlos = new Set((defs.slos ?? []).map((s) => s.name));
    for (const slo of slos.filter((s) => managedSlos.has(String(s['name'])))) {
      const listed = await list(true, `${apiPaths.burnAlerts(dataset)}?slo_id=${encodeURIComponent(String(slo['id']))}`);
      for (const alert of listed) {
        burnAlerts.push(await client.get<Body>(`${apiPaths.burnAlerts(dataset)}/${encodeURIComponent(String(alert['id']))}`));
      }
    }
  }
  const triggers = await list(defs.triggers, apiPaths.triggers(dataset));
  const boards = await list(defs.boards, apiPaths.boards);

  const managedQueries = new Set((defs.queries ?? []).map((q) => q.name));
  const queryIds = [
    ...annotations.filter((a) => managedQueries.has(a['name'] as string)).map((a) => a['query_id']),
    ...triggers.filter((t) => !t['query']).map((t) => t['query_id']),
  ].filter((id): id is string => typeof id === 'string');
  const querySpecs = new Map<string, Body>();
  for (const id of new Set(queryIds)) {
    querySpecs.set(id, await client.get<Body>(`${apiPaths.queries(dataset)}/${encodeURIComponent(id)}`));
  }
  for (const trigger of triggers) {
    if (!trigger['query'] && typeof trigger['query_id'] === 'string') trigger['query'] = querySpecs.get(trigger['query_id']);
  }
  return {
    recipients,
    derivedColumns,
    annotations,
    querySpecs,
    slos,
    burnAlerts: burnAlerts.map(withSortedRecipients),
    triggers: triggers.map(withSortedRecipients),
    boards,
  };
}

/** Recipient order carries no meaning; sorted by id, as request bodies are. */
function withSortedRecipients(alert: Body): Body {
  const recipients = alert['recipients'];
  if (!Array.isArray(recipients)) return alert;
  const sorted = [...(recipients as Body[])].sort((a, b) => compareIds(String(a['id']), String(b['id'])));
  return { ...alert, recipients: sorted };
}
