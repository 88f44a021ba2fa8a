import type { AttributeTypes, LIBRARY_SPAN_ATTRIBUTES } from './attribute-names.js';

/** The library's own keys, typed from their one declaration. */
type LibraryAttributes = AttributeTypes<typeof LIBRARY_SPAN_ATTRIBUTES>;

/**
 * The span attribute keys an application may record, with the type of each value.
 *
 * Applications add their own keys by declaration merging, in one file:
 *
 * ```ts
 * declare module '@lift-sys/observability' {
 *   interface SpanAttributeRegistry {
 *     'code.language': string;
 *   }
 * }
 * ```
 *
 * Every API that takes an attribute key (`@SpanAttr`, `attributes`, `args`, `result`
 * and the current-span helpers) accepts only keys declared here, so a misspelt key
 * is a compile error. The library seeds it with the keys it emits itself.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- an interface, so applications can merge their keys into it
export interface SpanAttributeRegistry extends LibraryAttributes {}

export type SpanAttributeKey = Extract<keyof SpanAttributeRegistry, string>;

/** An attribute bag whose keys and value types are checked against the registry. */
export type SpanAttributes = {
  [K in SpanAttributeKey]?: SpanAttributeRegistry[K] | null | undefined;
};
