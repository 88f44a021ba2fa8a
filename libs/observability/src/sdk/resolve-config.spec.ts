import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { ObservabilityConfigurationError } from './configuration-error.js';
import { resolveConfig } from './resolve-config.js';

const CLASSIC_KEY = '0123456789abcdef0123456789abcdef';
const CLASSIC_INGEST_KEY = `hcaic_${'a1'.repeat(29)}`;
const ENVIRONMENT_KEY = 'hcxik_01hqk4k20cjeh63wca8vva5stw';

describe('resolveConfig', () => {
  it('defaults to the local exporter, which never touches the network', () => {
    const config = resolveConfig({}, {});
    expect(config.enabled).toBe(true);
    expect(config.exporter).toEqual({
      kind: 'local',
      directory: '.traces',
      maxFileBytes: 10 * 1024 * 1024,
      maxFiles: 3,
      console: true,
    });
    expect(config.sampleRate).toBe(1);
    expect(config.metrics).toBeUndefined();
  });

  it('reads the resource from options, the environment winning', () => {
    const env = { OTEL_SERVICE_NAME: 'from-env', OTEL_SERVICE_VERSION: 'abc123', ENVIRONMENT: 'production' };
    const config = resolveConfig({ serviceName: 'from-code', serviceVersion: '1', environment: 'dev' }, env);
    expect([config.serviceName, config.serviceVersion, config.environment]).toEqual(['from-env', 'abc123', 'production']);
    expect(resolveConfig({ serviceName: 'from-code' }, {}).serviceName).toBe('from-code');
  });

  it('never reads an application-specific version variable', () => {
    expect(resolveConfig({ serviceVersion: '2.1.0' }, { LIFT_SYS_VERSION: 'abc123' }).serviceVersion).toBe('2.1.0');
  });

  it('reads OTEL_RESOURCE_ATTRIBUTES, below the dedicated variables', () => {
    const env = {
      OTEL_RESOURCE_ATTRIBUTES:
        'service.name=from-resource,service.version=9.9,deployment.environment.name=staging,team=lift%20sys,service.instance.id=pod-7',
    };
    const config = resolveConfig({ serviceName: 'from-code', resourceAttributes: { team: 'code', region: 'eu' } }, env);
    expect(config).toMatchObject({
      serviceName: 'from-resource',
      serviceVersion: '9.9',
      environment: 'staging',
      serviceInstanceId: 'pod-7',
      resourceAttributes: { team: 'lift sys', region: 'eu' },
    });
    expect(resolveConfig({}, { ...env, OTEL_SERVICE_NAME: 'named' }).serviceName).toBe('named');
  });

  it('skips a malformed OTEL_RESOURCE_ATTRIBUTES entry with a warning that does not echo it', () => {
    const config = resolveConfig({}, { OTEL_RESOURCE_ATTRIBUTES: 'a=1,secret-ish,b=%E0%A4%A' });
    expect(config.resourceAttributes).toEqual({ a: '1' });
    expect(config.warnings).toEqual([expect.stringContaining('entry 2'), expect.stringContaining('entry 3')]);
    expect(config.warnings.join('')).not.toContain('secret-ish');
  });

  it('gives every process its own service.instance.id', () => {
    const first = resolveConfig({}, {}).serviceInstanceId;
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(resolveConfig({}, {}).serviceInstanceId).not.toBe(first);
  });

  it('prefers an exporter instance passed in code over everything else', () => {
    const exporter = new InMemorySpanExporter();
    const config = resolveConfig({ exporter }, { HONEYCOMB_API_KEY: CLASSIC_KEY, OTEL_TRACES_EXPORTER: 'otlp' });
    expect(config.exporter).toEqual({ kind: 'instance', exporter });
  });

  describe('Honeycomb', () => {
    it('sends a dataset header with a classic key', () => {
      const config = resolveConfig({}, { HONEYCOMB_API_KEY: CLASSIC_KEY, HONEYCOMB_DATASET: 'lift-sys' });
      expect(config.exporter).toEqual({
        kind: 'honeycomb',
        url: 'https://api.honeycomb.io/v1/traces',
        headers: { 'x-honeycomb-team': CLASSIC_KEY, 'x-honeycomb-dataset': 'lift-sys' },
        protocol: 'http/protobuf',
        keyKind: 'classic',
      });
    });

    it('treats 64-character hc?ic_ keys as classic', () => {
      const config = resolveConfig({}, { HONEYCOMB_API_KEY: CLASSIC_INGEST_KEY, HONEYCOMB_DATASET: 'd' });
      expect(config.exporter).toMatchObject({ keyKind: 'classic', headers: { 'x-honeycomb-dataset': 'd' } });
    });

    it('omits the dataset header for an environment key and warns when one is given', () => {
      const config = resolveConfig({}, { HONEYCOMB_API_KEY: ENVIRONMENT_KEY, HONEYCOMB_DATASET: 'ignored' });
      expect(config.exporter).toMatchObject({ keyKind: 'environment', headers: { 'x-honeycomb-team': ENVIRONMENT_KEY } });
      expect(config.exporter.kind === 'honeycomb' && config.exporter.headers).not.toHaveProperty('x-honeycomb-dataset');
      expect(config.warnings).toEqual([expect.stringContaining('HONEYCOMB_DATASET="ignored" is ignored')]);
      expect(config.warnings.join('')).not.toContain(ENVIRONMENT_KEY);
    });

    it('appends /v1/traces to HONEYCOMB_API_ENDPOINT and uses HONEYCOMB_TRACES_ENDPOINT verbatim', () => {
      const eu = resolveConfig(
        {},
        { HONEYCOMB_API_KEY: ENVIRONMENT_KEY, HONEYCOMB_API_ENDPOINT: 'https://api.eu1.honeycomb.io/' },
      );
      expect(eu.exporter).toMatchObject({ url: 'https://api.eu1.honeycomb.io/v1/traces' });
      const verbatim = resolveConfig(
        {},
        { HONEYCOMB_API_KEY: ENVIRONMENT_KEY, HONEYCOMB_TRACES_ENDPOINT: 'http://127.0.0.1:4318/custom' },
      );
      expect(verbatim.exporter).toMatchObject({ url: 'http://127.0.0.1:4318/custom' });
    });

    it('sends metrics with the metrics dataset whatever the key', () => {
      const config = resolveConfig({}, { HONEYCOMB_API_KEY: ENVIRONMENT_KEY, HONEYCOMB_METRICS_DATASET: 'lift-sys-metrics' });
      expect(config.metrics).toMatchObject({
        url: 'https://api.honeycomb.io/v1/metrics',
        headers: { 'x-honeycomb-team': ENVIRONMENT_KEY, 'x-honeycomb-dataset': 'lift-sys-metrics' },
      });
      expect(config.metrics?.description).not.toContain(ENVIRONMENT_KEY);
    });
  });

  it('uses any OTLP collector when an endpoint is set, with headers from OTEL_EXPORTER_OTLP_HEADERS', () => {
    const config = resolveConfig(
      {},
      { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318', OTEL_EXPORTER_OTLP_HEADERS: 'x-token=a%3Db,other=2' },
    );
    expect(config.exporter).toEqual({
      kind: 'otlp',
      url: 'http://127.0.0.1:4318/v1/traces',
      headers: { 'x-token': 'a=b', other: '2' },
      protocol: 'http/protobuf',
    });
    const verbatim = resolveConfig({}, { OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://127.0.0.1:9999/t' });
    expect(verbatim.exporter).toMatchObject({ url: 'http://127.0.0.1:9999/t' });
  });

  it('prefers Honeycomb over a generic OTLP endpoint', () => {
    const config = resolveConfig({}, { HONEYCOMB_API_KEY: CLASSIC_KEY, OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318' });
    expect(config.exporter.kind).toBe('honeycomb');
  });

  it.each([[{ HONEYCOMB_ENABLED: 'false' }], [{ OTEL_SDK_DISABLED: 'true' }]])('is disabled by %p', (env) => {
    const config = resolveConfig({ exporter: 'otlp' }, env);
    expect(config.enabled).toBe(false);
    expect(config.exporter).toEqual({ kind: 'none' });
  });

  it('is disabled by enabled: false', () => {
    expect(resolveConfig({ enabled: false }, {}).enabled).toBe(false);
  });

  describe('invalid settings fail at startup naming the setting and the value', () => {
    it.each([
      [{ exporter: 'zipkin' as never }, {}, 'exporter="zipkin"'],
      [{}, { OTEL_TRACES_EXPORTER: 'jaeger' }, 'OTEL_TRACES_EXPORTER="jaeger"'],
      [{}, { OTEL_EXPORTER_OTLP_ENDPOINT: 'not a url' }, 'OTEL_EXPORTER_OTLP_ENDPOINT="not a url"'],
      [{}, { HONEYCOMB_API_KEY: CLASSIC_KEY, HONEYCOMB_API_ENDPOINT: 'ftp://x' }, 'HONEYCOMB_API_ENDPOINT="ftp://x"'],
      [{}, { HONEYCOMB_SAMPLE_RATE: '0' }, 'HONEYCOMB_SAMPLE_RATE="0"'],
      [{}, { HONEYCOMB_SAMPLE_RATE: '2.5' }, 'HONEYCOMB_SAMPLE_RATE="2.5"'],
      [{ sampleRate: -3 }, {}, 'sampleRate=-3'],
      [{ exporter: 'honeycomb' as const }, {}, 'HONEYCOMB_API_KEY is not set'],
    ])('%p with env %p', (options, env, fragment) => {
      const attempt = (): unknown => resolveConfig(options, env);
      expect(attempt).toThrow(ObservabilityConfigurationError);
      expect(attempt).toThrow(fragment);
    });

    it('never echoes OTLP header values', () => {
      expect(() =>
        resolveConfig({}, { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:1', OTEL_EXPORTER_OTLP_HEADERS: '=supersecret' }),
      ).toThrow(/^(?!.*supersecret)/);
    });
  });

  it('accepts a sample rate from the environment', () => {
    expect(resolveConfig({ sampleRate: 4 }, { HONEYCOMB_SAMPLE_RATE: '10' }).sampleRate).toBe(10);
  });
});
