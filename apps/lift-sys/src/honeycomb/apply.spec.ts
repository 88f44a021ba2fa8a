import { applyMain, type CliIo } from '@lift-sys/honeycomb';
import { FakeHoneycomb } from '@lift-sys/honeycomb/testing';
import { declaredColumns, liftSysDefinitions } from './definitions.js';

const KEY = 'hcxik_liftsysconfigurationkey';

describe('applying the lift-sys definitions to Honeycomb', () => {
  const honeycomb = new FakeHoneycomb(KEY);
  const lines: string[] = [];
  const io: CliIo = { stdout: (line) => lines.push(line), stderr: (line) => lines.push(line), sleep: async () => {} };
  let env: Record<string, string>;
  const definitions = liftSysDefinitions({
    HONEYCOMB_ALERT_SLACK_CRITICAL: '#alerts',
    HONEYCOMB_ALERT_SLACK_PERFORMANCE: '#performance',
  });
  const apply = (): Promise<number> => applyMain(['--apply'], env, io, { definitions, declaredColumns });

  beforeAll(async () => {
    env = { HONEYCOMB_CONFIG_KEY: KEY, HONEYCOMB_DATASET: 'lift-sys', HONEYCOMB_API_ENDPOINT: await honeycomb.start() };
  });
  afterAll(() => honeycomb.stop());
  afterEach(() => {
    expect(lines.join('\n')).not.toContain(KEY);
    lines.length = 0;
  });

  it('creates every board, query, trigger and SLO on the first apply', async () => {
    expect(await apply()).toBe(0);
    expect(honeycomb.objects('boards').map((board) => board['name'])).toHaveLength(4);
    expect(honeycomb.objects('triggers/lift-sys')).toHaveLength(5);
    expect(honeycomb.objects('slos/lift-sys')).toHaveLength(2);
    expect(honeycomb.objects('recipients')).toHaveLength(2);
  });

  it('changes nothing on the second apply', async () => {
    const writes = honeycomb.writes().length;
    expect(await apply()).toBe(0);
    expect(honeycomb.writes()).toHaveLength(writes);
    expect(lines).toContainEqual(expect.stringMatching(/^Plan: 0 to create, 0 to update, \d+ unchanged, 0 to delete\.$/));
  });
});
