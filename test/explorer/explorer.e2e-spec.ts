import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { context, trace } from '@opentelemetry/api';
import { ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import type { BrowserContext, Page } from 'playwright-core';
import { memoryTracer } from '../../libs/explorer/src/server/testing/sample-spans.js';
import { startExplorer, type Explorer } from '../../libs/explorer/src/server/explorer-server.js';
import { liftSysDefinitions } from '../../apps/lift-sys/src/honeycomb/definitions.js';
import { launchChromium } from '../bench/explorer/chromium.js';

const run = promisify(execFile);
const POSTER = join(import.meta.dirname, 'support', 'post-traces.mjs');
const UNTRUSTED = '<img src=x onerror="window.__injected = true">';

/**
 * The explorer served with the app's definitions, driven in Debian's Chromium. The spans come from
 * a separate Node process exporting with the OpenTelemetry SDK's OTLP/HTTP protobuf exporter.
 * Needs `npm run build` (the UI bundle).
 */
describe('trace explorer in a browser', () => {
  let dir: string;
  let explorer: Explorer;
  let browser: BrowserContext;
  let page: Page;
  let problems: string[];
  /** Set by a test that asks for an unknown trace: Chromium logs the API's 404 as a console error. */
  let expect404: boolean;
  const definitions = liftSysDefinitions({});

  const postTrace = async (): Promise<string> => (await run(process.execPath, [POSTER, explorer.url, UNTRUSTED])).stdout.trim();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'explorer-e2e-'));
    explorer = await startExplorer({ port: 0, tracesDir: join(dir, 'traces'), definitions });
    browser = await launchChromium(join(dir, 'profile'));
  });
  afterAll(async () => {
    await browser?.close();
    await explorer?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    problems = [];
    expect404 = false;
    page = await browser.newPage();
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      if (expect404 && message.text().includes('status of 404')) return;
      problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('dialog', (dialog) => problems.push(`dialog: ${dialog.message()}`));
  });
  afterEach(async () => {
    expect(await page.evaluate(() => (globalThis as { __injected?: boolean }).__injected)).toBeUndefined();
    await page.close();
    expect(problems).toEqual([]);
  });

  it('lists a trace posted over OTLP by another process while the page is open', async () => {
    await page.goto(explorer.url);
    await page.getByTestId('trace-count').waitFor();
    const traceId = await postTrace();
    const row = page.locator(`[data-testid=trace-row][data-trace-id="${traceId}"]`);
    await row.waitFor();
    expect(await row.getByTestId('trace-link').textContent()).toBe('POST /checkout');
    expect(await row.textContent()).toContain('checkout-api');
    expect(await row.textContent()).toContain('inference-service');
    expect(await row.getByTestId('error-mark').count()).toBe(1);

    await page.getByTestId('filter-service').selectOption('inference-service');
    await page.getByTestId('filter-errors').check();
    await page.getByTestId('filter-attribute').fill('gen_ai.request.model=tiny-model');
    await row.waitFor();
    await page.getByTestId('filter-attribute').fill('gen_ai.request.model=other');
    await row.waitFor({ state: 'detached' });
  });

  it('opens the waterfall on a click, nested by parent, with both services, and shows a span’s attributes and exception as text', async () => {
    const traceId = await postTrace();
    await page.goto(explorer.url);
    await page.locator(`[data-testid=trace-row][data-trace-id="${traceId}"] [data-testid=trace-link]`).click();
    await page.waitForURL(`**/trace/${traceId}`);
    const rows = page.getByTestId('waterfall-row');
    await rows.first().waitFor();
    const shown = await rows.evaluateAll((elements) =>
      elements.map((e) => [
        e.getAttribute('data-span-name'),
        Number(e.getAttribute('data-depth')),
        e.getAttribute('data-service'),
      ]),
    );
    expect(shown).toEqual([
      ['POST /checkout', 0, 'checkout-api'],
      ['POST /v1/chat/completions', 1, 'checkout-api'],
      ['chat.completions', 2, 'inference-service'],
      ['db.query', 1, 'checkout-api'],
    ]);

    await page.locator('[data-testid=waterfall-row][data-span-name="chat.completions"]').click();
    const details = page.getByTestId('span-details');
    expect(await details.getByTestId('span-status').textContent()).toBe('error: the model ran out of tokens');
    const attributes = details.getByTestId('span-attributes');
    expect(await attributes.locator('tr', { hasText: 'gen_ai.request.model' }).locator('td').textContent()).toBe('tiny-model');
    expect(await attributes.locator('tr', { hasText: 'user.note' }).locator('td').textContent()).toBe(UNTRUSTED);
    expect(await details.locator('img').count()).toBe(0);
    const exception = details.getByTestId('span-exception');
    expect(await exception.locator('h4').textContent()).toBe('RangeError: the model ran out of tokens');
    expect(await exception.locator('pre').textContent()).toContain('post-traces.mjs');

    await page.locator('[data-testid=waterfall-row][data-span-name="db.query"]').click();
    await details.getByTestId('span-link').locator('a').click();
    await page.locator('[data-testid=waterfall-row][data-span-name="chat.completions"].selected').waitFor();
  });

  it('opens a trace straight from its id in the URL', async () => {
    const traceId = await postTrace();
    await page.goto(`${explorer.url}/trace/${traceId}`);
    await page.getByTestId('waterfall-row').first().waitFor();
    expect(await page.getByTestId('waterfall-row').count()).toBe(4);
    expect404 = true;
    await page.goto(`${explorer.url}/trace/${'0'.repeat(31)}1`);
    expect(await page.getByTestId('trace-error').textContent()).toMatch(/no trace/);
  });

  it('renders a tall waterfall a screenful at a time and shows the last spans after scrolling', async () => {
    const { tracer, spans } = memoryTracer('tall-service');
    const root = tracer.startSpan('tall root');
    for (let i = 0; i < 400; i++) tracer.startSpan(`step ${i}`, {}, trace.setSpan(context.active(), root)).end();
    root.end();
    const body = ProtobufTraceSerializer.serializeRequest(spans())!;
    await fetch(`${explorer.url}/v1/traces`, {
      method: 'POST',
      body: Buffer.from(body),
      headers: { 'Content-Type': 'application/x-protobuf' },
    });
    await page.goto(`${explorer.url}/trace/${root.spanContext().traceId}`);
    const waterfall = page.getByTestId('waterfall');
    await waterfall.locator('[data-span-name="tall root"]').waitFor();
    expect(await waterfall.getAttribute('data-row-count')).toBe('401');
    expect(await page.getByTestId('waterfall-row').count()).toBeLessThan(200);
    await page.mouse.wheel(0, 401 * 22);
    await waterfall.locator('[data-span-name="step 399"]').waitFor();
    expect(await waterfall.locator('[data-span-name="tall root"]').count()).toBe(0);
  });

  it('renders every board of the definitions with a chart or table per query panel, and the triggers and SLOs', async () => {
    await postTrace();
    await page.goto(`${explorer.url}/boards`);
    await page.getByTestId('board').first().waitFor();
    for (const board of definitions.boards ?? []) {
      const section = page.locator(`[data-testid=board][data-board-name="${board.name}"]`);
      const panels = section.getByTestId('panel').or(section.getByTestId('slo'));
      expect(await panels.count()).toBe(board.panels.length);
      for (const panel of board.panels.filter((p) => p.type === 'query')) {
        const shown = section.locator(`[data-panel-name="${panel.query_panel.query}"]`);
        expect(await shown.locator('.error-text').count()).toBe(0);
        expect((await shown.locator('canvas').count()) + (await shown.getByTestId('result-table').count())).toBeGreaterThan(0);
      }
    }
    expect(await page.getByTestId('trigger-row').count()).toBe(definitions.triggers?.length);
    expect(await page.getByTestId('slo').first().locator('canvas').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-chart-kind=heatmap] canvas').count()).toBeGreaterThan(0);
    await page.getByTestId('board-range').selectOption('3600');
    await page.getByTestId('board').first().waitFor();
  });
});
