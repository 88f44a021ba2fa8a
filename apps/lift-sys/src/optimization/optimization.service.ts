import { Injectable } from '@nestjs/common';
import { getTraceId, SpanAttr, Traced } from '@lift-sys/observability';
import { addUsage, NO_USAGE } from '../providers/llm.types.js';
import { ExecutionHistoryRepository } from '../storage/repositories/execution-history.repository.js';
import { BASELINE, coproSearch, miprov2Proposals, type Candidate } from './candidates.js';
import { TrialEvaluator, type TrialResult } from './trial-evaluator.js';

export type OptimizerName = 'miprov2' | 'copro';
export const IR_SIGNATURE = 'IRGenerationSignature';

export interface OptimizationReport {
  optimizer: OptimizerName;
  signature: string;
  metric: 'ir_quality';
  examples_count: number;
  baseline_score: number;
  best_candidate: string;
  best_score: number;
  /** Relative gain of the best candidate over the baseline (0.15 = 15 %). */
  improvement: number;
  trials: Omit<TrialResult, 'usage'>[];
}

/** DSPy-style optimization of the IR generation instructions against the ir_quality metric. */
@Injectable()
export class OptimizationService {
  constructor(
    private readonly evaluator: TrialEvaluator,
    private readonly history: ExecutionHistoryRepository,
  ) {}

  @Traced('dspy.optimize', {
    attributes: { 'dspy.signature': IR_SIGNATURE, 'dspy.metric': 'ir_quality' },
    result: (report: OptimizationReport) => ({
      'dspy.baseline_score': report.baseline_score,
      'dspy.score': report.best_score,
      'dspy.improvement': report.improvement,
      'dspy.trials_count': report.trials.length,
    }),
  })
  async run(
    @SpanAttr('dspy.optimizer') optimizer: OptimizerName,
    @SpanAttr('dspy.examples_count', 'length') examples: readonly string[],
    maxTrials: number,
    userId: string,
  ): Promise<OptimizationReport> {
    const started = performance.now();
    const trials: TrialResult[] = [];
    const evaluate = async (candidate: Candidate): Promise<number> => {
      const result = await this.evaluator.evaluate(trials.length, candidate, examples);
      trials.push(result);
      return result.score;
    };
    const baselineScore = await evaluate(BASELINE);
    if (optimizer === 'miprov2') {
      for (const proposal of miprov2Proposals().slice(0, maxTrials)) await evaluate(proposal);
    } else {
      await coproSearch(baselineScore, evaluate, maxTrials);
    }
    const best = trials.reduce((winner, trial) => (trial.score > winner.score ? trial : winner));
    const usage = trials.reduce((total, trial) => addUsage(total, trial.usage), NO_USAGE);
    await this.history.insert({
      sessionId: null,
      userId,
      pipeline: 'dspy.optimize',
      language: null,
      status: 'success',
      durationMs: performance.now() - started,
      traceId: getTraceId() ?? null,
      ...usage,
    });
    return {
      optimizer,
      signature: IR_SIGNATURE,
      metric: 'ir_quality',
      examples_count: examples.length,
      baseline_score: baselineScore,
      best_candidate: best.candidate,
      best_score: best.score,
      improvement: baselineScore === 0 ? best.score : Number(((best.score - baselineScore) / baselineScore).toFixed(4)),
      trials: trials.map(({ usage: _usage, ...trial }) => trial),
    };
  }
}
