import type { Body } from './bodies.js';
import { changedFields } from './compare.js';
import type { IdRegistry } from './id-registry.js';
import { isManaged } from './managed-marker.js';
import type { PlanItem, ResourceKind } from './plan-item.js';

export interface PlannedKind {
  items: PlanItem[];
  deletes: PlanItem[];
}

/** How one kind of object is matched, serialized and addressed. */
export interface ResourceSpec<D> {
  kind: ResourceKind;
  collection: string;
  definitions: readonly D[] | undefined;
  remote: readonly Body[];
  key: (d: D) => string;
  label: (d: D) => string;
  remoteKey: (r: Body) => string | undefined;
  remoteLabel: (r: Body) => string;
  body: (d: D, ids: IdRegistry) => Body;
  /** Records an object's id for the kinds that refer to it. */
  register?: (d: D, id: string, ids: IdRegistry) => void;
  /** Why a definition cannot be sent as it stands; it is then skipped and left alone remotely. */
  skipReason?: (d: D) => string | undefined;
  /** Whether a remote object no definition matches may be deleted; by default, when it carries the managed marker. */
  deletable?: (r: Body) => boolean;
}

const markedManaged = (r: Body): boolean => isManaged(r['description']);

/**
 * create / update / unchanged per definition; and, when asked, a delete per remote object that no
 * definition matches and that this tool created.
 */
export function planResource<D>(spec: ResourceSpec<D>, ids: IdRegistry, deleteUnmanaged: boolean): PlannedKind {
  const remoteByKey = new Map<string, Body>();
  for (const r of spec.remote) {
    const key = spec.remoteKey(r);
    if (key !== undefined && !remoteByKey.has(key)) remoteByKey.set(key, r);
  }
  const matched = new Set<Body>();
  const items = (spec.definitions ?? []).map((d): PlanItem => {
    const remote = remoteByKey.get(spec.key(d));
    if (remote) matched.add(remote);
    const base = { kind: spec.kind, name: spec.label(d) };
    const reason = spec.skipReason?.(d);
    if (reason) return { ...base, action: 'skip', changes: [], reason };
    if (!remote) {
      return {
        ...base,
        action: 'create',
        changes: [],
        execute: async ({ client, ids: live }) => {
          const created = await client.post<Body>(spec.collection, spec.body(d, live));
          spec.register?.(d, String(created['id']), live);
        },
      };
    }
    const id = String(remote['id']);
    spec.register?.(d, id, ids);
    const changes = changedFields(spec.body(d, ids), remote);
    if (changes.length === 0) return { ...base, action: 'unchanged', changes };
    return {
      ...base,
      action: 'update',
      changes,
      execute: async ({ client, ids: live }) => void (await client.put<Body>(`${spec.collection}/${id}`, spec.body(d, live))),
    };
  });
  const deletable = spec.deletable ?? markedManaged;
  const deletes = deleteUnmanaged
    ? spec.remote
        .filter((r) => !matched.has(r) && deletable(r))
        .map((r): PlanItem => ({
          kind: spec.kind,
          name: spec.remoteLabel(r),
          action: 'delete',
          changes: [],
          execute: ({ client }) => client.delete(`${spec.collection}/${String(r['id'])}`),
        }))
    : [];
  return { items, deletes };
}
