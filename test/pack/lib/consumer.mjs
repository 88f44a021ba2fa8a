// One consumer app: copied from its fixture into a temporary folder, installed and run.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { childEnvironment, describeFailure, run } from './child.mjs';

const INSTALL_TIMEOUT_MS = 300_000;
const APP_TIMEOUT_MS = 60_000;
const TYPECHECK_TIMEOUT_MS = 120_000;
const INSTALL_ARGS = ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'];

/** Settings of the library the app must not inherit from the shell running this script. */
const LIBRARY_SETTING = /^(OTEL_|HONEYCOMB_|OBSERVABILITY_)/;

/** Creates the app folder from `fixtures/<name>` plus `fixtures/shared`, depending on `tarball`. */
export function createApp(fixturesDir, name, tarball) {
  const dir = mkdtempSync(join(tmpdir(), `lift-sys-pack-${name}-`));
  for (const source of [join(fixturesDir, name), join(fixturesDir, 'shared')]) {
    for (const file of readdirSync(source)) copyFileSync(join(source, file), join(dir, file));
  }
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  manifest.dependencies['@lift-sys/observability'] = `file:${tarball}`;
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return dir;
}

/** Installs and runs the app; resolves with { ok, line, installMs, runMs, error }. */
export async function installAndRun(name, dir, entry) {
  const install = await run('npm', INSTALL_ARGS, { cwd: dir, timeoutMs: INSTALL_TIMEOUT_MS });
  if (!install.ok) {
    return { ok: false, installMs: install.ms, error: describeFailure(`npm install (${name})`, install) };
  }
  // A fixture with a tsconfig.json also proves the packed types compile in a TypeScript consumer.
  if (existsSync(join(dir, 'tsconfig.json'))) {
    const tsc = await run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json'], {
      cwd: dir,
      timeoutMs: TYPECHECK_TIMEOUT_MS,
    });
    if (!tsc.ok) return { ok: false, installMs: install.ms, error: describeFailure(`tsc (${name})`, tsc) };
  }
  const env = childEnvironment();
  for (const key of Object.keys(env)) if (LIBRARY_SETTING.test(key)) delete env[key];
  const app = await run(process.execPath, [entry], { cwd: dir, timeoutMs: APP_TIMEOUT_MS, env });
  const line = app.stdout.split('\n').find((text) => text.startsWith('PASS '));
  if (!app.ok || line === undefined) {
    return { ok: false, installMs: install.ms, runMs: app.ms, error: describeFailure(`node ${entry} (${name})`, app) };
  }
  return { ok: true, line, installMs: install.ms, runMs: app.ms };
}
