import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { startHttpFixture } from './http/http-apps.js';
import { runHttpBench } from './http/http-bench.js';
import type { MemoryResult } from './memory/memory-result.js';
import type { MicroConfig, MicroResult } from './micro/micro-result.js';
import { runMicroProcesses } from './micro/micro-processes.js';
import { OLDEST_NODE_MAJOR, parseCli } from './options.js';
import { takeProfiles } from './profile/take-profiles.js';
import { analyzeHttp } from './report/http-analysis.js';
import { analyzeMemory, analyzeMicro } from './report/micro-analysis.js';
import { renderReport } from './report/render-report.js';
import { checkTargets, fullProfiles, quickProfiles } from './report/targets.js';
import { benchFile, runChild } from './support/child.js';
import { describeEnvironment, nodeMajor } from './support/environment.js';

/** `npm run bench [-- --quick] [--out file] [--node 24|current]`: every phase in its own process, then the report. */
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const appDist = join(repoRoot, 'dist/apps/lift-sys');
const cli = parseCli(process.argv.slice(2));

/**
 * Node binary of a major version: this process's own for its version, else from the npm
 * registry's `node` package (cached; see test/node-binaries.mjs).
 */
const nodeBinary = (major: number): string =>
  major === nodeMajor(process.version)
    ? process.execPath
    : execFileSync(process.execPath, [join(repoRoot, 'test/node-binaries.mjs'), String(major)], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
      }).trim();

// The whole run moves to the chosen Node version: every child is forked from the same binary.
if (cli.node !== undefined && nodeMajor(process.version) !== cli.node) {
  const binary = nodeBinary(cli.node);
  const rerun = spawnSync(binary, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(rerun.status ?? 1);
}

const { settings, out } = cli;
const startedAt = performance.now();
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
progress(`running on Node ${process.version}`);
// A quick run starts the apps while the micro-benchmarks run (its numbers do not matter); a full run keeps them apart.
const earlyFixture = settings.quick ? startHttpFixture(appDist) : undefined;
earlyFixture?.catch(() => {});

const micro = (tracing: MicroConfig['tracing'], chunk: number, execPath = process.execPath): Promise<MicroResult> => {
  progress(`micro-benchmark, tracing ${tracing}${execPath === process.execPath ? '' : `, ${execPath}`}`);
  const env = childEnv(tracing === 'disabled' ? { HONEYCOMB_ENABLED: 'false' } : {});
  return runMicroProcesses(
    settings.micro,
    { chunk, tracing },
    (config) => runChild<MicroResult>({ entry: 'micro/micro-main.js', config, env, execPath }),
    progress,
  );
};
// The decorator targets name the oldest supported line as well as the one this run is on.
const oldest =
  !settings.quick && nodeMajor(process.version) !== OLDEST_NODE_MAJOR
    ? [await micro('enabled', 256, nodeBinary(OLDEST_NODE_MAJOR))]
    : [];
const enabled = [...oldest, await micro('enabled', 256)];
const disabled = await micro('disabled', 4096);

progress('starting the sample app and the light fixture');
const fixture = await (earlyFixture ?? startHttpFixture(appDist));
let memory: MemoryResult;
try {
  const http = await runHttpBench(fixture, settings.http, progress);
  progress('memory');
  memory = await runChild<MemoryResult>({
    entry: 'memory/memory-main.js',
    config: settings.memory,
    execArgv: ['--min-semi-space-size=64', '--max-semi-space-size=64'],
    env: childEnv(),
  });
  const enabledRuns = enabled.map((result) => ({ result, rows: analyzeMicro(result) }));
  const disabledRun = { result: disabled, rows: analyzeMicro(disabled) };
  const httpAnalysis = analyzeHttp(http);
  const targets = checkTargets({ enabled: enabledRuns, disabled: disabledRun, http: httpAnalysis });
  const runMajor = nodeMajor(process.version);
  const planned = settings.quick
    ? quickProfiles(runMajor)
    : fullProfiles([...new Set([OLDEST_NODE_MAJOR, runMajor])].sort((a, b) => a - b));
  const profiles = await takeProfiles(planned, {
    fixture,
    http: settings.http,
    ...settings.profile,
    repoRoot,
    childEnv,
    nodeBinary,
    progress,
  });
  const report = renderReport({
    quick: settings.quick,
    environment: { ...environment, loadAtEnd: loadavg() },
    elapsedSeconds: (performance.now() - startedAt) / 1000,
    enabled: enabledRuns,
    disabled: disabledRun,
    memory: { result: memory, rows: analyzeMemory(memory) },
    http: { result: http, analysis: httpAnalysis },
    targets,
    profiles,
  });
  mkdirSync(dirname(reportPath), { recursive: true });
  // Formatted as the repository's format check expects, so a regenerated report passes it as is.
  const prettierOptions = (await prettier.resolveConfig(reportPath)) ?? {};
  writeFileSync(reportPath, await prettier.format(report, { ...prettierOptions, filepath: reportPath }));
  writeFileSync(benchFile('results.json'), JSON.stringify({ environment, enabled, disabled, memory, http, profiles }, null, 1));
  progress(
    `wrote ${relative(process.cwd(), reportPath)}: ${targets.filter((check) => check.met).length}/${targets.length} targets met`,
  );
} finally {
  await fixture.close();
}

if ([...enabled.map((result) => result.spans), memory.spans].some((spans) => spans.expected !== spans.exported)) {
  console.error('[bench] spans were lost in a micro-benchmark: its numbers are invalid (see the report)');
  process.exitCode = 1;
}
