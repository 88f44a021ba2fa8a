import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { Database } from '../storage/database.js';
import { Public } from './current-user.js';

export interface Readiness {
  status: 'ready' | 'unavailable';
  /** No reason is given: the route is public, and the db spans and log carry the detail. */
  database: { system: string; status: 'up' | 'down' };
}

/** A response whose status the handler sets, on Express and Fastify alike. */
interface StatusResponse {
  status(code: number): unknown;
}

/**
 * Liveness (`/api/health`) says the process answers and never touches the database, so an
 * orchestrator does not restart the app for a database outage it cannot fix. Readiness
 * (`/api/health/ready`) says whether requests can be served now: 503 while the database is down.
 */
@Controller('api/health')
export class HealthController {
  constructor(
    private readonly config: AppConfig,
    private readonly database: Database,
  ) {}

  @Public()
  @Get()
  health(): { status: 'ok'; environment: string; database: string; demo_mode: boolean } {
    return {
      status: 'ok',
      environment: this.config.environment,
      database: this.database.system,
      demo_mode: this.config.demoMode,
    };
  }

  @Public()
  @Get('ready')
  @HttpCode(200)
  async ready(@Res({ passthrough: true }) response: StatusResponse): Promise<Readiness> {
    try {
      await this.database.ping();
      return { status: 'ready', database: { system: this.database.system, status: 'up' } };
    } catch {
      response.status(503);
      return { status: 'unavailable', database: { system: this.database.system, status: 'down' } };
    }
  }
}
