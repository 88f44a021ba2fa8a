import { ObservabilityConfigurationError } from './configuration-error.js';
import { resolveConfig } from './resolve-config.js';

const COLLECTOR = {
  OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318',
  OTEL_EXPORTER_OTLP_METRICS_ENDPOINT: 'http://127.0.0.1:4318/v1/metrics',
};

function protocols(env: NodeJS.ProcessEnv, option?: 'http/protobuf' | 'http/json') {
  const config = resolveConfig({ otlp: option ? { protocol: option } : undefined }, { ...COLLECTOR, ...env });
  return { traces: config.exporter.kind === 'otlp' ? config.exporter.protocol : undefined, metrics: config.metrics?.protocol };
}

describe('OTLP protocol', () => {
  it('defaults to http/protobuf, for Honeycomb as for a collector', () => {
    expect(protocols({})).toEqual({ traces: 'http/protobuf', metrics: 'http/protobuf' });
    expect(resolveConfig({}, { HONEYCOMB_API_KEY: 'hcxik_key' }).exporter).toMatchObject({ protocol: 'http/protobuf' });
  });

  it('takes the option, then OTEL_EXPORTER_OTLP_PROTOCOL, then the per-signal variable', () => {
    expect(protocols({}, 'http/json')).toEqual({ traces: 'http/json', metrics: 'http/json' });
    expect(protocols({ OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json' }, 'http/protobuf')).toEqual({
      traces: 'http/json',
      metrics: 'http/json',
    });
    expect(protocols({ OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json', OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'http/protobuf' })).toEqual({
      traces: 'http/protobuf',
      metrics: 'http/json',
    });
    expect(protocols({ OTEL_EXPORTER_OTLP_METRICS_PROTOCOL: 'http/json' })).toEqual({
      traces: 'http/protobuf',
      metrics: 'http/json',
    });
  });

  it('refuses grpc by name, and any other value with the accepted ones', () => {
    expect(() => protocols({ OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' })).toThrow(ObservabilityConfigurationError);
    expect(() => protocols({ OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'grpc' })).toThrow(
      'Invalid observability setting OTEL_EXPORTER_OTLP_TRACES_PROTOCOL="grpc": OTLP over gRPC is not supported',
    );
    expect(() => protocols({ OTEL_EXPORTER_OTLP_PROTOCOL: 'http/xml' })).toThrow('expected one of http/protobuf, http/json');
  });
});
