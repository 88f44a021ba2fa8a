/** Keys whose values are never recorded: matched as whole words anywhere in a key. */
export const DEFAULT_REDACTED_KEYS: readonly string[] = ['password', 'secret', 'token', 'api_key', 'authorization', 'cookie'];

/** Splits `userAccessToken`, `x-api-key` or `llm.input_tokens` into lower-case words. */
export function keyWords(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0);
}

/** A key whose last word is a unit or a count names a measurement, never a credential. */
const MEASUREMENT_SUFFIXES: ReadonlySet<string> = new Set(['ms', 'seconds', 'count', 'length', 'size', 'bytes', 'usd']);

/**
 * Builds a predicate that tells whether a key must be redacted. A pattern matches when its
 * words appear consecutively in the key's words, so `api_key` matches `x-api-key` and
 * `apiKey`, `token` matches `accessToken` but not `llm.input_tokens`, and no pattern matches a
 * measurement such as `llm.time_to_first_token_ms`.
 */
export function createRedactionMatcher(patterns: readonly string[]): (key: string) => boolean {
  const patternWords = patterns.map(keyWords).filter((words) => words.length > 0);
  const cache = new Map<string, boolean>();
  return (key: string): boolean => {
    let redacted = cache.get(key);
    if (redacted === undefined) {
      const words = keyWords(key);
      redacted =
        !MEASUREMENT_SUFFIXES.has(words[words.length - 1] ?? '') && patternWords.some((pattern) => containsRun(words, pattern));
      if (cache.size < 10_000) cache.set(key, redacted);
    }
    return redacted;
  };
}

function containsRun(words: readonly string[], run: readonly string[]): boolean {
  for (let start = 0; start + run.length <= words.length; start++) {
    if (run.every((word, offset) => words[start + offset] === word)) return true;
  }
  return false;
}
