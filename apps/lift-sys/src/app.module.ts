import { Global, Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ObservabilityModule, type ObservabilityModuleOptions } from '@lift-sys/observability';
import './observability/conventions.js';
import { LIFT_SYS_OBSERVABILITY } from './observability/observability-options.js';
import { AppConfig } from './config/app-config.js';
import { DemoUserGuard } from './http/demo-user.guard.js';
import { DomainErrorFilter } from './http/domain-error.filter.js';
import { LIFT_SYS_HTTP_TRACING } from './http/http-tracing.js';
import { HealthController } from './http/health.controller.js';
import { OptimizationModule } from './optimization/optimization.module.js';
import { ProvidersModule } from './providers/providers.module.js';
import { RobustnessModule } from './robustness/robustness.module.js';
import { SessionsModule } from './sessions/sessions.module.js';
import { StorageModule } from './storage/storage.module.js';

@Global()
@Module({})
class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: ConfigModule, providers: [{ provide: AppConfig, useValue: config }], exports: [AppConfig] };
  }
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, observability: ObservabilityModuleOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ObservabilityModule.forRoot({
          ...LIFT_SYS_OBSERVABILITY,
          environment: config.environment,
          http: LIFT_SYS_HTTP_TRACING,
          ...observability,
        }),
        ConfigModule.forRoot(config),
        StorageModule,
        ProvidersModule,
        SessionsModule,
        RobustnessModule,
        OptimizationModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_GUARD, useClass: DemoUserGuard },
        { provide: APP_FILTER, useClass: DomainErrorFilter },
      ],
    };
  }
}
