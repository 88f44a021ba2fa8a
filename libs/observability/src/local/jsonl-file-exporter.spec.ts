import { ExportResultCode } from '@opentelemetry/core';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JsonlFileExporter } from './jsonl-file-exporter.js';

function finishedSpans(count: number): ReadableSpan[] {
  const memory = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(memory)] });
  for (let index = 0; index < count; index++) provider.getTracer('t').startSpan(`span-${index}`).end();
  return memory.getFinishedSpans();
}

function exportBatch(exporter: JsonlFileExporter, spans: ReadableSpan[]): Promise<number> {
  return new Promise((resolve) => exporter.export(spans, (result) => resolve(result.code)));
}

describe('JsonlFileExporter', () => {
  it('appends one OTLP JSON request per batch', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'jsonl-'));
    const exporter = new JsonlFileExporter({ directory, maxFileBytes: 1_000_000, maxFiles: 2 });
    expect(await exportBatch(exporter, finishedSpans(2))).toBe(ExportResultCode.SUCCESS);
    expect(await exportBatch(exporter, finishedSpans(1))).toBe(ExportResultCode.SUCCESS);
    const lines = readFileSync(join(directory, 'spans.jsonl'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(2);
    const names = (JSON.parse(lines[0]) as { resourceSpans: { scopeSpans: { spans: { name: string; traceId: string }[] }[] }[] })
      .resourceSpans[0].scopeSpans[0].spans;
    expect(names.map((span) => span.name)).toEqual(['span-0', 'span-1']);
    expect(names[0].traceId).toMatch(/^[0-9a-f]{32}$/);
  });

  it('rotates before passing the size bound and keeps at most maxFiles rotated files', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'jsonl-'));
    const exporter = new JsonlFileExporter({ directory, maxFileBytes: 1500, maxFiles: 2 });
    for (let batch = 0; batch < 12; batch++) await exportBatch(exporter, finishedSpans(1));
    expect(statSync(join(directory, 'spans.jsonl')).size).toBeLessThanOrEqual(1500);
    expect(existsSync(join(directory, 'spans.1.jsonl'))).toBe(true);
    expect(existsSync(join(directory, 'spans.2.jsonl'))).toBe(true);
    expect(existsSync(join(directory, 'spans.3.jsonl'))).toBe(false);
  });

  it('reports a failure instead of throwing when the directory cannot be written', async () => {
    const blocker = join(mkdtempSync(join(tmpdir(), 'jsonl-')), 'a-file');
    writeFileSync(blocker, 'not a directory');
    const exporter = new JsonlFileExporter({ directory: join(blocker, 'traces'), maxFileBytes: 1000, maxFiles: 1 });
    expect(await exportBatch(exporter, finishedSpans(1))).toBe(ExportResultCode.FAILED);
  });
});
