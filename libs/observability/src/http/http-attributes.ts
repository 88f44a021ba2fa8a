import type { Attributes } from '@opentelemetry/api';
import {
  ATTR_CLIENT_ADDRESS,
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_REQUEST_METHOD_ORIGINAL,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_NETWORK_PEER_ADDRESS,
  ATTR_NETWORK_PEER_PORT,
  ATTR_NETWORK_PROTOCOL_VERSION,
  ATTR_SERVER_ADDRESS,
  ATTR_SERVER_PORT,
  ATTR_URL_PATH,
  ATTR_URL_QUERY,
  ATTR_URL_SCHEME,
  ATTR_USER_AGENT_ORIGINAL,
  HTTP_REQUEST_METHOD_VALUE_CONNECT,
  HTTP_REQUEST_METHOD_VALUE_DELETE,
  HTTP_REQUEST_METHOD_VALUE_GET,
  HTTP_REQUEST_METHOD_VALUE_HEAD,
  HTTP_REQUEST_METHOD_VALUE_OPTIONS,
  HTTP_REQUEST_METHOD_VALUE_OTHER,
  HTTP_REQUEST_METHOD_VALUE_PATCH,
  HTTP_REQUEST_METHOD_VALUE_POST,
  HTTP_REQUEST_METHOD_VALUE_PUT,
  HTTP_REQUEST_METHOD_VALUE_TRACE,
} from '@opentelemetry/semantic-conventions';
import type { IncomingMessage } from 'node:http';
import { REDACTED_VALUE } from '../conventions/attribute-names.js';
import { attributePolicy, type AttributePolicy } from '../core/attribute-policy.js';
import { toAttributeValue } from '../core/attribute-values.js';
import { ATTR_HTTP_METHOD_DEPRECATED, ATTR_HTTP_STATUS_CODE_DEPRECATED } from './deprecated-http-attributes.js';
import { redactQuery } from './url-query.js';

/** The methods the conventions know; any other is recorded as `_OTHER` with the original beside it. */
const KNOWN_METHODS: ReadonlySet<string> = new Set([
  HTTP_REQUEST_METHOD_VALUE_CONNECT,
  HTTP_REQUEST_METHOD_VALUE_DELETE,
  HTTP_REQUEST_METHOD_VALUE_GET,
  HTTP_REQUEST_METHOD_VALUE_HEAD,
  HTTP_REQUEST_METHOD_VALUE_OPTIONS,
  HTTP_REQUEST_METHOD_VALUE_PATCH,
  HTTP_REQUEST_METHOD_VALUE_POST,
  HTTP_REQUEST_METHOD_VALUE_PUT,
  HTTP_REQUEST_METHOD_VALUE_TRACE,
]);

export interface DescribedRequest {
  /** The first word of the span name: the method, or `HTTP` for a method the conventions do not know. */
  spanNamePrefix: string;
  /** Every HTTP attribute known when the request arrives, normalized and cut like any other attribute. */
  attributes: Attributes;
}

/** Every key `describeRequest` may write, so the policy's redaction can be decided once per policy, not per request. */
const REQUEST_KEYS = [
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_REQUEST_METHOD_ORIGINAL,
  ATTR_URL_PATH,
  ATTR_URL_QUERY,
  ATTR_URL_SCHEME,
  ATTR_SERVER_ADDRESS,
  ATTR_SERVER_PORT,
  ATTR_CLIENT_ADDRESS,
  ATTR_NETWORK_PEER_ADDRESS,
  ATTR_NETWORK_PEER_PORT,
  ATTR_NETWORK_PROTOCOL_VERSION,
  ATTR_USER_AGENT_ORIGINAL,
  ATTR_HTTP_METHOD_DEPRECATED,
];

/** The request keys the current attribute policy redacts (usually none). */
let keyRedaction: { version: number; redacted: ReadonlySet<string> } = { version: -1, redacted: new Set() };

function redactedRequestKeys(policy: AttributePolicy): ReadonlySet<string> {
  if (keyRedaction.version !== policy.version) {
    keyRedaction = { version: policy.version, redacted: new Set(REQUEST_KEYS.filter((key) => policy.isRedactedKey(key))) };
  }
  return keyRedaction.redacted;
}

/**
 * The stable HTTP server attributes of a request (and, under `http/dup`, the old `http.method`),
 * written into `into` (the span's own bag, so nothing is copied on the way to the span). Each value
 * goes through the library's attribute rule, and keys the policy redacts are redacted.
 */
