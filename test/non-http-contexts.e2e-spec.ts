import { Controller, Injectable, Module, type INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventEmitter2, EventEmitterModule, OnEvent } from '@nestjs/event-emitter';
import { ClientProxyFactory, MessagePattern, Transport, type ClientProxy } from '@nestjs/microservices';
import { ObservabilityModule, Traced } from '@lift-sys/observability';
import { setupTestObservability, type TestObservability } from '@lift-sys/observability/testing';
import { firstValueFrom } from 'rxjs';

@Controller()
class MathController {
  @MessagePattern({ cmd: 'sum' })
  @Traced('math.sum')
  sum(numbers: number[]): number {
    return numbers.reduce((total, value) => total + value, 0);
  }
}

@Injectable()
class AuditListener {
  readonly seen: string[] = [];

  @OnEvent('session.finalized')
  @Traced('audit.on-finalized')
  record(payload: { id: string }): void {
    this.seen.push(payload.id);
  }
}

@Module({
  imports: [ObservabilityModule.forRoot(), EventEmitterModule.forRoot()],
  controllers: [MathController],
  providers: [AuditListener],
})
class WorkerModule {}

describe('non-HTTP execution contexts', () => {
  let otel: TestObservability;
  let microservice: INestMicroservice;
  let client: ClientProxy;
  const port = 40_000 + Math.floor(Math.random() * 20_000);

  beforeAll(async () => {
    otel = setupTestObservability();
    microservice = await NestFactory.createMicroservice(WorkerModule, {
      transport: Transport.TCP,
      options: { host: '127.0.0.1', port },
      logger: false,
    });
    await microservice.listen();
    client = ClientProxyFactory.create({ transport: Transport.TCP, options: { host: '127.0.0.1', port } });
    await client.connect();
  });
  afterEach(() => otel.reset());
  afterAll(async () => {
    await client.close();
    await microservice.close();
    await otel.shutdown();
  });

  it('passes message handlers through the interceptor, each with its own root span', async () => {
    await expect(firstValueFrom(client.send<number>({ cmd: 'sum' }, [1, 2, 3]))).resolves.toBe(6);
    const spans = otel.spans();
    expect(spans.map((span) => span.name)).toEqual(['math.sum']);
    expect(spans[0].parentSpanContext).toBeUndefined();
  });

  it('traces event handlers as their own root spans', async () => {
    await microservice.get(EventEmitter2).emitAsync('session.finalized', { id: 's-9' });
    expect(microservice.get(AuditListener).seen).toEqual(['s-9']);
    const [span] = otel.spansNamed('audit.on-finalized');
    expect(span.parentSpanContext).toBeUndefined();
  });
});
