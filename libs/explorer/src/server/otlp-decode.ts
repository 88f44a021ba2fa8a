import { join } from 'node:path';
import protobuf from 'protobufjs';
import type { OtlpTraceRequest } from '@lift-sys/honeycomb';
import { packageDir } from './package-dir.js';

/** A body the receiver refuses: the message says what is wrong, for a 400 response. */
export class MalformedOtlpError extends Error {}

let requestType: protobuf.Type | undefined;
let statusType: protobuf.Type | undefined;

/** `ExportTraceServiceRequest` from the official opentelemetry-proto definitions. */
export function exportTraceServiceRequestType(): protobuf.Type {
  if (!requestType) {
    const root = new protobuf.Root();
    const base = join(packageDir(), 'proto');
    root.resolvePath = (_origin, target) => join(base, target);
    root.loadSync('opentelemetry/proto/collector/trace/v1/trace_service.proto');
    requestType = root.lookupType('opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest');
  }
  return requestType;
}

/**
 * google.rpc.Status, which OTLP/HTTP returns in the body of a failed request
 * (https://opentelemetry.io/docs/specs/otlp/#failures-1). Its `details` (repeated Any) is
 * never filled here, so the message is declared without it.
 */
function rpcStatusType(): protobuf.Type {
  statusType ??= new protobuf.Type('Status')
    .add(new protobuf.Field('code', 1, 'int32'))
    .add(new protobuf.Field('message', 2, 'string'));
  return statusType;
}

/** google.rpc.Code INVALID_ARGUMENT. */
const INVALID_ARGUMENT = 3;

export function encodeRpcStatus(message: string): Uint8Array {
  const type = rpcStatusType();
  return type.encode(type.fromObject({ code: INVALID_ARGUMENT, message })).finish();
}

export function rpcStatusJson(message: string): string {
  return JSON.stringify({ code: INVALID_ARGUMENT, message });
}

const hex = (base64: unknown): string => (typeof base64 === 'string' ? Buffer.from(base64, 'base64').toString('hex') : '');

/**
 * Decodes a binary protobuf ExportTraceServiceRequest into the OTLP/JSON shape (ids as hex, as
 * the OTLP/JSON mapping writes them; 64-bit integers as strings), so both encodings share one
 * path from here on.
 */
export function decodeProtobufRequest(body: Uint8Array): OtlpTraceRequest {
  const type = exportTraceServiceRequestType();
  let message: protobuf.Message;
  try {
    message = type.decode(body);
  } catch (error) {
    throw new MalformedOtlpError(`the body is not a protobuf ExportTraceServiceRequest: ${(error as Error).message}`);
  }
  const request = type.toObject(message, { longs: String, enums: Number, bytes: String, defaults: false }) as OtlpTraceRequest;
  for (const resourceSpans of request.resourceSpans ?? []) {
    for (const scopeSpans of resourceSpans.scopeSpans ?? []) {
      for (const span of scopeSpans.spans ?? []) {
        span.traceId = hex(span.traceId);
        span.spanId = hex(span.spanId);
        if (span.parentSpanId !== undefined) span.parentSpanId = hex(span.parentSpanId);
        for (const link of span.links ?? []) {
          link.traceId = hex(link.traceId);
          link.spanId = hex(link.spanId);
        }
      }
    }
  }
  return request;
}

/** Parses an OTLP/JSON ExportTraceServiceRequest (https://opentelemetry.io/docs/specs/otlp/#json-protobuf-encoding). */
export function decodeJsonRequest(body: Uint8Array): OtlpTraceRequest {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(body).toString('utf8'));
  } catch (error) {
    throw new MalformedOtlpError(`the body is not JSON: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new MalformedOtlpError('the body is not a JSON object (an ExportTraceServiceRequest)');
  }
  return parsed as OtlpTraceRequest;
}
