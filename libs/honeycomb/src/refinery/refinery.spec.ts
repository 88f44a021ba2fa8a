import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SpanStatusCode } from '@opentelemetry/api';
import type { ReadableSpan, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { DeterministicSampler, TailSamplingProcessor } from '@lift-sys/observability/sdk';
import { parse } from 'yaml';
import { main } from '../cli/refinery.js';
import { refineryConfig, refineryRules } from './refinery-files.js';
import { IN_PROCESS_DEFAULTS, samplingPolicyFrom } from './sampling-policy.js';
import { checkRefineryConfig, checkRefineryRules } from './validate-refinery.js';

const TAIL = { slowThresholdMillis: 10_000, traceTimeoutMillis: 30_000, maxSpansPerTrace: 500, maxTraces: 5000 };

describe('the sampling policy', () => {
  it('reads sampleRate and tailSampling like the library, HONEYCOMB_SAMPLE_RATE first', () => {
    expect(samplingPolicyFrom({ sampleRate: 4 })).toEqual({ sampleRate: 4, tailSampling: TAIL });
    expect(samplingPolicyFrom({ sampleRate: 4 }, { HONEYCOMB_SAMPLE_RATE: '20' }).sampleRate).toBe(20);
    expect(samplingPolicyFrom({ sampleRate: 4, tailSampling: { slowThresholdMillis: 2500 } }).tailSampling).toMatchObject({
      slowThresholdMillis: 2500,
    });
    expect(samplingPolicyFrom({ sampleRate: 4, tailSampling: false })).toEqual({ sampleRate: 4, tailSampling: false });
    expect(samplingPolicyFrom({})).toEqual({ sampleRate: 1, tailSampling: false });
    expect(() => samplingPolicyFrom({}, { HONEYCOMB_SAMPLE_RATE: '0.5' })).toThrow(
      'the sample rate must be a whole number of at least 1, not 0.5',
    );
  });

  it("uses the in-process processor's own slow threshold as its default", () => {
    const kept: ReadableSpan[] = [];
    const next = {
      onStart: () => {},
      onEnd: (span: ReadableSpan) => kept.push(span),
      forceFlush: async () => {},
      shutdown: async () => {},
    };
    const head = new DeterministicSampler(1_000_000);
    const tail = new TailSamplingProcessor(next as SpanProcessor, head);
    const dropped = [
      '0af7651916cd43dd8448eb211c80319c',
      '4bf92f3577b34da6a3ce929d0e0e4736',
      '00000000000000000000000000000001',
    ].find((id) => !head.keeps(id))!;
    const root = (traceId: string, durationMs: number) =>
      ({
        spanContext: () => ({ traceId, spanId: '00f067aa0ba902b7', traceFlags: 1 }),
        parentSpanContext: undefined,
        status: { code: SpanStatusCode.OK },
        duration: [Math.floor(durationMs / 1000), (durationMs % 1000) * 1e6],
        attributes: {},
      }) as unknown as ReadableSpan;
    tail.onEnd(root(dropped, IN_PROCESS_DEFAULTS.slowThresholdMillis - 1));
    expect(kept).toHaveLength(0);
    tail.onEnd(root(dropped.replace(/.$/, 'f'), IN_PROCESS_DEFAULTS.slowThresholdMillis));
    expect(kept).toHaveLength(1);
    void tail.shutdown();
  });
});

describe('Refinery rules and config', () => {
  it('keep errors, keep slow traces, then 1 in N, and pass Refinery’s schema', () => {
    const rules = refineryRules({ sampleRate: 10, tailSampling: TAIL });
    expect(rules).toEqual({
      RulesVersion: 2,
      Samplers: {
        __default__: {
          RulesBasedSampler: {
            Rules: [
              {
                Name: 'Keep every trace with an error',
                Conditions: [{ Field: 'error', Operator: '=', Value: true, Datatype: 'bool' }],
                SampleRate: 1,
              },
              {
                Name: 'Keep every trace whose root lasts at least 10000 ms',
                Conditions: [
                  { Operator: 'has-root-span', Value: true },
                  { Field: 'root.duration_ms', Operator: '>=', Value: 10_000, Datatype: 'float' },
                ],
                SampleRate: 1,
              },
              { Name: 'Keep 1 in 10 of the other traces', SampleRate: 10 },
            ],
          },
        },
      },
    });
    expect(checkRefineryRules(rules)).toEqual([]);
    expect(refineryRules({ sampleRate: 3, tailSampling: false }, 'production')).toEqual({
      RulesVersion: 2,
      Samplers: {
        __default__: { DeterministicSampler: { SampleRate: 3 } },
        production: { DeterministicSampler: { SampleRate: 3 } },
      },
    });
    const config = refineryConfig({ sampleRate: 10, tailSampling: TAIL });
    expect(config).toEqual({
      General: { ConfigurationVersion: 2, MinRefineryVersion: 'v2.8' },
      RefineryTelemetry: { AddRuleReasonToTrace: true },
      Traces: { TraceTimeout: '30s', SpanLimit: 500 },
    });
    expect(checkRefineryConfig(config)).toEqual([]);
  });

  it('the validator refuses what Refinery documents as invalid', () => {
    expect(checkRefineryRules({ RulesVersion: 1, Samplers: { production: { DeterministicSampler: {} } } })).toEqual([
      'RulesVersion: must be 2',
      'Samplers: needs a __default__ target',
      'Samplers.production.DeterministicSampler.SampleRate: is required',
    ]);
    const rule = (extra: Record<string, unknown>) => ({
      RulesVersion: 2,
      Samplers: { __default__: { RulesBasedSampler: { Rules: [extra] } } },
    });
    expect(checkRefineryRules(rule({ SampleRate: 1, Sampler: { DeterministicSampler: { SampleRate: 2 } } }))).toEqual([
      'Samplers.__default__.RulesBasedSampler.Rules[0].Sampler: DeterministicSampler is not one of DynamicSampler, EMADynamicSampler, EMAThroughputSampler, WindowedThroughputSampler, TotalThroughputSampler',
    ]);
    expect(
      checkRefineryRules(rule({ Scope: 'span', SampleRate: 1, Conditions: [{ Operator: 'has-root-span', Value: true }] })),
    ).toEqual(['Samplers.__default__.RulesBasedSampler.Rules[0].Conditions[0]: has-root-span cannot be used with Scope: span']);
    expect(
      checkRefineryRules(
        rule({ SampleRate: 1, Conditions: [{ Field: 'a', Fields: ['b'], Operator: 'ends-with', Value: 'x', Datatype: 'text' }] }),
      ),
    ).toEqual([
      'Samplers.__default__.RulesBasedSampler.Rules[0].Conditions[0].Operator: must be one of = != > < >= <= starts-with contains does-not-contain exists not-exists has-root-span matches in not-in',
      'Samplers.__default__.RulesBasedSampler.Rules[0].Conditions[0]: Field and Fields conflict',
      'Samplers.__default__.RulesBasedSampler.Rules[0].Conditions[0].Datatype: must be one of string, int, float, bool',
    ]);
    expect(checkRefineryRules(rule({ Name: 'no decision', Conditions: [] }))).toEqual([
      'Samplers.__default__.RulesBasedSampler.Rules[0]: needs a Sampler, Drop: true or a SampleRate of at least 1',
    ]);
    expect(checkRefineryConfig({ General: { ConfigurationVersion: 2 }, Traces: { TraceTimeout: '500ms', Speed: 1 } })).toEqual([
      'Traces.TraceTimeout: at least 1s',
      'Traces.Speed: is not a Traces setting',
    ]);
  });
});

describe('honeycomb-refinery CLI', () => {
  let dir: string;
  let out: string[];
  let err: string[];
  const io = () => ({ stdout: (l: string) => out.push(l), stderr: (l: string) => err.push(l) });
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'refinery-'));
    out = [];
    err = [];
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it("writes rules.yaml and config.yaml from a module's observability options, and they pass the schema", async () => {
    const module = join(dir, 'options.mjs');
    await writeFile(
      module,
      'export const OPTIONS = { serviceName: "x", sampleRate: 8, tailSampling: { slowThresholdMillis: 5000 } };\n',
    );
    expect(await main(['--options', `${module}#OPTIONS`, '--out', dir], {}, io())).toBe(0);
    expect(out).toEqual([`wrote ${join(dir, 'rules.yaml')}`, `wrote ${join(dir, 'config.yaml')}`]);
    expect(err).toEqual([
      'note: with Refinery sampling, run the services with HONEYCOMB_SAMPLE_RATE=1 so traces are not sampled twice.',
    ]);
    const rulesText = await readFile(join(dir, 'rules.yaml'), 'utf8');
    expect(rulesText.startsWith('# Refinery rules')).toBe(true);
    const rules = parse(rulesText) as Record<string, unknown>;
    expect(checkRefineryRules(rules)).toEqual([]);
    expect(rules).toEqual(refineryRules({ sampleRate: 8, tailSampling: { ...TAIL, slowThresholdMillis: 5000 } }));
    expect(checkRefineryConfig(parse(await readFile(join(dir, 'config.yaml'), 'utf8')) as Record<string, unknown>)).toEqual([]);
  });

  it('takes the rate from HONEYCOMB_SAMPLE_RATE, flags first, and prints to stdout without --out', async () => {
    expect(await main([], { HONEYCOMB_SAMPLE_RATE: '5' }, io())).toBe(0);
    expect(out.join('\n')).toContain('Keep 1 in 5 of the other traces');
    out = [];
    expect(await main(['--sample-rate', '7'], { HONEYCOMB_SAMPLE_RATE: '5' }, io())).toBe(0);
    expect(out.join('\n')).toContain('Keep 1 in 7 of the other traces');
  });

  it('rejects bad input with one clear line', async () => {
    expect(await main(['--sample-rate', 'many'], {}, io())).toBe(1);
    expect(err).toEqual(['error: --sample-rate takes a whole number, not many']);
    err = [];
    expect(await main(['--rate', '3'], {}, io())).toBe(1);
    expect(err[0]).toMatch(/^error: Unknown option '--rate'/);
  });
});
