// Packs @lift-sys/observability and proves the tarball works in a NestJS 12 ESM app and a
// NestJS 11 CommonJS app, each installed from the npm registry into a temporary folder. Every
// workspace package meant to be packed is checked to hold its README and its manifest's targets.
// Usage: node test/pack/run.mjs  (KEEP_PACK_APPS=1 keeps the temporary folders for inspection)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stopAllChildren } from './lib/child.mjs';
import { createApp, installAndRun } from './lib/consumer.mjs';
import { StepFailure, buildLibrary, checkOtherPackages, packLibrary } from './lib/packaging.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../..');
const fixturesDir = join(here, 'fixtures');
const keep = process.env.KEEP_PACK_APPS === '1';

const APPS = [
  { name: 'nest12-esm', entry: 'app.mjs', description: 'NestJS 12, ESM, import' },
  { name: 'nest11-cjs', entry: 'app.cjs', description: 'NestJS 11, CommonJS, require' },
];

const tempDirs = [];
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const log = (line) => console.log(`[pack] ${line}`);

function cleanUp() {
  if (keep) {
    if (tempDirs.length > 0) log(`KEEP_PACK_APPS=1, kept:\n${tempDirs.map((dir) => `         ${dir}`).join('\n')}`);
    return;
  }
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopAllChildren();
    cleanUp();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  });
}

async function prepareTarball() {
  const packDir = mkdtempSync(join(tmpdir(), 'lift-sys-pack-tarball-'));
  tempDirs.push(packDir);
  log('building the library (npm run build)');
  const buildMs = await buildLibrary(repoRoot);
  log(`built in ${seconds(buildMs)}; packing`);
  const packed = await packLibrary(repoRoot, packDir);
  log(`packed ${packed.tarball} (${packed.fileCount} files)`);
  for (const other of await checkOtherPackages(repoRoot)) {
    log(`${other.name}: npm pack --dry-run holds its README and manifest targets (${other.fileCount} files)`);
  }
  return packed.tarball;
}

async function checkApp(app, tarball) {
  const dir = createApp(fixturesDir, app.name, tarball);
  tempDirs.push(dir);
  log(`${app.name}: installing in ${dir}`);
  const result = await installAndRun(app.name, dir, app.entry);
  const timing = `install ${seconds(result.installMs)}${result.runMs === undefined ? '' : `, run ${seconds(result.runMs)}`}`;
  log(`${app.name}: ${result.ok ? 'passed' : 'FAILED'} (${timing})`);
  return { ...app, ...result, timing };
}

function printSummary(results, totalMs) {
  console.log('\n[pack] Summary');
  for (const result of results) {
    const status = result.ok ? 'PASS' : 'FAIL';
    console.log(`  ${status}  ${result.name.padEnd(11)} ${result.description} (${result.timing})`);
    console.log(result.ok ? `        ${result.line}` : indent(result.error));
  }
  const failed = results.filter((result) => !result.ok).length;
  console.log(
    `[pack] ${failed === 0 ? 'all consumer apps passed' : `${failed} of ${results.length} consumer apps failed`} in ${seconds(totalMs)}`,
  );
  return failed === 0;
}

function indent(text) {
  return text
    .split('\n')
    .map((line) => `        ${line}`)
    .join('\n');
}

async function main() {
  const started = Date.now();
  try {
    const tarball = await prepareTarball();
    const results = await Promise.all(APPS.map((app) => checkApp(app, tarball)));
    return printSummary(results, Date.now() - started);
  } catch (error) {
    const detail = error instanceof StepFailure ? error.message : error.stack;
    console.error(`[pack] FAIL before the consumer apps could run: ${detail}`);
    return false;
  } finally {
    cleanUp();
  }
}

process.exitCode = (await main()) ? 0 : 1;
