/** The two attribute keys every traced benchmark case records, declared as the library requires. */
declare module '@lift-sys/observability' {
  interface SpanAttributeRegistry {
    'bench.a': string;
    'bench.b': number;
  }
}

export const ATTR_A = 'bench.a';
export const ATTR_B = 'bench.b';
