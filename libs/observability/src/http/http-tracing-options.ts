/** What the HTTP layer needs to know about an error to record it. */
export interface HttpErrorClassification {
  statusCode: number;
  /** Recorded as `error.type` when the status is 5xx. */
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
  /**
   * Let a caller's `traceparent` with the sampled flag off (`-00`) switch tracing off for the
   * request. Default false: the caller's trace is continued but the local sampler decides, so an
   * outside client cannot silence this service's spans. Turn on only behind callers you trust to
   * make the sampling decision for you.
   */
  honorIncomingSampledFlag?: boolean;
  /** Where `user.id` comes from. Default: `request.user?.id`. */
  userIdFrom?: (request: unknown) => string | number | undefined;
  /** Status and type of an exception. Default: `HttpException` status, else 500; the class name. */
  classifyError?: (exception: unknown) => HttpErrorClassification;
}

/** What the HTTP layer is told by whoever sets it up (the Nest module), so it never reaches for the SDK itself. */
export interface HttpTracingContext {
  /** Recorded as `environment` on every span of a request. */
  environment: string;
  /** Read for `OTEL_SEMCONV_STABILITY_OPT_IN`. */
  env: NodeJS.ProcessEnv;
}

export interface ResolvedHttpTracingOptions {
  enabled: boolean;
  interceptor: boolean;
  ignorePaths: (string | RegExp)[];
  continueIncomingTrace: boolean;
  honorIncomingSampledFlag: boolean;
  userIdFrom: (request: unknown) => string | number | undefined;
  classifyError: ((exception: unknown) => HttpErrorClassification) | undefined;
  environment: string;
  /** Also emit the pre-1.0 HTTP names (`http.method`, `http.status_code`): `OTEL_SEMCONV_STABILITY_OPT_IN=http/dup`. */
  emitDeprecatedAttributes: boolean;
}

export function resolveHttpTracingOptions(
  options: HttpTracingOptions | false = {},
  { environment, env }: HttpTracingContext = { environment: 'development', env: process.env },
): ResolvedHttpTracingOptions {
  if (options === false) return resolveHttpTracingOptions({ enabled: false }, { environment, env });
  return {
    enabled: options.enabled !== false,
    interceptor: options.enabled !== false && options.interceptor !== false,
    ignorePaths: options.ignorePaths ?? [],
    continueIncomingTrace: options.continueIncomingTrace !== false,
    honorIncomingSampledFlag: options.honorIncomingSampledFlag === true,
    userIdFrom: options.userIdFrom ?? defaultUserId,
    classifyError: options.classifyError,
    environment,
    emitDeprecatedAttributes: stabilityOptIn(env).has('http/dup'),
  };
}

/** The comma-separated categories of `OTEL_SEMCONV_STABILITY_OPT_IN` (e.g. `http/dup,database`). */
function stabilityOptIn(env: NodeJS.ProcessEnv): ReadonlySet<string> {
  return new Set((env.OTEL_SEMCONV_STABILITY_OPT_IN ?? '').split(',').map((category) => category.trim().toLowerCase()));
}

function defaultUserId(request: unknown): string | number | undefined {
  const id = (request as { user?: { id?: unknown } }).user?.id;
  return typeof id === 'string' || typeof id === 'number' ? id : undefined;
}
