import { Injectable } from '@nestjs/common';
import { Traced, addSpanEvent } from '@lift-sys/observability';
import { addUsage, NO_USAGE, type LlmCompletion, type ProviderRoute, type TokenUsage } from '../providers/llm.types.js';
import { ProviderRouter } from '../providers/provider-router.js';
import { IrSchemaError, parseIrJson } from './ir-schema.js';
import type { IntermediateRepresentation } from './ir.types.js';
import { IRValidator, type IrValidation } from './ir-validator.js';
import { parsePrompt, type ParseHints } from './rule-based-parser.js';

export const MAX_IR_ATTEMPTS = 3;

const SYSTEM_PROMPT =
  'Translate the request into lift-sys IR as a single JSON object with keys intent {summary, rationale, holes}, ' +
  'signature {name, parameters [{name, type_hint, description}], returns, holes}, effects [{description, holes}], ' +
  'assertions [{predicate, rationale, holes}], constraints [string], metadata {language, origin}. ' +
  'Use null for anything the request does not state. Answer with JSON only.';

export interface TranslationOptions {
  language?: string;
  /** Heuristics the optimizer tunes; the model is asked to apply them as instructions. */
  hints?: ParseHints;
}

export interface Translation {
  validation: IrValidation;
  /** `llm` when a model's answer was used, `rule_based` when every attempt failed. */
  path: 'llm' | 'rule_based';
  attempts: number;
  provider: string;
  route: ProviderRoute;
  model: string;
  usage: TokenUsage;
}

/** Prompt to IR: the model's JSON answer, validated, with up to three attempts, else the rule-based parser. */
@Injectable()
export class IRTranslator {
  constructor(
    private readonly router: ProviderRouter,
    private readonly validator: IRValidator,
  ) {}

  @Traced('ir.generate', {
    attributes: { 'ir.version': 1 },
    result: (translation: Translation) => ({
      'ir.provider': translation.provider,
      'ir.provider_route': translation.route,
      'ir.model': translation.model,
      'ir.translation_path': translation.path,
      'ir.attempts': translation.attempts,
      'ir.validation_status': translation.validation.status,
      'ir.holes_count': translation.validation.holes.length,
      'ir.completeness': translation.validation.completeness,
      'ir.constraints_count': translation.validation.ir.assertions.length + translation.validation.ir.constraints.length,
    }),
  })
  async translate(prompt: string, options: TranslationOptions = {}): Promise<Translation> {
    const reference = parsePrompt(prompt, options.language ?? 'python', options.hints);
    let usage = NO_USAGE;
    let feedback = '';
    let last: LlmCompletion | undefined;
    let attempts = 0;
    for (let attempt = 1; attempt <= MAX_IR_ATTEMPTS; attempt++) {
      try {
        last = await this.router.complete({
          purpose: 'ir',
          structuredOutput: true,
          system: SYSTEM_PROMPT + describeHints(options.hints),
          prompt: feedback ? `${prompt}\n\nYour previous answer was rejected: ${feedback}` : prompt,
          maxTokens: 2048,
          reference: JSON.stringify(reference),
          attempt,
        });
      } catch (error) {
        addSpanEvent('ir.provider_failed', { 'error.type': error instanceof Error ? error.name : 'unknown' });
        break;
      }
      attempts = attempt;
      usage = addUsage(usage, last);
      try {
        return this.finish(parseIrJson(last.text), prompt, 'llm', attempt, last, usage);
      } catch (error) {
        if (!(error instanceof IrSchemaError)) throw error;
        feedback = error.message;
        addSpanEvent('ir.answer_rejected', { 'ir.attempts': attempt });
      }
    }
    return this.finish(reference, prompt, 'rule_based', attempts, last, usage);
  }

  private finish(
    ir: IntermediateRepresentation,
    prompt: string,
    path: Translation['path'],
    attempts: number,
    completion: LlmCompletion | undefined,
    usage: TokenUsage,
  ): Translation {
    return {
      validation: this.validator.validate(ir, prompt),
      path,
      attempts,
      provider: completion?.provider ?? 'rule_based',
      route: completion?.route ?? 'modal_inference',
      model: completion?.model ?? 'none',
      usage,
    };
  }
}

function describeHints(hints: ParseHints = {}): string {
  const instructions = [
    hints.inferParameterTypes ? ' Infer parameter types from conventional names (n, count: int; name, text: str).' : '',
    hints.inferReturnType ? ' Infer the return type from what the function returns when the parameters make it clear.' : '',
  ];
  return instructions.join('');
}
