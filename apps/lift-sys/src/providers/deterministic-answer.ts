import { setTimeout as sleep } from 'node:timers/promises';
import type { LlmRequest } from './llm.types.js';

/** Appended to code when a fault is requested: an unclosed bracket is a syntax error in every target language. */
export const INJECTED_SYNTAX_ERROR = '\n((( fixture: injected syntax error\n';
/** Longer than the plan's 10 s latency objective, so the slow-request queries have something to find. */
export const SLOW_RESPONSE_MS = 10_500;

/** What an overloaded or failing hosted model answers with; deterministic models raise it on request. */
export class ProviderUnavailableError extends Error {
  constructor(provider: string) {
    super(`${provider} is overloaded, try again later`);
    this.name = 'ProviderUnavailableError';
  }
}

/** The Chat Completions `metadata` key that carries a session's fixture fault to a deterministic model served over HTTP. */
export const FIXTURE_FAULT_METADATA = 'fixture_fault';

/** Roughly four characters per token, as for English and code with common tokenizers. */
export function estimateTokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}

/** What a deterministic model needs to know to answer: the reference answer and the fault asked for. */
export type DeterministicRequest = Pick<LlmRequest, 'purpose' | 'reference' | 'attempt' | 'fixtureFault'>;

/**
 * The faults that act before a code answer: failing as an overloaded provider (`provider_error`),
 * or answering after 10.5 s (`slow_response`). The in-process fixture provider and the inference
 * service's stand-in model both go through here, so the demo misbehaves the same on either.
 */
export async function failOrWait(request: DeterministicRequest, provider: string): Promise<void> {
  if (request.purpose !== 'code') return;
  if (request.fixtureFault === 'provider_error') throw new ProviderUnavailableError(provider);
  if (request.fixtureFault === 'slow_response') await sleep(SLOW_RESPONSE_MS);
}

/**
 * The reference answer, with a syntax error injected into code on the first attempt only
 * (`invalid_once`) or on every attempt (`invalid_always`).
 */
export function deterministicAnswer(request: DeterministicRequest): string {
  const faulty =
    request.purpose === 'code' &&
    (request.fixtureFault === 'invalid_always' || (request.fixtureFault === 'invalid_once' && request.attempt === 1));
  return faulty ? request.reference + INJECTED_SYNTAX_ERROR : request.reference;
}
