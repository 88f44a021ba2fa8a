import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/** The built inference service, beside the built app in dist/apps. */
export const INFERENCE_MAIN = fileURLToPath(new URL('../../inference/src/main.js', import.meta.url));

export interface InferenceProcess {
  url: string;
  /** SIGTERM, then waits for the exit: the service flushes its spans on the way out. Safe to call twice. */
  stop: () => Promise<void>;
}

/** Starts the inference service as its own process on a free loopback port and waits for its URL. */
export async function startInferenceService(env: NodeJS.ProcessEnv, script: string = INFERENCE_MAIN): Promise<InferenceProcess> {
  const child = spawn(process.execPath, [script], {
    env: { ...env, PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the inference service exited (${code}) before listening`)));
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      const match = /listening on (http:\/\/\S+)/.exec(line);
      if (match) resolve(match[1]!);
    });
  });
  // Its per-request console trees would interleave with the demo's output: the explorer shows them.
  child.stdout!.resume();
  return {
    url,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
