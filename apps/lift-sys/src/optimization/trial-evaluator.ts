import { Injectable } from '@nestjs/common';
import { SpanAttr, Traced } from '@lift-sys/observability';
import { IRTranslator, type Translation } from '../ir/ir-translator.js';
import { addUsage, NO_USAGE, type TokenUsage } from '../providers/llm.types.js';
import type { Candidate } from './candidates.js';

export interface TrialResult {
  trial: number;
  candidate: string;
  score: number;
  usage: TokenUsage;
}

/** The `ir_quality` metric: completeness, and zero for an IR whose assertions contradict. */
export function irQuality(translation: Translation): number {
  return translation.validation.status === 'contradictory' ? 0 : translation.validation.completeness;
}

/** One optimizer trial: translate every example with the candidate's instructions and average the metric. */
@Injectable()
export class TrialEvaluator {
  constructor(private readonly translator: IRTranslator) {}

  @Traced('dspy.trial', { result: (result: TrialResult) => ({ 'dspy.score': result.score }) })
  async evaluate(
    @SpanAttr('dspy.trial') trial: number,
    @SpanAttr('dspy.candidate', 'name') candidate: Candidate,
    examples: readonly string[],
  ): Promise<TrialResult> {
    let total = 0;
    let usage = NO_USAGE;
    for (const example of examples) {
      const translation = await this.translator.translate(example, { hints: candidate.hints });
      total += irQuality(translation);
      usage = addUsage(usage, translation.usage);
    }
    return { trial, candidate: candidate.name, score: Number((total / examples.length).toFixed(4)), usage };
  }
}
