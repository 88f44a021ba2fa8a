/** What the HTTP layer needs to know about an error to record it. */
export interface HttpErrorClassification {
  statusCode: number;
  /** Recorded as `error.type`. */
  errorType: string;
}

export interface HttpTracingOptions {
  /** Trace HTTP requests at all. Default true. */
  enabled?: boolean;
  /** Register the global interceptor that names spans by route and records user and errors. Default true. */
  interceptor?: boolean;
  /** Paths (exact, without query) or patterns whose requests get no spans. `OPTIONS` requests never do. */
  ignorePaths?: (string | RegExp)[];
  /** Continue the caller's trace from `traceparent`. When false, start a new trace linked to it. Default true. */
  continueIncomingTrace?: boolean;
  /** Where `user.id` comes from. Default: `request.user?.id`. */
  userIdFrom?: (request: unknown) => string | number | undefined;
  /** Status and type of an exception. Default: `HttpException` status, else 500; the class name. */
  classifyError?: (exception: unknown) => HttpErrorClassification;
}

export interface ResolvedHttpTracingOptions {
  enabled: boolean;
  interceptor: boolean;
  ignorePaths: (string | RegExp)[];
  continueIncomingTrace: boolean;
  userIdFrom: (request: unknown) => string | number | undefined;
  classifyError: ((exception: unknown) => HttpErrorClassification) | undefined;
}

export function resolveHttpTracingOptions(options: HttpTracingOptions | false = {}): ResolvedHttpTracingOptions {
  if (options === false) return resolveHttpTracingOptions({ enabled: false });
  return {
    enabled: options.enabled !== false,
    interceptor: options.enabled !== false && options.interceptor !== false,
    ignorePaths: options.ignorePaths ?? [],
    continueIncomingTrace: options.continueIncomingTrace !== false,
    userIdFrom: options.userIdFrom ?? defaultUserId,
    classifyError: options.classifyError,
  };
}

function defaultUserId(request: unknown): string | number | undefined {
  const id = (request as { user?: { id?: unknown } }).user?.id;
  return typeof id === 'string' || typeof id === 'number' ? id : undefined;
}
