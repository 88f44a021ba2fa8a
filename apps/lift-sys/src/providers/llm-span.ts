import { SpanKind } from '@opentelemetry/api';
import { ATTR_SERVER_ADDRESS, ATTR_SERVER_PORT } from '@opentelemetry/semantic-conventions';
import {
  ATTR_GEN_AI_OPERATION_NAME,
  ATTR_GEN_AI_PROVIDER_NAME,
  ATTR_GEN_AI_REQUEST_MAX_TOKENS,
  ATTR_GEN_AI_REQUEST_MODEL,
  ATTR_GEN_AI_REQUEST_STREAM,
  ATTR_GEN_AI_RESPONSE_FINISH_REASONS,
  ATTR_GEN_AI_RESPONSE_ID,
  ATTR_GEN_AI_RESPONSE_MODEL,
  ATTR_GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK,
  ATTR_GEN_AI_USAGE_INPUT_TOKENS,
  ATTR_GEN_AI_USAGE_OUTPUT_TOKENS,
  GEN_AI_OPERATION_NAME_VALUE_CHAT,
  GEN_AI_PROVIDER_NAME_VALUE_ANTHROPIC,
  GEN_AI_PROVIDER_NAME_VALUE_OPENAI,
} from '@opentelemetry/semantic-conventions/incubating';
import { setSpanAttributes, type SpanAttributes, type TracedOptions } from '@lift-sys/observability';
import type { ServerEndpoint } from '../observability/server-endpoint.js';
import type { LlmCompletion, ProviderName, RoutedRequest } from './llm.types.js';

/**
 * `gen_ai.provider.name` per provider. Modal (lift-sys's own vLLM deployment) and the offline
 * fixture are not in the conventions' list, which allows custom values for such systems.
 */
const GEN_AI_PROVIDER: Readonly<Record<ProviderName, string>> = {
  anthropic: GEN_AI_PROVIDER_NAME_VALUE_ANTHROPIC,
  openai: GEN_AI_PROVIDER_NAME_VALUE_OPENAI,
  modal: 'modal',
  fixture: 'fixture',
};

function completionAttributes(completion: LlmCompletion): SpanAttributes {
  return {
    [ATTR_GEN_AI_RESPONSE_MODEL]: completion.responseModel ?? completion.model,
    [ATTR_GEN_AI_RESPONSE_ID]: completion.responseId,
    [ATTR_GEN_AI_RESPONSE_FINISH_REASONS]: completion.finishReasons,
    [ATTR_GEN_AI_USAGE_INPUT_TOKENS]: completion.inputTokens,
    [ATTR_GEN_AI_USAGE_OUTPUT_TOKENS]: completion.outputTokens,
    'llm.cost_usd': completion.costUsd,
    'llm.latency_ms': completion.latencyMs,
  };
}

/**
 * The `@Traced('llm.call', ...)` options every provider shares: the GenAI conventions' chat
 * attributes plus the plan's own (`llm.purpose`, `llm.provider_route`, `llm.cost_usd`, ...).
 * Remote providers are CLIENT spans; prompts are never recorded.
 */
export function llmCallOptions(provider: ProviderName, streaming: boolean): TracedOptions {
  return {
    kind: provider === 'fixture' ? SpanKind.INTERNAL : SpanKind.CLIENT,
    attributes: {
      [ATTR_GEN_AI_OPERATION_NAME]: GEN_AI_OPERATION_NAME_VALUE_CHAT,
      [ATTR_GEN_AI_PROVIDER_NAME]: GEN_AI_PROVIDER[provider],
      [ATTR_GEN_AI_REQUEST_STREAM]: streaming,
    },
    args: (request: RoutedRequest) => ({
      'llm.provider_route': request.route,
      'llm.purpose': request.purpose,
      [ATTR_GEN_AI_REQUEST_MAX_TOKENS]: request.maxTokens,
    }),
    result: completionAttributes,
  };
}

/** What only the provider instance knows: the model it asks for and where its API lives. */
export function recordLlmRequest(model: string, endpoint?: ServerEndpoint): void {
  setSpanAttributes({
    [ATTR_GEN_AI_REQUEST_MODEL]: model,
    [ATTR_SERVER_ADDRESS]: endpoint?.address,
    [ATTR_SERVER_PORT]: endpoint?.port,
  });
}

/** Time to the first streamed text: the plan's milliseconds and the conventions' seconds. */
export function recordFirstChunk(started: number): void {
  const elapsedMs = performance.now() - started;
  setSpanAttributes({
    'llm.time_to_first_token_ms': Math.round(elapsedMs),
    [ATTR_GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK]: elapsedMs / 1000,
  });
}
