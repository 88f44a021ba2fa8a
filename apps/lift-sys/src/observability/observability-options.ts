import { DEFAULT_REDACTED_KEYS, type ObservabilityOptions } from '@lift-sys/observability';

/**
 * The library's default `token` pattern would redact `llm.time_to_first_token_ms` (a latency), so
 * lift-sys replaces it with the token-bearing key names it must never record.
 */
export const LIFT_SYS_REDACTED_KEYS: readonly string[] = [
  ...DEFAULT_REDACTED_KEYS.filter((key) => key !== 'token'),
  'access_token',
  'refresh_token',
  'id_token',
  'auth_token',
  'api_token',
  'bearer_token',
  'session_token',
  'csrf_token',
];

/**
 * What main.ts, the demo and the tests pass to the SDK, so all three record the same way.
 * `LIFT_SYS_VERSION` (the deployed commit) is the app's own variable; `OTEL_SERVICE_VERSION`
 * still wins over it.
 */
export const LIFT_SYS_OBSERVABILITY: ObservabilityOptions = {
  serviceName: 'lift-sys',
  serviceVersion: process.env.LIFT_SYS_VERSION?.trim() || undefined,
  attributes: { redactedKeys: [...LIFT_SYS_REDACTED_KEYS] },
};
