import { ExpressionSyntaxError } from './ast.js';

const SIMPLE_ESCAPES: Readonly<Record<string, number>> = {
  a: 0x07,
  b: 0x08,
  f: 0x0c,
  n: 0x0a,
  r: 0x0d,
  t: 0x09,
  v: 0x0b,
  '\\': 0x5c,
  '"': 0x22,
};

const utf8 = new TextEncoder();

/**
 * The value of a double-quoted string literal, as Go's strconv.Unquote gives it (Honeycomb's parser
 * unquotes STRING tokens with it: honeycomb-derived-column-validator pkg/parser/antlr_parser.go).
 * Escapes: \a \b \f \n \r \t \v \\ \" \xHH \ooo \uHHHH \UHHHHHHHH; `\'` and a raw newline are errors.
 * \x and octal escapes are bytes; the bytes are read back as UTF-8 (invalid sequences become U+FFFD,
 * since a JavaScript string cannot hold them).
 */
export function decodeStringLiteral(body: string, quoteAt: number): string {
  const bytes: number[] = [];
  const fail = (message: string, offset: number): never => {
    throw new ExpressionSyntaxError(message, quoteAt + 1 + offset);
  };
  for (let i = 0; i < body.length;) {
    const ch = body[i]!;
    if (ch === '\n') fail('newline in string', i);
    if (ch !== '\\') {
      const cp = body.codePointAt(i)!;
      bytes.push(...utf8.encode(String.fromCodePoint(cp)));
      i += cp > 0xffff ? 2 : 1;
      continue;
    }
    const kind = body[i + 1] ?? '';
    if (Object.hasOwn(SIMPLE_ESCAPES, kind)) {
      bytes.push(SIMPLE_ESCAPES[kind]!);
      i += 2;
    } else if (kind === 'x') {
      bytes.push(hex(body, i + 2, 2) ?? fail('invalid \\x escape', i));
      i += 4;
    } else if (kind === 'u' || kind === 'U') {
      const digits = kind === 'u' ? 4 : 8;
      const cp = hex(body, i + 2, digits);
      if (cp === undefined || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) fail(`invalid \\${kind} escape`, i);
      bytes.push(...utf8.encode(String.fromCodePoint(cp!)));
      i += 2 + digits;
    } else if (/[0-7]/.test(kind)) {
      const octal = body.slice(i + 1, i + 4);
      if (!/^[0-7]{3}$/.test(octal) || parseInt(octal, 8) > 255) fail('invalid octal escape', i);
      bytes.push(parseInt(octal, 8));
      i += 4;
    } else {
      fail(`unknown escape sequence \\${kind}`, i);
    }
  }
  return new TextDecoder().decode(Uint8Array.from(bytes));
}

function hex(text: string, from: number, length: number): number | undefined {
  const digits = text.slice(from, from + length);
  return digits.length === length && /^[0-9a-fA-F]+$/.test(digits) ? parseInt(digits, 16) : undefined;
}
