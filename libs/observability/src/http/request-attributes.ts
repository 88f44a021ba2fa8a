import { createContextKey, type Context } from '@opentelemetry/api';

/** The attributes every span started while handling one request receives (`user.id`, `request.id`, `environment`). */
export type RequestAttributes = Record<string, string | number | boolean>;

const REQUEST_ATTRIBUTES = createContextKey('@lift-sys/observability/request-attributes');

export function withRequestAttributes(context: Context, attributes: RequestAttributes): Context {
  return context.setValue(REQUEST_ATTRIBUTES, attributes);
}

/** The request's bag, shared and mutable: values added later (the user, once authenticated) reach later spans. */
export function requestAttributesOf(context: Context): RequestAttributes | undefined {
  return context.getValue(REQUEST_ATTRIBUTES) as RequestAttributes | undefined;
}
