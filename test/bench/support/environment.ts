import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem, type } from 'node:os';
import { join } from 'node:path';

/** What the report states about the machine and the software measured. */
export interface Environment {
  date: string;
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  commit: string;
  packages: { name: string; version: string }[];
  /** 1-, 5- and 15-minute load averages when the run started and when it ended. */
  loadAtStart: number[];
  loadAtEnd: number[];
}

const PACKAGES = [
  '@opentelemetry/api',
  '@opentelemetry/sdk-trace-base',
  '@opentelemetry/sdk-trace-node',
  '@opentelemetry/context-async-hooks',
  '@opentelemetry/exporter-trace-otlp-http',
  '@opentelemetry/sdk-node',
  '@opentelemetry/auto-instrumentations-node',
  'nestjs-otel',
  '@nestjs/core',
  'rxjs',
  'autocannon',
  'typescript',
];

export function describeEnvironment(repoRoot: string): Omit<Environment, 'loadAtEnd'> {
  return {
    date: new Date().toISOString(),
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: totalmem() / 2 ** 30,
    os: `${type()} ${release()}`,
    node: nodeVersionLabel(),
    commit: gitCommit(repoRoot),
    packages: [
      { name: '@lift-sys/observability', version: versionAt(join(repoRoot, 'libs/observability')) },
      ...PACKAGES.map((name) => ({ name, version: versionAt(join(repoRoot, 'node_modules', name)) })),
    ],
    loadAtStart: loadavg(),
  };
}

/** This process's Node version with its LTS codename, e.g. `v24.21.0 (LTS Krypton)`. */
export function nodeVersionLabel(): string {
  return process.release.lts === undefined ? process.version : `${process.version} (LTS ${process.release.lts})`;
}

/** The major version in `process.version` or in a label such as `v20.20.2 (LTS Iron)`. */
export function nodeMajor(version: string): number {
  return Number(/^v(\d+)\./.exec(version)?.[1] ?? Number.NaN);
}

function versionAt(dir: string): string {
  try {
    return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'not installed';
  }
}

function gitCommit(repoRoot: string): string {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim();
    // The reports the benchmarks write are left out: regenerating one does not change what is measured.
    const dirty =
      execFileSync('git', ['status', '--porcelain', '--', '.', ':(exclude)docs/PERFORMANCE*.md'], {
        cwd: repoRoot,
        encoding: 'utf8',
      }).trim() !== '';
    return dirty ? `${commit} (with uncommitted changes)` : commit;
  } catch {
    return 'unknown';
  }
}
