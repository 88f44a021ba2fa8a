import type { INestApplication } from '@nestjs/common';
import { setupTestObservability, type TestObservability } from '@lift-sys/observability/testing';
import { LIFT_SYS_OBSERVABILITY } from '../observability/observability-options.js';
import { randomUUID } from 'node:crypto';
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

/**
 * Where tests keep their data: PGlite in memory, or, when DATABASE_URL is set (the second CI pass),
 * the PostgreSQL server in a schema of this test's own, so parallel test files never share tables.
 */
export function databaseSettings(): {
  databaseUrl: string | undefined;
  databaseSchema: string | undefined;
  pgliteDataDir: undefined;
} {
  const databaseUrl = process.env.DATABASE_URL || undefined;
  return {
    databaseUrl,
    databaseSchema: databaseUrl ? `test_${randomUUID().replaceAll('-', '')}` : undefined,
    pgliteDataDir: undefined,
  };
}

/** The `db.system` the tests' database reports. */
export const testDatabaseSystem = (): 'postgresql' | 'pglite' => (process.env.DATABASE_URL ? 'postgresql' : 'pglite');

function databaseEnv(): NodeJS.ProcessEnv {
  const { databaseUrl, databaseSchema } = databaseSettings();
  return databaseUrl ? { DATABASE_URL: databaseUrl, DATABASE_SCHEMA: databaseSchema } : {};
}

/** The real app (real database, fixture provider unless the env names others) behind supertest. */
export async function startTestApp(options: CreateAppOptions = {}): Promise<TestApp> {
  const app = await createApp({ ...options, env: { PATH: process.env.PATH, ...databaseEnv(), ...options.env } });
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

export interface TracedTestApp {
  readonly otel: TestObservability;
  readonly test: TestApp;
}

/** The usual hooks of an app spec: the SDK in memory and the app for the file, spans cleared before each test. */
export function useTracedTestApp(): TracedTestApp {
  const context = {} as { otel: TestObservability; test: TestApp };
  beforeAll(async () => {
    context.otel = setupTestObservability(LIFT_SYS_OBSERVABILITY);
    context.test = await startTestApp();
  });
  beforeEach(() => context.otel.reset());
  afterAll(async () => {
    await context.test.close();
    await context.otel.shutdown();
  });
  return context;
}
