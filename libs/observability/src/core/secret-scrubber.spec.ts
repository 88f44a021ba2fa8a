import {
  containsSecret,
  forgetSecrets,
  MIN_SECRET_LENGTH,
  registerSecret,
  scrubSecrets,
  spanSafeMessage,
} from './secret-scrubber.js';

describe('the secret scrubber', () => {
  afterEach(() => forgetSecrets());

  it('replaces every occurrence of a registered value, wherever it is in the text', () => {
    registerSecret('sk-ant-api03-abcdef123456');
    expect(scrubSecrets('401 {"error":"invalid x-api-key sk-ant-api03-abcdef123456"} (key sk-ant-api03-abcdef123456)')).toBe(
      '401 {"error":"invalid x-api-key [REDACTED]"} (key [REDACTED])',
    );
  });

  it('also catches the URL-encoded and JSON-escaped forms, and the credential after an authorization scheme', () => {
    registerSecret('Bearer p@ss/word+"quoted"');
    expect(scrubSecrets(`?token=${encodeURIComponent('Bearer p@ss/word+"quoted"')}`)).toBe('?token=[REDACTED]');
    expect(scrubSecrets(JSON.stringify({ header: 'Bearer p@ss/word+"quoted"' }))).toBe('{"header":"[REDACTED]"}');
    expect(scrubSecrets('server said: bad credential p@ss/word+"quoted"')).toBe('server said: bad credential [REDACTED]');
  });

  it('prefers the longest match when one secret contains another', () => {
    registerSecret('abcdefgh');
    registerSecret('abcdefgh-and-more');
    expect(scrubSecrets('x abcdefgh-and-more y abcdefgh')).toBe('x [REDACTED] y [REDACTED]');
  });

  it('treats regular-expression characters in a secret literally', () => {
    registerSecret('a.b*c+d?e(f)');
    expect(scrubSecrets('aXbbbcdde(f) and a.b*c+d?e(f)')).toBe('aXbbbcdde(f) and [REDACTED]');
  });

  it(`ignores blank, undefined and short values (under ${MIN_SECRET_LENGTH} characters), which would mangle ordinary text`, () => {
    registerSecret(undefined);
    registerSecret('   ');
    registerSecret('true');
    expect(scrubSecrets('true is not a secret')).toBe('true is not a secret');
    expect(containsSecret('true is not a secret')).toBe(false);
  });

  it('returns the text unchanged when nothing is registered', () => {
    const text = 'nothing to hide here';
    expect(scrubSecrets(text)).toBe(text);
  });

  it('makes span-safe messages: scrubbed first, then cut to the limit with an ellipsis', () => {
    registerSecret('hunter2-hunter2');
    expect(spanSafeMessage('password hunter2-hunter2 rejected', 20)).toBe('password [REDACTED]…');
    expect(containsSecret('password hunter2-hunter2')).toBe(true);
    expect(containsSecret('password hunter2-hunter2')).toBe(true);
  });
});
