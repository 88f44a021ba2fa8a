import 'reflect-metadata';
import { NO_TRACE_METADATA } from './metadata-keys.js';

/** Keeps a method out of a class-level `@Traced`. */
export function NoTrace(): MethodDecorator {
  return (target, propertyKey) => {
    Reflect.defineMetadata(NO_TRACE_METADATA, true, target, propertyKey);
  };
}

export function isNoTrace(target: object, propertyKey: string | symbol): boolean {
  return Reflect.getOwnMetadata(NO_TRACE_METADATA, target, propertyKey) === true;
}
