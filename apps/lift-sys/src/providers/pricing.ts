import type { LlmCompletion, ProviderName, ResponseDetails, RoutedRequest } from './llm.types.js';

/** US dollars per million tokens. */
export interface ModelPrice {
  input: number;
  output: number;
}

export type PricingTable = Readonly<Record<string, ModelPrice>>;

/**
 * List prices per model. The fixture model is priced like a mid-tier hosted model so offline runs
 * show realistic cost figures; override any entry with LLM_PRICING_JSON.
 */
export const DEFAULT_PRICING: PricingTable = {
  'claude-sonnet-4-6': { input: 3, output: 15 },
  'claude-sonnet-4-5': { input: 3, output: 15 },
  'claude-3-opus-20240229': { input: 15, output: 75 },
  'claude-3-5-haiku-latest': { input: 0.8, output: 4 },
  'gpt-4o': { input: 2.5, output: 10 },
  'gpt-4o-mini': { input: 0.15, output: 0.6 },
  'qwen2.5-coder-32b': { input: 0.2, output: 0.6 },
  'fixture-deterministic': { input: 3, output: 15 },
};

/** Unknown models cost 0: a missing price must not fail a call. */
export function costUsd(pricing: PricingTable, model: string, inputTokens: number, outputTokens: number): number {
  const price = pricing[model];
  if (price === undefined) return 0;
  return Number(((inputTokens * price.input + outputTokens * price.output) / 1_000_000).toFixed(8));
}

/** Reads `{"model": {"input": 1, "output": 2}}`, rejecting anything else with a message naming the problem. */
export function parsePricingOverrides(json: string | undefined): PricingTable {
  if (json === undefined || json.trim() === '') return {};
  const parsed: unknown = JSON.parse(json);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new Error('LLM_PRICING_JSON must be a JSON object');
  const table: Record<string, ModelPrice> = {};
  for (const [model, price] of Object.entries(parsed as Record<string, unknown>)) {
    const { input, output } = (price ?? {}) as Partial<Record<'input' | 'output', unknown>>;
    if (typeof input !== 'number' || typeof output !== 'number' || input < 0 || output < 0) {
      throw new Error(`LLM_PRICING_JSON: ${model} needs non-negative numbers "input" and "output"`);
    }
    table[model] = { input, output };
  }
  return table;
}

/** What a provider knows about the answering model, enough to price and label a completion. */
export interface PricedModel {
  provider: ProviderName;
  model: string;
  pricing: PricingTable;
}

/** A completion with its cost and the latency since `started` (a `performance.now()` reading). */
export function pricedCompletion(
  source: PricedModel,
  request: RoutedRequest,
  text: string,
  inputTokens: number,
  outputTokens: number,
  started: number,
  response: ResponseDetails = {},
): LlmCompletion {
  return {
    ...response,
    text,
    provider: source.provider,
    route: request.route,
    model: source.model,
    inputTokens,
    outputTokens,
    costUsd: costUsd(source.pricing, source.model, inputTokens, outputTokens),
    latencyMs: Math.round(performance.now() - started),
  };
}
