import { Injectable, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { Traced } from '../decorators/traced.js';
import { currentObservability, setupObservability } from '../sdk/setup-observability.js';
import { ObservabilityModule } from './observability.module.js';
import { ObservabilityService } from './observability.service.js';

const silent = { info: () => {}, warn: () => {} };

/** Keeps its spans after shutdown, so a test can look at what shutdown flushed. */
class RetainingExporter extends InMemorySpanExporter {
  override shutdown(): Promise<void> {
    return Promise.resolve();
  }
}

@Injectable()
class Greeter {
  constructor(private readonly observability: ObservabilityService) {}

  @Traced('greeter.greet')
  greet(name: string): string {
    this.observability.setAttributes({ 'user.id': name });
    this.observability.addEvent('greeted', { 'request.id': 'r-1' });
    return `hello ${name} in ${this.observability.traceId?.length ?? 0}-char trace`;
  }
}

@Module({ providers: [Greeter] })
class GreeterModule {}

afterEach(async () => {
  await currentObservability()?.shutdown();
});

describe('ObservabilityModule', () => {
  it('boots the SDK in forRoot, provides the service, and shuts the SDK down with the app', async () => {
    const exporter = new RetainingExporter();
    const moduleRef = await Test.createTestingModule({
      imports: [ObservabilityModule.forRoot({ exporter, logger: silent, serviceName: 'module-test' }), GreeterModule],
    }).compile();
    const app = moduleRef.createNestApplication({ logger: false });
    await app.init();
    expect(app.get(Greeter).greet('ann')).toBe('hello ann in 32-char trace');
    expect(exporter.getFinishedSpans()).toHaveLength(0);
    await app.close();
    const [span] = exporter.getFinishedSpans();
    expect(span.name).toBe('greeter.greet');
    expect(span.attributes['user.id']).toBe('ann');
    expect(span.events.map((event) => [event.name, event.attributes])).toEqual([['greeted', { 'request.id': 'r-1' }]]);
    expect(span.resource.attributes['service.name']).toBe('module-test');
    expect(currentObservability()).toBeUndefined();
  });

  it('takes options from forRootAsync with injected dependencies', async () => {
    const exporter = new InMemorySpanExporter();
    @Module({ providers: [{ provide: 'SERVICE_NAME', useValue: 'async-service' }], exports: ['SERVICE_NAME'] })
    class ConfigModule {}
    const moduleRef = await Test.createTestingModule({
      imports: [
        ObservabilityModule.forRootAsync({
          imports: [ConfigModule],
          inject: ['SERVICE_NAME'],
          useFactory: (serviceName: string) => ({ serviceName, exporter, spanProcessor: 'simple' as const, logger: silent }),
        }),
        GreeterModule,
      ],
    }).compile();
    const app = moduleRef.createNestApplication({ logger: false });
    await app.init();
    app.get(Greeter).greet('bo');
    expect(exporter.getFinishedSpans()[0].resource.attributes['service.name']).toBe('async-service');
    await app.close();
  });

  it('uses the SDK that setupObservability started, flushing but not shutting it down', async () => {
    const exporter = new InMemorySpanExporter();
    const handle = setupObservability({ exporter, logger: silent });
    const moduleRef = await Test.createTestingModule({
      imports: [ObservabilityModule.forRoot({ exporter: 'none', logger: silent }), GreeterModule],
    }).compile();
    const app = moduleRef.createNestApplication({ logger: false });
    await app.init();
    expect(app.get(ObservabilityService).handle).toBe(handle);
    app.get(Greeter).greet('cy');
    await app.close();
    expect(exporter.getFinishedSpans()).toHaveLength(1);
    expect(currentObservability()).toBe(handle);
  });

  it('does not hold shutdown longer than the deadline when export hangs', async () => {
    const hanging = new InMemorySpanExporter();
    const flush = hanging.forceFlush.bind(hanging);
    hanging.forceFlush = () => new Promise(() => {});
    setupObservability({ exporter: hanging, spanProcessor: 'simple', logger: silent, batch: { exportTimeoutMillis: 200 } });
    const moduleRef = await Test.createTestingModule({
      imports: [ObservabilityModule.forRoot({ shutdownTimeoutMillis: 50, logger: silent })],
    }).compile();
    const app = moduleRef.createNestApplication({ logger: false });
    await app.init();
    await expect(app.close()).resolves.toBeUndefined();
    hanging.forceFlush = flush;
  });
});
