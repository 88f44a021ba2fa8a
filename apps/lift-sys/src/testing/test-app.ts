import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createApp, type CreateAppOptions } from '../bootstrap.js';

export interface TestApp {
  app: INestApplication;
  /** A supertest client; requests carry `x-demo-user` (default `alice`). */
  http(user?: string): {
    get(path: string): request.Test;
    post(path: string, body?: unknown): request.Test;
    delete(path: string): request.Test;
  };
  close(): Promise<void>;
}

/** The real app (real PGlite, fixture provider unless the env names others) behind supertest. */
export async function startTestApp(options: CreateAppOptions = {}): Promise<TestApp> {
  const app = await createApp({ env: { PATH: process.env.PATH }, ...options });
  const server = app.getHttpServer() as Parameters<typeof request>[0];
  return {
    app,
    http: (user = 'alice') => ({
      get: (path) => request(server).get(path).set('x-demo-user', user),
      post: (path, body) => {
        const test = request(server).post(path).set('x-demo-user', user);
        return body === undefined ? test : test.send(body as object);
      },
      delete: (path) => request(server).delete(path).set('x-demo-user', user),
    }),
    close: () => app.close(),
  };
}
