import { errorDetail, HoneycombApiError } from './errors.js';

export const DEFAULT_API_ENDPOINT = 'https://api.honeycomb.io';
export const DEFAULT_MAX_ATTEMPTS = 5;
const MAX_RETRY_WAIT_MS = 60_000;

export interface ClientOptions {
  /** A configuration key; sent only in the X-Honeycomb-Team header, never logged. */
  apiKey: string;
  endpoint?: string;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  /** Attempts per request when Honeycomb answers 429. */
  maxAttempts?: number;
}

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A minimal client for Honeycomb's Configuration API: JSON in, JSON out, 429s retried. */
export class HoneycombClient {
  private readonly endpoint: string;
  private readonly doFetch: typeof fetch;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly maxAttempts: number;

  constructor(private readonly options: ClientOptions) {
    this.endpoint = (options.endpoint ?? DEFAULT_API_ENDPOINT).replace(/\/+$/, '');
    this.doFetch = options.fetch ?? fetch;
    this.sleep = options.sleep ?? realSleep;
    this.maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  }

  get<T>(path: string): Promise<T> {
    return this.request<T>('GET', path);
  }

  post<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>('POST', path, body);
  }

  put<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>('PUT', path, body);
  }

  delete(path: string): Promise<void> {
    return this.request<void>('DELETE', path);
  }

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const response = await this.send(method, path, body);
      if (response.status === 429 && attempt < this.maxAttempts) {
        await this.sleep(retryDelayMs(response.headers.get('retry-after'), attempt));
        continue;
      }
      const text = await response.text();
      const parsed = parseJson(text);
      if (!response.ok) throw new HoneycombApiError(response.status, method, path, errorDetail(parsed));
      return parsed as T;
    }
  }

  private async send(method: string, path: string, body: unknown): Promise<Response> {
    const headers: Record<string, string> = { 'X-Honeycomb-Team': this.options.apiKey, Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    try {
      return await this.doFetch(`${this.endpoint}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
      throw new Error(`cannot reach Honeycomb at ${this.endpoint} (${cause}) for ${method} ${path}`, { cause: error });
    }
  }
}

/** Retry-After in seconds or as an HTTP date; without it, exponential backoff from one second. */
export function retryDelayMs(retryAfter: string | null, attempt: number): number {
  const seconds = retryAfter === null ? NaN : Number(retryAfter);
  const fromHeader = Number.isFinite(seconds) ? seconds * 1000 : retryAfter ? Date.parse(retryAfter) - Date.now() : NaN;
  const delay = Number.isFinite(fromHeader) ? fromHeader : 1000 * 2 ** (attempt - 1);
  return Math.min(Math.max(delay, 0), MAX_RETRY_WAIT_MS);
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
