import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** A benchmark phase run in its own Node process, answering with one IPC message. */
export interface ChildSpec {
  /** Path of the compiled entry, relative to `dist/bench`. */
  entry: string;
  /** Passed to the child as JSON in `argv[2]`. */
  config: unknown;
  execArgv?: string[];
  env?: NodeJS.ProcessEnv;
  /** The Node binary to run it with; this process's own by default. */
  execPath?: string;
}

interface ResultMessage {
  type: 'result';
  result: unknown;
}

/** Absolute path of a compiled bench file, `relative` to `dist/bench`. */
export function benchFile(relative: string): string {
  return fileURLToPath(new URL(`../${relative}`, import.meta.url));
}

/** Runs the child to completion; rejects unless it sent a result and exited with code 0. */
export function runChild<T>(spec: ChildSpec): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = fork(benchFile(spec.entry), [JSON.stringify(spec.config)], {
      execArgv: spec.execArgv ?? [],
      execPath: spec.execPath ?? process.execPath,
      env: spec.env ?? process.env,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      // Structured clone keeps NaN (a discarded sample) as NaN; JSON would turn it into null.
      serialization: 'advanced',
    });
    let result: { value: unknown } | undefined;
    child.on('message', (message: ResultMessage) => {
      if (message.type === 'result') result = { value: message.result };
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0 && result !== undefined) resolve(result.value as T);
      else reject(new Error(`${spec.entry} exited with ${signal ?? `code ${code}`}${result ? '' : ' before sending a result'}`));
    });
  });
}

/** In a child: the configuration the parent passed. */
export function readChildConfig<T>(): T {
  return JSON.parse(process.argv[2] ?? '{}') as T;
}

/** In a child: hands the result to the parent, then exits once the message is out. */
export function sendResult(result: unknown): void {
  if (process.send === undefined) {
    console.log(JSON.stringify(result, null, 2));
    process.exit(0);
  }
  process.send({ type: 'result', result } satisfies ResultMessage, () => process.exit(0));
}
