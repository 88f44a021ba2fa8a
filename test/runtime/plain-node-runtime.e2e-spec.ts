import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';

const run = promisify(execFile);

interface SpanSummary {
  name: string;
  kind: number;
  traceId: string;
  spanId: string;
  parentId?: string;
}

describe('the built library in a plain Node process, auto-instrumentations on', () => {
  it('keeps every span a request starts inside its server span', async () => {
    if (!existsSync('libs/observability/dist/esm/index.js')) throw new Error('run `npm run build` first (npm test does)');
    const { stdout } = await run(process.execPath, ['test/runtime/traced-app.mjs'], {
      timeout: 60_000,
      env: { PATH: process.env.PATH },
    });
    const { status, body, spans } = JSON.parse(stdout) as { status: number; body: unknown; spans: SpanSummary[] };
    expect({ status, body }).toEqual({ status: 200, body: { orderId: 'A-1' } });
    const server = spans.find((span) => span.name === 'GET /orders/latest');
    const place = spans.find((span) => span.name === 'orders.place');
    expect(server).toBeDefined();
    expect(place).toMatchObject({ traceId: server?.traceId, parentId: server?.spanId });
  });
});
