import 'reflect-metadata';

const TRACED_ORIGINAL = Symbol.for('@lift-sys/observability/traced-original');

type AnyFunction = (...args: never[]) => unknown;

export function isTracedFunction(value: unknown): boolean {
  return typeof value === 'function' && TRACED_ORIGINAL in value;
}

/**
 * Makes `wrapper` indistinguishable from `original` to frameworks: same `name` and `length`,
 * and every reflect-metadata entry (route, guards, message patterns, Swagger) that decorators
 * applied before this one stored on the function. Marks the wrapper so it is never wrapped again.
 */
export function adoptFunctionIdentity<F extends AnyFunction>(original: F, wrapper: F): F {
  Object.defineProperty(wrapper, 'name', { value: original.name, configurable: true });
  Object.defineProperty(wrapper, 'length', { value: original.length, configurable: true });
  for (const key of Reflect.getOwnMetadataKeys(original)) {
    Reflect.defineMetadata(key, Reflect.getOwnMetadata(key, original), wrapper);
  }
  Object.defineProperty(wrapper, TRACED_ORIGINAL, { value: original });
  return wrapper;
}
