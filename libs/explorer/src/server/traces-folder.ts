import { createReadStream } from 'node:fs';
import { appendFile, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { OtlpTraceRequest } from '@lift-sys/honeycomb';
import { validateRequest } from './validate-request.js';

/** The file the explorer appends received spans to; the library writes `spans*.jsonl` beside it. */
export const RECEIVED_FILE = 'received.jsonl';

export interface LoadReport {
  files: number;
  requests: number;
  /** `file:line: problem` for each line that was skipped. */
  skipped: string[];
}

/**
 * Reads every `*.jsonl` file of `dir` (one OTLP/JSON ExportTraceServiceRequest per line, as the
 * library's JSONL exporter and the Collector's file exporter write them), oldest rotation first.
 * A bad line is reported and skipped, not fatal: a crash mid-write leaves a torn last line.
 */
export async function loadTracesFolder(dir: string, accept: (request: OtlpTraceRequest) => void): Promise<LoadReport> {
  const report: LoadReport = { files: 0, requests: 0, skipped: [] };
  let names: string[];
  try {
    names = (await readdir(dir, { withFileTypes: true }))
      .filter((e) => e.isFile() && e.name.endsWith('.jsonl'))
      .map((e) => e.name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return report;
    throw error;
  }
  for (const name of names.sort(byRotationAge)) {
    report.files++;
    const lines = createInterface({ input: createReadStream(join(dir, name)), crlfDelay: Infinity });
    let lineNumber = 0;
    for await (const line of lines) {
      lineNumber++;
      if (line.trim() === '') continue;
      try {
        const request = JSON.parse(line) as OtlpTraceRequest;
        validateRequest(request);
        accept(request);
        report.requests++;
      } catch (error) {
        report.skipped.push(`${join(dir, name)}:${lineNumber}: ${(error as Error).message}`);
      }
    }
  }
  return report;
}

/** `spans.3.jsonl` before `spans.1.jsonl` before `spans.jsonl`: higher rotation numbers are older. */
function byRotationAge(a: string, b: string): number {
  const rank = (name: string): [string, number] => {
    const match = /^(.*?)(?:\.(\d+))?\.jsonl$/.exec(name)!;
    return [match[1]!, match[2] === undefined ? 0 : Number(match[2])];
  };
  const [baseA, nA] = rank(a);
  const [baseB, nB] = rank(b);
  return baseA === baseB ? nB - nA : baseA.localeCompare(baseB);
}

export interface AppenderOptions {
  directory: string;
  maxFileBytes: number;
  maxFiles: number;
}

/**
 * Appends received requests as OTLP/JSON lines to `received.jsonl`, rotating to
 * `received.1.jsonl`… like the library's exporter so the folder stays bounded. Writes are
 * serialized so lines never interleave.
 */
export class ReceivedSpansFile {
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly options: AppenderOptions) {}

  append(request: OtlpTraceRequest): Promise<void> {
    const line = `${JSON.stringify(request)}\n`;
    const written = this.queue.then(() => this.write(line));
    // One failed write (a full disk) must not fail every later one.
    this.queue = written.catch(() => undefined);
    return written;
  }

  private async write(line: string): Promise<void> {
    const { directory, maxFileBytes, maxFiles } = this.options;
    const bytes = Buffer.byteLength(line);
    if (bytes > maxFileBytes) return;
    await mkdir(directory, { recursive: true });
    const path = join(directory, RECEIVED_FILE);
    const size = await stat(path).then(
      (s) => s.size,
      () => 0,
    );
    if (size > 0 && size + bytes > maxFileBytes) {
      const rotated = (n: number): string => join(directory, `received.${n}.jsonl`);
      await rm(rotated(maxFiles), { force: true });
      for (let n = maxFiles - 1; n >= 1; n--) await rename(rotated(n), rotated(n + 1)).catch(() => undefined);
      await rename(path, rotated(1));
    }
    await appendFile(path, line);
  }
}
