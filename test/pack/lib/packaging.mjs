// Builds and packs the library, then checks that the tarball holds every file its manifest points at.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeFailure, run } from './child.mjs';

const LIBRARY = '@lift-sys/observability';
const BUILD_TIMEOUT_MS = 180_000;
const PACK_TIMEOUT_MS = 60_000;

export class StepFailure extends Error {}

/** `npm run build` at the repository root. */
export async function buildLibrary(repoRoot) {
  const result = await run('npm', ['run', 'build'], { cwd: repoRoot, timeoutMs: BUILD_TIMEOUT_MS });
  if (!result.ok) throw new StepFailure(describeFailure('npm run build', result));
  return result.ms;
}

/** `npm pack` into `destination`; returns the tarball's absolute path. */
export async function packLibrary(repoRoot, destination) {
  const args = ['pack', '-w', LIBRARY, '--pack-destination', destination, '--json', '--ignore-scripts'];
  const result = await run('npm', args, { cwd: repoRoot, timeoutMs: PACK_TIMEOUT_MS });
  if (!result.ok) throw new StepFailure(describeFailure('npm pack', result));
  const [packed] = parsePackOutput(result.stdout);
  const files = new Set(packed.files.map((file) => file.path));
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'libs/observability/package.json'), 'utf8'));
  const missing = manifestTargets(manifest).filter((target) => !files.has(target));
  if (missing.length > 0) {
    throw new StepFailure(`the tarball ${packed.filename} lacks files its package.json points at: ${missing.join(', ')}`);
  }
  if (!files.has('README.md')) {
    throw new StepFailure(`the tarball ${packed.filename} lacks its README.md`);
  }
  if (!files.has('dist/cjs/package.json')) {
    throw new StepFailure(`the tarball ${packed.filename} lacks dist/cjs/package.json (the {"type":"commonjs"} marker)`);
  }
  return { tarball: join(destination, packed.filename), fileCount: files.size, ms: result.ms };
}

function parsePackOutput(stdout) {
  const start = stdout.indexOf('[');
  try {
    return JSON.parse(stdout.slice(start));
  } catch (error) {
    throw new StepFailure(`could not read npm pack --json output (${error.message}):\n${stdout}`);
  }
}

/** Every file named by `main`, `module`, `types`, the `exports` map and `typesVersions`, without `./`. */
function manifestTargets(manifest) {
  const targets = [manifest.main, manifest.module, manifest.types];
  const collect = (entry) => {
    if (typeof entry === 'string') targets.push(entry);
    else if (entry && typeof entry === 'object') Object.values(entry).forEach(collect);
  };
  collect(manifest.exports);
  collect(manifest.typesVersions);
  const files = targets.filter((target) => typeof target === 'string' && !target.includes('*'));
  return [...new Set(files.map((target) => target.replace(/^\.\//, '')))];
}
