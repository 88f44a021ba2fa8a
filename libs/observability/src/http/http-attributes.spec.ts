import {
  ATTR_CLIENT_ADDRESS,
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_REQUEST_METHOD_ORIGINAL,
  ATTR_NETWORK_PROTOCOL_VERSION,
  ATTR_SERVER_ADDRESS,
  ATTR_SERVER_PORT,
  ATTR_URL_PATH,
  ATTR_URL_QUERY,
  ATTR_USER_AGENT_ORIGINAL,
} from '@opentelemetry/semantic-conventions';
import { ATTR_HTTP_METHOD, ATTR_HTTP_STATUS_CODE } from '@opentelemetry/semantic-conventions/incubating';
import type { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import { REDACTED_VALUE } from '../conventions/attribute-names.js';
import { configureAttributePolicy } from '../core/attribute-policy.js';
import { ATTR_HTTP_METHOD_DEPRECATED, ATTR_HTTP_STATUS_CODE_DEPRECATED } from './deprecated-http-attributes.js';
import { describeRequest, responseAttributes } from './http-attributes.js';

function incoming(fields: {
  method?: string;
  url?: string;
  httpVersion?: string;
  headers?: Record<string, string>;
  socket?: Socket;
}): IncomingMessage {
  return { method: 'GET', url: '/', httpVersion: '1.1', headers: {}, socket: new Socket(), ...fields } as IncomingMessage;
}

it('copies of the deprecated names match the conventions package', () => {
  expect(ATTR_HTTP_METHOD_DEPRECATED).toBe(ATTR_HTTP_METHOD);
  expect(ATTR_HTTP_STATUS_CODE_DEPRECATED).toBe(ATTR_HTTP_STATUS_CODE);
});

it.each([
  ['example.com', 'example.com', 80],
  ['example.com:8443', 'example.com', 8443],
  ['[::1]:3000', '::1', 3000],
  ['[2001:db8::7]', '2001:db8::7', 80],
])('reads server.address and server.port from Host %s', (host, address, port) => {
  const { attributes } = describeRequest(incoming({ headers: { host } }), false);
  expect(attributes).toMatchObject({ [ATTR_SERVER_ADDRESS]: address, [ATTR_SERVER_PORT]: port });
});

it('parses each Host afresh when it changes, and per scheme', () => {
  const serverOf = (host: string, socket = new Socket()) => {
    const { attributes } = describeRequest(incoming({ headers: { host }, socket }), false);
    return [attributes[ATTR_SERVER_ADDRESS], attributes[ATTR_SERVER_PORT]];
  };
  const tls = () => Object.assign(new Socket(), { encrypted: true });
  expect(serverOf('example.com')).toEqual(['example.com', 80]);
  expect(serverOf('example.com', tls())).toEqual(['example.com', 443]);
  expect(serverOf('example.com')).toEqual(['example.com', 80]);
  expect(serverOf('other.test:81')).toEqual(['other.test', 81]);
  expect(serverOf('bad host:1:2')).toEqual([undefined, undefined]);
  expect(serverOf('example.com')).toEqual(['example.com', 80]);
});

it.each(['example.com:99999', 'bad host:1:2', ':80'])('records no server for the malformed Host %s', (host) => {
  const { attributes } = describeRequest(incoming({ headers: { host } }), false);
  expect(attributes[ATTR_SERVER_ADDRESS]).toBeUndefined();
  expect(attributes[ATTR_SERVER_PORT]).toBeUndefined();
});

it.each([
  [{ forwarded: 'for=192.0.2.60;proto=http;by=203.0.113.43' }, '192.0.2.60'],
  [{ forwarded: 'For="[2001:db8:cafe::17]:4711", for=198.51.100.17' }, '2001:db8:cafe::17'],
  [{ forwarded: 'for="192.0.2.60:4711"' }, '192.0.2.60'],
  [{ 'x-forwarded-for': '203.0.113.195, 70.41.3.18, 150.172.238.178' }, '203.0.113.195'],
  [{ forwarded: 'proto=https', 'x-forwarded-for': '203.0.113.195' }, '203.0.113.195'],
])('takes client.address from the proxy headers %j', (headers, client) => {
  expect(describeRequest(incoming({ headers }), false).attributes[ATTR_CLIENT_ADDRESS]).toBe(client);
});

it('splits an absolute-form target from a proxy into path and query', () => {
  const { attributes } = describeRequest(incoming({ url: 'http://example.com/a/b?c=1' }), false);
  expect(attributes).toMatchObject({ [ATTR_URL_PATH]: '/a/b', [ATTR_URL_QUERY]: 'c=1' });
});

it('omits an empty query and spells HTTP/2 as the conventions do', () => {
  const { attributes } = describeRequest(incoming({ url: '/a?', httpVersion: '2.0' }), false);
  expect(attributes[ATTR_URL_QUERY]).toBeUndefined();
  expect(attributes[ATTR_NETWORK_PROTOCOL_VERSION]).toBe('2');
});

it('names an unknown method HTTP and keeps the original', () => {
  const described = describeRequest(incoming({ method: 'PURGE' }), true);
  expect(described.spanNamePrefix).toBe('HTTP');
  expect(described.attributes).toMatchObject({
    [ATTR_HTTP_REQUEST_METHOD]: '_OTHER',
    [ATTR_HTTP_REQUEST_METHOD_ORIGINAL]: 'PURGE',
    [ATTR_HTTP_METHOD]: 'PURGE',
  });
});

it('redacts the request attributes the attribute policy names, and follows the policy when it changes', () => {
  const request = incoming({ url: '/orders?sku=7', headers: { 'user-agent': 'curl/8.5.0', 'x-forwarded-for': '203.0.113.195' } });
  try {
    configureAttributePolicy({ redactedKeys: ['user_agent', 'client.address'] });
    expect(describeRequest(request, false).attributes).toMatchObject({
      [ATTR_USER_AGENT_ORIGINAL]: REDACTED_VALUE,
      [ATTR_CLIENT_ADDRESS]: REDACTED_VALUE,
      [ATTR_URL_PATH]: '/orders',
      [ATTR_URL_QUERY]: 'sku=7',
    });
    configureAttributePolicy({});
    expect(describeRequest(request, false).attributes).toMatchObject({
      [ATTR_USER_AGENT_ORIGINAL]: 'curl/8.5.0',
      [ATTR_CLIENT_ADDRESS]: '203.0.113.195',
    });
  } finally {
    configureAttributePolicy({});
  }
});

it('writes into the bag it is given and cuts long values to the policy limit', () => {
  const into = { 'request.id': 'r-1' };
  const { attributes } = describeRequest(incoming({ url: `/${'a'.repeat(5000)}` }), false, into);
  expect(attributes).toBe(into);
  expect(attributes['request.id']).toBe('r-1');
  expect((attributes[ATTR_URL_PATH] as string).length).toBe(1024);
});

it('adds the old status name only when asked to', () => {
  expect(responseAttributes(204, false)).toEqual({ 'http.response.status_code': 204 });
  expect(responseAttributes(204, true)).toEqual({ 'http.response.status_code': 204, [ATTR_HTTP_STATUS_CODE]: 204 });
});
