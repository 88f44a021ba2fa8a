import { ROOT_CONTEXT, trace, TraceFlags } from '@opentelemetry/api';
import { RandomIdGenerator, SamplingDecision } from '@opentelemetry/sdk-trace-base';
import { DeterministicSampler } from './deterministic-sampler.js';
import { decideLocallyDespiteRemoteFlag } from './remote-parent.js';

const ids = new RandomIdGenerator();
const traceIds = Array.from({ length: 4000 }, () => ids.generateTraceId());

describe('DeterministicSampler', () => {
  it('decides the same way for the same trace id, in any instance', () => {
    const first = new DeterministicSampler(4);
    const second = new DeterministicSampler(4);
    for (const traceId of traceIds.slice(0, 200)) {
      expect(second.shouldSample(ROOT_CONTEXT, traceId).decision).toBe(first.shouldSample(ROOT_CONTEXT, traceId).decision);
    }
  });

  it('keeps about 1 trace in N and stamps SampleRate on kept spans', () => {
    const sampler = new DeterministicSampler(4);
    const kept = traceIds
      .map((traceId) => sampler.shouldSample(ROOT_CONTEXT, traceId))
      .filter((result) => result.decision === SamplingDecision.RECORD_AND_SAMPLED);
    expect(kept.length / traceIds.length).toBeGreaterThan(0.2);
    expect(kept.length / traceIds.length).toBeLessThan(0.3);
    expect(kept[0].attributes).toEqual({ SampleRate: 4 });
  });

  it('keeps everything without a SampleRate attribute at rate 1', () => {
    const result = new DeterministicSampler(1).shouldSample(ROOT_CONTEXT, traceIds[0]);
    expect(result).toEqual({ decision: SamplingDecision.RECORD_AND_SAMPLED, attributes: undefined });
  });

  it("follows the parent's decision", () => {
    const sampler = new DeterministicSampler(1000);
    const parent = (flags: TraceFlags) =>
      trace.setSpanContext(ROOT_CONTEXT, {
        traceId: traceIds[1],
        spanId: ids.generateSpanId(),
        traceFlags: flags,
        isRemote: true,
      });
    expect(sampler.shouldSample(parent(TraceFlags.SAMPLED), traceIds[1])).toEqual({
      decision: SamplingDecision.RECORD_AND_SAMPLED,
      attributes: { SampleRate: 1000 },
    });
    expect(sampler.shouldSample(parent(TraceFlags.NONE), traceIds[1]).decision).toBe(SamplingDecision.NOT_RECORD);
  });

  it('decides by trace id, not by an untrusted remote parent whose sampled flag is off', () => {
    const sampler = new DeterministicSampler(4);
    const untrusted = (traceId: string, isRemote = true) =>
      decideLocallyDespiteRemoteFlag(
        trace.setSpanContext(ROOT_CONTEXT, { traceId, spanId: ids.generateSpanId(), traceFlags: TraceFlags.NONE, isRemote }),
      );
    for (const traceId of traceIds.slice(0, 200)) {
      expect(sampler.shouldSample(untrusted(traceId), traceId).decision).toBe(
        sampler.shouldSample(ROOT_CONTEXT, traceId).decision,
      );
      // A local parent's decision is always followed.
      expect(sampler.shouldSample(untrusted(traceId, false), traceId).decision).toBe(SamplingDecision.NOT_RECORD);
    }
  });
});
