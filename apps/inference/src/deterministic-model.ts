import { Injectable } from '@nestjs/common';
import {
  ATTR_GEN_AI_REQUEST_MODEL,
  ATTR_GEN_AI_USAGE_INPUT_TOKENS,
  ATTR_GEN_AI_USAGE_OUTPUT_TOKENS,
} from '@opentelemetry/semantic-conventions/incubating';
import { Traced } from '@lift-sys/observability';
import { LANGUAGES, type Language } from '../../lift-sys/src/codegen/languages.js';
import type { IntermediateRepresentation } from '../../lift-sys/src/ir/ir.types.js';
import { parsePrompt } from '../../lift-sys/src/ir/rule-based-parser.js';
import {
  deterministicAnswer,
  estimateTokens,
  failOrWait,
  FIXTURE_FAULT_METADATA,
  type DeterministicRequest,
} from '../../lift-sys/src/providers/deterministic-answer.js';
import { FIXTURE_FAULTS, type FixtureFault } from '../../lift-sys/src/providers/llm.types.js';
import { paraphrase } from '../../lift-sys/src/robustness/paraphrases.js';
import { InvalidRequestError, type ChatCompletionRequest } from './chat-completion.dto.js';
import { CODE_RENDERERS } from './code-renderers.js';
import './conventions.js';

export interface Generation {
  text: string;
  inputTokens: number;
  outputTokens: number;
}

/** The name the service's own failures carry, as the Modal deployment would be named. */
const SERVICE = 'lift-sys-inference';
/** The app appends a rejected IR's problem to the prompt; the request itself comes before it. */
const IR_FEEDBACK = /\n\nYour previous answer was rejected:[\s\S]*$/;
/** The app appends the compiler's diagnostics to a code prompt when it retries. */
const CODE_FEEDBACK = '\n\nThe previous attempt failed to compile:\n';
/** lift-sys's code generators' system prompt names the target language. */
const CODE_TASK = /^You write (\w+) code from lift-sys IR\./;
/** lift-sys's robustness analyzer asks for a number of paraphrases as a JSON array. */
const PARAPHRASE_TASK = /^Rewrite the request (\d+) different ways/;

/**
 * The stand-in for lift-sys's model on Modal, answering each of the app's tasks as the in-process
 * fixture provider does: JSON requests (IR translation) with the IR lift-sys's rule-based parser
 * reads from the prompt, following the system prompt's type-inference instructions; code requests
 * with the generators' reference rendering of the IR, misbehaving as the request's
 * `metadata.fixture_fault` asks (the fixture provider's own rules); paraphrase requests with
 * lift-sys's deterministic paraphrases. Anything else gets a short plain answer. Deterministic, so
 * the demo's traces and boards are the same on every run.
 */
@Injectable()
export class DeterministicModel {
  @Traced('inference.generate', {
    args: (request: ChatCompletionRequest) => ({ [ATTR_GEN_AI_REQUEST_MODEL]: request.model }),
    result: (generation: Generation) => ({
      [ATTR_GEN_AI_USAGE_INPUT_TOKENS]: generation.inputTokens,
      [ATTR_GEN_AI_USAGE_OUTPUT_TOKENS]: generation.outputTokens,
    }),
  })
  async generate(request: ChatCompletionRequest): Promise<Generation> {
    const system = request.messages
      .filter((m) => m.role === 'system' || m.role === 'developer')
      .map((m) => m.content)
      .join('\n');
    const user = [...request.messages].reverse().find((m) => m.role === 'user')?.content ?? '';
    const text = await this.answer(request, system, user);
    return { text, inputTokens: estimateTokens(system) + estimateTokens(user), outputTokens: estimateTokens(text) };
  }

  private async answer(request: ChatCompletionRequest, system: string, user: string): Promise<string> {
    if (request.response_format?.type === 'json_object') {
      const ir = parsePrompt(user.replace(IR_FEEDBACK, ''), 'unspecified', {
        inferParameterTypes: system.includes('Infer parameter types'),
        inferReturnType: system.includes('Infer the return type'),
      });
      return JSON.stringify(ir);
    }
    const language = CODE_TASK.exec(system)?.[1];
    if (language !== undefined) {
      const code = codeRequest(language, user, faultOf(request));
      await failOrWait(code, SERVICE);
      return deterministicAnswer(code);
    }
    const count = PARAPHRASE_TASK.exec(system)?.[1];
    if (count !== undefined) return JSON.stringify(paraphrase(user, Number(count)));
    return `Understood: ${user.slice(0, 200)}`;
  }
}

/** A code request read back from the prompt: the IR as JSON, then the diagnostics on a retry. */
function codeRequest(language: string, user: string, fixtureFault: FixtureFault | undefined): DeterministicRequest {
  if (!(LANGUAGES as readonly string[]).includes(language))
    throw new InvalidRequestError(`The system message asks for ${language}, which lift-sys does not generate.`, 'messages');
  const feedback = user.indexOf(CODE_FEEDBACK);
  let reference: string;
  try {
    const ir = JSON.parse(feedback === -1 ? user : user.slice(0, feedback)) as IntermediateRepresentation;
    reference = CODE_RENDERERS[language as Language](ir);
  } catch {
    // Not JSON, or JSON the renderer cannot read (a TypeError on a missing clause).
    throw new InvalidRequestError('The user message must start with lift-sys IR as JSON.', 'messages');
  }
  return { purpose: 'code', reference, attempt: feedback === -1 ? 1 : 2, fixtureFault };
}

function faultOf(request: ChatCompletionRequest): FixtureFault | undefined {
  const fault = request.metadata?.[FIXTURE_FAULT_METADATA];
  if (fault === undefined) return undefined;
  if (!(FIXTURE_FAULTS as readonly string[]).includes(fault))
    throw new InvalidRequestError(
      `\`metadata.${FIXTURE_FAULT_METADATA}\` must be one of ${FIXTURE_FAULTS.join(', ')}.`,
      'metadata',
    );
  return fault as FixtureFault;
}
