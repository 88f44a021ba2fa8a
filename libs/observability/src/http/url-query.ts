/**
 * Query parameters whose values the semantic conventions say to redact by default (signed-URL
 * credentials), see https://opentelemetry.io/docs/specs/semconv/registry/attributes/url/ (`url.query`).
 */
const SIGNATURE_PARAMETERS: ReadonlySet<string> = new Set(['AWSAccessKeyId', 'Signature', 'sig', 'X-Goog-Signature']);

/** The replacement value the semantic conventions prescribe for a redacted query parameter. */
export const REDACTED_QUERY_VALUE = 'REDACTED';

/**
 * `url.query` as the conventions want it: the raw query (no `?`) with the value of every
 * sensitive parameter replaced by `REDACTED`; parameter order and encoding are kept.
 */
export function redactQuery(query: string, isRedactedKey: (key: string) => boolean): string {
  return query
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      if (equals < 0) return pair;
      const key = decodeKey(pair.slice(0, equals));
      return SIGNATURE_PARAMETERS.has(key) || isRedactedKey(key) ? `${pair.slice(0, equals)}=${REDACTED_QUERY_VALUE}` : pair;
    })
    .join('&');
}

function decodeKey(raw: string): string {
  // Most keys are plain words: nothing to decode, so no regex and no decoder call per request.
  if (!raw.includes('%') && !raw.includes('+')) return raw;
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}
