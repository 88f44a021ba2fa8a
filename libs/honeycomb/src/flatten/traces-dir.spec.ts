import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readTracesDir } from './traces-dir.js';

const line = (name: string) =>
  JSON.stringify({
    resourceSpans: [
      {
        resource: { attributes: [] },
        scopeSpans: [
          { spans: [{ traceId: 'a', spanId: name, name, kind: 2, startTimeUnixNano: '1000000', endTimeUnixNano: '3000000' }] },
        ],
      },
    ],
  });

describe('readTracesDir', () => {
  let dir: string;
  beforeEach(async () => (dir = await mkdtemp(join(tmpdir(), 'traces-'))));
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('reads one OTLP request per line from every file, in file-name order', async () => {
    await writeFile(join(dir, 'b.jsonl'), `${line('third')}\n`);
    await writeFile(join(dir, 'a.jsonl'), `${line('first')}\n\n${line('second')}\n`);
    const events = await readTracesDir(dir);
    expect(events.map((e) => [e['name'], e['duration_ms']])).toEqual([
      ['first', 2],
      ['second', 2],
      ['third', 2],
    ]);
  });

  it('names the file and line of malformed JSON', async () => {
    await writeFile(join(dir, 'bad.jsonl'), `${line('ok')}\n{not json\n`);
    await expect(readTracesDir(dir)).rejects.toThrow(`${join(dir, 'bad.jsonl')}:2: not JSON`);
  });
});
