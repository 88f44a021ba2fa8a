import type { SamplingPolicy } from './sampling-policy.js';

export type RefineryDocument = Record<string, unknown>;

/**
 * A Refinery v2 rules file with the policy's rules for `target` (a Honeycomb environment, or
 * `__default__` for every one). Rules run in order and the first match decides
 * (refinery config/metadata/rulesMeta.yaml, group Rules).
 */
export function refineryRules(policy: SamplingPolicy, target = '__default__'): RefineryDocument {
  const sampler =
    policy.tailSampling === false
      ? { DeterministicSampler: { SampleRate: policy.sampleRate } }
      : { RulesBasedSampler: { Rules: rules(policy) } };
  const samplers: Record<string, unknown> = { __default__: sampler };
  if (target !== '__default__') samplers[target] = sampler;
  return { RulesVersion: 2, Samplers: samplers };
}

function rules(policy: SamplingPolicy): RefineryDocument[] {
  const tail = policy.tailSampling as Exclude<SamplingPolicy['tailSampling'], false>;
  return [
    {
      // Honeycomb's OTLP ingest marks a span whose status is ERROR with `error: true`; one such span
      // keeps the whole trace, as the in-process processor does (Scope trace is Refinery's default).
      Name: 'Keep every trace with an error',
      Conditions: [{ Field: 'error', Operator: '=', Value: true, Datatype: 'bool' }],
      SampleRate: 1,
    },
    {
      // refinery rules_conditions.md: `root.` fields need the `has-root-span` condition beside them.
      Name: `Keep every trace whose root lasts at least ${tail.slowThresholdMillis} ms`,
      Conditions: [
        { Operator: 'has-root-span', Value: true },
        { Field: 'root.duration_ms', Operator: '>=', Value: tail.slowThresholdMillis, Datatype: 'float' },
      ],
      SampleRate: 1,
    },
    { Name: `Keep 1 in ${policy.sampleRate} of the other traces`, SampleRate: policy.sampleRate },
  ];
}

const seconds = (ms: number): string => `${Math.max(1, Math.ceil(ms / 1000))}s`;

/**
 * The part of Refinery's config.yaml that carries the same bounds as the in-process buffer: how long
 * a trace waits for its spans, and how many spans make it decide early.
 */
export function refineryConfig(policy: SamplingPolicy): RefineryDocument {
  const tail = policy.tailSampling;
  return {
    General: { ConfigurationVersion: 2, MinRefineryVersion: 'v2.8' },
    RefineryTelemetry: { AddRuleReasonToTrace: true },
    ...(tail === false ? {} : { Traces: { TraceTimeout: seconds(tail.traceTimeoutMillis), SpanLimit: tail.maxSpansPerTrace } }),
  };
}
