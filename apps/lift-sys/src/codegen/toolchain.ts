import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** How a language's code is checked: in this process, or by a compiler/checker found on the search path. */
export type ToolchainCheck =
  | { kind: 'in_process'; name: string; diagnose: (code: string) => string[] }
  | { kind: 'command'; binary: string; args: (file: string, directory: string) => string[] };

export interface CommandOutcome {
  exitCode: number;
  output: string;
  timedOut: boolean;
}

export function findExecutable(binary: string, searchPath: string): string | undefined {
  for (const directory of searchPath.split(delimiter).filter((entry) => entry.length > 0)) {
    const candidate = join(directory, binary);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      continue;
    }
  }
  return undefined;
}

/** Runs a checker with a deadline; never rejects. */
export function runCommand(executable: string, args: string[], cwd: string, timeoutMs: number): Promise<CommandOutcome> {
  return new Promise((resolve) => {
    execFile(executable, args, { cwd, timeout: timeoutMs, maxBuffer: 1024 * 1024 }, (error, stdout, stderr) => {
      const output = `${stderr}${stdout}`.trim();
      if (error === null) return resolve({ exitCode: 0, output, timedOut: false });
      const timedOut = error.killed === true || error.signal === 'SIGTERM';
      resolve({ exitCode: typeof error.code === 'number' ? error.code : 1, output: output || error.message, timedOut });
    });
  });
}
