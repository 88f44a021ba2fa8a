import { Injectable } from '@nestjs/common';
import {
  ATTR_GEN_AI_REQUEST_MODEL,
  ATTR_GEN_AI_USAGE_INPUT_TOKENS,
  ATTR_GEN_AI_USAGE_OUTPUT_TOKENS,
} from '@opentelemetry/semantic-conventions/incubating';
import { Traced } from '@lift-sys/observability';
import { parsePrompt } from '../../lift-sys/src/ir/rule-based-parser.js';
import type { ChatCompletionRequest } from './chat-completion.dto.js';
import './conventions.js';

/** Roughly four characters per token, as the app's fixture provider counts. */
const tokens = (text: string): number => Math.max(1, Math.ceil(text.length / 4));

export interface Generation {
  text: string;
  inputTokens: number;
  outputTokens: number;
}

/** The app appends a rejected answer's problem to the prompt; the request itself comes before it. */
const FEEDBACK = /\n\nYour previous answer was rejected:[\s\S]*$/;

/**
 * The stand-in for lift-sys's model on Modal: JSON requests (IR translation) are answered with
 * the IR lift-sys's rule-based parser reads from the prompt, following the system prompt's
 * type-inference instructions; other requests get a short plain answer. Deterministic, so the
 * demo's traces and boards are the same on every run.
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
  generate(request: ChatCompletionRequest): Generation {
    const system = request.messages
      .filter((m) => m.role === 'system' || m.role === 'developer')
      .map((m) => m.content)
      .join('\n');
    const user = [...request.messages].reverse().find((m) => m.role === 'user')?.content ?? '';
    const prompt = user.replace(FEEDBACK, '');
    const text =
      request.response_format?.type === 'json_object'
        ? JSON.stringify(
            parsePrompt(prompt, 'unspecified', {
              inferParameterTypes: system.includes('Infer parameter types'),
              inferReturnType: system.includes('Infer the return type'),
            }),
          )
        : `Understood: ${prompt.slice(0, 200)}`;
    return { text, inputTokens: tokens(system) + tokens(user), outputTokens: tokens(text) };
  }
}
