import { trace, type Tracer } from '@opentelemetry/api';
import { LIBRARY_NAME, LIBRARY_VERSION } from '../library-info.js';

/**
 * What decorated methods consult on every call. `tracer` is `undefined` when tracing is
 * disabled, which makes a decorated call a plain call.
 *
 * Before `setupObservability` runs, the tracer is the API's proxy tracer, so spans reach any
 * provider registered later (by this library or by the application's own SDK setup), unless the
 * environment disables tracing outright.
 *
 * The state lives on `globalThis` so that the ESM and CommonJS builds of the library, when both
 * end up loaded in one process, share it.
 */
interface TracingState {
  tracer: Tracer | undefined;
}

const STATE_KEY = Symbol.for('@lift-sys/observability/tracing-state');
const globalSlot = globalThis as { [STATE_KEY]?: TracingState };

export const tracingState: TracingState = (globalSlot[STATE_KEY] ??= { tracer: defaultTracer() });

export function isDisabledByEnvironment(env: NodeJS.ProcessEnv): boolean {
  return env.HONEYCOMB_ENABLED?.trim().toLowerCase() === 'false' || env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true';
}

export function useTracer(tracer: Tracer | undefined): void {
  tracingState.tracer = tracer;
}

/** Back to the state before setup: the proxy tracer, or nothing when the environment disables tracing. */
export function resetTracer(): void {
  tracingState.tracer = defaultTracer();
}

function defaultTracer(): Tracer | undefined {
  return isDisabledByEnvironment(process.env) ? undefined : trace.getTracer(LIBRARY_NAME, LIBRARY_VERSION);
}
