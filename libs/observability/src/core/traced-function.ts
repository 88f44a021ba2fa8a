/* eslint-disable prefer-rest-params -- `arguments` spares every call, the disabled path included, a rest array allocation */
import { context, trace, type Attributes, type Context, type SpanOptions } from '@opentelemetry/api';
import { ATTR_CALLBACK_ERROR, REDACTED_VALUE } from '../conventions/attribute-names.js';
import { attributePolicy, type AttributePolicy } from './attribute-policy.js';
import { toAttributes, toAttributeValue } from './attribute-values.js';
import { describeException } from './exception-attributes.js';
import { endWithError, markError } from './finish-span.js';
import { adoptFunctionIdentity } from './function-identity.js';
import { settleResult } from './settle-result.js';
import type { SpanPlan } from './span-plan.js';
import { tracingState } from './tracing-state.js';

type Method = (...args: never[]) => unknown;

/** Per-function cache of what only changes when the attribute policy does. */
interface PolicyCache {
  version: number;
  staticAttributes: Attributes | undefined;
  /** The static attributes as parallel arrays, copied into each call's bag by a plain loop. */
  staticKeys: string[];
  staticValues: Attributes[string][];
  argumentKeyRedacted: boolean[];
}

/**
 * Wraps a function so each call runs inside a span described by `plan` (or, for a plan that
 * starts no span, adds the call's attributes to the active span). This is the one core every
 * decorator goes through. When tracing is disabled the wrapper is a plain call.
 */
export function createTracedFunction<F extends Method>(original: F, plan: SpanPlan): F {
  const cache: PolicyCache = {
    version: -1,
    staticAttributes: undefined,
    staticKeys: [],
    staticValues: [],
    argumentKeyRedacted: [],
  };
  const dynamic = plan.argumentAttributes.length > 0 || plan.argsAttributes !== undefined;

  const traced = function (this: unknown): unknown {
    const tracer = tracingState.tracer;
    if (tracer === undefined) return Reflect.apply(original, this, arguments);

    const policy = attributePolicy();
    if (cache.version !== policy.version) refreshCache(cache, plan, policy);
    if (!plan.startsSpan) {
      annotateActiveSpan(plan, cache, policy, arguments);
      return Reflect.apply(original, this, arguments);
    }
    const parent = context.active();
    let callbackFailure: string | undefined;
    let attributes = cache.staticAttributes;
    if (dynamic) {
      try {
        attributes = callAttributes(plan, cache, policy, arguments);
      } catch (error) {
        callbackFailure = describeException(error).message;
      }
    }
    const span = tracer.startSpan(plan.name, spanOptions(plan, attributes, parent), parent);
    if (callbackFailure !== undefined) {
      span.setAttribute(ATTR_CALLBACK_ERROR, callbackFailure);
      markError(span, `attribute callback failed: ${callbackFailure}`);
    }
    const spanContext = trace.setSpan(parent, span);
    let result: unknown;
    try {
      result = context.with(spanContext, Reflect.apply, undefined, original, this, arguments);
    } catch (error) {
      endWithError(span, plan, error);
      throw error;
    }
    return settleResult(span, plan, spanContext, result);
  } as unknown as F;

  return adoptFunctionIdentity(original, traced);
}

/** A failing mapper must not break the call, nor mark a span this method does not own as failed. */
function annotateActiveSpan(plan: SpanPlan, cache: PolicyCache, policy: AttributePolicy, args: IArguments): void {
  const span = trace.getActiveSpan();
  if (span === undefined || !span.isRecording()) return;
  try {
    span.setAttributes(callAttributes(plan, cache, policy, args));
  } catch (error) {
    span.setAttribute(ATTR_CALLBACK_ERROR, describeException(error).message);
  }
}

function refreshCache(cache: PolicyCache, plan: SpanPlan, policy: AttributePolicy): void {
  const staticAttributes = plan.staticAttributes ? toAttributes(plan.staticAttributes, policy) : undefined;
  cache.staticAttributes = staticAttributes;
  cache.staticKeys = staticAttributes ? Object.keys(staticAttributes) : [];
  cache.staticValues = cache.staticKeys.map((key) => staticAttributes?.[key]);
  cache.argumentKeyRedacted = plan.argumentAttributes.map(({ key }) => policy.isRedactedKey(key));
  cache.version = policy.version;
}

function callAttributes(plan: SpanPlan, cache: PolicyCache, policy: AttributePolicy, args: IArguments): Attributes {
  const fromCallback =
    plan.argsAttributes === undefined
      ? undefined
      : toAttributes(Reflect.apply(plan.argsAttributes, undefined, args) as Readonly<Record<string, unknown>>, policy);
  const argumentAttributes = plan.argumentAttributes;
  const { staticKeys, staticValues } = cache;
  // The common `args`-only case: the callback's fresh, normalized bag becomes the span's
  // attributes, gaining the static ones it does not override (`code.function.name`), no copy.
  if (fromCallback !== undefined && argumentAttributes.length === 0) {
    for (let i = 0; i < staticKeys.length; i++)
      if (!(staticKeys[i] in fromCallback)) fromCallback[staticKeys[i]] = staticValues[i];
    return fromCallback;
  }
  // A loop, not `{ ...static }`: on Node 20 a spread copy costs several times more, and so does
  // every later read of the object it makes (the SDK's sanitizing, the exporter).
  const attributes: Attributes = {};
  for (let i = 0; i < staticKeys.length; i++) attributes[staticKeys[i]] = staticValues[i];
  for (let i = 0; i < argumentAttributes.length; i++) {
    const { index, key, read } = argumentAttributes[i];
    const value = read(args[index]);
    if (value === undefined || value === null) continue;
    attributes[key] = cache.argumentKeyRedacted[i] ? REDACTED_VALUE : toAttributeValue(value, policy);
  }
  if (fromCallback !== undefined) Object.assign(attributes, fromCallback);
  return attributes;
}

function spanOptions(plan: SpanPlan, attributes: Attributes | undefined, parent: Context): SpanOptions {
  if (!plan.root) return { kind: plan.kind, attributes };
  const parentSpanContext = trace.getSpanContext(parent);
  return {
    kind: plan.kind,
    attributes,
    root: true,
    links: parentSpanContext ? [{ context: parentSpanContext }] : undefined,
  };
}
