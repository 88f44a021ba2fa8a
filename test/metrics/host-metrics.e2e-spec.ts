import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { OtlpSink } from '../support/otlp-sink.js';

const run = promisify(execFile);

describe('host metrics through nestjs-otel', () => {
  const sink = new OtlpSink();

  beforeAll(async () => {
    if (!existsSync('libs/observability/dist/esm/index.js')) {
      throw new Error('the metrics probe runs the built library in plain Node: run `npm run build` first (npm test does)');
    }
    await sink.start();
  });
  afterAll(() => sink.stop());

  it('exports host and runtime metrics to Honeycomb with the metrics dataset header', async () => {
    await run(process.execPath, ['test/metrics/metrics-app.mjs'], {
      timeout: 60_000,
      env: {
        PATH: process.env.PATH,
        HONEYCOMB_API_KEY: 'hcxik_metricsprobe',
        HONEYCOMB_METRICS_DATASET: 'lift-sys-metrics',
        HONEYCOMB_API_ENDPOINT: sink.url,
        OTEL_METRIC_EXPORT_INTERVAL: '200',
      },
    });
    const metricsExports = sink.received.filter((received) => received.path === '/v1/metrics');
    expect(metricsExports.length).toBeGreaterThan(0);
    expect(metricsExports[0].headers['x-honeycomb-dataset']).toBe('lift-sys-metrics');
    expect(metricsExports[0].headers['x-honeycomb-team']).toBe('hcxik_metricsprobe');
    const names = JSON.stringify(metricsExports.map((received) => received.body));
    expect(names).toContain('system.cpu');
    expect(names).toContain('process.memory');
  }, 90_000);
});
