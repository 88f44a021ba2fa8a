import { REDACTED_VALUE } from '../conventions/attribute-names.js';
import { attributePolicy } from './attribute-policy.js';
import { truncate } from './attribute-values.js';

/**
 * Values shorter than this are never taken as secrets: no real credential is that short, and
 * scrubbing, say, `true` or a dataset name would mangle ordinary text everywhere.
 */
export const MIN_SECRET_LENGTH = 8;

interface SecretRegistry {
  readonly values: Set<string>;
  /** One alternation of every registered form, longest first; undefined while nothing is registered. */
  pattern: RegExp | undefined;
}

const REGISTRY_KEY = Symbol.for('@lift-sys/observability/secrets');
const globalSlot = globalThis as { [REGISTRY_KEY]?: SecretRegistry };
/** Shared through `globalThis` like the attribute policy, so two copies of the library scrub alike. */
const registry = (globalSlot[REGISTRY_KEY] ??= { values: new Set(), pattern: undefined });

/** `Bearer abc…`, `Basic abc…`: an echo usually shows the credential without its scheme. */
const AUTHORIZATION_SCHEME = /^(?:bearer|basic|token|apikey)\s+(\S+)$/i;

/**
 * Registers a secret's value (an API key, a password, a header value) so that it never reaches a
 * span, an exported file or a diagnostic line: every exception message, stack, status message,
 * attribute and library log line has it replaced by `[REDACTED]`. Its URL-encoded and
 * JSON-escaped forms are registered too, as are bare credentials after an authorization scheme.
 * Values shorter than 8 characters, blank or undefined are ignored.
 */
export function registerSecret(value: string | undefined): void {
  const secret = value?.trim();
  if (!secret || secret.length < MIN_SECRET_LENGTH) return;
  const forms = [secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)];
  const credential = AUTHORIZATION_SCHEME.exec(secret)?.[1];
  if (credential !== undefined && credential.length >= MIN_SECRET_LENGTH) forms.push(credential);
  const before = registry.values.size;
  for (const form of forms) registry.values.add(form);
  if (registry.values.size !== before) rebuildPattern();
}

/** Replaces every registered secret in `text` with `[REDACTED]`; returns `text` itself when none occurs. */
export function scrubSecrets(text: string): string {
  const pattern = registry.pattern;
  if (pattern === undefined || text.length < MIN_SECRET_LENGTH) return text;
  return text.replace(pattern, REDACTED_VALUE);
}

/** A message fit for a span (status, exception, callback error): scrubbed, then cut to the attribute length limit. */
export function spanSafeMessage(text: string, maxLength = attributePolicy().maxStringLength): string {
  return truncate(scrubSecrets(text), maxLength);
}

/** Whether any registered secret occurs in `text`. */
export function containsSecret(text: string): boolean {
  const pattern = registry.pattern;
  if (pattern === undefined || text.length < MIN_SECRET_LENGTH) return false;
  pattern.lastIndex = 0;
  return pattern.test(text);
}

/** Forgets every registered secret (tests, and a full shutdown of the SDK). */
export function forgetSecrets(): void {
  registry.values.clear();
  registry.pattern = undefined;
}

function rebuildPattern(): void {
  const alternatives = [...registry.values].sort((a, b) => b.length - a.length).map(escapeRegExp);
  registry.pattern = new RegExp(alternatives.join('|'), 'g');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
