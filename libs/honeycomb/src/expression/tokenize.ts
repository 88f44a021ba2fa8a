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
  let i = 0;
  const match = (pattern: RegExp): string | undefined => {
    pattern.lastIndex = i;
    return pattern.exec(source)?.[0];
  };
  while (i < source.length) {
    const start = i;
    const ch = source[i]!;
    const space = match(WHITESPACE);
    if (space) {
      i += space.length;
    } else if (ch === '(' || ch === ')' || ch === ',') {
      tokens.push({ type: ch, pos: i++ });
    } else if (ch === '$') {
      i++;
      const bare = match(COLUMN_RUNES);
      if (bare) {
        tokens.push({ type: 'column', value: bare, pos: start });
        i += bare.length;
      } else {
        // `$"name"` and `$`name``: the grammar allows whitespace between the `$` and the quote.
        i += match(WHITESPACE)?.length ?? 0;
        if (source[i] !== '"' && source[i] !== '`') {
          throw new ExpressionSyntaxError('expected a column name after $', start);
        }
        const quoted = readQuoted(source, i);
        tokens.push({ type: 'column', value: quoted.value, pos: start });
        i = quoted.end;
      }
    } else if (ch === '"' || ch === '`') {
      const quoted = readQuoted(source, i);
      tokens.push({ type: 'string', value: quoted.value, pos: start });
      i = quoted.end;
    } else if (/[\d.]/.test(ch) && match(NUMBER)) {
      const text = match(NUMBER)!;
      // strconv.ParseInt / ParseFloat reject literals outside int64 and float64.
      if ((/^\d+$/.test(text) && BigInt(text) > INT64_MAX) || !Number.isFinite(Number(text))) {
        throw new ExpressionSyntaxError(`number ${text} is out of range`, start);
      }
      tokens.push({ type: 'number', value: Number(text), pos: start });
      i += text.length;
    } else if (match(WORD)) {
      const word = match(WORD)!;
      const keyword = KEYWORDS.get(word);
      if (keyword === 'literal') tokens.push({ type: 'literal', value: word === 'null' ? null : word === 'true', pos: start });
      else tokens.push({ type: keyword === 'op' ? 'op' : 'word', value: word, pos: start });
      i += word.length;
    } else {
      const op = OPERATORS.find((o) => source.startsWith(o, i));
      if (!op) throw new ExpressionSyntaxError(`unexpected character '${ch}'`, start);
      tokens.push({ type: 'op', value: op, pos: start });
      i += op.length;
    }
  }
  return tokens;
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
