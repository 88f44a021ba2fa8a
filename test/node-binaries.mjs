// Node binaries for the versions the project is tested on, from the npm registry's `node` package
// (its install step fetches the matching `node-<platform>-<arch>` package from the same registry),
// cached under .cache/node/<major>. The running Node serves its own major version.
// Usage: node test/node-binaries.mjs <major>  prints the binary's path, installing it if needed.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Active and maintenance LTS lines users run, and the oldest line `engines` still allows. */
export const TESTED_MAJORS = [20, 22, 24];

export function majorOf(version) {
  return Number(version.replace(/^v/, '').split('.')[0]);
}

/** Path of a Node binary of `major`: this process's own, or one installed from the npm registry. */
export function nodeBinary(major) {
  if (majorOf(process.version) === major) return process.execPath;
  const prefix = join(repoRoot, '.cache/node', String(major));
  const binary = join(prefix, 'node_modules/node/bin/node');
  if (!existsSync(binary)) {
    mkdirSync(prefix, { recursive: true });
    console.error(`[node] installing node@${major} from the npm registry into ${prefix}`);
    execFileSync('npm', ['install', '--prefix', prefix, '--no-save', '--no-audit', '--no-fund', `node@${major}`], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  if (!existsSync(binary)) throw new Error(`npm install node@${major} left no binary at ${binary}`);
  return binary;
}

/** The version string a binary reports, e.g. `v24.21.0`. */
export function versionOf(binary) {
  return execFileSync(binary, ['--version'], { encoding: 'utf8' }).trim();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const major = Number(process.argv[2]);
  if (!Number.isInteger(major)) {
    console.error('usage: node test/node-binaries.mjs <major>');
    process.exit(2);
  }
  console.log(nodeBinary(major));
}
