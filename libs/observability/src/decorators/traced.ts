import { SpanKind } from '@opentelemetry/api';
import { ATTR_CODE_FUNCTION_NAME } from '../conventions/attribute-names.js';
import { isTracedFunction } from '../core/function-identity.js';
import type { SpanPlan } from '../core/span-plan.js';
import { createTracedFunction } from '../core/traced-function.js';
import { isNoTrace } from './no-trace.js';
import { readArgumentAttributes } from './span-attr.js';
import type { TracedOptions } from './traced-options.js';

/** Nest lifecycle hooks: framework plumbing, never traced by a class-level `@Traced`. */
const LIFECYCLE_HOOKS: ReadonlySet<string | symbol> = new Set([
  'onModuleInit',
  'onApplicationBootstrap',
  'onModuleDestroy',
  'beforeApplicationShutdown',
  'onApplicationShutdown',
]);

/**
 * On a method: runs every call in a span named `name` (default `ClassName.methodName`).
 * On a class: traces every method as `prefix.method` (default prefix: the class name), except the
 * constructor, accessors, Nest lifecycle hooks, `@NoTrace()` methods and methods with their own
 * `@Traced`.
 */
export function Traced(name?: string, options: TracedOptions = {}): ClassDecorator & MethodDecorator {
  return ((target: object, propertyKey?: string | symbol, descriptor?: PropertyDescriptor) => {
    if (propertyKey === undefined || descriptor === undefined) {
      traceClass(target as abstract new (...args: never[]) => unknown, name, options);
      return undefined;
    }
    return traceMethod(target, propertyKey, descriptor, name, options);
  }) as ClassDecorator & MethodDecorator;
}

function traceMethod(
  target: object,
  propertyKey: string | symbol,
  descriptor: PropertyDescriptor,
  spanName: string | undefined,
  options: TracedOptions,
): PropertyDescriptor {
  const original: unknown = descriptor.value;
  const functionName = `${ownerName(target)}.${keyLabel(propertyKey)}`;
  if (typeof original !== 'function') {
    throw new TypeError(`@Traced: ${functionName} is not a method`);
  }
  if (isTracedFunction(original)) return descriptor;
  const plan = buildPlan(spanName ?? functionName, functionName, options, readArgumentAttributes(target, propertyKey));
  descriptor.value = createTracedFunction(original as (...args: never[]) => unknown, plan);
  return descriptor;
}

function traceClass(
  constructor: abstract new (...args: never[]) => unknown,
  prefix: string | undefined,
  options: TracedOptions,
): void {
  const prototype = constructor.prototype as object;
  for (const key of Reflect.ownKeys(prototype)) {
    if (key === 'constructor' || LIFECYCLE_HOOKS.has(key) || isNoTrace(prototype, key)) continue;
    const descriptor = Object.getOwnPropertyDescriptor(prototype, key);
    if (descriptor === undefined || typeof descriptor.value !== 'function' || isTracedFunction(descriptor.value)) continue;
    traceMethod(prototype, key, descriptor, `${prefix ?? constructor.name}.${keyLabel(key)}`, options);
    Object.defineProperty(prototype, key, descriptor);
  }
}

/** `code.function.name` holds the method's qualified name whatever the span is called; options may override it. */
function buildPlan(
  name: string,
  functionName: string,
  options: TracedOptions,
  argumentAttributes: SpanPlan['argumentAttributes'],
): SpanPlan {
  return {
    startsSpan: true,
    name,
    kind: options.kind ?? SpanKind.INTERNAL,
    root: options.root === true,
    staticAttributes: { [ATTR_CODE_FUNCTION_NAME]: functionName, ...options.attributes },
    argumentAttributes,
    argsAttributes: options.args,
    resultAttributes: options.result,
    isExpectedError: options.isExpectedError,
  };
}

function ownerName(target: object): string {
  return typeof target === 'function' ? target.name : target.constructor.name;
}

function keyLabel(key: string | symbol): string {
  return typeof key === 'symbol' ? key.toString() : key;
}
