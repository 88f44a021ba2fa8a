import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startExplorer } from '@lift-sys/explorer';
import { launchChromium } from './chromium.js';

/**
 * `npm run explore:screenshots`: runs the two-service demo, opens its traces in the explorer in
 * Debian's Chromium and saves the README's pictures to docs/images/ (after `npm run build`).
 */
const root = fileURLToPath(new URL('../../../', import.meta.url));
const built = (path: string): Promise<Record<string, unknown>> => import(join(root, 'dist/apps/lift-sys', path));
type RunDemo = (options: object) => Promise<number>;
type StartInference = (env: NodeJS.ProcessEnv) => Promise<{ url: string; stop: () => Promise<void> }>;
const runDemo = (await built('demo/run-demo.js')).runDemo as RunDemo;
const startInferenceService = (await built('demo/inference-process.js')).startInferenceService as StartInference;
const liftSysDefinitions = (await built('honeycomb/definitions.js')).liftSysDefinitions as (env: NodeJS.ProcessEnv) => object;

const images = join(root, 'docs/images');
const dir = mkdtempSync(join(tmpdir(), 'explorer-screenshots-'));
const tracesDir = join(dir, 'traces');
const env = { PATH: process.env.PATH, OBSERVABILITY_TRACES_DIR: tracesDir };

const inference = await startInferenceService(env);
const code = await runDemo({ env, inference, print: () => {} });
if (code !== 0) throw new Error(`the demo failed (${code})`);
const explorer = await startExplorer({ port: 0, tracesDir, definitions: liftSysDefinitions({}) });
const browser = await launchChromium(join(dir, 'profile'), { width: 1400, height: 860 });
try {
  const page = await browser.newPage();
  // A session creation: the app's spans around an IR translation served by the inference service.
  const [trace] = explorer.store.list({ service: 'lift-sys-inference', spanName: 'session.create' }).traces;
  if (!trace) throw new Error('no trace crosses both services');
  const served = explorer.store
    .trace(trace.traceId)!
    .find((span) => span.service === 'lift-sys-inference' && span.kind === 'server')!;
  await page.goto(`${explorer.url}/trace/${trace.traceId}#span-${served.spanId}`);
  await page.getByTestId('span-details').waitFor();
  await page.screenshot({ path: join(images, 'explorer-waterfall.png') });

  await page.goto(`${explorer.url}/boards`);
  const board = page.locator('[data-testid=board][data-board-name="lift-sys Performance"]');
  await board.locator('canvas').first().waitFor();
  await board.screenshot({ path: join(images, 'explorer-board.png') });
  console.log(`wrote ${join(images, 'explorer-waterfall.png')} and ${join(images, 'explorer-board.png')}`);
} finally {
  await browser.close();
  await explorer.close();
  rmSync(dir, { recursive: true, force: true });
}
