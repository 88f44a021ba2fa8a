import type { TracerProvider } from '@opentelemetry/api';
import { registerInstrumentations, type Instrumentation } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import type { ResolvedConfig } from './resolve-config.js';

/**
 * Enables the standard auto-instrumentations the configuration asks for. Incoming HTTP is left to
 * the Nest server span (one span per request, same attributes under ESM and CommonJS), so the HTTP
 * instrumentation traces outgoing requests only.
 */
export function enableInstrumentations(switches: ResolvedConfig['instrumentations'], tracerProvider: TracerProvider): () => void {
  const instrumentations: Instrumentation[] = [];
  // Not `ignoreIncomingRequestHook`: ignored requests run with tracing suppressed, which would
  // silence every span the Nest server span's request starts.
  if (switches.http) instrumentations.push(new HttpInstrumentation({ disableIncomingRequestInstrumentation: true }));
  if (switches.undici) instrumentations.push(new UndiciInstrumentation());
  if (switches.pg) instrumentations.push(new PgInstrumentation({ enhancedDatabaseReporting: false }));
  if (instrumentations.length === 0) return () => {};
  return registerInstrumentations({ instrumentations, tracerProvider });
}
