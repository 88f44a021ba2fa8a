import { ConfigurableModuleBuilder } from '@nestjs/common';
import type { ObservabilityModuleOptions } from './observability-module-options.js';

export const {
  ConfigurableModuleClass: ObservabilityConfigurableModule,
  MODULE_OPTIONS_TOKEN: OBSERVABILITY_MODULE_OPTIONS,
  OPTIONS_TYPE: OBSERVABILITY_OPTIONS_TYPE,
  ASYNC_OPTIONS_TYPE: OBSERVABILITY_ASYNC_OPTIONS_TYPE,
} = new ConfigurableModuleBuilder<ObservabilityModuleOptions>()
  .setClassMethodName('forRoot')
  .setExtras({ isGlobal: true }, (definition, extras) => ({ ...definition, global: extras.isGlobal }))
  .build();
