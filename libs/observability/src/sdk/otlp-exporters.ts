import { OTLPMetricExporter as JsonMetricExporter } from '@opentelemetry/exporter-metrics-otlp-http';
import { OTLPMetricExporter as ProtobufMetricExporter } from '@opentelemetry/exporter-metrics-otlp-proto';
import { OTLPTraceExporter as JsonTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as ProtobufTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import type { PushMetricExporter } from '@opentelemetry/sdk-metrics';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import type { OtlpProtocol } from './otlp-protocol.js';

export interface OtlpEndpoint {
  url: string;
  headers: Record<string, string>;
  protocol: OtlpProtocol;
}

/**
 * The OpenTelemetry OTLP/HTTP span exporter for the chosen encoding. At most two requests are in
 * flight, each given up after `timeoutMillis`: with the endpoint hanging, requests would otherwise
 * pile up (30 by default, each holding a batch) and grow memory.
 */
export function createOtlpTraceExporter(endpoint: OtlpEndpoint, timeoutMillis: number): SpanExporter {
  const config = { url: endpoint.url, headers: endpoint.headers, concurrencyLimit: 2, timeoutMillis };
  return endpoint.protocol === 'http/json' ? new JsonTraceExporter(config) : new ProtobufTraceExporter(config);
}

export function createOtlpMetricExporter(endpoint: OtlpEndpoint): PushMetricExporter {
  const config = { url: endpoint.url, headers: endpoint.headers };
  return endpoint.protocol === 'http/json' ? new JsonMetricExporter(config) : new ProtobufMetricExporter(config);
}
