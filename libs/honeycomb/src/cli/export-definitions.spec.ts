import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sampleDefinitions } from '../testing/fixtures.js';
import { main } from './apply.js';
import { renderDefinitionFiles } from './export-definitions.js';
import { loadDefinitions } from './load-definitions.js';

describe('exporting definitions as JSON', () => {
  let dir: string;
  beforeEach(async () => (dir = await mkdtemp(join(tmpdir(), 'honeycomb-export-'))));
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('renders one pretty JSON file per kind with keys sorted at every level', () => {
    const files = renderDefinitionFiles(sampleDefinitions());
    expect(Object.keys(files)).toEqual([
      'recipients.json',
      'derived-columns.json',
      'queries.json',
      'slos.json',
      'burn-alerts.json',
      'triggers.json',
      'boards.json',
    ]);
    expect(files['slos.json']).toBe(
      '[\n  {\n    "name": "Request Success",\n    "sli": {\n      "alias": "request_succeeded"\n    },\n    "target_per_million": 950000,\n    "time_period_days": 30\n  }\n]\n',
    );
  });

  it('never writes a PagerDuty key or webhook URL, only its hash', () => {
    const defs = sampleDefinitions();
    const key = defs.recipients![1]!.target;
    const files = Object.values(renderDefinitionFiles(defs)).join('');
    expect(files).not.toContain(key);
    expect(renderDefinitionFiles(defs)['recipients.json']).toContain('"target": "sha256:3eb1bd43"');
    expect(renderDefinitionFiles(defs)['triggers.json']).toContain('"target": "sha256:3eb1bd43"');
  });

  it('does not depend on the key order the definitions were written in', () => {
    const reordered = sampleDefinitions();
    reordered.slos = [
      { time_period_days: 30, target_per_million: 950_000, sli: { alias: 'request_succeeded' }, name: 'Request Success' },
    ];
    expect(renderDefinitionFiles(reordered)).toEqual(renderDefinitionFiles(sampleDefinitions()));
  });

  it('writes the files with --export, offline, so committed JSON can be compared with generated JSON', async () => {
    const out: string[] = [];
    const code = await main(
      ['--export', dir],
      {},
      { stdout: (l) => out.push(l), stderr: (l) => out.push(l) },
      { definitions: sampleDefinitions() },
    );
    expect(code).toBe(0);
    expect((await readdir(dir)).sort()).toEqual(Object.keys(renderDefinitionFiles(sampleDefinitions())).sort());
    expect(await readFile(join(dir, 'triggers.json'), 'utf8')).toBe(renderDefinitionFiles(sampleDefinitions())['triggers.json']);
    expect(out).toContain(`wrote ${join(dir, 'boards.json')}`);
  });

  it('loads definitions from a module path', async () => {
    const path = join(dir, 'defs.mjs');
    await writeFile(path, 'export const definitions = { queries: [] };\nexport const declaredColumns = ["user.id"];\n');
    expect(await loadDefinitions(path)).toEqual({ definitions: { queries: [] }, declaredColumns: ['user.id'] });
  });
});
