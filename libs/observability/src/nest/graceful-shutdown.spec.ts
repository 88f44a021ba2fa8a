import { Controller, Get, Injectable, Module, type INestApplication, type OnApplicationShutdown } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter } from '@nestjs/platform-express';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { Agent, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { closeGracefullyOnSignals, SHUTDOWN_FAILED_EXIT_CODE } from './graceful-shutdown.js';

/** Holds requests until released, so a test controls what is in flight when the signal comes. */
class Gate {
  private open!: () => void;
  readonly opened = new Promise<void>((resolve) => (this.open = resolve));
  entered!: Promise<void>;
  private enter!: () => void;
  constructor() {
    this.entered = new Promise<void>((resolve) => (this.enter = resolve));
  }
  async pass(): Promise<void> {
    this.enter();
    await this.opened;
  }
  release(): void {
    this.open();
  }
}

let gate = new Gate();

@Controller('work')
class WorkController {
  @Get()
  async work(): Promise<{ done: true }> {
    await gate.pass();
    return { done: true };
  }
}

/** Stands for a resource closed at shutdown (a database pool, an exporter) that may be slow. */
let resourceClosing = Promise.resolve();

@Injectable()
class Resource implements OnApplicationShutdown {
  async onApplicationShutdown(): Promise<void> {
    await resourceClosing;
  }
}

@Module({ controllers: [WorkController], providers: [Resource] })
class WorkModule {}

const adapters = [
  ['Express', () => new ExpressAdapter()],
  ['Fastify', () => new FastifyAdapter()],
] as const;

const silent = { log: () => {}, warn: () => {}, error: () => {} };

describe.each(adapters)('closeGracefullyOnSignals on %s', (_name, createAdapter) => {
  let app: INestApplication;
  let url = '';
  let exits: number[];
  let exited: Promise<number>;
  let removeListeners: () => void;
  let releaseResource = () => {};

  const start = async (timeoutMillis: number) => {
    gate = new Gate();
    app = await NestFactory.create(WorkModule, createAdapter(), { logger: false });
    await app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/work`;
    exits = [];
    exited = new Promise((resolve) => {
      removeListeners = closeGracefullyOnSignals(app, {
        timeoutMillis,
        logger: silent,
        exit: (code) => {
          exits.push(code);
          resolve(code);
        },
      });
    });
  };
  const get = (agent: Agent) =>
    new Promise<{ status: number; connection: string | undefined; body: string }>((resolve, reject) => {
      request(url, { agent }, (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, connection: response.headers.connection, body }));
      })
        .on('error', reject)
        .end();
    });

  afterEach(async () => {
    releaseResource();
    removeListeners();
    gate.release();
    await app.close().catch(() => undefined);
  });

  it('finishes the request in flight with connection: close, then exits 0', async () => {
    await start(10_000);
    const agent = new Agent({ keepAlive: true });
    const response = get(agent);
    await gate.entered;
    process.emit('SIGTERM', 'SIGTERM');
    gate.release();
    expect(await response).toEqual({ status: 200, connection: 'close', body: '{"done":true}' });
    expect(await exited).toBe(0);
    agent.destroy();
  });

  it('exits non-zero when the requests in flight outlast the deadline', async () => {
    await start(50);
    const agent = new Agent({ keepAlive: true });
    void get(agent).catch(() => undefined);
    await gate.entered;
    process.emit('SIGTERM', 'SIGTERM');
    expect(await exited).toBe(SHUTDOWN_FAILED_EXIT_CODE);
    agent.destroy();
  });

  it('exits non-zero at once on a second signal', async () => {
    await start(10_000);
    const agent = new Agent({ keepAlive: true });
    void get(agent).catch(() => undefined);
    await gate.entered;
    process.emit('SIGINT', 'SIGINT');
    process.emit('SIGINT', 'SIGINT');
    expect(await exited).toBe(SHUTDOWN_FAILED_EXIT_CODE);
    expect(exits).toEqual([SHUTDOWN_FAILED_EXIT_CODE]);
    agent.destroy();
  });

  it('exits non-zero when a shutdown hook outlasts the deadline', async () => {
    await start(50);
    resourceClosing = new Promise((resolve) => (releaseResource = resolve));
    process.emit('SIGTERM', 'SIGTERM');
    expect(await exited).toBe(SHUTDOWN_FAILED_EXIT_CODE);
  });

  it('listens only to the signals it is given, and stops listening when asked', async () => {
    await start(10_000);
    removeListeners();
    const before = process.listenerCount('SIGUSR2');
    const remove = closeGracefullyOnSignals(app, { signals: ['SIGUSR2'], exit: () => undefined, logger: silent });
    expect(process.listenerCount('SIGUSR2')).toBe(before + 1);
    remove();
    expect(process.listenerCount('SIGUSR2')).toBe(before);
  });
});
