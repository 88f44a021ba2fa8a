import 'reflect-metadata';
import type { SpanAttributeKey } from '../conventions/attribute-registry.js';
import type { ArgumentAttribute } from '../core/span-plan.js';
import { SPAN_ATTR_METADATA } from './metadata-keys.js';

/** A function of the argument, or a dotted property path such as `'ir.signature.name'`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the parameter's type is not visible to a parameter decorator
export type SpanAttrMapper = string | ((argument: any) => unknown);

/**
 * Records a parameter's argument (or `mapper(argument)`) as the span attribute `key` on the span
 * that `@Traced` starts for the method. `0`, `''` and `false` are recorded; `undefined` is not.
 */
export function SpanAttr(key: SpanAttributeKey, mapper?: SpanAttrMapper): ParameterDecorator {
  const read = compileMapper(mapper);
  return (target, propertyKey, index) => {
    if (propertyKey === undefined) {
      throw new TypeError(`@SpanAttr('${key}') can only decorate method parameters, not constructor parameters`);
    }
    const existing = readArgumentAttributes(target, propertyKey);
    Reflect.defineMetadata(SPAN_ATTR_METADATA, [...existing, { index, key, read }], target, propertyKey);
  };
}

export function readArgumentAttributes(target: object, propertyKey: string | symbol): readonly ArgumentAttribute[] {
  const attributes = Reflect.getOwnMetadata(SPAN_ATTR_METADATA, target, propertyKey) as ArgumentAttribute[] | undefined;
  return attributes ?? [];
}

function compileMapper(mapper: SpanAttrMapper | undefined): (argument: unknown) => unknown {
  if (mapper === undefined) return (argument) => argument;
  if (typeof mapper === 'function') return mapper;
  const path = mapper.split('.').filter((segment) => segment.length > 0);
  if (path.length === 0) throw new TypeError(`@SpanAttr: property path '${mapper}' is empty`);
  return (argument) => {
    let value: unknown = argument;
    for (const segment of path) {
      if (value === null || value === undefined) return undefined;
      value = (value as Record<string, unknown>)[segment];
    }
    return value;
  };
}
