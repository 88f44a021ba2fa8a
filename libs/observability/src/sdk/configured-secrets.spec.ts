import { configuredSecrets } from './configured-secrets.js';
import type { ObservabilityOptions } from './observability-options.js';
import { resolveConfig } from './resolve-config.js';

const secretsOf = (options: ObservabilityOptions, env: NodeJS.ProcessEnv) =>
  configuredSecrets(options, resolveConfig(options, env), env);

describe('the secrets a configuration holds', () => {
  it('takes the Honeycomb key, as exporter or not, and the option', () => {
    expect(secretsOf({ exporter: 'none', secrets: ['app-secret-1'] }, { HONEYCOMB_API_KEY: 'hcaik_key_value' })).toEqual([
      'app-secret-1',
      'hcaik_key_value',
    ]);
  });

  it('takes every OTLP header value but those naming a dataset or the content', () => {
    const env = {
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318',
      OTEL_EXPORTER_OTLP_HEADERS: 'authorization=Bearer%20abc123456,x-honeycomb-dataset=lift-sys,x-scope-orgid=tenant-0042',
    };
    expect(secretsOf({}, env).sort()).toEqual(['Bearer abc123456', 'tenant-0042']);
  });

  it('takes the headers of the Honeycomb exporter and of the metrics endpoint', () => {
    const env = { HONEYCOMB_API_KEY: 'hcaik_key_value', HONEYCOMB_METRICS_DATASET: 'metrics', HONEYCOMB_DATASET: 'traces' };
    expect(secretsOf({}, env)).toEqual(['hcaik_key_value']);
  });

  it('still reads options when the OTLP header variable is malformed (reported where it is used)', () => {
    expect(
      secretsOf({ exporter: 'none', otlp: { headers: { 'x-api-key': 'k-0123456789' } } }, { OTEL_EXPORTER_OTLP_HEADERS: 'oops' }),
    ).toEqual(['k-0123456789']);
  });
});
