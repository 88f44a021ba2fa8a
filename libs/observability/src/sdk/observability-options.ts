import type { Attributes } from '@opentelemetry/api';
import type { SpanExporter, SpanLimits, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { TailSamplingOptions } from '../sampling/tail-sampling-processor.js';
import type { OtlpProtocol } from './otlp-protocol.js';

export const EXPORTER_NAMES = ['honeycomb', 'otlp', 'local', 'none'] as const;
export type ExporterName = (typeof EXPORTER_NAMES)[number];

export interface BatchOptions {
  /** Spans held for export at most; newer spans are dropped (and counted) beyond it. Default 2048. */
  maxQueueSize?: number;
  maxExportBatchSize?: number;
  scheduledDelayMillis?: number;
  exportTimeoutMillis?: number;
}

export interface LocalExportOptions {
  /** Folder for the OTLP JSON lines files. Default `.traces` in the working directory. */
  directory?: string;
  /** A file is rotated when it would grow past this. Default 10 MiB. */
  maxFileBytes?: number;
  /** Rotated files kept. Default 3. */
  maxFiles?: number;
  /** Print each finished trace as a tree. Default true. */
  console?: boolean;
}

/** Options for `setupObservability` and `ObservabilityModule.forRoot`. Environment variables win over these. */
export interface ObservabilityOptions {
  enabled?: boolean;
  serviceName?: string;
  serviceVersion?: string;
  environment?: string;
  /** A SpanExporter instance (always used when given), or the name of a built-in one. */
  exporter?: SpanExporter | ExporterName;
  /** `batch` (default) for real exporters; `simple` exports each span as it ends (tests). */
  spanProcessor?: 'batch' | 'simple';
  /** More processors, called after request attributes are set and before export (a second exporter, say). */
  spanProcessors?: SpanProcessor[];
  batch?: BatchOptions;
  honeycomb?: {
    apiKey?: string;
    dataset?: string;
    metricsDataset?: string;
    /** Base URL, default `https://api.honeycomb.io`; `/v1/traces` is appended. */
    endpoint?: string;
    /** Used verbatim. */
    tracesEndpoint?: string;
  };
  otlp?: {
    endpoint?: string;
    tracesEndpoint?: string;
    metricsEndpoint?: string;
    headers?: Record<string, string>;
    /**
     * Wire encoding of every OTLP export, to Honeycomb as to a collector: `http/protobuf`
     * (default) or `http/json`. `OTEL_EXPORTER_OTLP_PROTOCOL` and the per-signal
     * `OTEL_EXPORTER_OTLP_TRACES_PROTOCOL` / `OTEL_EXPORTER_OTLP_METRICS_PROTOCOL` win.
     */
    protocol?: OtlpProtocol;
  };
  /** Keep 1 trace in N (a positive integer). Default 1. */
  sampleRate?: number;
  /**
   * With a sample rate above 1, keep every trace with an error or a slow local root at rate 1.
   * On by default; `false` leaves head sampling alone.
   */
  tailSampling?: TailSamplingOptions | false;
  /** Request attributes copied onto every span started while handling a request. */
  requestAttributes?: string[];
  /** Auto-instrumentations: outgoing HTTP (`http`), fetch (`undici`) and PostgreSQL (`pg`). All on by default. */
  instrumentations?: { http?: boolean; undici?: boolean; pg?: boolean } | false;
  local?: LocalExportOptions;
  attributes?: {
    maxStringLength?: number;
    redactedKeys?: string[];
  };
  resourceAttributes?: Attributes;
  /**
   * Values that must never appear in a span or a log line (API keys, passwords): each is replaced
   * by `[REDACTED]` wherever it occurs, in exception messages and stacks, status messages,
   * attributes and the library's own output. The Honeycomb key and the values of OTLP headers are
   * registered without being listed; `registerSecret` adds more at run time.
   */
  secrets?: string[];
  /**
   * The SDK's span limits. Attribute values are capped at 16,384 characters unless set here or by
   * `OTEL_SPAN_ATTRIBUTE_VALUE_LENGTH_LIMIT` / `OTEL_ATTRIBUTE_VALUE_LENGTH_LIMIT`; counts keep the SDK's defaults.
   */
  spanLimits?: SpanLimits;
  /** Where the startup line and warnings go. Default: `console.log` / `console.warn`. */
  logger?: ObservabilityLogger;
  /** The environment to read; `process.env` by default. */
  env?: NodeJS.ProcessEnv;
}

export interface ObservabilityLogger {
  info(line: string): void;
  warn(line: string): void;
}
