import { request } from 'node:http';
import { startExplorer, type Explorer } from './explorer-server.js';

/** A raw request, so the Host header can be anything (fetch always sends the URL's). */
function get(explorer: Explorer, path: string, host?: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(explorer.url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, headers: host ? { Host: host } : {} }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('explorer HTTP API', () => {
  let explorer: Explorer;
  beforeAll(async () => {
    explorer = await startExplorer({ port: 0 });
  });
  afterAll(() => explorer.close());

  it('binds loopback and refuses requests naming another host (DNS rebinding)', async () => {
    expect(new URL(explorer.url).hostname).toBe('127.0.0.1');
    expect((await get(explorer, '/api/traces', 'evil.example:4318')).status).toBe(421);
    expect((await get(explorer, '/api/traces', `localhost:${new URL(explorer.url).port}`)).status).toBe(200);
  });

  it('answers unknown traces, APIs and bad ranges with a 4xx naming the problem', async () => {
    expect(await get(explorer, `/api/traces/${'ab'.repeat(16)}`)).toEqual({
      status: 404,
      body: JSON.stringify({ error: `no trace ${'ab'.repeat(16)} is loaded` }),
    });
    expect((await get(explorer, '/api/nothing')).status).toBe(404);
    const range = await get(explorer, '/api/boards?range=soon');
    expect(range.status).toBe(400);
    expect(JSON.parse(range.body).error).toMatch(/range must be "all" or a number of seconds/);
  });

  it('says so when no definitions are loaded', async () => {
    const boards = JSON.parse((await get(explorer, '/api/boards')).body);
    expect(boards).toMatchObject({ definitionsLoaded: false, boards: [], triggers: [], slos: [] });
  });
});
