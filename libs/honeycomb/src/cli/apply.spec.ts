import type { HoneycombDefinitions } from '../spec/definitions.js';
import { checkRequest } from '../testing/api-schema.js';
import { FakeHoneycomb } from '../testing/fake-honeycomb.js';
import { DECLARED_COLUMNS, sampleDefinitions } from '../testing/fixtures.js';
import { main } from './apply.js';
import type { CliIo } from './io.js';

const KEY = 'hcxik_01secretconfigurationkey';
const DATASET = 'lift-sys';

describe('honeycomb apply CLI against a local Honeycomb', () => {
  let honeycomb: FakeHoneycomb;
  let env: Record<string, string>;
  let out: string[];
  let err: string[];
  let sleeps: number[];
  const io: CliIo = { stdout: (l) => out.push(l), stderr: (l) => err.push(l), sleep: async (ms) => void sleeps.push(ms) };

  const apply = (defs: HoneycombDefinitions = sampleDefinitions(), ...flags: string[]) => {
    out = [];
    err = [];
    return main(['--apply', ...flags], env, io, { definitions: defs, declaredColumns: DECLARED_COLUMNS });
  };
  const writesDuring = (run: () => Promise<number>) => honeycomb.writesDuring(async () => expect(await run()).toBe(0));

  beforeEach(async () => {
    honeycomb = new FakeHoneycomb(KEY);
    env = { HONEYCOMB_CONFIG_KEY: KEY, HONEYCOMB_DATASET: DATASET, HONEYCOMB_API_ENDPOINT: await honeycomb.start() };
    sleeps = [];
  });
  afterEach(async () => {
    expect([...out, ...err].join('\n')).not.toContain(KEY);
    // Whatever a test makes apply do, every request it sent conforms to Honeycomb's published API.
    expect(
      honeycomb.requests.flatMap((r) => checkRequest(r.method, r.path, r.body).map((p) => `${r.method} ${r.path}: ${p}`)),
    ).toEqual([]);
    await honeycomb.stop();
  });

  it('creates everything in dependency order on the first apply, with references resolved to ids', async () => {
    const writes = await writesDuring(() => apply());
    expect(writes.map((w) => `${w.method} ${w.path}`)).toEqual([
      'POST /1/recipients',
      'POST /1/recipients',
      'POST /1/derived_columns/lift-sys',
      'POST /1/derived_columns/lift-sys',
      'POST /1/queries/lift-sys',
      'POST /1/query_annotations/lift-sys',
      'POST /1/queries/lift-sys',
      'POST /1/query_annotations/lift-sys',
      'POST /1/slos/lift-sys',
      'POST /1/burn_alerts/lift-sys',
      'POST /1/triggers/lift-sys',
      'POST /1/boards',
    ]);
    expect(out).toContain('+ create trigger "High Error Rate"');
    expect(out).toContain('Plan: 10 to create, 0 to update, 0 unchanged, 0 to delete.');
    expect(out.at(-1)).toBe('Applied 10 change(s).');

    const recipientIds = honeycomb.objects('recipients').map((r) => r['id']);
    const [trigger] = honeycomb.objects(`triggers/${DATASET}`);
    expect(trigger!['recipients']).toEqual(recipientIds.map((id) => ({ id })));
    const [slo] = honeycomb.objects(`slos/${DATASET}`);
    const annotations = honeycomb.objects(`query_annotations/${DATASET}`);
    const errorRate = annotations.find((a) => a['name'] === 'Error Rate')!;
    const [board] = honeycomb.objects('boards');
    expect(board!['panels']).toEqual([
      { type: 'text', text_panel: { content: 'High-level request health' } },
      {
        type: 'query',
        query_panel: { query_style: 'graph', query_id: errorRate['query_id'], query_annotation_id: errorRate['id'] },
      },
      expect.objectContaining({ type: 'query' }),
      { type: 'slo', slo_panel: { slo_id: slo!['id'] } },
    ]);
    expect(honeycomb.objects(`burn_alerts/${DATASET}`)[0]).toMatchObject({
      slo: { id: slo!['id'] },
      recipients: [{ id: recipientIds[0] }],
    });
    expect(honeycomb.requests[0]!.path).toBe('/1/auth');
  });

  it('changes nothing on a second apply', async () => {
    await apply();
    expect(await writesDuring(() => apply())).toEqual([]);
    expect(out).toContain('Plan: 0 to create, 0 to update, 10 unchanged, 0 to delete.');
    expect(out).toContain('= unchanged query "Error Rate"');
  });

  it('turns a changed trigger threshold into exactly one update', async () => {
    await apply();
    const defs = sampleDefinitions();
    defs.triggers![0]!.threshold.value = 0.05;
    const writes = await writesDuring(() => apply(defs));
    const [trigger] = honeycomb.objects(`triggers/${DATASET}`);
    expect(writes.map((w) => `${w.method} ${w.path}`)).toEqual([`PUT /1/triggers/${DATASET}/${String(trigger!['id'])}`]);
    expect(trigger!['threshold']).toEqual({ op: '>', value: 0.05 });
    expect(out).toContain('~ update trigger "High Error Rate" (threshold)');
  });

  it('creates a new query and repoints the annotation when a saved query changes', async () => {
    await apply();
    const defs = sampleDefinitions();
    defs.queries![1]!.query.time_range = 3600;
    const writes = await writesDuring(() => apply(defs));
    expect(writes.map((w) => `${w.method} ${w.path.replace(/\/h\d+$/, '/:id')}`)).toEqual([
      'POST /1/queries/lift-sys',
      'POST /1/query_annotations/lift-sys',
      'PUT /1/boards/:id',
      'DELETE /1/query_annotations/lift-sys/:id',
    ]);
    expect(out).toContain('~ update query "Error Rate" (query)');
    expect(out).toContain('~ update board "Request Overview" (panels)');
    expect(out).toContain('- delete query "Error Rate" (superseded annotation)');
    const annotations = honeycomb.objects(`query_annotations/${DATASET}`).filter((a) => a['name'] === 'Error Rate');
    expect(annotations).toHaveLength(1);
    const panel = (honeycomb.objects('boards')[0]!['panels'] as Array<Record<string, Record<string, unknown>>>)[1]!;
    expect(panel['query_panel']).toMatchObject({
      query_id: annotations[0]!['query_id'],
      query_annotation_id: annotations[0]!['id'],
    });
    expect(await writesDuring(() => apply(defs))).toEqual([]);
  });

  it('leaves an annotation someone else made under the same name alone when the query differs', async () => {
    const theirs = honeycomb.seed(`queries/${DATASET}`, { calculations: [{ op: 'COUNT' }] });
    const annotation = honeycomb.seed(`query_annotations/${DATASET}`, {
      name: 'Error Rate',
      description: 'mine',
      query_id: theirs['id'],
    });
    expect(await apply()).toBe(0);
    expect(out).toContain('~ update query "Error Rate" (query)');
    const named = honeycomb.objects(`query_annotations/${DATASET}`).filter((a) => a['name'] === 'Error Rate');
    expect(named).toHaveLength(2);
    expect(named).toContainEqual(annotation);
    expect(await writesDuring(() => apply(sampleDefinitions(), '--delete-unmanaged'))).toEqual([]);
    expect(honeycomb.objects(`query_annotations/${DATASET}`)).toContainEqual(annotation);
  });

  it('skips a burn alert without recipients with a warning, and applies the rest', async () => {
    const defs = sampleDefinitions();
    defs.burnAlerts![0]!.recipients = [];
    expect(await apply(defs)).toBe(0);
    expect(err).toEqual([
      'warning: ! skip burn alert "Budget gone within 4 hours" of SLO "Request Success": no recipient, and Honeycomb requires at least one on a burn alert; give it a recipient to create it',
    ]);
    expect(out).toContain('Plan: 9 to create, 0 to update, 0 unchanged, 0 to delete, 1 skipped.');
    expect(honeycomb.objects(`burn_alerts/${DATASET}`)).toEqual([]);
    expect(honeycomb.objects('boards')).toHaveLength(1);
  });

  it('names a PagerDuty recipient without its key and never prints the key', async () => {
    const key = sampleDefinitions().recipients![1]!.target;
    expect(await apply()).toBe(0);
    const pagerduty = honeycomb.objects('recipients').find((r) => r['type'] === 'pagerduty')!;
    expect(pagerduty['details']).toEqual({ pagerduty_integration_key: key, pagerduty_integration_name: 'On call' });
    const unnamed = sampleDefinitions();
    delete unnamed.recipients![1]!.name;
    const writes = await writesDuring(() => apply(unnamed));
    expect(JSON.stringify(writes[0]!.body)).toMatch(/"pagerduty_integration_name":"pagerduty [0-9a-f]{8}"/);
    expect([...out, ...err].join('\n')).not.toContain(key);
  });

  const changes: Array<[string, (defs: HoneycombDefinitions) => void]> = [
    ['a trigger threshold', (d) => (d.triggers![0]!.threshold.value = 0.2)],
    [
      'trigger recipients, in another order',
      (d) => (d.triggers![0]!.recipients = [...d.triggers![0]!.recipients!].reverse().slice(0, 1)),
    ],
    ['burn alert recipients', (d) => (d.burnAlerts![0]!.recipients = [d.recipients![1]!, d.recipients![0]!])],
    ['an SLO target', (d) => (d.slos![0]!.target_per_million = 990_000)],
    ['a derived column expression', (d) => (d.derivedColumns![0]!.expression = 'IF(EXISTS($error), 1, 0)')],
    ['a query description', (d) => (d.queries![0]!.description = 'P95 per operation')],
    ['a query spec', (d) => (d.queries![0]!.query.limit = 50)],
    ['board panel order', (d) => d.boards![0]!.panels.reverse()],
  ];
  it.each(changes)('after a change to %s, the next apply writes nothing', async (_what, change) => {
    await apply();
    const defs = sampleDefinitions();
    change(defs);
    expect(await writesDuring(() => apply(defs))).not.toEqual([]);
    expect(await writesDuring(() => apply(defs))).toEqual([]);
    expect(out).toContainEqual(expect.stringMatching(/^Plan: 0 to create, 0 to update, \d+ unchanged, 0 to delete\.$/));
  });

  it('prints the plan and changes nothing without --apply', async () => {
    out = [];
    err = [];
    expect(await main([], env, io, { definitions: sampleDefinitions() })).toBe(0);
    expect(honeycomb.writes()).toEqual([]);
    expect(out.at(-1)).toBe('Dry run: nothing was changed. Run with --apply to make these changes.');
  });

  it("deletes, only with --delete-unmanaged, what it created and no longer defines; never recipients or others' objects", async () => {
    await apply();
    honeycomb.seed('boards', { name: 'Made in the UI', type: 'flexible', description: 'hand-made' });
    honeycomb.seed('recipients', { type: 'email', details: { email_address: 'team@example.com' } });
    const defs = sampleDefinitions();
    defs.boards = [];
    defs.recipients = [defs.recipients![0]!];
    defs.triggers![0]!.recipients = [defs.recipients[0]!];
    expect((await writesDuring(() => apply(defs))).map((w) => w.method)).toEqual(['PUT']);
    const writes = await writesDuring(() => apply(defs, '--delete-unmanaged'));
    expect(writes.map((w) => w.method)).toEqual(['DELETE']);
    expect(out).toContain('- delete board "Request Overview"');
    expect(honeycomb.objects('boards').map((b) => b['name'])).toEqual(['Made in the UI']);
    expect(honeycomb.objects('recipients')).toHaveLength(3);
  });

  it('reports what was and was not applied when a step fails, and the next apply finishes the job', async () => {
    honeycomb.failNext('POST', '/1/triggers', 500, { error: 'internal error' });
    expect(await apply()).toBe(1);
    expect(err).toEqual([
      'error: could not create trigger "High Error Rate": Honeycomb API error 500 on POST /1/triggers/lift-sys: internal error',
      'Applied before the failure: 8 change(s).',
      '  done    + create recipient slack:#alerts',
      '  done    + create recipient pagerduty:#3eb1bd43 "On call"',
      '  done    + create derived column is_error',
      '  done    + create derived column request_succeeded',
      '  done    + create query "Slowest Operations"',
      '  done    + create query "Error Rate"',
      '  done    + create SLO "Request Success"',
      '  done    + create burn alert "Budget gone within 4 hours" of SLO "Request Success"',
      'Not applied: 2 change(s).',
      '  failed  + create trigger "High Error Rate"',
      '  pending + create board "Request Overview"',
      'Fix the cause and run apply again: it plans from what Honeycomb now has and finishes the job.',
    ]);
    const writes = await writesDuring(() => apply());
    expect(writes.map((w) => `${w.method} ${w.path}`)).toEqual(['POST /1/triggers/lift-sys', 'POST /1/boards']);
    expect(out).toContain('Plan: 2 to create, 0 to update, 8 unchanged, 0 to delete.');
    expect(await writesDuring(() => apply())).toEqual([]);
  });

  it('retries a 429 after Retry-After', async () => {
    honeycomb.failNext('POST', '/1/triggers', 429, { error: 'slow down' }, { 'Retry-After': '2' });
    expect(await apply()).toBe(0);
    expect(sleeps).toEqual([2000]);
    expect(honeycomb.objects(`triggers/${DATASET}`)).toHaveLength(1);
  });

  it('fails clearly when 429s outlast the retries', async () => {
    for (let i = 0; i < 5; i++) honeycomb.failNext('POST', '/1/triggers', 429, {}, { 'Retry-After': '1' });
    expect(await apply()).toBe(1);
    expect(sleeps).toHaveLength(4);
    expect(err[0]).toBe(
      'error: could not create trigger "High Error Rate": rate limited by Honeycomb (429 on POST /1/triggers/lift-sys) after every retry: try again later',
    );
  });

  it('reports a wrong key as one clear line', async () => {
    env['HONEYCOMB_CONFIG_KEY'] = 'hcxik_wrong';
    expect(await apply()).toBe(1);
    expect(err).toEqual(['error: Honeycomb rejected the configuration key (401 on GET /1/auth): check HONEYCOMB_CONFIG_KEY']);
    expect(honeycomb.requests).toHaveLength(1);
  });

  it('names the missing permission, up front or from a 403', async () => {
    honeycomb.apiKeyAccess['triggers'] = false;
    expect(await apply()).toBe(1);
    expect(err).toEqual(['error: the configuration key lacks permission: Manage Triggers']);
    honeycomb.apiKeyAccess['triggers'] = true;
    honeycomb.failNext('POST', '/1/slos', 403, { error: 'forbidden' });
    expect(await apply()).toBe(1);
    expect(err[0]).toBe(
      'error: could not create SLO "Request Success": the configuration key lacks the "Manage SLOs" permission (403 on POST /1/slos/lift-sys)',
    );
  });

  it("includes Honeycomb's message when it rejects a definition", async () => {
    honeycomb.failNext('POST', '/1/triggers', 422, {
      error: 'invalid trigger',
      type_detail: [{ field: 'threshold.value', description: 'must be less than 1' }],
    });
    expect(await apply()).toBe(1);
    expect(err[0]).toBe(
      'error: could not create trigger "High Error Rate": Honeycomb rejected the definition (422 on POST /1/triggers/lift-sys): invalid trigger; threshold.value: must be less than 1',
    );
  });

  it('never prints the key, even when Honeycomb echoes it back', async () => {
    honeycomb.failNext('POST', '/1/boards', 409, { error: `board exists for key ${KEY}` });
    expect(await apply()).toBe(1);
    expect(err[0]).toContain('[REDACTED]');
  });

  it('validates before calling Honeycomb', async () => {
    const defs = sampleDefinitions();
    defs.triggers![0]!.frequency = 90;
    expect(await apply(defs)).toBe(1);
    expect(err[0]).toBe('invalid: trigger "High Error Rate": frequency 90 is not a multiple of 60');
    expect(honeycomb.requests).toEqual([]);
  });

  it('rejects an unknown option or a missing value before calling Honeycomb', async () => {
    expect(await apply(sampleDefinitions(), '--delete-unmanged')).toBe(1);
    expect(err[0]).toMatch(/^error: Unknown option '--delete-unmanged'/);
    expect(await apply(sampleDefinitions(), '--dataset')).toBe(1);
    expect(err[0]).toMatch(/^error: Option '--dataset <value>' argument missing/);
    expect(honeycomb.requests).toEqual([]);
  });

  it('needs a dataset', async () => {
    delete env['HONEYCOMB_DATASET'];
    expect(await apply()).toBe(1);
    expect(err).toEqual(['error: no dataset: pass --dataset <name> or set HONEYCOMB_DATASET']);
    expect(await apply(sampleDefinitions(), '--dataset', 'other')).toBe(0);
    expect(honeycomb.objects('triggers/other')).toHaveLength(1);
  });
});
