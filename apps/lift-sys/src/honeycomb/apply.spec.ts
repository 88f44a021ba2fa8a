import { applyMain, type CliIo } from '@lift-sys/honeycomb/cli';
import { checkRequest, FakeHoneycomb } from '@lift-sys/honeycomb/testing';
import { declaredColumns, liftSysDefinitions } from './definitions.js';

const KEY = 'hcxik_liftsysconfigurationkey';
const PAGERDUTY_KEY = 'f3c1a9e07b2d4e6f8a0b1c2d3e4f5a6b';

describe('applying the lift-sys definitions to Honeycomb', () => {
  const lines: string[] = [];
  const warnings: string[] = [];
  const io: CliIo = { stdout: (line) => lines.push(line), stderr: (line) => warnings.push(line), sleep: async () => {} };
  let honeycomb: FakeHoneycomb;
  let env: Record<string, string>;
  const configured = () =>
    liftSysDefinitions({
      HONEYCOMB_ALERT_SLACK_CRITICAL: '#alerts',
      HONEYCOMB_ALERT_SLACK_PERFORMANCE: '#performance',
      HONEYCOMB_ALERT_SLACK_COST: '#cost',
      HONEYCOMB_ALERT_PAGERDUTY_KEY: PAGERDUTY_KEY,
    });
  const apply = (definitions = configured()): Promise<number> =>
    applyMain(['--apply'], env, io, { definitions, declaredColumns });
  const writesDuring = (run: () => Promise<number>) => honeycomb.writesDuring(async () => expect(await run()).toBe(0));

  beforeEach(async () => {
    honeycomb = new FakeHoneycomb(KEY);
    env = { HONEYCOMB_CONFIG_KEY: KEY, HONEYCOMB_DATASET: 'lift-sys', HONEYCOMB_API_ENDPOINT: await honeycomb.start() };
  });
  afterEach(async () => {
    const printed = [...lines, ...warnings].join('\n');
    expect(printed).not.toContain(KEY);
    expect(printed).not.toContain(PAGERDUTY_KEY);
    lines.length = 0;
    warnings.length = 0;
    await honeycomb.stop();
  });

  it('creates every board, query, trigger, SLO and burn alert; every request conforms; a second apply writes nothing', async () => {
    expect(await apply()).toBe(0);
    expect(honeycomb.objects('boards')).toHaveLength(4);
    expect(honeycomb.objects('triggers/lift-sys')).toHaveLength(5);
    expect(honeycomb.objects('slos/lift-sys')).toHaveLength(2);
    expect(honeycomb.objects('burn_alerts/lift-sys')).toHaveLength(3);
    expect(honeycomb.objects('recipients').map((r) => r['details'])).toContainEqual({
      pagerduty_integration_key: PAGERDUTY_KEY,
      pagerduty_integration_name: 'lift-sys on-call',
    });
    expect(await writesDuring(() => apply())).toEqual([]);
    expect(lines).toContainEqual(expect.stringMatching(/^Plan: 0 to create, 0 to update, \d+ unchanged, 0 to delete\.$/));
    expect(
      honeycomb.requests.flatMap((r) => checkRequest(r.method, r.path, r.body).map((p) => `${r.method} ${r.path}: ${p}`)),
    ).toEqual([]);
  });

  it('re-points the boards at a new query and annotation when a saved query changes, then settles', async () => {
    expect(await apply()).toBe(0);
    const changed = configured();
    const query = changed.queries![0]!;
    query.query.time_range = (query.query.time_range ?? 7200) * 2;
    const writes = await writesDuring(() => apply(changed));
    const calls = writes.map((w) => `${w.method} ${w.path.replace(/\/h\d+$/, '/:id')}`);
    expect(calls.slice(0, 2)).toEqual(['POST /1/queries/lift-sys', 'POST /1/query_annotations/lift-sys']);
    expect(calls).toContain('PUT /1/boards/:id');
    expect(calls.at(-1)).toBe('DELETE /1/query_annotations/lift-sys/:id');
    expect(honeycomb.requests.flatMap((r) => checkRequest(r.method, r.path, r.body))).toEqual([]);
    expect(await writesDuring(() => apply(changed))).toEqual([]);
  });

  it('without alert routes, skips the burn alerts with a warning and creates everything else', async () => {
    expect(await apply(liftSysDefinitions({}))).toBe(0);
    expect(warnings).toHaveLength(3);
    expect(warnings[0]).toMatch(/^warning: ! skip burn alert .*Honeycomb requires at least one on a burn alert/);
    expect(honeycomb.objects('burn_alerts/lift-sys')).toEqual([]);
    expect(honeycomb.objects('boards')).toHaveLength(4);
    expect(honeycomb.objects('slos/lift-sys')).toHaveLength(2);
  });
});
