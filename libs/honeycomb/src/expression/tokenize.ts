import { ExpressionSyntaxError } from './ast.js';

export type Token =
  | { type: 'column'; value: string; pos: number }
  | { type: 'string'; value: string; pos: number }
  | { type: 'number'; value: number; pos: number }
  | { type: 'word'; value: string; pos: number }
  | { type: '(' | ')' | ','; pos: number };

const COLUMN_CHAR = /[A-Za-z0-9_.-]/;
const NUMBER = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/;
const WORD = /^[A-Za-z_][A-Za-z0-9_]*/;

export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '(' || ch === ')' || ch === ',') {
      tokens.push({ type: ch, pos: i });
      i++;
    } else if (ch === '$') {
      const start = i;
      i++;
      if (source[i] === '"') {
        const quoted = readString(source, i);
        tokens.push({ type: 'column', value: quoted.value, pos: start });
        i = quoted.end;
      } else {
        while (i < source.length && COLUMN_CHAR.test(source[i]!)) i++;
        if (i === start + 1) throw new ExpressionSyntaxError('expected a column name after $', start);
        tokens.push({ type: 'column', value: source.slice(start + 1, i), pos: start });
      }
    } else if (ch === '"') {
      const quoted = readString(source, i);
      tokens.push({ type: 'string', value: quoted.value, pos: i });
      i = quoted.end;
    } else {
      const rest = source.slice(i);
      const number = NUMBER.exec(rest);
      const word = WORD.exec(rest);
      if (number) tokens.push({ type: 'number', value: Number(number[0]), pos: i });
      else if (word) tokens.push({ type: 'word', value: word[0], pos: i });
      else throw new ExpressionSyntaxError(`unexpected character '${ch}'`, i);
      i += (number ?? word)![0].length;
    }
  }
  return tokens;
}

function readString(source: string, quoteAt: number): { value: string; end: number } {
  let value = '';
  let i = quoteAt + 1;
  while (i < source.length && source[i] !== '"') {
    if (source[i] === '\\' && i + 1 < source.length) i++;
    value += source[i];
    i++;
  }
  if (i >= source.length) throw new ExpressionSyntaxError('unterminated string', quoteAt);
  return { value, end: i + 1 };
}
