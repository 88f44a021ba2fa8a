import type { Attributes } from '@opentelemetry/api';
import { ATTR_EXCEPTION_MESSAGE, ATTR_EXCEPTION_STACKTRACE, ATTR_EXCEPTION_TYPE } from '../conventions/attribute-names.js';
import { spanSafeMessage } from './secret-scrubber.js';

/** Also the SDK's default cap on attribute values, so a stack is cut here, visibly, and not there. */
export const MAX_STACK_LENGTH = 16_384;

export interface DescribedException {
  type: string;
  message: string;
  stack?: string;
}

/** Describes anything that can be thrown: Error objects, strings, `null`, plain objects. */
export function describeException(thrown: unknown): DescribedException {
  if (thrown instanceof Error || isErrorLike(thrown)) {
    const error = thrown as Error;
    const constructorName = (error as { constructor?: { name?: unknown } }).constructor?.name;
    const type =
      error.name && error.name !== 'Error'
        ? error.name
        : typeof constructorName === 'string' && constructorName !== 'Object'
          ? constructorName
          : 'Error';
    return { type, message: String(error.message), stack: typeof error.stack === 'string' ? error.stack : undefined };
  }
  if (thrown === null) return { type: 'null', message: 'null' };
  if (typeof thrown === 'object') return { type: 'object', message: safeJson(thrown) };
  return { type: typeof thrown, message: String(thrown) };
}

export function exceptionAttributes(exception: DescribedException): Attributes {
  const attributes: Attributes = {
    [ATTR_EXCEPTION_TYPE]: exception.type,
    [ATTR_EXCEPTION_MESSAGE]: spanSafeMessage(exception.message),
  };
  if (exception.stack !== undefined) attributes[ATTR_EXCEPTION_STACKTRACE] = spanSafeMessage(exception.stack, MAX_STACK_LENGTH);
  return attributes;
}

function isErrorLike(value: unknown): boolean {
  return typeof value === 'object' && value !== null && typeof (value as { message?: unknown }).message === 'string';
}

function safeJson(value: object): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
