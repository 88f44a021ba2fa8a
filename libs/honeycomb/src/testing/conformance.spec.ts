import { HoneycombClient } from '../api/client.js';
import { main } from '../cli/apply.js';
import type { CliIo } from '../cli/io.js';
import { checkRequest } from './api-schema.js';
import { FakeHoneycomb } from './fake-honeycomb.js';
import { DECLARED_COLUMNS, sampleDefinitions } from './fixtures.js';

const KEY = 'hcxik_conformancekey';
const PD_KEY = '0123456789abcdef0123456789abcdef';

describe("Honeycomb's published request rules", () => {
  it('accept well-formed bodies', () => {
    expect(
      checkRequest('POST', '/1/recipients', {
        type: 'pagerduty',
        details: { pagerduty_integration_key: PD_KEY, pagerduty_integration_name: 'On call' },
      }),
    ).toEqual([]);
    expect(checkRequest('POST', '/1/query_annotations/ds', { name: 'Errors', description: 'x', query_id: 'q1' })).toEqual([]);
    expect(checkRequest('GET', '/1/burn_alerts/ds?slo_id=s1', undefined)).toEqual([]);
  });

  it('name each field Honeycomb would refuse', () => {
    expect(
      checkRequest('POST', '/1/burn_alerts/ds', {
        alert_type: 'exhaustion_time',
        exhaustion_minutes: 60,
        slo: { id: 's' },
        recipients: [],
      }),
    ).toEqual(['body.recipients: needs at least 1 item(s)']);
    expect(checkRequest('POST', '/1/query_annotations/ds', { name: 'x'.repeat(81), query_id: 'q' })).toEqual([
      'body.name: longer than 80',
    ]);
    expect(checkRequest('POST', '/1/recipients', { type: 'pagerduty', details: { pagerduty_integration_key: 'short' } })).toEqual(
      ['body.details.pagerduty_integration_key: shorter than 32', 'body.details.pagerduty_integration_name: is required'],
    );
    expect(
      checkRequest('POST', '/1/slos/ds', {
        name: 'S',
        sli: { alias: 'a' },
        target_per_million: 1_000_000,
        time_period_days: 30,
        owner: 'me',
      }),
    ).toEqual(['body.owner: is not a field Honeycomb defines here', 'body.target_per_million: above 999999']);
    expect(checkRequest('POST', '/1/boards', { name: 'B', type: 'classic', tags: [{ key: 'Team', value: 'x' }] })).toEqual([
      'body.type: must be one of flexible, not "classic"',
      'body.tags[0].key: does not match /^[a-z]{1,32}$/',
      'body.tags[0].value: does not match /^[a-z][a-z0-9/-]{1,128}$/',
    ]);
  });

  it('know which methods each route has', () => {
    expect(checkRequest('GET', '/1/queries/ds', undefined)).toEqual(['GET is not allowed on queries']);
    expect(checkRequest('PUT', '/1/queries/ds/q1', {})).toEqual(['PUT is not allowed on queries']);
    expect(checkRequest('DELETE', '/1/boards', undefined)).toEqual(['DELETE needs an id']);
    expect(checkRequest('GET', '/2/boards', undefined)).toEqual(['no such endpoint /2/boards']);
  });
});

