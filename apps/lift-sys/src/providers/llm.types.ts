export type ProviderName = 'anthropic' | 'openai' | 'modal' | 'fixture';
/** ADR 001: structured output goes to `modal_inference`, everything else to `best_available`. */
export type ProviderRoute = 'best_available' | 'modal_inference';
export type LlmPurpose = 'ir' | 'code' | 'paraphrase';
/**
 * Deterministic models only (the fixture provider; a stand-in for Modal gets it as request
 * metadata), for code requests: code that fails validation on the first attempt or
 * always, a provider that fails (as an overloaded API would), or one that answers after 10.5 s.
 */
export const FIXTURE_FAULTS = ['invalid_once', 'invalid_always', 'provider_error', 'slow_response'] as const;
export type FixtureFault = (typeof FIXTURE_FAULTS)[number];

export interface LlmRequest {
  purpose: LlmPurpose;
  structuredOutput: boolean;
  system: string;
  prompt: string;
  maxTokens: number;
  /** The answer a deterministic model gives; only the fixture provider uses it. */
  reference: string;
  attempt: number;
  fixtureFault?: FixtureFault;
}

export interface RoutedRequest extends LlmRequest {
  route: ProviderRoute;
}

export interface LlmCompletion {
  text: string;
  provider: ProviderName;
  route: ProviderRoute;
  model: string;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  latencyMs: number;
  /** The model that answered, when the API names it (often a dated version of `model`). */
  responseModel?: string;
  responseId?: string;
  /** Why generation stopped, one entry per choice (`stop`, `end_turn`, `length`, ...). */
  finishReasons?: string[];
}

/** What an API says about its answer beyond the text and usage. */
export type ResponseDetails = Pick<LlmCompletion, 'responseModel' | 'responseId' | 'finishReasons'>;

/** A streamed call yields text deltas and returns the completed call's totals. */
export type LlmStream = AsyncGenerator<string, LlmCompletion, undefined>;

export interface LlmProvider {
  readonly name: ProviderName;
  readonly model: string;
  complete(request: RoutedRequest): Promise<LlmCompletion>;
  stream(request: RoutedRequest): LlmStream;
}

export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
}

export const NO_USAGE: TokenUsage = { inputTokens: 0, outputTokens: 0, costUsd: 0 };

export function addUsage(total: TokenUsage, completion: TokenUsage): TokenUsage {
  return {
    inputTokens: total.inputTokens + completion.inputTokens,
    outputTokens: total.outputTokens + completion.outputTokens,
    costUsd: Number((total.costUsd + completion.costUsd).toFixed(8)),
  };
}
