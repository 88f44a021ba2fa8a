/**
 * Compiled by `npm run typecheck` (never executed): a misspelt attribute key must be a compile
 * error everywhere a key is accepted. Each `@ts-expect-error` fails the build if the line compiles.
 */
import { setSpanAttribute, setSpanAttributes, SpanAttr, Traced } from '@lift-sys/observability';

declare module '@lift-sys/observability' {
  interface SpanAttributeRegistry {
    'code.language': string;
    'code.retries': number;
  }
}

export class Generator {
  @Traced('code.generate', { attributes: { 'code.language': 'rust' } })
  generate(@SpanAttr('code.language') language: string): string {
    setSpanAttributes({ 'code.retries': 2 });
    setSpanAttribute('code.retries', 3);
    return language;
  }

  // @ts-expect-error 'code.langauge' is not a declared attribute key
  @Traced('code.generate', { attributes: { 'code.langauge': 'rust' } })
  misspeltStatic(): void {}

  // @ts-expect-error 'code.langauge' is not a declared attribute key
  misspeltParameter(@SpanAttr('code.langauge') language: string): string {
    return language;
  }

  @Traced('code.generate', {
    // @ts-expect-error 'code.retrys' is not a declared attribute key
    result: () => ({ 'code.retrys': 1 }),
  })
  misspeltResult(): void {}
}

// @ts-expect-error 'code.retrys' is not a declared attribute key
setSpanAttributes({ 'code.retrys': 2 });
// @ts-expect-error code.retries holds a number, not a string
setSpanAttribute('code.retries', 'two');
