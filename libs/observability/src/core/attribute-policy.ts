import { createRedactionMatcher, DEFAULT_REDACTED_KEYS } from './redaction.js';

export const DEFAULT_MAX_STRING_LENGTH = 1024;

/** How captured values are turned into attributes. Replaced as a whole by `configureAttributePolicy`. */
export interface AttributePolicy {
  readonly maxStringLength: number;
  readonly isRedactedKey: (key: string) => boolean;
  /** Increases on every change so call sites can cache per-key decisions. */
  readonly version: number;
}

export interface AttributePolicyOptions {
  maxStringLength?: number;
  redactedKeys?: readonly string[];
}

const POLICY_KEY = Symbol.for('@lift-sys/observability/attribute-policy');
const globalSlot = globalThis as { [POLICY_KEY]?: { current: AttributePolicy } };
/** Shared through `globalThis` for the same reason as the tracing state. */
const slot = (globalSlot[POLICY_KEY] ??= { current: build({}, 0) });

function build(options: AttributePolicyOptions, version: number): AttributePolicy {
  return {
    maxStringLength: options.maxStringLength ?? DEFAULT_MAX_STRING_LENGTH,
    isRedactedKey: createRedactionMatcher(options.redactedKeys ?? DEFAULT_REDACTED_KEYS),
    version,
  };
}

export function attributePolicy(): AttributePolicy {
  return slot.current;
}

export function configureAttributePolicy(options: AttributePolicyOptions): void {
  slot.current = build(options, slot.current.version + 1);
}
