import { ObservabilityConfigurationError } from './configuration-error.js';
import { readEnv } from './environment.js';

/** The OTLP transports this library speaks (OTLP/HTTP with either encoding). */
export const OTLP_PROTOCOLS = ['http/protobuf', 'http/json'] as const;
export type OtlpProtocol = (typeof OTLP_PROTOCOLS)[number];

/** The OpenTelemetry SDK specification's default, and what Honeycomb recommends. */
export const DEFAULT_OTLP_PROTOCOL: OtlpProtocol = 'http/protobuf';

/**
 * The encoding for one signal: `OTEL_EXPORTER_OTLP_<SIGNAL>_PROTOCOL`, else
 * `OTEL_EXPORTER_OTLP_PROTOCOL`, else the option, else `http/protobuf` (the precedence and the
 * values of the OpenTelemetry exporter specification). `grpc` is a valid value there but not a
 * transport this library ships, so it is refused by name rather than quietly replaced.
 */
export function resolveOtlpProtocol(
  signal: 'traces' | 'metrics',
  option: OtlpProtocol | undefined,
  env: NodeJS.ProcessEnv,
): OtlpProtocol {
  const signalVariable = `OTEL_EXPORTER_OTLP_${signal.toUpperCase()}_PROTOCOL`;
  const fromSignal = readEnv(env, signalVariable);
  const fromGeneral = readEnv(env, 'OTEL_EXPORTER_OTLP_PROTOCOL');
  const [setting, value] =
    fromSignal !== undefined
      ? [signalVariable, fromSignal]
      : fromGeneral !== undefined
        ? ['OTEL_EXPORTER_OTLP_PROTOCOL', fromGeneral]
        : ['otlp.protocol', option ?? DEFAULT_OTLP_PROTOCOL];
  if ((OTLP_PROTOCOLS as readonly string[]).includes(value)) return value as OtlpProtocol;
  const expectation =
    value === 'grpc'
      ? 'OTLP over gRPC is not supported; use http/protobuf (the default) or http/json'
      : `expected one of ${OTLP_PROTOCOLS.join(', ')}`;
  throw new ObservabilityConfigurationError(setting, value, expectation);
}
