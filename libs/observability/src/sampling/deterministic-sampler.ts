import { isSpanContextValid, ROOT_CONTEXT, trace, TraceFlags, type Attributes, type Context } from '@opentelemetry/api';
import { SamplingDecision, TraceIdRatioBasedSampler, type Sampler, type SamplingResult } from '@opentelemetry/sdk-trace-base';
import { ATTR_SAMPLE_RATE } from '../conventions/attribute-names.js';
import { decidesLocallyDespiteRemoteFlag } from './remote-parent.js';

/**
 * Keeps 1 trace in `sampleRate`, decided from the trace id alone (so every service using the same
 * rule agrees), following the parent's decision when there is one (except an unsampled remote
 * parent the HTTP layer does not trust), and stamps `SampleRate` on kept spans so Honeycomb
 * re-weights counts.
 */
export class DeterministicSampler implements Sampler {
  private readonly ratio: TraceIdRatioBasedSampler;
  private readonly kept: SamplingResult;

  /**
   * @param recordAll record traces the head decision would drop, so a tail sampler can still keep
   *   them when they turn out to have errors or to be slow.
   */
  constructor(
    readonly sampleRate: number,
    private readonly recordAll = false,
  ) {
    this.ratio = new TraceIdRatioBasedSampler(1 / sampleRate);
    const attributes: Attributes | undefined = sampleRate > 1 ? { [ATTR_SAMPLE_RATE]: sampleRate } : undefined;
    this.kept = { decision: SamplingDecision.RECORD_AND_SAMPLED, attributes };
  }

  shouldSample(parentContext: Context, traceId: string): SamplingResult {
    const parent = trace.getSpanContext(parentContext);
    if (parent !== undefined && isSpanContextValid(parent)) {
      if ((parent.traceFlags & TraceFlags.SAMPLED) === TraceFlags.SAMPLED) return this.kept;
      if (!parent.isRemote || !decidesLocallyDespiteRemoteFlag(parentContext)) return { decision: SamplingDecision.NOT_RECORD };
    }
    return this.recordAll || this.keeps(traceId) ? this.kept : { decision: SamplingDecision.NOT_RECORD };
  }

  keeps(traceId: string): boolean {
    return (
      this.sampleRate === 1 || this.ratio.shouldSample(ROOT_CONTEXT, traceId).decision === SamplingDecision.RECORD_AND_SAMPLED
    );
  }

  toString(): string {
    return `DeterministicSampler{sampleRate=${this.sampleRate}}`;
  }
}
