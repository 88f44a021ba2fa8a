import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

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

const ENVIRONMENT_WIDE = new Set(['recipients', 'boards']);

/**
 * An in-memory Honeycomb Configuration API on 127.0.0.1 for tests: list / get / create / update /
 * delete per collection, create-only queries, burn alerts listed by `slo_id`, and injectable faults.
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

  writes(): RecordedRequest[] {
    return this.requests.filter((r) => r.method !== 'GET');
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    const raw = await readBody(req);
    const body = raw ? (JSON.parse(raw) as Body) : undefined;
    this.requests.push({ method, path: url.pathname + url.search, ...(body ? { body } : {}) });
    const send = (status: number, payload?: unknown, headers: Record<string, string> = {}): void => {
      res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
      res.end(payload === undefined ? '' : JSON.stringify(payload));
    };
    if (req.headers['x-honeycomb-team'] !== this.apiKey) return send(401, { error: 'unknown API key - check your credentials' });
    const fault = this.faults.findIndex((f) => f.method === method && url.pathname.startsWith(f.pathPrefix));
    if (fault >= 0) {
      const [f] = this.faults.splice(fault, 1);
      return send(f!.status, f!.body, f!.headers);
    }
    const [, version, resource = '', ...rest] = url.pathname.split('/');
    if (version !== '1') return send(404, { error: 'not found' });
    if (resource === 'auth') {
      return send(200, {
        type: 'configuration',
        team: { name: 'Lift', slug: 'lift' },
        environment: { name: 'Production', slug: 'prod' },
        api_key_access: this.apiKeyAccess,
      });
    }
    const scoped = ENVIRONMENT_WIDE.has(resource) ? resource : `${resource}/${rest.shift() ?? ''}`;
    const id = rest[0];
    const store = this.collection(scoped);
    if (!id) {
      if (method === 'GET' && resource === 'queries') return send(405, { error: 'queries cannot be listed' });
      if (method === 'GET') {
        const sloId = url.searchParams.get('slo_id');
        return send(
          200,
          [...store.values()].filter((o) => !sloId || (o['slo'] as Body | undefined)?.['id'] === sloId),
        );
      }
      if (method === 'POST') return send(201, this.save(scoped, store, `h${this.nextId++}`, body ?? {}));
      return send(405, { error: 'method not allowed' });
    }
    const existing = store.get(id);
    if (!existing) return send(404, { error: `${resource} ${id} not found` });
    if (method === 'GET') return send(200, existing);
    if (method === 'PUT' && resource !== 'queries') return send(200, this.save(scoped, store, id, body ?? {}));
    if (method === 'DELETE' && resource !== 'queries') {
      store.delete(id);
      return send(204);
    }
    return send(405, { error: 'method not allowed' });
  }

  /** Triggers are answered with the query they embed and its id, as Honeycomb does. */
  private save(scoped: string, store: Map<string, Body>, id: string, body: Body): Body {
    const saved: Body = { ...body, id };
    if (scoped.startsWith('triggers/') && body['query']) {
      const queries = this.collection(`queries/${scoped.split('/')[1]}`);
      const queryId = `q${this.nextId++}`;
      queries.set(queryId, { ...(body['query'] as Body), id: queryId });
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
