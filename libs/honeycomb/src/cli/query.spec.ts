import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { desc, p95 } from '../spec/builders.js';
import type { DefinitionsModule } from '../spec/definitions.js';
import { main } from './query.js';

const NOW = 1_700_000_100_000;

const span = (name: string, user: string, startMs: number, durationMs: number) => ({
  traceId: `trace-${user}`,
  spanId: `${name}-${startMs}`,
  name,
  kind: 2,
  startTimeUnixNano: String(BigInt(startMs) * 1_000_000n),
  endTimeUnixNano: String(BigInt(startMs) * 1_000_000n + BigInt(Math.round(durationMs * 1e6))),
  attributes: [{ key: 'user.id', value: { stringValue: user } }],
});

const source: DefinitionsModule = {
  definitions: {
    queries: [
      {
        name: 'Slowest users',
        query: {
          calculations: [p95('duration_ms')],
          breakdowns: ['user.id'],
          orders: [desc(p95('duration_ms'))],
          time_range: 3600,
        },
      },
    ],
  },
};

describe('traces:query CLI', () => {
  let dir: string;
  let out: string[];
  let err: string[];
  const io = () => ({ stdout: (l: string) => out.push(l), stderr: (l: string) => err.push(l), now: () => NOW });

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'traces-'));
    out = [];
    err = [];
    const request = {
      resourceSpans: [
        {
          scopeSpans: [
            {
              spans: [
                span('a', 'alice', NOW - 5000, 1500),
                span('b', 'bob', NOW - 4000, 250.25),
                span('c', 'bob', NOW - 7_200_000, 9000),
              ],
            },
          ],
        },
      ],
    };
    await writeFile(join(dir, 'spans.jsonl'), `${JSON.stringify(request)}\n`);
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('runs a saved query over the trace files and prints a table', async () => {
    expect(await main(['Slowest users', '--dir', dir], io(), source)).toBe(0);
    expect(out.slice(1)).toEqual([
      'user.id  P95(duration_ms)',
      '-------  ----------------',
      'alice    1500',
      'bob      250.25',
      '2 row(s)',
    ]);
    expect(out[0]).toContain('3 events');
  });

  it('uses --now to place the time window', async () => {
    expect(await main(['Slowest users', '--dir', dir, '--now', String(NOW - 7_000_000)], io(), source)).toBe(0);
    expect(out).toContain('bob      9000');
  });

  it('lists the saved queries when the name is unknown', async () => {
    expect(await main(['Nope', '--dir', dir], io(), source)).toBe(1);
    expect(err).toEqual(['no saved query named "Nope"', 'saved queries: "Slowest users"']);
  });
});
