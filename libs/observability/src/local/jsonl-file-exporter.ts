import { ExportResultCode, type ExportResult } from '@opentelemetry/core';
import { JsonTraceSerializer } from '@opentelemetry/otlp-transformer';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-base';
import { appendFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface JsonlFileExporterOptions {
  directory: string;
  maxFileBytes: number;
  maxFiles: number;
}

export const TRACES_FILE_NAME = 'spans.jsonl';

/**
 * Appends each exported batch as one OTLP/JSON `ExportTraceServiceRequest` line to
 * `<directory>/spans.jsonl` (the OpenTelemetry Collector file exporter's format). When a write
 * would pass `maxFileBytes` the file is rotated to `spans.1.jsonl`, and so on up to `maxFiles`.
 */
export class JsonlFileExporter implements SpanExporter {
  private readonly path: string;

  constructor(private readonly options: JsonlFileExporterOptions) {
    this.path = join(options.directory, TRACES_FILE_NAME);
  }

  export(spans: ReadableSpan[], resultCallback: (result: ExportResult) => void): void {
    try {
      const line = `${new TextDecoder().decode(JsonTraceSerializer.serializeRequest(spans))}\n`;
      mkdirSync(this.options.directory, { recursive: true });
      this.rotateIfNeeded(Buffer.byteLength(line));
      appendFileSync(this.path, line);
      resultCallback({ code: ExportResultCode.SUCCESS });
    } catch (error) {
      resultCallback({ code: ExportResultCode.FAILED, error: error instanceof Error ? error : new Error(String(error)) });
    }
  }

  async shutdown(): Promise<void> {}

  async forceFlush(): Promise<void> {}

  private rotateIfNeeded(incomingBytes: number): void {
    if (!existsSync(this.path) || statSync(this.path).size + incomingBytes <= this.options.maxFileBytes) return;
    const rotated = (index: number): string => join(this.options.directory, `spans.${index}.jsonl`);
    rmSync(rotated(this.options.maxFiles), { force: true });
    for (let index = this.options.maxFiles - 1; index >= 1; index--) {
      if (existsSync(rotated(index))) renameSync(rotated(index), rotated(index + 1));
    }
    renameSync(this.path, rotated(1));
  }
}