describe('the Honeycomb test double', () => {
  const honeycomb = new FakeHoneycomb(KEY);
  let client: HoneycombClient;
  beforeAll(async () => (client = new HoneycombClient({ apiKey: KEY, endpoint: await honeycomb.start(), maxAttempts: 1 })));
  afterAll(() => honeycomb.stop());

  let setups = 0;
  const setup = async () => {
    const alias = `ok${++setups}`;
    const recipient = await client.post<{ id: string }>('/1/recipients', { type: 'slack', details: { slack_channel: '#a' } });
    await client.post('/1/derived_columns/ds', { alias, expression: 'BOOL(1)' });
    const slo = await client.post<{ id: string }>('/1/slos/ds', {
      name: 'S',
      sli: { alias },
      target_per_million: 990_000,
      time_period_days: 30,
    });
    return { recipient: recipient.id, slo: slo.id };
  };

  it('refuses a burn alert without recipients with 422', async () => {
    const { slo } = await setup();
    await expect(
      client.post('/1/burn_alerts/ds', {
        alert_type: 'exhaustion_time',
        exhaustion_minutes: 60,
        slo: { id: slo },
        recipients: [],
      }),
    ).rejects.toMatchObject({
      status: 422,
      detail: 'Validation Failed; body.recipients: body.recipients: needs at least 1 item(s)',
    });
  });

  it('lists burn alerts per SLO without recipients, and returns them whole by id', async () => {
    const { recipient, slo } = await setup();
    const created = await client.post<{ id: string }>('/1/burn_alerts/ds', {
      alert_type: 'exhaustion_time',
      exhaustion_minutes: 60,
      slo: { id: slo },
      recipients: [{ id: recipient }],
    });
    const listed = await client.get<Array<Record<string, unknown>>>(`/1/burn_alerts/ds?slo_id=${slo}`);
    expect(listed).toEqual([expect.not.objectContaining({ recipients: expect.anything() })]);
    expect(await client.get(`/1/burn_alerts/ds/${created.id}`)).toMatchObject({ recipients: [{ id: recipient }] });
    await expect(client.get('/1/burn_alerts/ds')).rejects.toMatchObject({ status: 400 });
  });

  it("refuses to change an annotation's query with 400, and a board pairing a query with another query's annotation", async () => {
    const q1 = await client.post<{ id: string }>('/1/queries/ds', { calculations: [{ op: 'COUNT' }] });
    const q2 = await client.post<{ id: string }>('/1/queries/ds', { calculations: [{ op: 'COUNT' }], time_range: 60 });
    const annotation = await client.post<{ id: string }>('/1/query_annotations/ds', { name: 'N', query_id: q1.id });
    await expect(client.put(`/1/query_annotations/ds/${annotation.id}`, { name: 'N', query_id: q2.id })).rejects.toMatchObject({
      status: 400,
      detail: 'queries in annotations cannot be changed',
    });
    await expect(client.put(`/1/query_annotations/ds/${annotation.id}`, { name: 'Renamed' })).resolves.toMatchObject({
      query_id: q1.id,
    });
    const panel = (queryId: string) => ({
      type: 'query',
      query_panel: { query_id: queryId, query_annotation_id: annotation.id },
    });
    await expect(client.post('/1/boards', { name: 'B', type: 'flexible', panels: [panel(q2.id)] })).rejects.toMatchObject({
      status: 422,
    });
    await expect(client.post('/1/boards', { name: 'B', type: 'flexible', panels: [panel(q1.id)] })).resolves.toMatchObject({
      name: 'B',
    });
  });

  it('applies the trigger rules: one day at most, no CONCURRENCY', async () => {
    const trigger = (query: Record<string, unknown>, frequency: number) => ({
      name: 'T',
      query,
      threshold: { op: '>', value: 1 },
      frequency,
    });
    await expect(
      client.post('/1/triggers/ds', trigger({ calculations: [{ op: 'CONCURRENCY' }], time_range: 300 }, 300)),
    ).rejects.toMatchObject({
      status: 422,
    });
    await expect(
      client.post('/1/triggers/ds', trigger({ calculations: [{ op: 'COUNT' }], time_range: 90_000 }, 86_400)),
    ).rejects.toMatchObject({
      status: 422,
    });
    await expect(
      client.post('/1/triggers/ds', trigger({ calculations: [{ op: 'COUNT' }], time_range: 300 }, 300)),
    ).resolves.toMatchObject({
      query_id: expect.any(String),
    });
  });
});

describe('every request apply sends conforms to the published API', () => {
  const honeycomb = new FakeHoneycomb(KEY);
  let env: Record<string, string>;
  const io: CliIo = { stdout: () => {}, stderr: () => {}, sleep: async () => {} };
  beforeAll(
    async () =>
      (env = { HONEYCOMB_CONFIG_KEY: KEY, HONEYCOMB_DATASET: 'lift-sys', HONEYCOMB_API_ENDPOINT: await honeycomb.start() }),
  );
  afterAll(() => honeycomb.stop());

  it('on a first apply, an apply after a query change, and a second apply that writes nothing', async () => {
    const apply = (defs = sampleDefinitions()) =>
      main(['--apply'], env, io, { definitions: defs, declaredColumns: DECLARED_COLUMNS });
    expect(await apply()).toBe(0);
    const changed = sampleDefinitions();
    changed.queries![0]!.query.time_range = 3600;
    expect(await apply(changed)).toBe(0);
    const writes = honeycomb.writes().length;
    expect(await apply(changed)).toBe(0);
    expect(honeycomb.writes()).toHaveLength(writes);

    const kinds = new Set(honeycomb.requests.map((r) => `${r.method} ${r.path.split('/')[2]!.split('?')[0]}`));
    expect([...kinds].sort()).toEqual([
      'DELETE query_annotations',
      'GET auth',
      'GET boards',
      'GET burn_alerts',
      'GET derived_columns',
      'GET queries',
      'GET query_annotations',
      'GET recipients',
      'GET slos',
      'GET triggers',
      'POST boards',
      'POST burn_alerts',
      'POST derived_columns',
      'POST queries',
      'POST query_annotations',
      'POST recipients',
      'POST slos',
      'POST triggers',
      'PUT boards',
    ]);
    expect(
      honeycomb.requests.flatMap((r) => checkRequest(r.method, r.path, r.body).map((p) => `${r.method} ${r.path}: ${p}`)),
    ).toEqual([]);
  });
});
