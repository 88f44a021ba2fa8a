import { diag, DiagLogLevel, type DiagLogger } from '@opentelemetry/api';
import { scrubSecrets } from '../core/secret-scrubber.js';
import type { ObservabilityLogger } from './observability-options.js';

const QUIET_PERIOD_MILLIS = 30_000;
const LEVEL_NAMES = ['NONE', 'ERROR', 'WARN', 'INFO', 'DEBUG', 'VERBOSE', 'ALL'] as const;

/**
 * The SDK's diagnostic level from `OTEL_LOG_LEVEL` (OpenTelemetry's general SDK configuration:
 * NONE, ERROR, WARN, INFO, DEBUG, VERBOSE, ALL; case-insensitive). WARN when unset; an unknown
 * value also means WARN, with a problem to report.
 */
export function diagnosticsLevel(value: string | undefined): { level: DiagLogLevel; problem?: string } {
  const name = value?.trim().toUpperCase();
  if (!name) return { level: DiagLogLevel.WARN };
  if ((LEVEL_NAMES as readonly string[]).includes(name)) return { level: DiagLogLevel[name as (typeof LEVEL_NAMES)[number]] };
  return { level: DiagLogLevel.WARN, problem: `OTEL_LOG_LEVEL="${value}" is not one of ${LEVEL_NAMES.join(', ')}; using WARN` };
}

/**
 * Sends the SDK's own diagnostics to the logger, up to `level` (WARN by default): errors and
 * warnings (failed exports, dropped spans) at most one line per kind of message per 30 s with a
 * count of the repeats, so an outage is one warning per burst rather than one per batch or span;
 * info and debug lines, when asked for, as they come. Every line is scrubbed of registered secrets
 * (an endpoint may echo the request's headers in its error).
 */
export function forwardDiagnostics(
  logger: ObservabilityLogger,
  now: () => number = Date.now,
  level: DiagLogLevel = DiagLogLevel.WARN,
): () => void {
  const lastSeen = new Map<string, { at: number; repeats: number }>();
  const report = (message: string, args: unknown[]): void => {
    const kind = message.replace(/\d+/g, 'N').slice(0, 60);
    const time = now();
    const previous = lastSeen.get(kind);
    if (previous && time - previous.at < QUIET_PERIOD_MILLIS) {
      previous.repeats++;
      return;
    }
    const repeats = previous?.repeats ? ` (repeated ${previous.repeats} more times)` : '';
    lastSeen.set(kind, { at: time, repeats: 0 });
    logger.warn(scrubSecrets(`[observability] ${message}${describeArgs(args)}${repeats}`));
  };
  const inform = (message: string, args: unknown[]): void =>
    logger.info(scrubSecrets(`[observability] ${message}${describeArgs(args)}`));
  const forwarder: DiagLogger = {
    error: (message, ...args) => report(message, args),
    warn: (message, ...args) => report(message, args),
    info: (message, ...args) => inform(message, args),
    debug: (message, ...args) => inform(message, args),
    verbose: (message, ...args) => inform(message, args),
  };
  diag.setLogger(forwarder, { logLevel: level, suppressOverrideMessage: true });
  return () => diag.disable();
}

function describeArgs(args: unknown[]): string {
  const described = args.map(describeArg).filter(Boolean);
  return described.length ? `: ${described.join('; ')}` : '';
}

/** A string as it is, an error (of any realm) by its message; other values are left out. */
function describeArg(arg: unknown): string {
  if (typeof arg === 'string') return arg;
  const message = typeof arg === 'object' && arg !== null ? (arg as { message?: unknown }).message : undefined;
  return typeof message === 'string' ? message : '';
}
