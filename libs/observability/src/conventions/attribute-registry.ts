/**
 * The span attribute keys an application may record, with the type of each value.
 *
 * Applications add their own keys by declaration merging, in one file:
 *
 * ```ts
 * declare module '@lift-sys/observability' {
 *   interface SpanAttributeRegistry {
 *     'code.language': string;
 *   }
 * }
 * ```
 *
 * Every API that takes an attribute key (`@SpanAttr`, `attributes`, `args`, `result`
 * and the current-span helpers) accepts only keys declared here, so a misspelt key
 * is a compile error. The library seeds it with the keys it emits itself.
 */
export interface SpanAttributeRegistry {
  error: boolean;
  environment: string;
  'request.id': string;
  'user.id': string;
  SampleRate: number;
  'http.request.method': string;
  'http.request.method_original': string;
  'http.method': string;
  'http.route': string;
  'url.path': string;
  'url.query': string;
  'url.scheme': string;
  'server.address': string;
  'server.port': number;
  'client.address': string;
  'network.peer.address': string;
  'network.peer.port': number;
  'network.protocol.version': string;
  'http.response.status_code': number;
  'http.status_code': number;
  'user_agent.original': string;
  'error.type': string;
  'exception.type': string;
  'exception.message': string;
  'exception.stacktrace': string;
  'exception.escaped': boolean;
  'observability.cancelled': boolean;
  'observability.callback_error': string;
}

export type SpanAttributeKey = Extract<keyof SpanAttributeRegistry, string>;

/** An attribute bag whose keys and value types are checked against the registry. */
export type SpanAttributes = {
  [K in SpanAttributeKey]?: SpanAttributeRegistry[K] | null | undefined;
};
