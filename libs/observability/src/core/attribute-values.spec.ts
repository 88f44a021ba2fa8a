import { createRedactionMatcher, DEFAULT_REDACTED_KEYS } from './redaction.js';
import fc from 'fast-check';
import { isExportableAttributeValue, toAttributes, toAttributeValue, truncate } from './attribute-values.js';

const policy = { maxStringLength: 10, isRedactedKey: createRedactionMatcher(DEFAULT_REDACTED_KEYS), version: 1 };

describe('toAttributeValue', () => {
  it('keeps primitives typed', () => {
    expect(toAttributeValue(3, policy)).toBe(3);
    expect(toAttributeValue(true, policy)).toBe(true);
    expect(toAttributeValue('short', policy)).toBe('short');
    expect(toAttributeValue(10n, policy)).toBe(10);
  });

  it('spells non-finite numbers as the proto3 JSON mapping does', () => {
    expect(toAttributeValue(Number.NaN, policy)).toBe('NaN');
    expect(toAttributeValue(Infinity, policy)).toBe('Infinity');
    expect(toAttributeValue(-Infinity, policy)).toBe('-Infinity');
  });

  it('keeps integers inside int64 and writes larger ones and large BigInts as decimal strings', () => {
    const wide = { ...policy, maxStringLength: 100 };
    expect(toAttributeValue(2 ** 62, wide)).toBe(2 ** 62);
    expect(toAttributeValue(-(2 ** 63), wide)).toBe(-(2 ** 63));
    expect(toAttributeValue(2 ** 63, wide)).toBe('9223372036854775808');
    expect(toAttributeValue(1e300, wide)).toBe(BigInt(1e300).toString());
    expect(toAttributeValue(2n ** 70n, wide)).toBe('1180591620717411303424');
    expect(toAttributeValue(-(2n ** 53n) + 1n, wide)).toBe(-(2 ** 53) + 1);
  });

  it('records a symbol by its description', () => {
    expect(toAttributeValue(Symbol('order'), policy)).toBe('order');
    expect(toAttributeValue(Symbol(), policy)).toBe('');
  });

  it('replaces lone surrogates and never cuts a surrogate pair in two', () => {
    expect(toAttributeValue('a\uD800b', policy)).toBe('a\uFFFDb');
    expect(truncate('abc😀def', 5)).toBe('abc…');
    expect(toAttributeValue('123456789😀x', policy)).toBe('123456789…');
  });

  it('turns a number array with an unrepresentable element into strings, keeping it homogeneous', () => {
    expect(toAttributeValue([1, Number.NaN, Infinity], policy)).toEqual(['1', 'NaN', 'Infinity']);
    expect(toAttributeValue([1.5, 2], policy)).toEqual([1.5, 2]);
  });

  it('normalizes numbers, BigInts and symbols nested in objects', () => {
    const wide = { ...policy, maxStringLength: 200 };
    expect(toAttributeValue({ n: Number.NaN, big: 2n ** 64n, s: Symbol('x'), inf: -Infinity }, wide)).toBe(
      '{"n":"NaN","big":"18446744073709551616","s":"x","inf":"-Infinity"}',
    );
  });

  it('produces only values the export guard accepts as they are, whatever the input', () => {
    fc.assert(
      fc.property(fc.anything({ withBigInt: true, withNullPrototype: true, withSparseArray: true }), (input) => {
        const value = toAttributeValue(input, policy);
        return value === undefined || isExportableAttributeValue(value);
      }),
    );
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (input) => isExportableAttributeValue(toAttributeValue(input, policy))));
    fc.assert(fc.property(fc.double(), (input) => isExportableAttributeValue(toAttributeValue(input, policy))));
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
