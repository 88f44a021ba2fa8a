import { createRedactionMatcher, DEFAULT_REDACTED_KEYS } from './redaction.js';
import { toAttributes, toAttributeValue, truncate } from './attribute-values.js';

const policy = { maxStringLength: 10, isRedactedKey: createRedactionMatcher(DEFAULT_REDACTED_KEYS), version: 1 };

describe('toAttributeValue', () => {
  it('keeps primitives typed', () => {
    expect(toAttributeValue(3, policy)).toBe(3);
    expect(toAttributeValue(true, policy)).toBe(true);
    expect(toAttributeValue('short', policy)).toBe('short');
    expect(toAttributeValue(10n, policy)).toBe('10');
  });

  it('skips undefined, null and functions', () => {
    expect(toAttributeValue(undefined, policy)).toBeUndefined();
    expect(toAttributeValue(null, policy)).toBeUndefined();
    expect(toAttributeValue(() => 1, policy)).toBeUndefined();
  });

  it('keeps homogeneous arrays of primitives typed and encodes mixed arrays', () => {
    expect(toAttributeValue([1, 2], policy)).toEqual([1, 2]);
    expect(toAttributeValue(['a', 'b'], policy)).toEqual(['a', 'b']);
    expect(toAttributeValue([1, 'a'], policy)).toBe('[1,"a"]');
  });

  it('JSON-encodes objects, masking redacted keys at any depth and cutting to the limit', () => {
    const wide = { ...policy, maxStringLength: 200 };
    expect(toAttributeValue({ user: 'ann', auth: { password: 'p', apiKey: 'k' } }, wide)).toBe(
      '{"user":"ann","auth":{"password":"[REDACTED]","apiKey":"[REDACTED]"}}',
    );
    expect(toAttributeValue({ a: 'xxxxxxxxxxxx' }, policy)).toBe('{"a":"xxx…');
  });

  it('survives circular structures', () => {
    const wide = { ...policy, maxStringLength: 200 };
    const node: Record<string, unknown> = { id: 1 };
    node.self = node;
    expect(toAttributeValue(node, wide)).toBe('{"id":1,"self":"[Circular]"}');
  });

  it('truncates with an ellipsis to exactly the limit', () => {
    expect(truncate('abcdefghijkl', 5)).toBe('abcd…');
    expect(truncate('abc', 5)).toBe('abc');
  });
});

describe('redaction', () => {
  const isRedacted = createRedactionMatcher(DEFAULT_REDACTED_KEYS);

  it.each(['password', 'user.password', 'client_secret', 'accessToken', 'x-api-key', 'apiKey', 'Authorization', 'set-cookie'])(
    'redacts %s',
    (key) => expect(isRedacted(key)).toBe(true),
  );

  it.each([
    'llm.input_tokens',
    'llm.output_tokens',
    'llm.time_to_first_token_ms',
    'password_length',
    'session.id',
    'keyboard',
    'api',
  ])('keeps %s', (key) => expect(isRedacted(key)).toBe(false));

  it('masks redacted keys in an attribute bag and skips missing values', () => {
    expect(toAttributes({ 'user.id': 'u', 'auth.token': 'abc', 'session.id': undefined }, policy)).toEqual({
      'user.id': 'u',
      'auth.token': '[REDACTED]',
    });
  });
});
