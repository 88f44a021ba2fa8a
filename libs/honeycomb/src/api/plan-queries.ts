import type { NamedQuery } from '../spec/definitions.js';
import { annotationBody, type Body } from './bodies.js';
import { changedFields } from './compare.js';
import type { IdRegistry } from './id-registry.js';
import type { ApplyContext, PlanItem } from './plan-item.js';
import type { PlannedKind } from './plan-resource.js';
import { apiPaths } from './paths.js';
import type { RemoteState } from './remote-state.js';

/**
 * Saved queries are a query (create-only, immutable) plus the query annotation that names it.
 * A changed spec creates a new query and points the annotation at it; a changed description only
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
  const byName = new Map(remote.annotations.map((a) => [a['name'] as string, a]));
  const createQuery = async ({ client, ids: live }: ApplyContext, q: NamedQuery): Promise<void> => {
    const created = await client.post<Body>(apiPaths.queries(dataset), q.query);
    live.set('query', q.name, String(created['id']));
  };

  const items = (queries ?? []).map((q): PlanItem => {
    const base = { kind: 'query' as const, name: `"${q.name}"` };
    const annotation = byName.get(q.name);
    if (!annotation) {
      return {
        ...base,
        action: 'create',
        changes: [],
        execute: async (ctx) => {
          await createQuery(ctx, q);
          const created = await ctx.client.post<Body>(annotationsPath, annotationBody(q, ctx.ids));
          ctx.ids.set('query annotation', q.name, String(created['id']));
        },
      };
    }
    byName.delete(q.name);
    const annotationId = String(annotation['id']);
    ids.set('query annotation', q.name, annotationId);
    const spec = remote.querySpecs.get(annotation['query_id'] as string);
    const specChanged = !spec || changedFields(q.query as Body, spec).length > 0;
    if (!specChanged) ids.set('query', q.name, annotation['query_id'] as string);
    const changes = [...(specChanged ? ['query'] : []), ...changedFields({ description: q.description ?? '' }, annotation)];
    if (changes.length === 0) return { ...base, action: 'unchanged', changes };
    return {
      ...base,
      action: 'update',
      changes,
      execute: async (ctx) => {
        if (specChanged) await createQuery(ctx, q);
        await ctx.client.put<Body>(`${annotationsPath}/${annotationId}`, annotationBody(q, ctx.ids));
      },
    };
  });
  const deletes = deleteUnmanaged
    ? [...byName.values()].map((a): PlanItem => ({
        kind: 'query',
        name: `"${String(a['name'])}"`,
        action: 'delete',
        changes: [],
        execute: ({ client }) => client.delete(`${annotationsPath}/${String(a['id'])}`),
      }))
    : [];
  return { items, deletes };
}
