import { Agent, request } from 'node:http';

export interface LoadResult {
  ok: number;
  failed: number;
}

/** Sends `count` GET requests to a local URL with `concurrency` in flight, over keep-alive connections. */
export async function drive(url: string, count: number, concurrency = 20): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const result: LoadResult = { ok: 0, failed: 0 };
  let started = 0;
  const worker = async (): Promise<void> => {
    while (started < count) {
      started++;
      const status = await get(url, agent).catch(() => 0);
      if (status >= 200 && status < 300) result.ok++;
      else result.failed++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  agent.destroy();
  return result;
}

function get(url: string, agent: Agent): Promise<number> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { agent }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}
