import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ObservabilityModule, type ObservabilityOptions } from '@lift-sys/observability';
import { ChatCompletionsController } from './chat-completions.controller.js';
import { DeterministicModel } from './deterministic-model.js';
import { OpenAiErrorFilter } from './openai-error.filter.js';

/** Its own service in traces: a request from lift-sys continues the caller's trace through W3C trace context. */
export const INFERENCE_OBSERVABILITY: ObservabilityOptions = { serviceName: 'lift-sys-inference' };

@Module({})
export class InferenceModule {
  static forRoot(): DynamicModule {
    return {
      module: InferenceModule,
      imports: [ObservabilityModule.forRoot(INFERENCE_OBSERVABILITY)],
      controllers: [ChatCompletionsController],
      providers: [DeterministicModel, { provide: APP_FILTER, useClass: OpenAiErrorFilter }],
    };
  }
}
