/** One fixed-load run against one route of one app process. */
export interface LoadRequest {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  connections: number;
  durationSeconds: number;
}

export interface LoadResult {
  /** Responses received (any status). */
  responses: number;
  /** Requests sent, including those still in flight when the run stopped (the server handles them too). */
  sent: number;
  requestsPerSecond: number;
  /** Latency percentiles of 2xx responses, in milliseconds, from each response's own timing. */
  p50Millis: number;
  p99Millis: number;
  /** Non-2xx responses plus connection errors and timeouts. */
  failures: number;
}
