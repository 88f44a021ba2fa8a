import { Controller, Get } from '@nestjs/common';
import { ProviderRouter, type ProviderDescription } from './provider-router.js';

@Controller('api/providers')
export class ProvidersController {
  constructor(private readonly router: ProviderRouter) {}

  @Get()
  list(): { providers: ProviderDescription[] } {
    return { providers: this.router.describe() };
  }
}
