import autocannon from 'autocannon';
import { quantile } from '../support/stats.js';
import type { LoadRequest, LoadResult } from './load-result.js';

/**
 * Child process: the load generator, kept out of the apps' processes and alive for the whole
 * phase. It runs one autocannon load per request message and answers with the result. Latencies
 * come from autocannon's per-response timings (fractional milliseconds) rather than its summary,
 * whose histogram rounds to whole milliseconds.
 */
process.on('message', (request: LoadRequest) => {
  void runLoad(request).then((result) => process.send?.(result));
});
process.on('disconnect', () => process.exit(0));

function runLoad(request: LoadRequest): Promise<LoadResult> {
  const latencies: number[] = [];
  let responses = 0;
  const instance = autocannon({
    url: request.url,
    method: request.method,
    headers: request.headers,
    body: request.body,
    connections: request.connections,
    duration: request.durationSeconds,
  });
  instance.on('response', (_client, statusCode, _bytes, responseTimeMs) => {
    responses++;
    if (statusCode >= 200 && statusCode < 300) latencies.push(responseTimeMs);
  });
  return new Promise((resolve) => {
    instance.on('done', (result) => {
      const seconds = (result.finish.getTime() - result.start.getTime()) / 1000;
      resolve({
        responses,
        sent: result.requests.sent,
        requestsPerSecond: responses / seconds,
        p50Millis: quantile(latencies, 0.5),
        p99Millis: quantile(latencies, 0.99),
        failures: result.non2xx + result.errors + result.timeouts,
      });
    });
  });
}
