import { SpanKind } from '@opentelemetry/api';
import 'reflect-metadata';
import type { SpanAttributeKey } from '../conventions/attribute-registry.js';
import { isTracedFunction } from '../core/function-identity.js';
import type { ArgumentAttribute, SpanPlan } from '../core/span-plan.js';
import { createTracedFunction } from '../core/traced-function.js';
import { SPAN_ATTR_METADATA } from './metadata-keys.js';

/** A function of the argument, or a dotted property path such as `'ir.signature.name'`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the parameter's type is not visible to a parameter decorator
export type SpanAttrMapper = string | ((argument: any) => unknown);

/**
 * Records a parameter's argument (or `mapper(argument)`) as the span attribute `key`: on the span
 * that `@Traced` starts for the method, or, when the method is not traced, on the span active
 * when it is called. `0`, `''` and `false` are recorded; `undefined` is not. An unusable key or
 * mapper throws here, when the class is defined, not at the first call.
 */
export function SpanAttr(key: SpanAttributeKey, mapper?: SpanAttrMapper): ParameterDecorator {
  if (typeof key !== 'string' || key.trim() === '') {
    throw new TypeError(`@SpanAttr: the attribute key must be a non-empty string, got ${describe(key)}`);
  }
  const read = compileMapper(key, mapper);
  return (target, propertyKey, index) => {
    if (propertyKey === undefined) {
      throw new TypeError(`@SpanAttr('${key}') can only decorate method parameters, not constructor parameters`);
    }
    const existing = readArgumentAttributes(target, propertyKey);
    if (existing.some((attribute) => attribute.index === index)) {
      throw new TypeError(`@SpanAttr('${key}'): parameter ${index} of ${String(propertyKey)} already has a @SpanAttr`);
    }
    Reflect.defineMetadata(SPAN_ATTR_METADATA, [...existing, { index, key, read }], target, propertyKey);
    if (existing.length === 0) queueMicrotask(() => annotateIfUntraced(target, propertyKey));
  };
}

export function readArgumentAttributes(target: object, propertyKey: string | symbol): readonly ArgumentAttribute[] {
  const attributes = Reflect.getOwnMetadata(SPAN_ATTR_METADATA, target, propertyKey) as ArgumentAttribute[] | undefined;
  return attributes ?? [];
}

/**
 * A parameter decorator cannot replace its method (TypeScript writes the method's descriptor back
 * after all its decorators ran), so the method is wrapped once the class is defined, and only
 * when no `@Traced` (on the method or the class) took it over in the meantime.
 */
function annotateIfUntraced(target: object, propertyKey: string | symbol): void {
  const descriptor = Object.getOwnPropertyDescriptor(target, propertyKey);
  if (descriptor === undefined || typeof descriptor.value !== 'function' || isTracedFunction(descriptor.value)) return;
  const plan: SpanPlan = {
    startsSpan: false,
    name: '',
    kind: SpanKind.INTERNAL,
    root: false,
    staticAttributes: undefined,
    argumentAttributes: readArgumentAttributes(target, propertyKey),
    argsAttributes: undefined,
    resultAttributes: undefined,
    isExpectedError: undefined,
  };
  Object.defineProperty(target, propertyKey, {
    ...descriptor,
    value: createTracedFunction(descriptor.value as (...args: never[]) => unknown, plan),
  });
}

function compileMapper(key: string, mapper: SpanAttrMapper | undefined): (argument: unknown) => unknown {
  if (mapper === undefined) return (argument) => argument;
  if (typeof mapper === 'function') return mapper;
  if (typeof mapper !== 'string') {
    throw new TypeError(`@SpanAttr('${key}'): the mapper must be a function or a property path, got ${describe(mapper)}`);
  }
  const path = mapper.split('.').filter((segment) => segment.length > 0);
  if (path.length === 0) throw new TypeError(`@SpanAttr('${key}'): property path '${mapper}' is empty`);
  return (argument) => {
    let value: unknown = argument;
    for (const segment of path) {
      if (value === null || value === undefined) return undefined;
      value = (value as Record<string, unknown>)[segment];
    }
    return value;
  };
}

function describe(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : String(value);
}
