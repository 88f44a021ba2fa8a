import { context } from '@opentelemetry/api';
import { suppressTracing } from '@opentelemetry/core';

/**
 * A small JSON client for the demo; every answer's status is checked against what the script
 * expects. It plays an outside caller, so its own requests are not traced: each request's trace
 * starts at the app's server span, as the plan's trace trees do.
 */
export class DemoClient {
  readonly failures: string[] = [];

  constructor(
    private readonly baseUrl: string,
    private readonly user: string,
  ) {}

  async call<T = Record<string, unknown>>(
    method: 'GET' | 'POST' | 'DELETE',
    path: string,
    body: unknown,
    expectedStatus: number,
  ): Promise<T> {
    const response = await context.with(suppressTracing(context.active()), () =>
      fetch(`${this.baseUrl}${path}`, {
        method,
        headers: { 'content-type': 'application/json', 'x-demo-user': this.user },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      }),
    );
    const text = await response.text();
    if (response.status !== expectedStatus)
      this.failures.push(`${method} ${path}: ${response.status}, expected ${expectedStatus}: ${text.slice(0, 200)}`);
    return (text ? JSON.parse(text) : {}) as T;
  }
}
