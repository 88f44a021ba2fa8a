import { Injectable } from '@nestjs/common';
import { SpanAttr, Traced } from '@lift-sys/observability';
import type { IntermediateRepresentation } from '../ir/ir.types.js';
import { IRTranslator } from '../ir/ir-translator.js';
import { ProviderRouter } from '../providers/provider-router.js';
import { paraphrase } from './paraphrases.js';

export interface VariantResult {
  variant_length: number;
  equivalent: boolean;
  signature: string;
}

export interface RobustnessReport {
  test_type: 'ir_paraphrase';
  baseline_signature: string;
  variant_count: number;
  non_equivalent_count: number;
  /** Share of variants whose IR differs from the original prompt's IR. */
  sensitivity: number;
  variants: VariantResult[];
}

/** TokDrift-style check: paraphrase the prompt, translate every variant, count IRs that differ. */
@Injectable()
export class RobustnessAnalyzer {
  constructor(
    private readonly router: ProviderRouter,
    private readonly translator: IRTranslator,
  ) {}

  @Traced('robustness.analyze', {
    attributes: { 'robustness.test_type': 'ir_paraphrase' },
    result: (report: RobustnessReport) => ({
      'robustness.variant_count': report.variant_count,
      'robustness.non_equivalent_count': report.non_equivalent_count,
      'robustness.sensitivity': report.sensitivity,
    }),
  })
  async analyze(@SpanAttr('session.prompt_length', 'length') prompt: string, variantCount: number): Promise<RobustnessReport> {
    const variants = await this.paraphrases(prompt, variantCount);
    const baseline = fingerprint((await this.translator.translate(prompt)).validation.ir);
    const results: VariantResult[] = [];
    for (const variant of variants) {
      const signature = fingerprint((await this.translator.translate(variant)).validation.ir);
      results.push({ variant_length: variant.length, equivalent: signature === baseline, signature });
    }
    const nonEquivalent = results.filter((result) => !result.equivalent).length;
    return {
      test_type: 'ir_paraphrase',
      baseline_signature: baseline,
      variant_count: results.length,
      non_equivalent_count: nonEquivalent,
      sensitivity: results.length === 0 ? 0 : Number((nonEquivalent / results.length).toFixed(3)),
      variants: results,
    };
  }

  /** The paraphrasing model answers with a JSON array of strings; anything else is rejected. */
  private async paraphrases(prompt: string, count: number): Promise<string[]> {
    const completion = await this.router.complete({
      purpose: 'paraphrase',
      structuredOutput: false,
      system: `Rewrite the request ${count} different ways without changing its meaning. Answer with a JSON array of strings.`,
      prompt,
      maxTokens: 4096,
      reference: JSON.stringify(paraphrase(prompt, count)),
      attempt: 1,
    });
    const parsed: unknown = JSON.parse(
      completion.text
        .trim()
        .replace(/^```(?:json)?\s*/, '')
        .replace(/```$/, ''),
    );
    if (!Array.isArray(parsed) || !parsed.every((item): item is string => typeof item === 'string')) {
      throw new Error('the paraphrasing model did not answer with a JSON array of strings');
    }
    return parsed.slice(0, count);
  }
}

/** What must match for two IRs to count as equivalent: the signature, the assertions and the open holes. */
function fingerprint(ir: IntermediateRepresentation): string {
  const parameters = ir.signature.parameters.map((parameter) => `${parameter.name}:${parameter.type_hint ?? '?'}`).join(',');
  const assertions = ir.assertions
    .map((assertion) => assertion.predicate)
    .sort()
    .join(' & ');
  const holes = [...ir.intent.holes, ...ir.signature.holes]
    .map((hole) => hole.identifier)
    .sort()
    .join(',');
  return `${ir.signature.name}(${parameters}) -> ${ir.signature.returns ?? '?'} [${assertions}] {${holes}}`;
}
