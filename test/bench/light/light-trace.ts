import { Traced } from '@lift-sys/observability';
import type { Attributes } from '@opentelemetry/api';
import { Span } from 'nestjs-otel';
import { lightStack } from './light-stack.js';

/**
 * The method decorator of the stack this process runs, recording the same attributes from the
 * arguments: `@Traced` with its `args` option, or nestjs-otel's `@Span` with its options callback.
 * Read once, when the services' classes are defined.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function Trace(name: string, attributes: (...args: any[]) => Attributes): MethodDecorator {
  // nestjs-otel types its decorator for the method's own parameters; here it wraps methods of any shape.
  return lightStack() === 'otel'
    ? (Span(name, (...args: unknown[]) => ({ attributes: attributes(...args) })) as MethodDecorator)
    : Traced(name, { args: attributes });
}
