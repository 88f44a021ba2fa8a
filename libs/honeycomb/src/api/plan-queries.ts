import type { NamedQuery } from '../spec/definitions.js';
import { annotationBody, annotationUpdateBody, type Body } from './bodies.js';
import { changedFields } from './compare.js';
import type { IdRegistry } from './id-registry.js';
import { isManaged } from './managed-marker.js';
import type { ApplyContext, PlanItem } from './plan-item.js';
import type { PlannedKind } from './plan-resource.js';
import { apiPaths } from './paths.js';
import type { RemoteState } from './remote-state.js';

/**
 * Saved queries are a query plus the query annotation that names it. Queries are immutable and an
 * annotation's `query_id` cannot change once created ("it is NOT possible to change the query ID
 * associated with an annotation", https://docs.honeycomb.io/api/tag/Query-Annotations/), so a
 * changed query spec creates a new query and a new annotation; boards then re-point at the new pair
 * and the superseded annotation, if this tool made it, is deleted last. A changed description only
 * updates the annotation.
 */
export function planQueries(
  queries: readonly NamedQuery[] | undefined,
  remote: RemoteState,
  dataset: string,
  ids: IdRegistry,
  deleteUnmanaged: boolean,
): PlannedKind {
  const annotationsPath = apiPaths.queryAnnotations(dataset);
  const byName = new Map<string, Body[]>();
  for (const annotation of remote.annotations) {
    const name = String(annotation['name']);
    byName.set(name, [...(byName.get(name) ?? []), annotation]);
  }
  const specMatches = (q: NamedQuery, annotation: Body): boolean => {
    const spec = remote.querySpecs.get(annotation['query_id'] as string);
    return spec !== undefined && changedFields(q.query as Body, spec).length === 0;
  };
  const deleteAnnotation = (annotation: Body, why: string): PlanItem => ({
    kind: 'query',
    name: `"${String(annotation['name'])}"${why}`,
    action: 'delete',
    changes: [],
    execute: ({ client }) => client.delete(`${annotationsPath}/${String(annotation['id'])}`),
  });
  const createPair = async ({ client, ids: live }: ApplyContext, q: NamedQuery): Promise<void> => {
    const query = await client.post<Body>(apiPaths.queries(dataset), q.query);
    live.set('query', q.name, String(query['id']));
    const annotation = await client.post<Body>(annotationsPath, annotationBody(q, live));
    live.set('query annotation', q.name, String(annotation['id']));
  };

  const superseded: PlanItem[] = [];
  const items = (queries ?? []).map((q): PlanItem => {
    const base = { kind: 'query' as const, name: `"${q.name}"` };
    const candidates = byName.get(q.name) ?? [];
    byName.delete(q.name);
    const current = candidates.find((a) => specMatches(q, a));
    for (const other of candidates) {
      if (other !== current && isManaged(other['description']))
        superseded.push(deleteAnnotation(other, ' (superseded annotation)'));
    }
    if (!current) {
      return {
        ...base,
        action: candidates.length > 0 ? 'update' : 'create',
        changes: candidates.length > 0 ? ['query'] : [],
        execute: (ctx) => createPair(ctx, q),
      };
    }
    const annotationId = String(current['id']);
    ids.set('query', q.name, String(current['query_id']));
    ids.set('query annotation', q.name, annotationId);
    const changes = changedFields(annotationUpdateBody(q), current);
    if (changes.length === 0) return { ...base, action: 'unchanged', changes };
    return {
      ...base,
      action: 'update',
      changes,
      // The unchanged query_id is repeated, as Honeycomb's update example does; it never differs.
      execute: async ({ client }) =>
        void (await client.put<Body>(`${annotationsPath}/${annotationId}`, {
          ...annotationUpdateBody(q),
          query_id: current['query_id'],
        })),
    };
  });
  const unmanaged = deleteUnmanaged
    ? [...byName.values()]
        .flat()
        .filter((a) => isManaged(a['description']))
        .map((a) => deleteAnnotation(a, ''))
    : [];
  return { items, deletes: [...superseded, ...unmanaged] };
}
