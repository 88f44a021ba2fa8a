// Runs a child process with a deadline, capturing its combined output for failure reports.
import { spawn } from 'node:child_process';

const MAX_OUTPUT_CHARS = 200_000;

/** Process group ids of the children still running. */
const running = new Set();

/** npm sets these in script environments; they would point a nested npm at the wrong project. */
const LEAKY_NPM_VARIABLE = /^npm_(package_|lifecycle_|config_local_prefix$|config_workspaces?$|config_include_workspace_root$)/i;

/** The current environment without npm's per-script variables. */
export function childEnvironment(extra = {}) {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!LEAKY_NPM_VARIABLE.test(key)) env[key] = value;
  }
  return { ...env, ...extra };
}

/**
 * Resolves (never rejects) with { ok, code, signal, timedOut, spawnError, output, stdout, ms }.
 * The child gets its own process group so a timeout also ends its descendants.
 */
export function run(command, args, { cwd, timeoutMs, env = childEnvironment() }) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    if (child.pid !== undefined) running.add(child.pid);
    let output = '';
    let stdout = '';
    const append = (chunk) => {
      if (output.length < MAX_OUTPUT_CHARS) output += chunk;
    };
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      stdout += chunk;
      append(chunk);
    });
    child.stderr.setEncoding('utf8').on('data', append);

    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, timeoutMs);

    const finish = (code, signal, error) => {
      clearTimeout(timer);
      running.delete(child.pid);
      const ok = !timedOut && !error && code === 0;
      resolve({ ok, code, signal, timedOut, spawnError: error?.message, output, stdout, ms: Date.now() - started });
    };
    child.on('error', (error) => finish(null, null, error));
    child.on('close', (code, signal) => finish(code, signal));
  });
}

/** Ends every child still running, with its descendants (for Ctrl-C). */
export function stopAllChildren() {
  for (const pid of running) killGroup(pid);
}

function killGroup(pid) {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // The group is already gone.
  }
}

/** A one-paragraph description of a failed run, with the tail of its output. */
export function describeFailure(label, result, tailLines = 60) {
  const reason = result.spawnError
    ? `could not start (${result.spawnError})`
    : result.timedOut
      ? 'timed out'
      : result.signal
        ? `killed by ${result.signal}`
        : `exited with code ${result.code}`;
  const tail = result.output.trimEnd().split('\n').slice(-tailLines).join('\n');
  return `${label} ${reason} after ${(result.ms / 1000).toFixed(1)} s. Output (last ${tailLines} lines):\n${indent(tail)}`;
}

function indent(text) {
  return text
    .split('\n')
    .map((line) => `    | ${line}`)
    .join('\n');
}