export function describeRequest(request: IncomingMessage, emitDeprecated: boolean, into: Attributes = {}): DescribedRequest {
  const policy = attributePolicy();
  const redacted = redactedRequestKeys(policy);
  const record = (key: string, value: string | number | undefined): void => {
    if (value === undefined) return;
    const normalized = redacted.has(key) ? REDACTED_VALUE : toAttributeValue(value, policy);
    if (normalized !== undefined) into[key] = normalized;
  };
  const method = request.method ?? HTTP_REQUEST_METHOD_VALUE_GET;
  const known = KNOWN_METHODS.has(method);
  const { path, query } = splitTarget(request.url ?? '/');
  const scheme = 'encrypted' in request.socket ? 'https' : 'http';
  const server = serverOf(hostHeader(request), scheme);
  record(ATTR_HTTP_REQUEST_METHOD, known ? method : HTTP_REQUEST_METHOD_VALUE_OTHER);
  if (!known) record(ATTR_HTTP_REQUEST_METHOD_ORIGINAL, method);
  record(ATTR_URL_PATH, path);
  if (query !== undefined) record(ATTR_URL_QUERY, redactQuery(query, policy.isRedactedKey));
  record(ATTR_URL_SCHEME, scheme);
  record(ATTR_SERVER_ADDRESS, server?.address);
  record(ATTR_SERVER_PORT, server?.port);
  record(ATTR_CLIENT_ADDRESS, forwardedClient(request) ?? request.socket?.remoteAddress);
  record(ATTR_NETWORK_PEER_ADDRESS, request.socket?.remoteAddress);
  record(ATTR_NETWORK_PEER_PORT, request.socket?.remotePort);
  record(ATTR_NETWORK_PROTOCOL_VERSION, protocolVersion(request.httpVersion));
  const userAgent = request.headers['user-agent'];
  if (typeof userAgent === 'string') record(ATTR_USER_AGENT_ORIGINAL, userAgent);
  if (emitDeprecated) record(ATTR_HTTP_METHOD_DEPRECATED, method);
  return { spanNamePrefix: known ? method : 'HTTP', attributes: into };
}

/** The attributes known once the response is sent. */
export function responseAttributes(statusCode: number, emitDeprecated: boolean): Attributes {
  return emitDeprecated
    ? { [ATTR_HTTP_RESPONSE_STATUS_CODE]: statusCode, [ATTR_HTTP_STATUS_CODE_DEPRECATED]: statusCode }
    : { [ATTR_HTTP_RESPONSE_STATUS_CODE]: statusCode };
}

/** Origin-form (`/a?b`) or, from proxies, absolute-form (`http://host/a?b`) request targets. */
function splitTarget(target: string): { path: string; query: string | undefined } {
  let pathAndQuery = target;
  if (!target.startsWith('/')) {
    try {
      const url = new URL(target);
      pathAndQuery = url.pathname + url.search;
    } catch {
      return { path: target, query: undefined };
    }
  }
  const mark = pathAndQuery.indexOf('?');
  if (mark < 0) return { path: pathAndQuery, query: undefined };
  const query = pathAndQuery.slice(mark + 1);
  return { path: pathAndQuery.slice(0, mark), query: query === '' ? undefined : query };
}

/**
 * The original client a proxy names, as the conventions ask for `client.address`: the first
 * `for=` of `Forwarded` (RFC 7239), else the first `X-Forwarded-For` entry. A client can forge
 * either header, so the socket's peer is recorded beside it as `network.peer.address`.
 */
function forwardedClient(request: IncomingMessage): string | undefined {
  const forwarded = request.headers.forwarded;
  if (typeof forwarded === 'string') {
    const match = /(?:^|[;,\s])for="?\[?([^\]";,\s]+)/i.exec(forwarded);
    if (match !== null) return stripPort(match[1]);
  }
  const forwardedFor = request.headers['x-forwarded-for'];
  const first = (Array.isArray(forwardedFor) ? forwardedFor[0] : forwardedFor)?.split(',', 1)[0].trim();
  return first ? first : undefined;
}

/** `192.0.2.60:4711` becomes `192.0.2.60`; an IPv6 address (several colons) is left whole. */
function stripPort(node: string): string {
  return /^[^:]+:\d+$/.test(node) ? node.slice(0, node.lastIndexOf(':')) : node;
}

function hostHeader(request: IncomingMessage): string | undefined {
  const host = request.headers[':authority'] ?? request.headers.host;
  return typeof host === 'string' && host !== '' ? host : undefined;
}

interface ServerAddress {
  address: string;
  port: number;
}

/** The last Host header parsed, per scheme: a server sees the same few hosts on nearly every request. */
const lastServer = {
  http: { host: '', server: undefined as ServerAddress | undefined },
  https: { host: '', server: undefined as ServerAddress | undefined },
};

/** `server.address` and `server.port` from the Host header; the scheme's port when it names none. */
function serverOf(host: string | undefined, scheme: 'http' | 'https'): ServerAddress | undefined {
  if (host === undefined) return undefined;
  const last = lastServer[scheme];
  if (host !== last.host) {
    last.server = parseHost(host, scheme);
    last.host = host;
  }
  return last.server;
}

function parseHost(host: string, scheme: 'http' | 'https'): ServerAddress | undefined {
  const match = /^(\[[^\]]*\]|[^:]*)(?::(\d{1,5}))?$/.exec(host);
  if (match === null) return undefined;
  const address = match[1].startsWith('[') ? match[1].slice(1, -1) : match[1];
  const port = match[2] === undefined ? (scheme === 'https' ? 443 : 80) : Number(match[2]);
  if (address === '' || port < 1 || port > 65_535) return undefined;
  return { address, port };
}

/** `1.1`, `1.0`, and `2` rather than Node's `2.0`, as the conventions spell them. */
function protocolVersion(httpVersion: string | undefined): string | undefined {
  if (!httpVersion) return undefined;
  return httpVersion.endsWith('.0') && httpVersion !== '1.0' ? httpVersion.slice(0, -2) : httpVersion;
}
