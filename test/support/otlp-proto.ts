import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import protobuf from 'protobufjs';

/**
 * Strict decoding of OTLP request bodies with the official definitions from
 * opentelemetry-proto, copied unchanged: the trace definitions the explorer ships
 * (libs/explorer/proto), and the metrics ones only tests need (./proto); see their READMEs. Both encodings decode to
 * one canonical shape (protobufjs `toObject` with 64-bit integers as decimal strings, enums as
 * numbers, and trace/span ids as lower-case hex, as OTLP/JSON writes them), so tests read either
 * the same way.
 */

const here = dirname(fileURLToPath(import.meta.url));
const PROTO_DIRS = [join(here, '../../libs/explorer/proto'), join(here, 'proto')];

const root = new protobuf.Root();
root.resolvePath = (_origin, target) =>
  PROTO_DIRS.map((dir) => join(dir, target)).find((path) => existsSync(path)) ?? join(PROTO_DIRS[0], target);
root.loadSync([
  'opentelemetry/proto/collector/trace/v1/trace_service.proto',
  'opentelemetry/proto/collector/metrics/v1/metrics_service.proto',
]);
root.resolveAll();

export const TRACE_REQUEST = root.lookupType('opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest');
export const METRICS_REQUEST = root.lookupType('opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest');
export const TRACE_RESPONSE = root.lookupType('opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse');

/** OTLP/JSON writes these `bytes` fields as hex, not base64 (OTLP specification, "JSON Protobuf Encoding"). */
const HEX_ID_LENGTHS: Readonly<Record<string, number>> = { traceId: 32, spanId: 16, parentSpanId: 16 };

const TO_OBJECT: protobuf.IConversionOptions = { longs: String, enums: Number, bytes: String, defaults: false, arrays: true };

export class OtlpDecodeError extends Error {}

/** Decodes a binary protobuf body; malformed wire data or a message that fails verification throws. */
export function decodeProtobuf(type: protobuf.Type, body: Uint8Array): Record<string, unknown> {
  let message: protobuf.Message;
  try {
    message = type.decode(body);
  } catch (error) {
    throw new OtlpDecodeError(`undecodable ${type.name}: ${(error as Error).message}`);
  }
  const problem = type.verify(message);
  if (problem !== null) throw new OtlpDecodeError(`${type.name}: ${problem}`);
  return idsToHex(type.toObject(message, TO_OBJECT)) as Record<string, unknown>;
}

/**
 * Decodes an OTLP/JSON body by the proto3 JSON mapping with OTLP's deviations (hex ids, integer
 * enums), rejecting what a strict decoder would: a value of the wrong JSON type, a 64-bit integer
 * that is neither an integral number nor a decimal string in range, a non-finite number written
 * as `null`, two members of one `oneof`, and (stricter than receivers must be) any unknown field,
 * since a field the sender misnames is data lost.
 */
export function decodeJson(type: protobuf.Type, body: Uint8Array): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
  } catch (error) {
    throw new OtlpDecodeError(`not UTF-8 JSON: ${(error as Error).message}`);
  }
  checkMessage(type, parsed, type.name);
  const message = type.fromObject(idsToBase64(parsed) as Record<string, unknown>);
  return idsToHex(type.toObject(message, TO_OBJECT)) as Record<string, unknown>;
}

function checkMessage(type: protobuf.Type, value: unknown, path: string): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path, 'expected a JSON object');
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const field = type.fields[key];
    if (field === undefined) fail(`${path}.${key}`, `unknown field of ${type.name}`);
    const item = record[key];
    if (field.repeated) {
      if (!Array.isArray(item)) fail(`${path}.${key}`, 'expected an array');
      item.forEach((element, index) => checkField(field, element, `${path}.${key}[${index}]`));
    } else {
      checkField(field, item, `${path}.${key}`);
    }
  }
  for (const oneof of type.oneofsArray) {
    const present = oneof.fieldsArray.filter((field) => record[field.name] !== undefined);
    if (present.length > 1) fail(path, `oneof ${oneof.name} has ${present.map((field) => field.name).join(' and ')}`);
  }
}

