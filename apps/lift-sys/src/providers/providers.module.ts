import { Global, Module } from '@nestjs/common';
import { ProviderRouter } from './provider-router.js';
import { ProvidersController } from './providers.controller.js';

@Global()
@Module({ providers: [ProviderRouter], controllers: [ProvidersController], exports: [ProviderRouter] })
export class ProvidersModule {}
