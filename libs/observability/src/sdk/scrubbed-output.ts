import { scrubSecrets } from '../core/secret-scrubber.js';
import type { ObservabilityLogger } from './observability-options.js';

/** Every line the library prints (startup, warnings, console trees, diagnostics) scrubbed of secrets. */
export function scrubbingLogger(logger: ObservabilityLogger): ObservabilityLogger {
  return { info: (line) => logger.info(scrubSecrets(line)), warn: (line) => logger.warn(scrubSecrets(line)) };
}
