import { trace } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import {
  ATTR_DEPLOYMENT_ENVIRONMENT_NAME,
  ATTR_SERVICE_INSTANCE_ID,
  ATTR_SERVICE_NAME,
  ATTR_SERVICE_VERSION,
} from '@opentelemetry/semantic-conventions';
import { ATTR_DEPLOYMENT_ENVIRONMENT } from '@opentelemetry/semantic-conventions/incubating';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Traced } from '../decorators/traced.js';
import { tracingState } from '../core/tracing-state.js';
import { currentObservability, setupObservability } from './setup-observability.js';

class Work {
  @Traced('work.parent')
  parent(): number {
    return this.child() + 1;
  }

  @Traced('work.child')
  child(): number {
    return 1;
  }
}

function recordingLogger(): { lines: string[]; info: (line: string) => void; warn: (line: string) => void } {
  const lines: string[] = [];
  return { lines, info: (line) => lines.push(line), warn: (line) => lines.push(`WARN ${line}`) };
}

afterEach(async () => {
  await currentObservability()?.shutdown();
});

describe('setupObservability', () => {
  it('describes the service with the resource conventions', () => {
    const exporter = new InMemorySpanExporter();
    setupObservability({
      serviceName: 'billing',
      serviceVersion: '3.2.1',
      environment: 'staging',
      exporter,
      spanProcessor: 'simple',
      logger: recordingLogger(),
      env: {},
    });
    new Work().child();
    const resource = exporter.getFinishedSpans()[0].resource.attributes;
    expect(resource).toMatchObject({
      [ATTR_SERVICE_NAME]: 'billing',
      [ATTR_SERVICE_VERSION]: '3.2.1',
      [ATTR_DEPLOYMENT_ENVIRONMENT_NAME]: 'staging',
      [ATTR_SERVICE_INSTANCE_ID]: expect.stringMatching(/^[0-9a-f-]{36}$/),
      'telemetry.sdk.language': 'nodejs',
    });
    expect(resource).not.toHaveProperty([ATTR_DEPLOYMENT_ENVIRONMENT]);
  });

  it('returns the same handle on a second call', () => {
    const logger = recordingLogger();
    const first = setupObservability({ exporter: 'none', logger });
    expect(setupObservability({ exporter: 'local', logger })).toBe(first);
    expect(first.exporter).toBe('none');
  });

  it('registers nothing when disabled, and decorated methods run as plain calls', () => {
    const logger = recordingLogger();
    const handle = setupObservability({ env: { HONEYCOMB_ENABLED: 'false' }, logger });
    expect(handle.enabled).toBe(false);
    expect(tracingState.tracer).toBeUndefined();
    expect(trace.getTracerProvider().getTracer('x').startSpan('probe').isRecording()).toBe(false);
    expect(new Work().parent()).toBe(2);
    expect(logger.lines).toEqual(['[observability] service=unknown_service:node tracing disabled']);
  });

  it('by default writes OTLP JSON lines under .traces and prints each finished trace as a tree', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'traces-'));
    const logger = recordingLogger();
    const handle = setupObservability({ serviceName: 'demo', local: { directory }, logger, env: {} });
    expect(handle.exporter).toBe('local');
    new Work().parent();
    await handle.forceFlush();
    const lines = readFileSync(join(directory, 'spans.jsonl'), 'utf8').trim().split('\n');
    const request = JSON.parse(lines[0]) as {
      resourceSpans: {
        resource: { attributes: { key: string; value: { stringValue?: string } }[] };
        scopeSpans: { spans: { name: string }[] }[];
      }[];
    };
    const resource = request.resourceSpans[0].resource.attributes.find((attribute) => attribute.key === 'service.name');
    expect(resource?.value.stringValue).toBe('demo');
    expect(request.resourceSpans[0].scopeSpans[0].spans.map((span) => span.name).sort()).toEqual(['work.child', 'work.parent']);
    const tree = logger.lines.find((line) => line.startsWith('trace '));
    expect(tree).toMatch(/work\.parent [\d.]+ms\n└─ work\.child [\d.]+ms/);
  });

  it('logs one startup line naming the destination but never the key', () => {
    const key = 'hcxik_01hqk4k20cjeh63wca8vva5stw';
    const logger = recordingLogger();
    setupObservability({ logger, env: { HONEYCOMB_API_KEY: key, HONEYCOMB_DATASET: 'x', OTEL_SERVICE_NAME: 'lift-sys' } });
    expect(logger.lines.join('\n')).not.toContain(key);
    expect(logger.lines).toContain(
      '[observability] service=lift-sys version=dev environment=development traces -> honeycomb https://api.honeycomb.io/v1/traces http/protobuf (environment key) sampleRate=1',
    );
    expect(logger.lines.some((line) => line.startsWith('WARN') && line.includes('HONEYCOMB_DATASET'))).toBe(true);
  });

  it('fails at startup on an invalid setting, registering nothing', () => {
    expect(() => setupObservability({ env: { HONEYCOMB_SAMPLE_RATE: 'often' }, logger: recordingLogger() })).toThrow(
      'HONEYCOMB_SAMPLE_RATE="often"',
    );
    expect(currentObservability()).toBeUndefined();
  });

  it('runs extra span processors alongside export', async () => {
    const exported = new InMemorySpanExporter();
    const extra = new InMemorySpanExporter();
    setupObservability({
      exporter: exported,
      spanProcessor: 'simple',
      spanProcessors: [new SimpleSpanProcessor(extra)],
      logger: recordingLogger(),
    });
    new Work().parent();
    expect(extra.getFinishedSpans().map((span) => span.name)).toEqual(['work.child', 'work.parent']);
    expect(exported.getFinishedSpans()).toHaveLength(2);
  });

  it('can start afresh after shutdown', async () => {
    const first = setupObservability({ exporter: 'none', logger: recordingLogger() });
    await first.shutdown();
    const second = setupObservability({ exporter: 'none', logger: recordingLogger() });
    expect(second).not.toBe(first);
  });
});
