import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';

/** `npm run explore` as a fresh clone runs it: the built CLI with the app's built definitions (needs `npm run build`). */
const ROOT = join(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'libs', 'explorer', 'dist', 'src', 'server', 'cli.js');
const DEFINITIONS = join(ROOT, 'dist', 'apps', 'lift-sys', 'honeycomb', 'definitions.js');

describe('explore CLI', () => {
  let child: ChildProcess | undefined;
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'explore-cli-'));
  });
  afterEach(() => {
    child?.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts without a traces folder and serves the UI, an empty list and the app’s boards', async () => {
    child = spawn(process.execPath, [CLI, '--port', '0', '--traces', join(dir, 'missing'), '--definitions', DEFINITIONS], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const url = await new Promise<string>((resolve, reject) => {
      child!.once('exit', (code) => reject(new Error(`exited ${code}`)));
      createInterface({ input: child!.stdout! }).on('line', (line) => {
        const match = /^Trace explorer: (http:\/\/127\.0\.0\.1:\d+)\/$/.exec(line);
        if (match) resolve(match[1]!);
      });
    });
    const page = await fetch(`${url}/trace/${'ab'.repeat(16)}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('<script type="module" src="/app.js"></script>');
    expect((await fetch(`${url}/app.js`)).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await (await fetch(`${url}/api/traces`)).json()).toMatchObject({ totalTraces: 0, traces: [] });
    const boards = (await (await fetch(`${url}/api/boards`)).json()) as { definitionsLoaded: boolean; boards: unknown[] };
    expect(boards.definitionsLoaded).toBe(true);
    expect(boards.boards.length).toBeGreaterThan(0);
  });

  it('rejects bad options with the usage and exit code 2', async () => {
    const failure = await promisify(execFile)(process.execPath, [CLI, '--port', 'many']).catch(
      (error: { code: number; stdout: string }) => error,
    );
    expect(failure).toMatchObject({ code: 2 });
    expect((failure as { stdout: string }).stdout).toMatch(/--port must be 0-65535[\s\S]*Usage: lift-sys-explore/);
  });
});
