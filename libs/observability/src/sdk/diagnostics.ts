import { diag, DiagLogLevel, type DiagLogger } from '@opentelemetry/api';
import type { ObservabilityLogger } from './observability-options.js';

const QUIET_PERIOD_MILLIS = 30_000;

/**
 * Sends the SDK's own warnings and errors (failed exports, dropped spans) to the logger, at most
 * one line per kind of message per 30 s with a count of the repeats, so an outage is one warning
 * per burst rather than one per batch or span.
 */
export function forwardDiagnostics(logger: ObservabilityLogger, now: () => number = Date.now): () => void {
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
    logger.warn(`[observability] ${message}${describeArgs(args)}${repeats}`);
  };
  const forwarder: DiagLogger = {
    error: (message, ...args) => report(message, args),
    warn: (message, ...args) => report(message, args),
    info: () => {},
    debug: () => {},
    verbose: () => {},
  };
  diag.setLogger(forwarder, { logLevel: DiagLogLevel.WARN, suppressOverrideMessage: true });
  return () => diag.disable();
}

function describeArgs(args: unknown[]): string {
  const described = args.map((arg) => (arg instanceof Error ? arg.message : typeof arg === 'string' ? arg : '')).filter(Boolean);
  return described.length ? `: ${described.join('; ')}` : '';
}