const INT64_PATTERN = /^-?(0|[1-9]\d*)$/;

function checkField(field: protobuf.Field, value: unknown, path: string): void {
  if (value === null) fail(path, 'null (a non-finite number serialized by JSON.stringify?)');
  if (field.resolvedType instanceof protobuf.Type) return checkMessage(field.resolvedType, value, path);
  if (field.resolvedType instanceof protobuf.Enum) {
    // OTLP: "Values of enum fields MUST be encoded as integer values."
    if (typeof value !== 'number' || !Object.values(field.resolvedType.values).includes(value))
      fail(path, 'expected an enum number');
    return;
  }
  switch (field.type) {
    case 'string':
      if (typeof value !== 'string') fail(path, 'expected a string');
      return;
    case 'bool':
      if (typeof value !== 'boolean') fail(path, 'expected a boolean');
      return;
    case 'double':
    case 'float':
      // proto3 JSON: a number, or "NaN" / "Infinity" / "-Infinity" as strings.
      if (!(typeof value === 'number' && Number.isFinite(value)) && !['NaN', 'Infinity', '-Infinity'].includes(value as string)) {
        fail(path, `expected a finite number or "NaN"/"Infinity"/"-Infinity", got ${JSON.stringify(value)}`);
      }
      return;
    case 'int32':
    case 'sint32':
    case 'sfixed32':
      checkInteger(value, path, -(2n ** 31n), 2n ** 31n - 1n);
      return;
    case 'uint32':
    case 'fixed32':
      checkInteger(value, path, 0n, 2n ** 32n - 1n);
      return;
    case 'int64':
    case 'sint64':
    case 'sfixed64':
      checkInteger(value, path, -(2n ** 63n), 2n ** 63n - 1n);
      return;
    case 'uint64':
    case 'fixed64':
      checkInteger(value, path, 0n, 2n ** 64n - 1n);
      return;
    case 'bytes': {
      const hexLength = HEX_ID_LENGTHS[field.name];
      if (hexLength !== undefined) {
        if (typeof value !== 'string' || (value !== '' && !new RegExp(`^[0-9a-fA-F]{${hexLength}}$`).test(value))) {
          fail(path, `expected ${hexLength} hex digits`);
        }
      } else if (typeof value !== 'string' || !/^[A-Za-z0-9+/\-_]*={0,2}$/.test(value)) {
        fail(path, 'expected base64');
      }
      return;
    }
    default:
      fail(path, `unhandled protobuf type ${field.type}`);
  }
}

/** proto3 JSON: 64-bit integers as decimal strings or numbers; either way integral and in range. */
function checkInteger(value: unknown, path: string, min: bigint, max: bigint): void {
  let parsed: bigint;
  if (typeof value === 'number' && Number.isInteger(value)) parsed = BigInt(value);
  else if (typeof value === 'string' && INT64_PATTERN.test(value)) parsed = BigInt(value);
  else return fail(path, `expected an integer, got ${JSON.stringify(value)}`);
  if (parsed < min || parsed > max) fail(path, `integer ${parsed} out of range`);
}

function fail(path: string, problem: string): never {
  throw new OtlpDecodeError(`${path}: ${problem}`);
}

function idsToHex(value: unknown): unknown {
  return mapIds(value, (id) => Buffer.from(id, 'base64').toString('hex'));
}

function idsToBase64(value: unknown): unknown {
  return mapIds(value, (id) => Buffer.from(id, 'hex').toString('base64'));
}

function mapIds(value: unknown, convert: (id: string) => string): unknown {
  if (Array.isArray(value)) return value.map((item) => mapIds(item, convert));
  if (typeof value !== 'object' || value === null) return value;
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    result[key] = key in HEX_ID_LENGTHS && typeof item === 'string' ? convert(item) : mapIds(item, convert);
  }
  return result;
}
