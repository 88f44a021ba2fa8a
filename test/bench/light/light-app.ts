import { Controller, Get, Injectable, Module, NotFoundException, Param, Query, type DynamicModule } from '@nestjs/common';
import { Trace } from './light-trace.js';

/**
 * A typical light service: a controller calling a few decorated services, no database, so the
 * tracing stack's own cost is not hidden behind I/O. `GET /api/orders/:sku?quantity=n` answers a
 * price quote: four decorated calls (two async, two sync) per request.
 */
interface CatalogItem {
  sku: string;
  unitPriceCents: number;
  stock: number;
}

const CATALOG = new Map<string, CatalogItem>(
  Array.from({ length: 64 }, (_, i) => [
    `sku-${i}`,
    { sku: `sku-${i}`, unitPriceCents: 199 + i * 37, stock: 10 + ((i * 7) % 50) },
  ]),
);

@Injectable()
export class CatalogService {
  @Trace('catalog.find', (sku: string) => ({ 'catalog.sku': sku }))
  async find(sku: string): Promise<CatalogItem> {
    const item = CATALOG.get(sku);
    if (item === undefined) throw new NotFoundException(`no catalog item '${sku}'`);
    return item;
  }
}

@Injectable()
export class PricingService {
  @Trace('pricing.total', (item: CatalogItem, quantity: number) => ({ 'catalog.sku': item.sku, 'order.quantity': quantity }))
  total(item: CatalogItem, quantity: number): number {
    const discount = quantity >= 10 ? 0.9 : 1;
    return Math.round(item.unitPriceCents * quantity * discount);
  }

  @Trace('pricing.tax', (cents: number) => ({ 'order.subtotal_cents': cents }))
  tax(cents: number): number {
    return Math.round(cents * 0.2);
  }
}

@Injectable()
export class QuoteService {
  constructor(
    private readonly catalog: CatalogService,
    private readonly pricing: PricingService,
  ) {}

  @Trace('quote.create', (sku: string, quantity: number) => ({ 'catalog.sku': sku, 'order.quantity': quantity }))
  async quote(
    sku: string,
    quantity: number,
  ): Promise<{ sku: string; quantity: number; subtotal: number; tax: number; available: boolean }> {
    const item = await this.catalog.find(sku);
    const subtotal = this.pricing.total(item, quantity);
    return { sku, quantity, subtotal, tax: this.pricing.tax(subtotal), available: item.stock >= quantity };
  }
}

@Controller('api/orders')
export class OrdersController {
  constructor(private readonly quotes: QuoteService) {}

  @Get(':sku')
  quote(@Param('sku') sku: string, @Query('quantity') quantity = '1') {
    return this.quotes.quote(sku, Number.parseInt(quantity, 10) || 1);
  }
}

@Module({ controllers: [OrdersController], providers: [CatalogService, PricingService, QuoteService] })
export class OrdersModule {}

/** The fixture's root module, with whatever the tracing stack adds (the library's module, or nothing). */
export function lightModule(imports: DynamicModule[]): DynamicModule {
  return { module: OrdersModule, imports, global: false };
}
