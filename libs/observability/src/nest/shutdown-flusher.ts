import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { ObservabilityHandle } from '../sdk/setup-observability.js';
import { OBSERVABILITY_MODULE_OPTIONS } from './observability.module-definition.js';
import { OBSERVABILITY_HANDLE, type ObservabilityModuleOptions } from './observability-module-options.js';

export const SDK_OWNED_BY_MODULE = Symbol.for('@lift-sys/observability/sdk-owned-by-module');

/**
 * At application shutdown (after Nest has stopped taking requests and in-flight ones have
 * finished) exports pending spans within a deadline; shuts the SDK down when the module started
 * it. Never exits the process.
 */
@Injectable()
export class ShutdownFlusher implements OnApplicationShutdown {
  private readonly logger = new Logger('Observability');

  constructor(
    @Inject(OBSERVABILITY_HANDLE) private readonly handle: ObservabilityHandle,
    @Inject(OBSERVABILITY_MODULE_OPTIONS) private readonly options: ObservabilityModuleOptions,
    @Inject(SDK_OWNED_BY_MODULE) private readonly ownsSdk: boolean,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    const deadline = this.options.shutdownTimeoutMillis ?? 5000;
    const work = this.ownsSdk ? this.handle.shutdown() : this.handle.forceFlush();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), deadline);
      timer.unref();
    });
    try {
      const outcome = await Promise.race([work.then(() => 'done' as const), timeout]);
      if (outcome === 'timeout') this.logger.warn(`pending spans not exported within ${deadline} ms; shutting down anyway`);
    } catch (error) {
      this.logger.warn(`span export at shutdown failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      clearTimeout(timer);
    }
  }
}
