import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkTriggerRules, isRoute, routeOf, type Route } from './api-schema.js';
import { checkSchema } from './body-schema.js';

type Body = Record<string, unknown>;

export interface RecordedRequest {
  method: string;
  path: string;
  body?: Body;
}

interface Fault {
  method: string;
  pathPrefix: string;
  status: number;
  body: Body;
  headers: Record<string, string>;
}

class ApiFailure extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details: string[] = [],
  ) {
    super(message);
  }
}

/**
 * Honeycomb's Configuration API on 127.0.0.1 for tests, answering the way the real one does on the
 * points apply depends on (each rule names its source here or in api-schema.ts):
 * - request bodies are checked against the published fields and limits: 422 with `type_detail`;
 * - a burn alert without recipients is refused with 422;
 * - an annotation's `query_id` cannot change: 400 "queries in annotations cannot be changed";
 * - burn alerts are listed per SLO only, and the list leaves out `recipients`;
 * - queries can be created and read by id, never listed, changed or deleted;
 * - references (recipient, SLO, SLI, query, annotation ids) must exist, and a board's query panel
 *   must name an annotation of that very query.
 * Faults can be injected per request.
 */
export class FakeHoneycomb {
  readonly requests: RecordedRequest[] = [];
  apiKeyAccess: Record<string, boolean> = {
    boards: true,
    columns: true,
    queries: true,
    slos: true,
    triggers: true,
    recipients: true,
    events: false,
    markers: false,
  };
  private readonly collections = new Map<string, Map<string, Body>>();
  private readonly faults: Fault[] = [];
  private nextId = 1;
  private server?: Server;

