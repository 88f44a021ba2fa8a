// Runs the Jest suite, the pack test and the demo on every tested Node version, one version after
// the other (type check, lint and build run once before, in `npm test`). The Node binaries come
// from test/node-binaries.mjs; each step runs with its version first on PATH, so the npm and node
// processes it starts use that version too.
// Usage: node test/node-matrix.mjs [--node 22 ...] [--step jest|pack|demo ...] [-- <jest arguments>]
import { spawnSync } from 'node:child_process';
import { delimiter, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { nodeBinary, TESTED_MAJORS, versionOf } from './node-binaries.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const STEPS = {
  // One worker per core, not Jest's default of one fewer: many end-to-end specs wait on child
  // processes and servers, and a second worker on two cores overlapped those waits (1.4x faster).
  jest: ['--experimental-vm-modules', '--no-warnings=ExperimentalWarning', 'node_modules/jest/bin/jest.js', '--maxWorkers=100%'],
  pack: ['test/pack/run.mjs'],
  demo: ['dist/apps/lift-sys/demo/main.js'],
};

const { values, positionals } = parseArgs({
  options: { node: { type: 'string', multiple: true }, step: { type: 'string', multiple: true } },
  allowPositionals: true,
});
const majors = (values.node ?? TESTED_MAJORS).map(Number);
const steps = values.step ?? Object.keys(STEPS);
for (const step of steps)
  if (!(step in STEPS)) throw new Error(`unknown step '${step}' (expected ${Object.keys(STEPS).join(', ')})`);

const results = [];
for (const major of majors) {
  const binary = nodeBinary(major);
  const version = versionOf(binary);
  const env = { ...process.env, PATH: `${dirname(binary)}${delimiter}${process.env.PATH ?? ''}` };
  for (const step of steps) {
    console.log(`\n[matrix] ${step} on Node ${version}`);
    const started = Date.now();
    const args = step === 'jest' ? [...STEPS[step], ...positionals] : STEPS[step];
    const { status, signal } = spawnSync(binary, args, { cwd: repoRoot, env, stdio: 'inherit' });
    results.push({
      version,
      step,
      ok: status === 0,
      outcome: signal ?? `exit ${status}`,
      seconds: (Date.now() - started) / 1000,
    });
  }
}

console.log('\n[matrix] summary');
for (const { version, step, ok, outcome, seconds } of results) {
  console.log(
    `  ${ok ? 'pass' : 'FAIL'}  Node ${version.padEnd(9)} ${step.padEnd(5)} ${seconds.toFixed(0).padStart(4)} s  ${ok ? '' : outcome}`,
  );
}
process.exitCode = results.every((result) => result.ok) ? 0 : 1;
