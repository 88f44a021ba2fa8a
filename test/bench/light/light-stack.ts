/** Which tracing stack a light-fixture process runs: this library, or the standard OpenTelemetry setup for NestJS. */
export type LightStack = 'library' | 'otel';

export const LIGHT_STACK_ENV = 'BENCH_LIGHT_STACK';

export function lightStack(): LightStack {
  const stack = process.env[LIGHT_STACK_ENV];
  if (stack !== 'library' && stack !== 'otel') throw new Error(`${LIGHT_STACK_ENV} must be library or otel, not ${stack}`);
  return stack;
}
