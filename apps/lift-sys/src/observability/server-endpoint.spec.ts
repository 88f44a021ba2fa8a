import { serverEndpoint } from './server-endpoint.js';

it.each([
  ['https://api.anthropic.com', { address: 'api.anthropic.com', port: 443 }],
  ['http://127.0.0.1:8123/v1', { address: '127.0.0.1', port: 8123 }],
  ['postgres://user:secret@db.internal/liftsys', { address: 'db.internal', port: 5432 }],
  ['postgresql://[::1]:6543/liftsys', { address: '::1', port: 6543 }],
])('reads %s', (url, endpoint) => {
  expect(serverEndpoint(url)).toEqual(endpoint);
});

it.each(['not a url', 'postgres:///liftsys?host=/var/run/postgresql', 'ftp://files.example.com/x'])(
  'names no endpoint for %s',
  (url) => {
    expect(serverEndpoint(url)).toBeUndefined();
  },
);
