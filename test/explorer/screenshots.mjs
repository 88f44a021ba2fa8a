// `npm run explore:screenshots`: runs the two-service demo, opens its traces in the explorer in
// Debian's Chromium and saves the README's pictures to docs/images/ (needs `npm run build`).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startExplorer } from '@lift-sys/explorer';

const root = fileURLToPath(new URL('../../', import.meta.url));
const { runDemo } = await import(join(root, 'dist/apps/lift-sys/demo/run-demo.js'));
const { startInferenceService } = await import(join(root, 'dist/apps/lift-sys/demo/inference-process.js'));
const { liftSysDefinitions } = await import(join(root, 'dist/apps/lift-sys/honeycomb/definitions.js'));
const images = join(root, 'docs/images');
const dir = mkdtempSync(join(tmpdir(), 'explorer-screenshots-'));
const env = { PATH: process.env.PATH, OBSERVABILITY_TRACES_DIR: join(dir, 'traces') };

const inference = await startInferenceService(env);
const code = await runDemo({ env, inference, print: () => {} });
if (code !== 0) throw new Error(`the demo failed (${code})`);
const explorer = await startExplorer({ port: 0, tracesDir: env.OBSERVABILITY_TRACES_DIR, definitions: liftSysDefinitions({}) });
const browser = await chromium.launchPersistentContext(join(dir, 'profile'), {
  executablePath: '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1400, height: 860 },
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
try {
  const page = await browser.newPage();
  // A session creation: the app's spans around an IR translation served by the inference service.
  const [trace] = explorer.store.list({ service: 'lift-sys-inference', spanName: 'session.create' }).traces;
  if (!trace) throw new Error('no trace crosses both services');
  const served = explorer.store
    .trace(trace.traceId)
    .find((span) => span.service === 'lift-sys-inference' && span.kind === 'server');
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
