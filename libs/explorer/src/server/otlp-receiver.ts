import type { IncomingMessage, ServerResponse } from 'node:http';
import { gunzip } from 'node:zlib';
import { promisify } from 'node:util';
import {
  decodeJsonRequest,
  decodeProtobufRequest,
  encodeRpcStatus,
  exportTraceServiceRequestType,
  MalformedOtlpError,
  rpcStatusJson,
} from './otlp-decode.js';
import type { OtlpTraceRequest } from '@lift-sys/honeycomb';
import { validateRequest } from './validate-request.js';

const gunzipAsync = promisify(gunzip);

export interface ReceiverOptions {
  /** Largest accepted body, compressed and decompressed alike. */
  maxBodyBytes: number;
  /** Stores a valid request; resolves to the number of spans it rejected (store limits). */
  accept: (request: OtlpTraceRequest) => Promise<{ rejected: number; message?: string }>;
}

type Encoding = 'protobuf' | 'json';

/** OTLP/HTTP's two encodings (https://opentelemetry.io/docs/specs/otlp/#otlphttp-request). */
function encodingOf(contentType: string | undefined): Encoding | undefined {
  const mediaType = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (mediaType === 'application/x-protobuf') return 'protobuf';
  if (mediaType === 'application/json') return 'json';
  return undefined;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * `POST /v1/traces`: an OTLP/HTTP trace receiver per the OTLP specification
 * (https://opentelemetry.io/docs/specs/otlp/#otlphttp): the response uses the request's encoding;
 * success is 200 with an ExportTraceServiceResponse (partial_success when spans were rejected);
 * a bad body is 400 with a google.rpc.Status naming the problem; 413 past the size limit; 415 for
 * another content type or content encoding (RFC 9110 §15.5.16).
 */
export async function handleOtlpTraces(
  request: IncomingMessage,
  response: ServerResponse,
  options: ReceiverOptions,
): Promise<void> {
  const encoding = encodingOf(request.headers['content-type']);
  try {
    if (request.method !== 'POST') {
      response.setHeader('Allow', 'POST');
      throw new HttpError(405, 'OTLP/HTTP accepts POST only');
    }
    if (!encoding) {
      throw new HttpError(
        415,
        `unsupported Content-Type ${JSON.stringify(request.headers['content-type'] ?? '')}: use application/x-protobuf or application/json`,
      );
    }
    const body = await readBody(request, options.maxBodyBytes);
    const otlp = encoding === 'protobuf' ? decodeProtobufRequest(body) : decodeJsonRequest(body);
    validateRequest(otlp);
    const { rejected, message } = await options.accept(otlp);
    respond(response, 200, encoding, exportResponse(encoding, rejected, message));
  } catch (error) {
    if (error instanceof MalformedOtlpError) return respondStatus(response, 400, encoding, error.message);
    if (error instanceof HttpError) return respondStatus(response, error.status, encoding, error.message);
    respondStatus(response, 500, encoding, 'the explorer could not store the spans');
    throw error;
  }
}

async function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    request.resume();
    throw new HttpError(413, `the body has ${declared} bytes; the limit is ${limit}`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      request.resume();
      throw new HttpError(413, `the body passes the ${limit}-byte limit`);
    }
    chunks.push(chunk);
  }
  const raw = Buffer.concat(chunks);
  const contentEncoding = (request.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (contentEncoding === 'identity' || contentEncoding === '') return raw;
  if (contentEncoding !== 'gzip')
    throw new HttpError(415, `unsupported Content-Encoding ${JSON.stringify(contentEncoding)}: use gzip or none`);
  try {
    return await gunzipAsync(raw, { maxOutputLength: limit });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new HttpError(413, `the body passes the ${limit}-byte limit once decompressed`);
    }
    throw new MalformedOtlpError(`the body is not valid gzip: ${(error as Error).message}`);
  }
}

function exportResponse(encoding: Encoding, rejected: number, message: string | undefined): Uint8Array | string {
  const partial = rejected > 0 ? { partialSuccess: { rejectedSpans: String(rejected), errorMessage: message ?? '' } } : {};
  if (encoding === 'json') return JSON.stringify(partial);
  const type = exportTraceServiceRequestType().root.lookupType(
    'opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse',
  );
  return type
    .encode(type.fromObject(rejected > 0 ? { partialSuccess: { rejectedSpans: rejected, errorMessage: message ?? '' } } : {}))
    .finish();
}

function respondStatus(response: ServerResponse, status: number, encoding: Encoding | undefined, message: string): void {
  if (encoding === 'protobuf') respond(response, status, encoding, encodeRpcStatus(message));
  else respond(response, status, 'json', rpcStatusJson(message));
}

function respond(response: ServerResponse, status: number, encoding: Encoding, body: Uint8Array | string): void {
  if (response.headersSent) return;
  response.writeHead(status, { 'Content-Type': encoding === 'json' ? 'application/json' : 'application/x-protobuf' });
  response.end(body);
}
