import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { AnthropicProvider } from './anthropic.provider.js';
import { FixtureProvider } from './fixture.provider.js';
import type { LlmCompletion, LlmProvider, LlmRequest, LlmStream, ProviderName, ProviderRoute } from './llm.types.js';
import { ModalProvider } from './modal.provider.js';
import { OpenAiProvider } from './openai.provider.js';

export interface ProviderDescription {
  name: ProviderName;
  model: string;
  configured: boolean;
  routes: ProviderRoute[];
}

/**
 * ADR 001 routing: calls that need structured output go to `modal_inference` (Modal when
 * configured, otherwise the fixture provider acting for it); all others go to `best_available`:
 * Anthropic, then OpenAI, then Modal (a real model is better than none), then the fixture provider.
 */
@Injectable()
export class ProviderRouter {
  private readonly fixture: FixtureProvider;
  private readonly modal: ModalProvider | undefined;
  private readonly bestAvailable: LlmProvider;
  private readonly remote: { anthropic?: AnthropicProvider; openai?: OpenAiProvider };

  constructor(config: AppConfig) {
    this.fixture = new FixtureProvider(config.pricing);
    this.modal = config.modal ? new ModalProvider(config.modal, config.pricing) : undefined;
    this.remote = {
      anthropic: config.anthropic ? new AnthropicProvider(config.anthropic, config.pricing) : undefined,
      openai: config.openai ? new OpenAiProvider(config.openai, config.pricing) : undefined,
    };
    this.bestAvailable = this.remote.anthropic ?? this.remote.openai ?? this.modal ?? this.fixture;
  }

  static routeFor(request: Pick<LlmRequest, 'structuredOutput'>): ProviderRoute {
    return request.structuredOutput ? 'modal_inference' : 'best_available';
  }

  providerFor(route: ProviderRoute): LlmProvider {
    return route === 'modal_inference' ? (this.modal ?? this.fixture) : this.bestAvailable;
  }

  complete(request: LlmRequest): Promise<LlmCompletion> {
    const route = ProviderRouter.routeFor(request);
    return this.providerFor(route).complete({ ...request, route });
  }

  stream(request: LlmRequest): LlmStream {
    const route = ProviderRouter.routeFor(request);
    return this.providerFor(route).stream({ ...request, route });
  }

  describe(): ProviderDescription[] {
    const routesOf = (provider: LlmProvider): ProviderRoute[] =>
      (['best_available', 'modal_inference'] as const).filter((route) => this.providerFor(route) === provider);
    return [
      { name: 'anthropic', provider: this.remote.anthropic },
      { name: 'openai', provider: this.remote.openai },
      { name: 'modal', provider: this.modal },
    ]
      .map(({ name, provider }): ProviderDescription => ({
        name: name as ProviderName,
        model: provider?.model ?? 'not configured',
        configured: provider !== undefined,
        routes: provider ? routesOf(provider) : [],
      }))
      .concat({ name: 'fixture', model: this.fixture.model, configured: true, routes: routesOf(this.fixture) });
  }

  /** Drains a stream, returning the call's totals (the text is in `text`). */
  static async collect(stream: LlmStream): Promise<LlmCompletion> {
    for (;;) {
      const step = await stream.next();
      if (step.done === true) return step.value;
    }
  }
}
