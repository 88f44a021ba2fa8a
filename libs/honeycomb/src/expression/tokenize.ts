import { ExpressionSyntaxError } from './ast.js';
import { decodeStringLiteral } from './string-literal.js';

/**
 * The lexer of Honeycomb's formula grammar (honeycombio/honeycomb-derived-column-validator
 * pkg/parser/HCDC.g4). Operators keep their source text in `value`.
 */
export type Token =
  | { type: 'column' | 'string' | 'word'; value: string; pos: number }
  | { type: 'number'; value: number; pos: number }
  | { type: 'literal'; value: boolean | null; pos: number }
  | { type: 'op'; value: string; pos: number }
  | { type: '(' | ')' | ','; pos: number };

/** HCDC.g4 COLRUNE: letters, digits and `_ . / : = + ? -`. */
export const COLUMN_RUNE = /[\p{L}\p{Nd}_./:=+?-]/u;
const COLUMN_RUNES = /[\p{L}\p{Nd}_./:=+?-]+/uy;
/** HCDC.g4 INT and FLOAT (a leading '.' is allowed, a trailing one is not); the sign is the parser's. */
const NUMBER = /(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?/y;
const WORD = /[A-Za-z][A-Za-z0-9_]*/y;
const WHITESPACE = /[\p{White_Space}]+/uy;
/** Longest match first, as ANTLR's lexer does: `<=` before `<`, `!=` before `!`. */
const OPERATORS = ['<=', '>=', '!=', '<', '>', '=', '!', '*', '/', '%', '+', '-'];
/** Words the grammar lexes as keywords when they match exactly; `TRUE` or `Null` are function names. */
const KEYWORDS = new Map<string, 'literal' | 'op'>([
  ['true', 'literal'],
  ['false', 'literal'],
  ['null', 'literal'],
  ['AND', 'op'],
  ['OR', 'op'],
]);
const INT64_MAX = 2n ** 63n - 1n;

export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < source.length;) {
    const space = matchAt(WHITESPACE, source, i);
    if (space) {
      i += space.length;
      continue;
    }
    const { token, end } = readToken(source, i);
    tokens.push(token);
    i = end;
  }
  return tokens;
}

function matchAt(pattern: RegExp, source: string, at: number): string | undefined {
  pattern.lastIndex = at;
  return pattern.exec(source)?.[0];
}

function readToken(source: string, at: number): { token: Token; end: number } {
  const ch = source[at]!;
  if (ch === '(' || ch === ')' || ch === ',') return { token: { type: ch, pos: at }, end: at + 1 };
  if (ch === '$') return readColumn(source, at);
  if (ch === '"' || ch === '`') {
    const quoted = readQuoted(source, at);
    return { token: { type: 'string', value: quoted.value, pos: at }, end: quoted.end };
  }
  const number = /[\d.]/.test(ch) ? matchAt(NUMBER, source, at) : undefined;
  if (number) {
    // strconv.ParseInt / ParseFloat reject literals outside int64 and float64.
    if ((/^\d+$/.test(number) && BigInt(number) > INT64_MAX) || !Number.isFinite(Number(number))) {
      throw new ExpressionSyntaxError(`number ${number} is out of range`, at);
    }
    return { token: { type: 'number', value: Number(number), pos: at }, end: at + number.length };
  }
  const word = matchAt(WORD, source, at);
  if (word) {
    const keyword = KEYWORDS.get(word);
    const token: Token =
      keyword === 'literal'
        ? { type: 'literal', value: word === 'null' ? null : word === 'true', pos: at }
        : { type: keyword ?? 'word', value: word, pos: at };
    return { token, end: at + word.length };
  }
  const op = OPERATORS.find((o) => source.startsWith(o, at));
  if (!op) throw new ExpressionSyntaxError(`unexpected character '${ch}'`, at);
  return { token: { type: 'op', value: op, pos: at }, end: at + op.length };
}

/** `$name`, or `$"name"` / `$\`name\``, with whitespace allowed between the `$` and the quote. */
function readColumn(source: string, dollarAt: number): { token: Token; end: number } {
  const bare = matchAt(COLUMN_RUNES, source, dollarAt + 1);
  if (bare) return { token: { type: 'column', value: bare, pos: dollarAt }, end: dollarAt + 1 + bare.length };
  const quoteAt = dollarAt + 1 + (matchAt(WHITESPACE, source, dollarAt + 1)?.length ?? 0);
  if (source[quoteAt] !== '"' && source[quoteAt] !== '`')
    throw new ExpressionSyntaxError('expected a column name after $', dollarAt);
  const quoted = readQuoted(source, quoteAt);
  return { token: { type: 'column', value: quoted.value, pos: dollarAt }, end: quoted.end };
}

/** A double-quoted (interpreted) or back-quoted (raw) string starting at `quoteAt`. */
function readQuoted(source: string, quoteAt: number): { value: string; end: number } {
  const quote = source[quoteAt]!;
  let i = quoteAt + 1;
  while (i < source.length && source[i] !== quote) i += quote === '"' && source[i] === '\\' ? 2 : 1;
  if (i >= source.length) throw new ExpressionSyntaxError('unterminated string', quoteAt);
  const body = source.slice(quoteAt + 1, i);
  // HCDC.g4 RAWSTRING: "any character may appear except a back quote", taken as is.
  return { value: quote === '`' ? body : decodeStringLiteral(body, quoteAt), end: i + 1 };
}