  constructor(readonly apiKey: string) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve, reject) => this.server?.close((e) => (e ? reject(e) : resolve())) ?? resolve());
  }

  /** The next request matching method and path prefix gets this answer instead. */
  failNext(method: string, pathPrefix: string, status: number, body: Body = {}, headers: Record<string, string> = {}): void {
    this.faults.push({ method, pathPrefix, status, body, headers });
  }

  /** Stored objects of a collection, e.g. `triggers/lift-sys` or `recipients`. */
  objects(collection: string): Body[] {
    return [...(this.collections.get(collection)?.values() ?? [])];
  }

  /** Puts an object in place as if someone had made it in Honeycomb's UI. */
  seed(collection: string, object: Body): Body {
    const saved = { ...object, id: `h${this.nextId++}` };
    this.collection(collection).set(String(saved.id), saved);
    return saved;
  }

  writes(): RecordedRequest[] {
    return this.requests.filter((r) => r.method !== 'GET');
  }

  /** The writes `run` caused. */
  async writesDuring(run: () => Promise<unknown>): Promise<RecordedRequest[]> {
    const before = this.writes().length;
    await run();
    return this.writes().slice(before);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    const send = (status: number, payload?: unknown, headers: Record<string, string> = {}): void => {
      res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
      res.end(payload === undefined ? '' : JSON.stringify(payload));
    };
    const raw = await readBody(req);
    let body: Body | undefined;
    try {
      body = raw ? (JSON.parse(raw) as Body) : undefined;
    } catch {
      this.requests.push({ method, path: url.pathname + url.search });
      return send(400, { error: 'request body is not valid JSON' });
    }
    this.requests.push({ method, path: url.pathname + url.search, ...(body ? { body } : {}) });
    // https://docs.honeycomb.io/api/: every call authenticates with the X-Honeycomb-Team header.
    if (req.headers['x-honeycomb-team'] !== this.apiKey) return send(401, { error: 'unknown API key - check your credentials' });
    const fault = this.faults.findIndex((f) => f.method === method && url.pathname.startsWith(f.pathPrefix));
    if (fault >= 0) {
      const [f] = this.faults.splice(fault, 1);
      return send(f!.status, f!.body, f!.headers);
    }
    const route = routeOf(method, url.pathname);
    if (!isRoute(route)) return send(route.status, { error: route.error });
    try {
      const [status, payload] = this.answer(route, url.searchParams, body);
      send(status, payload);
    } catch (error) {
      if (!(error instanceof ApiFailure)) throw error;
      // https://docs.honeycomb.io/api/: 422 answers are a DetailedError with one `type_detail` per field.
      send(error.status, {
        error: error.message,
        ...(error.details.length ? { type_detail: error.details.map((d) => ({ field: d.split(':')[0], description: d })) } : {}),
      });
    }
  }

  private answer(route: Route, params: URLSearchParams, body: Body | undefined): [number, unknown] {
    if (route.resource === 'auth') {
      return [
        200,
        {
          type: 'configuration',
          team: { name: 'Lift', slug: 'lift' },
          environment: { name: 'Production', slug: 'prod' },
          api_key_access: this.apiKeyAccess,
        },
      ];
    }
    const store = this.collection(route.collection);
    if (route.schema) {
      const problems = checkSchema(route.schema(body ?? {}), body ?? {});
      if (route.resource === 'triggers') problems.push(...checkTriggerRules(body ?? {}));
      if (problems.length > 0) throw new ApiFailure(422, 'Validation Failed', problems);
    }
    if (route.method === 'GET' && route.id === undefined) return [200, this.list(route, store, params)];
    if (route.method === 'POST') {
      this.checkReferences(route, body!);
      return [201, this.save(route, store, `h${this.nextId++}`, body!)];
    }
    const existing = store.get(route.id!);
    if (!existing) throw new ApiFailure(404, `${route.resource} ${route.id} not found`);
    if (route.method === 'GET') return [200, existing];
    if (route.method === 'DELETE') {
      store.delete(route.id!);
      return [204, undefined];
    }
    this.checkUpdate(route, existing, body!);
    this.checkReferences(route, body!);
    // An annotation keeps its query whether or not the update repeats `query_id`.
    const kept = route.resource === 'query_annotations' ? { query_id: existing['query_id'] } : {};
    return [200, this.save(route, store, route.id!, { ...body, ...kept, created_at: existing['created_at'] })];
  }

  private list(route: Route, store: Map<string, Body>, params: URLSearchParams): Body[] {
    const all = [...store.values()];
    if (route.resource !== 'burn_alerts') return all;
    // https://docs.honeycomb.io/api/burn-alerts/list-all-burn-alerts-for-an-slo: only per SLO
    // (`slo_id` is required), and listed alerts come without `recipients`.
    const sloId = params.get('slo_id');
    if (!sloId) throw new ApiFailure(400, 'slo_id is required to list burn alerts');
    return all.filter((a) => (a['slo'] as Body)['id'] === sloId).map(({ recipients: _recipients, ...rest }) => rest);
  }

  private checkUpdate(route: Route, existing: Body, body: Body): void {
    // https://docs.honeycomb.io/api/tag/Query-Annotations/: "Once created, it is NOT possible to change
    // the query ID associated with an annotation."
    if (route.resource === 'query_annotations' && body['query_id'] !== undefined && body['query_id'] !== existing['query_id']) {
      throw new ApiFailure(400, 'queries in annotations cannot be changed');
    }
    // https://docs.honeycomb.io/api/recipients/update-a-recipient: the type cannot change.
    if (route.resource === 'recipients' && body['type'] !== existing['type'])
      throw new ApiFailure(422, 'the type of a recipient cannot change');
  }

  /** Ids a body refers to must exist in this environment and dataset. */
  private checkReferences(route: Route, body: Body): void {
    const dataset = route.collection.split('/')[1] ?? '';
    const missing: string[] = [];
    const need = (collection: string, id: unknown, what: string): Body | undefined => {
      const found = this.collection(collection).get(String(id));
      if (!found) missing.push(`${what} ${String(id)} does not exist`);
      return found;
    };
    for (const r of (body['recipients'] ?? []) as Body[]) need('recipients', r['id'], 'recipient');
    if (route.resource === 'burn_alerts') need(`slos/${dataset}`, (body['slo'] as Body)['id'], 'SLO');
    if (route.resource === 'query_annotations' && route.method === 'POST') need(`queries/${dataset}`, body['query_id'], 'query');
    if (route.resource === 'slos') {
      const alias = (body['sli'] as Body)['alias'];
      if (!this.objects(`derived_columns/${dataset}`).some((d) => d['alias'] === alias))
        missing.push(`SLI ${String(alias)} is not a derived column`);
    }
    if (route.resource === 'derived_columns') {
      // https://docs.honeycomb.io/api/tag/Derived-Columns/: an alias is unique in its dataset (409).
      const clash = this.objects(route.collection).find((d) => d['alias'] === body['alias'] && d['id'] !== route.id);
      if (clash) throw new ApiFailure(409, `a derived column named ${String(body['alias'])} already exists`);
    }
    if (route.resource === 'boards') {
      for (const panel of (body['panels'] ?? []) as Body[]) {
        const query = panel['query_panel'] as Body | undefined;
        if (query) {
          const annotation = this.findAnywhere('query_annotations/', query['query_annotation_id']);
          if (!annotation) missing.push(`query annotation ${String(query['query_annotation_id'])} does not exist`);
          // A query panel shows one query and its annotation; the annotation's query cannot change
          // (https://docs.honeycomb.io/api/tag/Query-Annotations/), so the pair must agree.
          else if (annotation['query_id'] !== query['query_id'])
            missing.push(`query annotation ${String(annotation['id'])} is not about query ${String(query['query_id'])}`);
        }
        const slo = panel['slo_panel'] as Body | undefined;
        if (slo && !this.findAnywhere('slos/', slo['slo_id'])) missing.push(`SLO ${String(slo['slo_id'])} does not exist`);
      }
    }
    if (missing.length > 0) throw new ApiFailure(422, 'Validation Failed', missing);
  }

  private findAnywhere(prefix: string, id: unknown): Body | undefined {
    for (const [name, store] of this.collections)
      if (name.startsWith(prefix) && store.has(String(id))) return store.get(String(id));
    return undefined;
  }

  /** Saved as Honeycomb answers: with id and timestamps; triggers with the id of the query they embed. */
  private save(route: Route, store: Map<string, Body>, id: string, body: Body): Body {
    const now = new Date().toISOString();
    const saved: Body = { ...body, id, created_at: body['created_at'] ?? now, updated_at: now };
    if (route.resource === 'query_annotations') saved['source'] = 'query';
    if (route.resource === 'triggers' && body['query']) {
      const queryId = `q${this.nextId++}`;
      this.collection(`queries/${route.collection.split('/')[1]}`).set(queryId, { ...(body['query'] as Body), id: queryId });
      saved['query_id'] = queryId;
    }
    store.set(id, saved);
    return saved;
  }

  private collection(name: string): Map<string, Body> {
    let store = this.collections.get(name);
    if (!store) this.collections.set(name, (store = new Map()));
    return store;
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
