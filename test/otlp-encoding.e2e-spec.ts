import { currentObservability, setSpanAttributes, setupObservability, Traced } from '@lift-sys/observability';
import { trace } from '@opentelemetry/api';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJson, TRACE_REQUEST } from './support/otlp-proto.js';
import { OtlpSink, type OtlpKeyValue, type OtlpSpan } from './support/otlp-sink.js';

/** Values OTLP cannot carry as they are, from every source of attributes the library has. */
const HOSTILE = {
  'hostile.nan': Number.NaN,
  'hostile.infinity': Infinity,
  'hostile.negative_infinity': -Infinity,
  'hostile.beyond_int64': 2 ** 64,
  'hostile.bigint': 2n ** 70n,
  'hostile.nested': { deep: { deeper: [1, { n: Number.NaN }] } },
  'hostile.symbol': Symbol('marker'),
  'hostile.lone_surrogate': 'a\uD800b',
  'hostile.number_array': [1, Number.NaN],
} as never;

/** What the documented rule turns each into, as decoded from the wire (int64 as decimal strings). */
const EXPECTED_VALUES: Readonly<Record<string, Record<string, unknown>>> = {
  'hostile.nan': { stringValue: 'NaN' },
  'hostile.infinity': { stringValue: 'Infinity' },
  'hostile.negative_infinity': { stringValue: '-Infinity' },
  'hostile.beyond_int64': { stringValue: '18446744073709551616' },
  'hostile.bigint': { stringValue: '1180591620717411303424' },
  'hostile.nested': { stringValue: '{"deep":{"deeper":[1,{"n":"NaN"}]}}' },
  'hostile.symbol': { stringValue: 'marker' },
  'hostile.lone_surrogate': { stringValue: 'a\uFFFDb' },
  'hostile.number_array': { arrayValue: { values: [{ stringValue: '1' }, { stringValue: 'NaN' }] } },
};

/** The keys `hostile.raw` sets through the OpenTelemetry API (which takes only primitives and arrays). */
const RAW_KEYS = [
  'hostile.nan',
  'hostile.infinity',
  'hostile.negative_infinity',
  'hostile.beyond_int64',
  'hostile.lone_surrogate',
  'hostile.number_array',
];

class Hostile {
  @Traced('hostile.static', { attributes: HOSTILE })
  fromStaticAttributes(): void {}

  @Traced('hostile.args', { args: () => HOSTILE })
  fromArgs(): void {}

  @Traced('hostile.result', { result: () => HOSTILE })
  fromResult(): void {}

  @Traced('hostile.helpers')
  fromHelpers(): void {
    setSpanAttributes(HOSTILE);
  }

  /** Straight through the OpenTelemetry API, past the library's normalization: the export guard's case. */
  @Traced('hostile.raw')
  fromRawApi(): void {
    const span = trace.getActiveSpan();
    span?.setAttribute('hostile.nan', Number.NaN);
    span?.setAttribute('hostile.infinity', Infinity);
    span?.setAttribute('hostile.negative_infinity', -Infinity);
    span?.setAttribute('hostile.beyond_int64', 2 ** 64);
    span?.setAttribute('hostile.lone_surrogate', 'a\uD800b');
    span?.setAttribute('hostile.number_array', [1, Number.NaN]);
    span?.addEvent('hostile.event', { 'hostile.nan': Number.NaN });
  }

  @Traced('healthy')
  healthy(): number {
    return 1;
  }
}

function runAll(): void {
  const hostile = new Hostile();
  hostile.fromStaticAttributes();
  hostile.fromArgs();
  hostile.fromResult();
  hostile.fromHelpers();
  hostile.fromRawApi();
  hostile.healthy();
}

function attributeMap(attributes: readonly OtlpKeyValue[] | undefined): Record<string, unknown> {
  return Object.fromEntries((attributes ?? []).map(({ key, value }) => [key, value]));
}

function expectNormalized(spans: readonly OtlpSpan[]): void {
  expect(spans.map((span) => span.name).sort()).toEqual([
    'healthy',
    'hostile.args',
    'hostile.helpers',
    'hostile.raw',
    'hostile.result',
    'hostile.static',
  ]);
  for (const span of spans.filter((candidate) => candidate.name !== 'healthy')) {
    const attributes = attributeMap(span.attributes);
    const expected = span.name === 'hostile.raw' ? RAW_KEYS : Object.keys(EXPECTED_VALUES);
    for (const key of expected) {
      expect({ span: span.name, key, value: attributes[key] }).toEqual({ span: span.name, key, value: EXPECTED_VALUES[key] });
    }
  }
  const raw = spans.find((span) => span.name === 'hostile.raw');
  expect(attributeMap(raw?.events?.[0]?.attributes)).toEqual({ 'hostile.nan': { stringValue: 'NaN' } });
}

describe.each(['http/protobuf', 'http/json'] as const)('every span in one batch over OTLP %s', (protocol) => {
  const sink = new OtlpSink();

  beforeAll(async () => {
    await sink.start();
    setupObservability({
      logger: { info: () => {}, warn: () => {} },
      instrumentations: false,
      batch: { scheduledDelayMillis: 60_000 },
      resourceAttributes: { 'hostile.resource': Number.NaN },
      env: {
        OTEL_SERVICE_NAME: 'encoding-probe',
        OTEL_EXPORTER_OTLP_ENDPOINT: sink.url,
        OTEL_EXPORTER_OTLP_PROTOCOL: protocol,
      },
    });
  });

  afterAll(async () => {
    await currentObservability()?.shutdown();
    await sink.stop();
  });

  it('decodes strictly with the official protos, with the hostile values rewritten by the documented rule', async () => {
    runAll();
    await currentObservability()?.forceFlush();
    expect(sink.rejected).toEqual([]);
    expect(sink.traceExports()).toHaveLength(1);
    const [received] = sink.traceExports();
    expect(received.headers['content-type']).toBe(protocol === 'http/json' ? 'application/json' : 'application/x-protobuf');
    expect(attributeMap(received.body.resourceSpans[0].resource.attributes)['hostile.resource']).toEqual({ stringValue: 'NaN' });
    expectNormalized(sink.spans());
  });
});

describe('the local JSON lines file', () => {
  it('holds lines that decode strictly as OTLP/JSON, hostile values included', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'otlp-encoding-'));
    setupObservability({
      logger: { info: () => {}, warn: () => {} },
      instrumentations: false,
      exporter: 'local',
      local: { directory, console: false },
    });
    try {
      runAll();
      await currentObservability()?.forceFlush();
    } finally {
      await currentObservability()?.shutdown();
    }
    const lines = readFileSync(join(directory, 'spans.jsonl'), 'utf8').trim().split('\n');
    const spans = lines.flatMap((line) => {
      const body = decodeJson(TRACE_REQUEST, Buffer.from(line)) as unknown as {
        resourceSpans: { scopeSpans: { spans: OtlpSpan[] }[] }[];
      };
      return body.resourceSpans.flatMap((resource) => resource.scopeSpans.flatMap((scope) => scope.spans));
    });
    expectNormalized(spans);
  });
});
