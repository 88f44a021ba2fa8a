import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SpanEvent } from '../engine/span-event.js';
import { flattenOtlpRequest } from './otlp-json.js';
import type { OtlpTraceRequest } from './otlp-json-types.js';

export const DEFAULT_TRACES_DIR = '.traces';

/** Every file in `dir` holds one OTLP/JSON ExportTraceServiceRequest per line. */
export async function readTracesDir(dir: string = DEFAULT_TRACES_DIR): Promise<SpanEvent[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile())
    .map((e) => e.name)
    .sort();
  const events: SpanEvent[] = [];
  for (const file of files) {
    const lines = (await readFile(join(dir, file), 'utf8')).split('\n');
    lines.forEach((line, index) => {
      if (line.trim() === '') return;
      let request: OtlpTraceRequest;
      try {
        request = JSON.parse(line) as OtlpTraceRequest;
      } catch (error) {
        throw new Error(`${join(dir, file)}:${index + 1}: not JSON (${(error as Error).message})`, { cause: error });
      }
      for (const event of flattenOtlpRequest(request)) events.push(event);
    });
  }
  return events;
}
