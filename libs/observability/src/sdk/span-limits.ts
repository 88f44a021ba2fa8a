import type { SpanLimits } from '@opentelemetry/sdk-trace-base';
import { MAX_STACK_LENGTH } from '../core/exception-attributes.js';
import { parsePositiveInteger, readEnv } from './environment.js';

/**
 * The SDK's span limits. Attribute values are capped by default (the SDK's own default is no cap),
 * so an attribute set by an instrumentation or directly on a span cannot carry megabytes: at the
 * longest value the library writes itself, a stack trace. `OTEL_SPAN_ATTRIBUTE_VALUE_LENGTH_LIMIT`
 * or `OTEL_ATTRIBUTE_VALUE_LENGTH_LIMIT` win over the option, as environment variables do here.
 */
export function sdkSpanLimits(option: SpanLimits | undefined, env: NodeJS.ProcessEnv): SpanLimits {
  const name = ['OTEL_SPAN_ATTRIBUTE_VALUE_LENGTH_LIMIT', 'OTEL_ATTRIBUTE_VALUE_LENGTH_LIMIT'].find((key) => readEnv(env, key));
  const fromEnv = name === undefined ? undefined : parsePositiveInteger(name, readEnv(env, name) ?? '');
  return {
    ...option,
    attributeValueLengthLimit: fromEnv ?? option?.attributeValueLengthLimit ?? MAX_STACK_LENGTH,
  };
}
