import { createRedactionMatcher, DEFAULT_REDACTED_KEYS } from '../core/redaction.js';
import { redactQuery } from './url-query.js';

const isRedactedKey = createRedactionMatcher(DEFAULT_REDACTED_KEYS);

it.each([
  // The semantic conventions' own example (url.query): signed-URL credentials are redacted.
  ['AWSAccessKeyId=AKIA&Signature=s1&Expires=100', 'AWSAccessKeyId=REDACTED&Signature=REDACTED&Expires=100'],
  ['sig=abc&X-Goog-Signature=def', 'sig=REDACTED&X-Goog-Signature=REDACTED'],
  ['access_token=t&apiKey=k&page=2', 'access_token=REDACTED&apiKey=REDACTED&page=2'],
  ['pass%77ord=x&q=a%20b', 'pass%77ord=REDACTED&q=a%20b'],
  // Form encoding: `+` is a space, so `api+key` is the key `api key`.
  ['api+key=k&q=a+b', 'api+key=REDACTED&q=a+b'],
  ['flag&password=&x=1', 'flag&password=REDACTED&x=1'],
  ['%E0%A4%A=1', '%E0%A4%A=1'],
])('redacts %s', (query, expected) => {
  expect(redactQuery(query, isRedactedKey)).toBe(expected);
});

it('leaves parameters whose names only resemble a signature alone', () => {
  expect(redactQuery('signal=1&Sig=2&signature_version=4', isRedactedKey)).toBe('signal=1&Sig=2&signature_version=4');
});
