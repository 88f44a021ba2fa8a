/** What a CLI reads and writes besides argv and env, injectable so tests need no process or network. */
export interface CliIo {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  /** ms since the epoch; the wall clock when absent. */
  now?: () => number;
}

export const processIo: CliIo = {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
};

/** Wraps the output so secrets can never be printed, whatever an error message echoes back. */
export function redacting(io: CliIo, ...secrets: Array<string | undefined>): CliIo {
  const present = secrets.filter((s): s is string => !!s);
  if (present.length === 0) return io;
  const scrub = (line: string): string => present.reduce((text, secret) => text.split(secret).join('[REDACTED]'), line);
  return { ...io, stdout: (line) => io.stdout(scrub(line)), stderr: (line) => io.stderr(scrub(line)) };
}
