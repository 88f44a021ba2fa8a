import { createContextKey, type Context } from '@opentelemetry/api';

const DECIDE_LOCALLY = createContextKey('@lift-sys/observability/decide-remote-unsampled-locally');

/**
 * Marks a context whose remote parent came from an untrusted caller: the sampler keeps the
 * caller's trace id and parent but makes its own decision instead of obeying the caller's
 * sampled flag being off.
 */
export function decideLocallyDespiteRemoteFlag(context: Context): Context {
  return context.setValue(DECIDE_LOCALLY, true);
}

export function decidesLocallyDespiteRemoteFlag(context: Context): boolean {
  return context.getValue(DECIDE_LOCALLY) === true;
}
