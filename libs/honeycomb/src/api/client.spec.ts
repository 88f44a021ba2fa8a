import { HoneycombClient, retryDelayMs } from './client.js';

describe('retryDelayMs', () => {
  it('honours Retry-After seconds, caps the wait and backs off without the header', () => {
    expect(retryDelayMs('3', 1)).toBe(3000);
    expect(retryDelayMs('3600', 1)).toBe(60_000);
    expect(retryDelayMs(null, 1)).toBe(1000);
    expect(retryDelayMs(null, 3)).toBe(4000);
  });
});

describe('HoneycombClient', () => {
  it('reports an unreachable endpoint without the key', async () => {
    const client = new HoneycombClient({ apiKey: 'secret-key', endpoint: 'http://127.0.0.1:1' });
    const failure = client.get('/1/auth');
    await expect(failure).rejects.toThrow(/cannot reach Honeycomb at http:\/\/127\.0\.0\.1:1 .* for GET \/1\/auth/);
    await expect(failure).rejects.not.toThrow(/secret-key/);
  });
});
