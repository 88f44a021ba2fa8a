import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { JsonTraceSerializer, ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import type { BrowserContext } from 'playwright-core';
import { format } from 'prettier';
import { startExplorer } from '@lift-sys/explorer';
import { launchChromium } from './chromium.js';
import { chunk, syntheticTraces } from './synthetic-traces.js';

/**
 * `npm run bench:explorer [-- --out file]`: the explorer's speed targets (issue 13), measured.
 * - ingest: 100,000 spans posted as OTLP/HTTP protobuf, 1,000 spans a request, 4 in flight;
 * - load: the same spans read back from the traces folder at start, then the list's first answer
 *   and the first rows painted in Chromium;
 * - waterfall: a 2,000-span trace opened by URL in Chromium until every row is in the page.
 */
const { values } = parseArgs({ options: { out: { type: 'string' }, spans: { type: 'string', default: '100000' } } });
const TOTAL_SPANS = Number(values.spans);
const TARGETS = { ingestSpansPerSecond: 20_000, loadAndListMs: 5_000, waterfallMs: 1_000 };

/** What the page function reads, typed here since the bench compiles without DOM types. */
interface BrowserGlobals {
  document: {
    querySelector(selector: string): { getAttribute(name: string): string | null } | null;
    querySelectorAll(selector: string): { length: number };
  };
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const log = (line: string): void => console.error(`[bench:explorer] ${line}`);

/** The explorer's CLI, from the built package. */
const CLI = join(dirname(createRequire(import.meta.url).resolve('@lift-sys/explorer')), 'cli.js');

/** The explorer as users start it, in its own process, so the load generator's heap does not slow it. */
async function spawnExplorer(tracesDir: string): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, [CLI, '--port', '0', '--traces', tracesDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the explorer exited (${code})`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      const match = /^Trace explorer: (\S+)\/$/.exec(line);
      if (match) resolve(match[1]!);
    });
  });
  return { url, stop: () => child.kill('SIGTERM') };
}

async function post(explorer: { url: string }, body: Uint8Array): Promise<void> {
  const response = await fetch(`${explorer.url}/v1/traces`, {
    method: 'POST',
    body: Buffer.from(body),
    headers: { 'Content-Type': 'application/x-protobuf' },
  });
  if (response.status !== 200) throw new Error(`ingest answered ${response.status}`);
  await response.arrayBuffer();
}

async function measureIngest(dir: string): Promise<{ spansPerSecond: number; seconds: number }> {
  log(`building ${TOTAL_SPANS} spans with the SDK`);
  const bodies = chunk(syntheticTraces(TOTAL_SPANS / 20, 20), 1000).map((spans) =>
    ProtobufTraceSerializer.serializeRequest(spans)!,
  );
  const explorer = await spawnExplorer(dir);
  try {
    log(`posting ${bodies.length} requests`);
    const started = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (next < bodies.length) await post(explorer, bodies[next++]!);
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const { totalSpans } = (await (await fetch(`${explorer.url}/api/traces?limit=1`)).json()) as { totalSpans: number };
    if (totalSpans !== TOTAL_SPANS) throw new Error(`stored ${totalSpans} of ${TOTAL_SPANS} spans`);
    return { spansPerSecond: TOTAL_SPANS / seconds, seconds };
  } finally {
    explorer.stop();
  }
}

async function measureLoad(
  dir: string,
  browser: BrowserContext,
): Promise<{ loadMs: number; listApiMs: number; firstRowsMs: number; totalMs: number }> {
  const started = performance.now();
  const explorer = await startExplorer({ port: 0, tracesDir: dir });
  const loadMs = performance.now() - started;
  try {
    if (explorer.store.totalSpans !== TOTAL_SPANS) throw new Error(`loaded ${explorer.store.totalSpans} of ${TOTAL_SPANS} spans`);
    const apiStarted = performance.now();
    await (await fetch(`${explorer.url}/api/traces`)).json();
    const listApiMs = performance.now() - apiStarted;
    const page = await browser.newPage();
    const pageStarted = performance.now();
    await page.goto(explorer.url);
    await page.getByTestId('trace-row').first().waitFor();
    const firstRowsMs = performance.now() - pageStarted;
    await page.close();
    return { loadMs, listApiMs, firstRowsMs, totalMs: loadMs + firstRowsMs };
  } finally {
    await explorer.close();
  }
}

/** The waterfall holds all 2,000 rows and has rendered the screenful it shows. */
const waterfallShown = (): boolean => {
  const { document } = globalThis as unknown as BrowserGlobals;
  return (
    document.querySelector('[data-testid=waterfall]')?.getAttribute('data-row-count') === '2000' &&
    document.querySelectorAll('[data-testid=waterfall-row]').length > 0
  );
};

/**
 * The 2,000-span trace opened from the trace list (the page already loaded: fetch, tree and render)
 * and, for reference, by URL in a new tab (page load included). Until the waterfall holds all
 * 2,000 rows and has rendered the ones on screen (it renders only those and a margin).
 */
async function measureWaterfall(
  browser: BrowserContext,
): Promise<{ fromListMs: number; byUrlMs: number; fromListRuns: number[] }> {
  const explorer = await startExplorer({ port: 0 });
  try {
    const spans = syntheticTraces(1, 2000, 12);
    await post(explorer, ProtobufTraceSerializer.serializeRequest(spans)!);
    const traceId = spans[0]!.spanContext().traceId;
    const fromList: number[] = [];
    const byUrl: number[] = [];
    for (let run = 0; run < 5; run++) {
      const page = await browser.newPage();
      await page.goto(explorer.url);
      const link = page.locator(`[data-trace-id="${traceId}"] [data-testid=trace-link]`);
      await link.waitFor();
      const started = performance.now();
      await link.click();
      await page.waitForFunction(waterfallShown, undefined, { polling: 10 });
      fromList.push(performance.now() - started);
      await page.close();

      const fresh = await browser.newPage();
      const opened = performance.now();
      await fresh.goto(`${explorer.url}/trace/${traceId}`);
      await fresh.waitForFunction(waterfallShown, undefined, { polling: 10 });
      byUrl.push(performance.now() - opened);
      await fresh.close();
    }
    return { fromListMs: median(fromList), byUrlMs: median(byUrl), fromListRuns: fromList };
  } finally {
    await explorer.close();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'explorer-bench-'));
const browser = await launchChromium(join(dir, 'profile'));
try {
  const tracesDir = join(dir, 'traces');
  const ingest = await measureIngest(tracesDir);
  log(`ingest: ${Math.round(ingest.spansPerSecond)} spans/s`);
  const load = await measureLoad(tracesDir, browser);
  log(
    `load ${Math.round(load.loadMs)} ms, list API ${Math.round(load.listApiMs)} ms, first rows in Chromium ${Math.round(load.firstRowsMs)} ms`,
  );
  const waterfall = await measureWaterfall(browser);
  log(
    `2,000-span waterfall: median ${Math.round(waterfall.fromListMs)} ms from the list, ${Math.round(waterfall.byUrlMs)} ms by URL`,
  );
  const jsonBytes = JsonTraceSerializer.serializeRequest(syntheticTraces(50, 20))!.length;

  const rows = [
    [
      'Ingest into the explorer process, OTLP/HTTP protobuf (100 requests of 1,000 spans, 4 in flight)',
      `${Math.round(ingest.spansPerSecond).toLocaleString('en-US')} spans/s`,
      `≥ ${TARGETS.ingestSpansPerSecond.toLocaleString('en-US')} spans/s`,
      ingest.spansPerSecond >= TARGETS.ingestSpansPerSecond,
    ],
    [`Load ${TOTAL_SPANS.toLocaleString('en-US')} spans from the traces folder`, `${Math.round(load.loadMs)} ms`, '', true],
    ['First answer of the trace list API after the load', `${Math.round(load.listApiMs)} ms`, '', true],
    ['Trace list painted in Chromium (page load to first row)', `${Math.round(load.firstRowsMs)} ms`, '', true],
    [
      'Load + list usable',
      `${Math.round(load.totalMs)} ms`,
      `< ${TARGETS.loadAndListMs} ms`,
      load.totalMs < TARGETS.loadAndListMs,
    ],
    [
      '2,000-span waterfall opened from the trace list, visible rows rendered (median of 5)',
      `${Math.round(waterfall.fromListMs)} ms`,
      `< ${TARGETS.waterfallMs} ms`,
      waterfall.fromListMs < TARGETS.waterfallMs,
    ],
    [
      'The same trace opened by URL in a new tab, page load included (median of 5)',
      `${Math.round(waterfall.byUrlMs)} ms`,
      '',
      true,
    ],
  ] as const;
  const report = [
    '# Explorer performance',
    '',
    `Measured by \`npm run bench:explorer\` on ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, Debian Chromium headless; ingest is measured against the explorer started by its CLI in its own process; load and render against one started in the bench's process.`,
    `Load average when it finished: ${loadavg()
      .map((value) => value.toFixed(1))
      .join(', ')} on ${availableParallelism()} cores (the machine is shared: high values slow every figure).`,
    `Synthetic traces of 20 spans across two services (${jsonBytes} bytes of OTLP/JSON per 1,000 spans on disk).`,
    '',
    '| Measure | Result | Target | Met |',
    '| --- | --- | --- | --- |',
    ...rows.map(
      ([measure, result, target, met]) => `| ${measure} | ${result} | ${target} | ${target ? (met ? 'yes' : '**no**') : ''} |`,
    ),
    '',
    `Waterfall runs from the list (ms): ${waterfall.fromListRuns.map((run) => Math.round(run)).join(', ')}.`,
    '',
  ].join('\n');
  console.log(report);
  // Formatted as the repository's `prettier --check` expects.
  if (values.out) writeFileSync(values.out, await format(report, { parser: 'markdown' }));
  process.exitCode = rows.every(([, , target, met]) => !target || met) ? 0 : 1;
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}
