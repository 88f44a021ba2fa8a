// Builds and packs the workspace packages, then checks that each tarball holds its README and every
// file its manifest points at.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeFailure, run } from './child.mjs';

/** The package the consumer apps install. */
const LIBRARY = '@lift-sys/observability';
/** Files a package needs beyond what its manifest names. */
const EXTRA_FILES = {
  [LIBRARY]: { 'dist/cjs/package.json': 'the {"type":"commonjs"} marker' },
};
const BUILD_TIMEOUT_MS = 180_000;
const PACK_TIMEOUT_MS = 60_000;

export class StepFailure extends Error {}

/** `npm run build` at the repository root. */
export async function buildLibrary(repoRoot) {
  const result = await run('npm', ['run', 'build'], { cwd: repoRoot, timeoutMs: BUILD_TIMEOUT_MS });
  if (!result.ok) throw new StepFailure(describeFailure('npm run build', result));
  return result.ms;
}

/** `npm pack` of the library into `destination`, checked; returns the tarball's absolute path. */
export async function packLibrary(repoRoot, destination) {
  const workspace = (await packedWorkspaces(repoRoot)).find((candidate) => candidate.name === LIBRARY);
  if (!workspace) throw new StepFailure(`no workspace named ${LIBRARY}`);
  const packed = await pack(repoRoot, LIBRARY, ['--pack-destination', destination]);
  checkContents(repoRoot, workspace, packed);
  return { tarball: join(destination, packed.filename), fileCount: packed.files.length, ms: packed.ms };
}

/**
 * `npm pack --dry-run` of every other workspace package meant to be packed (one with a `files`
 * list), each checked like the library; returns `[{ name, fileCount }]`.
 */
export async function checkOtherPackages(repoRoot) {
  const checked = [];
  for (const workspace of await packedWorkspaces(repoRoot)) {
    if (workspace.name === LIBRARY) continue;
    const packed = await pack(repoRoot, workspace.name, ['--dry-run']);
    checkContents(repoRoot, workspace, packed);
    checked.push({ name: workspace.name, fileCount: packed.files.length });
  }
  return checked;
}

/** The workspaces with a `files` list, as `{ name, location, manifest }` (npm's own view of them). */
async function packedWorkspaces(repoRoot) {
  const result = await run('npm', ['query', '.workspace', '--json'], { cwd: repoRoot, timeoutMs: PACK_TIMEOUT_MS });
  if (!result.ok) throw new StepFailure(describeFailure('npm query .workspace', result));
  return parseJsonOutput(result.stdout, 'npm query')
    .map(({ location }) => ({ location, manifest: JSON.parse(readFileSync(join(repoRoot, location, 'package.json'), 'utf8')) }))
    .filter(({ manifest }) => Array.isArray(manifest.files))
    .map((workspace) => ({ ...workspace, name: workspace.manifest.name }));
}

async function pack(repoRoot, name, extraArgs) {
  const args = ['pack', '-w', name, '--json', '--ignore-scripts', ...extraArgs];
  const result = await run('npm', args, { cwd: repoRoot, timeoutMs: PACK_TIMEOUT_MS });
  if (!result.ok) throw new StepFailure(describeFailure(`npm ${args.join(' ')}`, result));
  const [packed] = parseJsonOutput(result.stdout, 'npm pack');
  return { ...packed, ms: result.ms };
}

/** Throws naming every file the tarball lacks: README, manifest targets, `files` entries, bin shebangs. */
function checkContents(repoRoot, { name, location, manifest }, packed) {
  const files = new Set(packed.files.map((file) => file.path));
  const problems = [];
  if (!files.has('README.md')) problems.push('its README.md');
  const missingTargets = manifestTargets(manifest).filter((target) => !files.has(target));
  if (missingTargets.length > 0) problems.push(`files its package.json points at: ${missingTargets.join(', ')}`);
  const emptyEntries = manifest.files.filter(
    (entry) => !entry.includes('*') && entry !== 'README.md' && !coversAny(entry, files),
  );
  if (emptyEntries.length > 0) problems.push(`anything under its "files" entries ${emptyEntries.join(', ')}`);
  for (const [file, why] of Object.entries(EXTRA_FILES[name] ?? {})) if (!files.has(file)) problems.push(`${file} (${why})`);
  for (const bin of binTargets(manifest)) {
    if (files.has(bin) && !readFileSync(join(repoRoot, location, bin), 'utf8').startsWith('#!')) {
      problems.push(`a #! line at the top of its bin ${bin}`);
    }
  }
  if (problems.length > 0) throw new StepFailure(`the ${name} tarball ${packed.filename} lacks ${problems.join('; ')}`);
}

const withoutDotSlash = (path) => path.replace(/^\.\//, '');

const coversAny = (entry, files) => {
  const path = withoutDotSlash(entry).replace(/\/$/, '');
  return files.has(path) || [...files].some((file) => file.startsWith(`${path}/`));
};

/** The files of `bin`: one path, or a command name to path map. */
function binTargets(manifest) {
  const bins = typeof manifest.bin === 'string' ? [manifest.bin] : Object.values(manifest.bin ?? {});
  return bins.map(withoutDotSlash);
}

/** Every file named by `main`, `module`, `types`, `bin`, the `exports` map and `typesVersions`, without `./`. */
function manifestTargets(manifest) {
  const targets = [manifest.main, manifest.module, manifest.types, ...binTargets(manifest)];
  const collect = (entry) => {
    if (typeof entry === 'string') targets.push(entry);
    else if (entry && typeof entry === 'object') Object.values(entry).forEach(collect);
  };
  collect(manifest.exports);
  collect(manifest.typesVersions);
  const files = targets.filter((target) => typeof target === 'string' && !target.includes('*'));
  return [...new Set(files.map(withoutDotSlash))];
}

function parseJsonOutput(stdout, command) {
  const start = stdout.indexOf('[');
  try {
    return JSON.parse(stdout.slice(start));
  } catch (error) {
    throw new StepFailure(`could not read ${command} --json output (${error.message}):\n${stdout}`);
  }
}
