import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startHttpFixture } from './http/http-apps.js';
import { runHttpBench } from './http/http-bench.js';
import type { MemoryResult } from './memory/memory-result.js';
import type { MicroConfig, MicroResult } from './micro/micro-result.js';
import { parseCli } from './options.js';
import { takeProfiles } from './profile/take-profiles.js';
import { analyzeHttp } from './report/http-analysis.js';
import { analyzeMemory, analyzeMicro } from './report/micro-analysis.js';
import { renderReport } from './report/render-report.js';
import { checkTargets, profilesFor, QUICK_PROFILES } from './report/targets.js';
import { benchFile, runChild } from './support/child.js';
import { describeEnvironment } from './support/environment.js';

/** `npm run bench [-- --quick] [--out file]`: every phase in its own process, then the report. */
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const appDist = join(repoRoot, 'dist/apps/lift-sys');
const startedAt = performance.now();
const { settings, out } = parseCli(process.argv.slice(2));
const reportPath = out ?? (settings.quick ? benchFile('PERFORMANCE.quick.md') : join(repoRoot, 'docs/PERFORMANCE.md'));
const progress = (line: string): void => {
  console.error(`[bench ${((performance.now() - startedAt) / 1000).toFixed(0).padStart(3)} s] ${line}`);
};
/** Children get PATH and nothing else from this environment, so no OTEL_* or HONEYCOMB_* setting leaks in. */
const childEnv = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({ PATH: process.env.PATH ?? '', ...extra });

if (!existsSync(join(appDist, 'bootstrap.js'))) {
  throw new Error(`no app build in ${appDist}: run node node_modules/typescript/bin/tsc -p apps/lift-sys/tsconfig.app.json`);
}
const environment = describeEnvironment(repoRoot);
// A quick run starts the apps while the micro-benchmarks run (its numbers do not matter); a full run keeps them apart.
const earlyFixture = settings.quick ? startHttpFixture(appDist) : undefined;
earlyFixture?.catch(() => {});

const micro = (tracing: MicroConfig['tracing'], chunk: number): Promise<MicroResult> => {
  progress(`micro-benchmark, tracing ${tracing}`);
  return runChild<MicroResult>({
    entry: 'micro/micro-main.js',
    config: { ...settings.micro, chunk, tracing } satisfies MicroConfig,
    env: childEnv(tracing === 'disabled' ? { HONEYCOMB_ENABLED: 'false' } : {}),
  });
};
const enabled = await micro('enabled', 256);
const disabled = await micro('disabled', 4096);

progress('starting the sample app four times');
const fixture = await (earlyFixture ?? startHttpFixture(appDist));
let memory: MemoryResult;
try {
  const http = await runHttpBench(fixture, settings.http, progress);
  // Measured after the HTTP phase, while the apps sit idle: in a quick run their start-up no longer competes with it.
  progress('memory');
  memory = await runChild<MemoryResult>({
    entry: 'memory/memory-main.js',
    config: settings.memory,
    execArgv: ['--min-semi-space-size=64', '--max-semi-space-size=64'],
    env: childEnv(),
  });
  const enabledRows = analyzeMicro(enabled);
  const disabledRows = analyzeMicro(disabled);
  const httpAnalysis = analyzeHttp(http);
  const targets = checkTargets(enabledRows, disabledRows, httpAnalysis);
  const profiles = await takeProfiles(settings.quick ? QUICK_PROFILES : profilesFor(targets), {
    fixture,
    http: settings.http,
    ...settings.profile,
    repoRoot,
    childEnv,
    progress,
  });
  const report = renderReport({
    quick: settings.quick,
    environment: { ...environment, loadAtEnd: loadavg() },
    elapsedSeconds: (performance.now() - startedAt) / 1000,
    enabled: { result: enabled, rows: enabledRows },
    disabled: { result: disabled, rows: disabledRows },
    memory: { result: memory, rows: analyzeMemory(memory) },
    http: { result: http, analysis: httpAnalysis },
    targets,
    profiles,
  });
  mkdirSync(dirname(reportPath), { recursive: true });
  writeFileSync(reportPath, report);
  writeFileSync(benchFile('results.json'), JSON.stringify({ environment, enabled, disabled, memory, http, profiles }, null, 1));
  progress(
    `wrote ${relative(process.cwd(), reportPath)}: ${targets.filter((check) => check.met).length}/${targets.length} targets met`,
  );
} finally {
  await fixture.close();
}

if ([enabled.spans, memory.spans].some((spans) => spans.expected !== spans.exported)) {
  console.error('[bench] spans were lost in a micro-benchmark: its numbers are invalid (see the report)');
  process.exitCode = 1;
}
