import type { BoardsResponse, TraceListResponse, TraceResponse } from '../shared/api-types.js';

async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(path, { headers: { Accept: 'application/json' } });
  const body = (await response.json()) as T & { error?: string };
  if (!response.ok) throw new Error(body.error ?? `${path}: HTTP ${response.status}`);
  return body;
}

export interface ListFilters {
  service: string;
  name: string;
  attr: string;
  errors: boolean;
  q: string;
}

export function fetchTraces(filters: ListFilters): Promise<TraceListResponse> {
  const params = new URLSearchParams();
  if (filters.service) params.set('service', filters.service);
  if (filters.name) params.set('name', filters.name);
  if (filters.attr) params.set('attr', filters.attr);
  if (filters.errors) params.set('errors', '1');
  if (filters.q) params.set('q', filters.q);
  return getJson(`/api/traces?${params}`);
}

export const fetchTrace = (traceId: string): Promise<TraceResponse> => getJson(`/api/traces/${encodeURIComponent(traceId)}`);

export const fetchBoards = (range: string): Promise<BoardsResponse> => getJson(`/api/boards?range=${encodeURIComponent(range)}`);
