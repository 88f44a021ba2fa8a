import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { request as httpRequest, Agent, type IncomingHttpHeaders } from 'node:http';

export const BUILT_APP = 'dist/apps/lift-sys/main.js';

export interface BuiltApp {
  readonly url: string;
  readonly child: ChildProcess;
  /** Everything the process printed, as it printed it. */
  readonly output: { stdout: string; stderr: string };
  /** Resolves with the exit code (null if killed by a signal) and signal. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `node dist/apps/lift-sys/main.js` on a free port of 127.0.0.1 and waits until it listens. */
export async function startBuiltApp(env: NodeJS.ProcessEnv): Promise<BuiltApp> {
  if (!existsSync(BUILT_APP)) throw new Error('run `npm run build` first (npm test does)');
  const child = spawn(process.execPath, [BUILT_APP], {
    env: { PATH: '', HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = { stdout: '', stderr: '' };
  child.stdout?.on('data', (chunk: Buffer) => (output.stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output.stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (): void => {
      const listening = /lift-sys listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output.stdout);
      if (listening) resolve(listening[1]);
    };
    child.stdout?.on('data', onData);
    void exited.then(({ code }) =>
      reject(new Error(`the app exited (${code}) before listening:\n${output.stdout}\n${output.stderr}`)),
    );
  });
  return { url, child, output, exited };
}

export interface PlainResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** One request over a keep-alive agent, as a browser or an HTTP client library would send it. */
export function send(
  agent: Agent,
  url: string,
  method: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<PlainResponse> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const outgoing = httpRequest(
      url,
      { method, agent, headers: { 'content-type': 'application/json', 'x-demo-user': 'e2e', ...headers } },
      (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }));
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(payload);
  });
}
