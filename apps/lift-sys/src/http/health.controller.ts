import { Controller, Get } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { Database } from '../storage/database.js';
import { Public } from './current-user.js';

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
}
