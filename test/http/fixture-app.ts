import {
  BadRequestException,
  Body,
  Controller,
  Get,
  HttpCode,
  Injectable,
  Module,
  NotFoundException,
  Param,
  Post,
  Sse,
  UseGuards,
  type CanActivate,
  type ExecutionContext,
  type INestApplication,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { ObservabilityModule, SpanAttr, Traced, type HttpTracingOptions } from '@lift-sys/observability';
import { interval, map, take, type Observable } from 'rxjs';

/** Sets `request.user` from the `x-user` header, as an authentication guard would. */
class HeaderUserGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; user?: { id: string } }>();
    const user = request.headers['x-user'];
    if (user) request.user = { id: user };
    return true;
  }
}

/** Holds requests to `/api/items/:id/slow` until released, to catch them in flight. */
export class RequestGate {
  private releaseWaiting: () => void = () => {};
  private signalEntered: () => void = () => {};
  readonly entered = new Promise<void>((resolve) => (this.signalEntered = resolve));
  private readonly released = new Promise<void>((resolve) => (this.releaseWaiting = resolve));

  async pass(): Promise<void> {
    this.signalEntered();
    await this.released;
  }

  release(): void {
    this.releaseWaiting();
  }
}

export const slowRequests = { gate: new RequestGate() };

@Injectable()
export class ItemRepository {
  @Traced('db.select')
  find(@SpanAttr('request.id') id: string): { id: string; name: string } | undefined {
    return id === 'missing' ? undefined : { id, name: `item ${id}` };
  }
}

@Injectable()
export class ItemService {
  constructor(private readonly repository: ItemRepository) {}

  @Traced('item.read')
  read(id: string): { id: string; name: string } {
    const item = this.repository.find(id);
    if (item === undefined) throw new NotFoundException(`item ${id} does not exist`);
    return item;
  }
}

@Controller('api')
@UseGuards(HeaderUserGuard)
export class ItemController {
  constructor(private readonly items: ItemService) {}

  @Get('items/:id')
  @Traced('controller.read')
  read(@Param('id') id: string): { id: string; name: string } {
    return this.items.read(id);
  }

  @Post('items')
  create(@Body() body: { name?: unknown }): { name: string } {
    if (typeof body?.name !== 'string') throw new BadRequestException('name must be a string');
    return { name: body.name };
  }

  @Get('items/:id/slow')
  @Traced('controller.slow')
  async slow(@Param('id') id: string): Promise<{ id: string }> {
    await slowRequests.gate.pass();
    return { id };
  }

  @Get('items/:id/fail')
  fail(): never {
    throw new Error('database exploded');
  }

  /** A 5xx the handler answers without throwing. */
  @Get('maintenance')
  @HttpCode(503)
  maintenance(): { status: string } {
    return { status: 'down for maintenance' };
  }

  @Sse('ticks')
  ticks(): Observable<{ data: number }> {
    return interval(30).pipe(
      take(3),
      map((tick) => ({ data: tick })),
    );
  }

  @Get('health')
  health(): { status: string } {
    return { status: 'ok' };
  }
}

export type AdapterName = 'express' | 'fastify';

export async function createFixtureApp(
  adapter: AdapterName,
  http: HttpTracingOptions = {},
  env: NodeJS.ProcessEnv = {},
): Promise<INestApplication> {
  @Module({
    imports: [ObservabilityModule.forRoot({ environment: 'test', env, http: { ignorePaths: ['/api/health'], ...http } })],
    controllers: [ItemController],
    providers: [ItemService, ItemRepository],
  })
  class FixtureAppModule {}

  const app =
    adapter === 'fastify'
      ? await NestFactory.create(FixtureAppModule, new FastifyAdapter(), { logger: false })
      : await NestFactory.create(FixtureAppModule, { logger: false });
  await app.init();
  if (adapter === 'fastify') await (app.getHttpAdapter().getInstance() as { ready(): Promise<unknown> }).ready();
  return app;
}
