import { diag, SpanStatusCode, trace } from '@opentelemetry/api';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { forgetSecrets, registerSecret } from '../core/secret-scrubber.js';
import { Traced } from '../decorators/traced.js';
import { setupTestObservability, type TestObservability } from '../testing/test-observability.js';
import { currentObservability, setupObservability } from './setup-observability.js';

const HONEYCOMB_KEY = 'hcaik_01hsecretsecretsecretsecret';
const OPTION_SECRET = 'option-secret-value-42';
const HEADER_SECRET = 'collector-token-0123456789';
const RUNTIME_SECRET = 'sk-live-registered-at-runtime';
const ALL = [HONEYCOMB_KEY, OPTION_SECRET, HEADER_SECRET, RUNTIME_SECRET];

class Provider {
  @Traced('llm.call')
  call(): never {
    throw new Error(`401 Unauthorized: {"error":"invalid api key ${RUNTIME_SECRET}", "team":"${HONEYCOMB_KEY}"}`);
  }

  @Traced('long.failure')
  failLong(): never {
    throw new Error('x'.repeat(5000));
  }
}

const everything = (otel: TestObservability): string =>
  JSON.stringify(
    otel.spans().map((span) => ({ name: span.name, attributes: span.attributes, events: span.events, status: span.status })),
  );

describe('secrets never leave the process in spans or library output', () => {
  const lines: string[] = [];
  let otel: TestObservability;

  beforeAll(() => {
    otel = setupTestObservability({
      logger: { info: (line) => lines.push(line), warn: (line) => lines.push(line) },
      secrets: [OPTION_SECRET],
      otlp: { headers: { authorization: `Bearer ${HEADER_SECRET}`, 'x-honeycomb-dataset': 'lift-sys' } },
      env: { HONEYCOMB_API_KEY: HONEYCOMB_KEY },
    });
    registerSecret(RUNTIME_SECRET);
  });
  afterAll(async () => {
    await otel.shutdown();
    forgetSecrets();
  });
  beforeEach(() => otel.reset());

  it('scrubs exception messages, stacks and status messages of traced failures', () => {
    expect(() => new Provider().call()).toThrow(RUNTIME_SECRET);
    const [span] = otel.spansNamed('llm.call');
    expect(span.status).toEqual({ code: SpanStatusCode.ERROR, message: expect.stringContaining('invalid api key [REDACTED]') });
    const exception = span.events.find((event) => event.name === 'exception')?.attributes;
    expect(exception?.['exception.message']).toContain('"team":"[REDACTED]"');
    expect(exception?.['exception.stacktrace']).toContain('invalid api key [REDACTED]');
    for (const secret of ALL) expect(everything(otel)).not.toContain(secret);
  });

  it('scrubs attributes, span names and status messages set directly on spans, before export', () => {
    const span = trace.getTracer('direct').startSpan(`connect ${HEADER_SECRET}`);
    span.setAttributes({
      'url.full': `https://x.test/?key=${encodeURIComponent(OPTION_SECRET)}`,
      tags: ['ok', HONEYCOMB_KEY],
      n: 1,
    });
    span.setStatus({ code: SpanStatusCode.ERROR, message: `rejected ${RUNTIME_SECRET}` });
    span.end();
    const [exported] = otel.spans();
    expect(exported.name).toBe('connect [REDACTED]');
    expect(exported.attributes).toEqual({ 'url.full': 'https://x.test/?key=[REDACTED]', tags: ['ok', '[REDACTED]'], n: 1 });
    expect(exported.status.message).toBe('rejected [REDACTED]');
    expect(exported.spanContext().traceId).toMatch(/^[0-9a-f]{32}$/);
  });

  it('passes spans without secrets through untouched', () => {
    trace.getTracer('direct').startSpan('clean').end();
    expect(otel.spans()[0].name).toBe('clean');
  });

  it('scrubs diagnostic lines, whatever the SDK puts in them', () => {
    diag.warn('export failed', new Error(`endpoint answered 401: echoed header authorization: Bearer ${HEADER_SECRET}`));
    expect(lines.join('\n')).toContain('echoed header authorization: [REDACTED]');
    for (const secret of ALL) expect(lines.join('\n')).not.toContain(secret);
  });

  it('cuts status messages to the attribute length limit', () => {
    expect(() => new Provider().failLong()).toThrow();
    expect(otel.spansNamed('long.failure')[0].status.message).toHaveLength(1024);
  });

  it('caps attribute values set directly on spans at 16,384 characters by default', () => {
    const span = trace.getTracer('direct').startSpan('big');
    span.setAttribute('user_agent.original', 'u'.repeat(20_000));
    span.end();
    expect(otel.spans()[0].attributes['user_agent.original']).toHaveLength(16_384);
  });
});

describe('span limits and the local exporter', () => {
  afterEach(async () => {
    await currentObservability()?.shutdown();
    forgetSecrets();
  });

  it('takes the attribute value limit from OTEL_ATTRIBUTE_VALUE_LENGTH_LIMIT, and scrubs the .traces file', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'scrub-'));
    setupObservability({
      logger: { info: () => {}, warn: () => {} },
      secrets: [OPTION_SECRET],
      spanProcessor: 'simple',
      env: {
        OTEL_TRACES_EXPORTER: 'local',
        OBSERVABILITY_TRACES_DIR: directory,
        OBSERVABILITY_CONSOLE: 'false',
        OTEL_ATTRIBUTE_VALUE_LENGTH_LIMIT: '100',
      },
    });
    const span = trace.getTracer('direct').startSpan('file');
    span.setAttribute('long', 'v'.repeat(500));
    span.setAttribute('secret', `value ${OPTION_SECRET}`);
    span.end();
    await currentObservability()?.forceFlush();
    const text = readdirSync(directory)
      .map((file) => readFileSync(join(directory, file), 'utf8'))
      .join('');
    expect(text).toContain('"value [REDACTED]"');
    expect(text).toContain(`"${'v'.repeat(100)}"`);
    expect(text).not.toContain('v'.repeat(101));
    expect(text).not.toContain(OPTION_SECRET);
  });
});
