import type { AppProcess } from './app-process.js';
import type { LoadRequest } from './load-result.js';
import { LIGHT_ROUTE, type Route } from './http-result.js';

const USER_HEADER = { 'x-demo-user': 'bench-user' };
const CREATE_BODY = JSON.stringify({ prompt: 'Write a function that returns the sum of two integers' });

/** Creates the session the GET route reads, as the benchmark user. */
export async function createSession(app: AppProcess): Promise<string> {
  const response = await fetch(`${app.url}/api/spec-sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...USER_HEADER },
    body: CREATE_BODY,
  });
  const body = (await response.json()) as { session_id?: string };
  if (response.status !== 201 || typeof body.session_id !== 'string') {
    throw new Error(`creating a session answered ${response.status} without a session_id`);
  }
  return body.session_id;
}

/** The fixed load for one route against one app (`sessionId`: the session the sample app's GET route reads). */
export function routeRequest(
  route: Route,
  app: AppProcess,
  sessionId: string,
  load: Pick<LoadRequest, 'connections' | 'durationSeconds'>,
): LoadRequest {
  if (route === LIGHT_ROUTE) {
    return { ...load, url: `${app.url}/api/orders/sku-7?quantity=12`, method: 'GET', headers: {} };
  }
  return route === 'POST /api/spec-sessions'
    ? {
        ...load,
        url: `${app.url}/api/spec-sessions`,
        method: 'POST',
        headers: { 'content-type': 'application/json', ...USER_HEADER },
        body: CREATE_BODY,
      }
    : { ...load, url: `${app.url}/api/spec-sessions/${sessionId}`, method: 'GET', headers: { ...USER_HEADER } };
}
