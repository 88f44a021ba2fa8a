import { ExpressionSyntaxError, type Expr } from './ast.js';
import { tokenize, type Token } from './tokenize.js';

/** Parses Honeycomb's derived-column expression syntax: `FN(arg, ...)`, `$column`, literals. */
export function parseExpression(source: string): Expr {
  const tokens = tokenize(source);
  let next = 0;

  const peek = (): Token | undefined => tokens[next];
  const fail = (message: string): never => {
    throw new ExpressionSyntaxError(message, peek()?.pos ?? source.length);
  };

  const parseNode = (): Expr => {
    const token = tokens[next++];
    if (!token) return fail('unexpected end of expression');
    switch (token.type) {
      case 'column':
        return { kind: 'column', name: token.value };
      case 'string':
      case 'number':
        return { kind: 'literal', value: token.value };
      case 'word':
        return parseWord(token.value);
      default:
        next--;
        return fail(`unexpected '${token.type}'`);
    }
  };

  const parseWord = (word: string): Expr => {
    if (peek()?.type !== '(') {
      const lower = word.toLowerCase();
      if (lower === 'true' || lower === 'false') return { kind: 'literal', value: lower === 'true' };
      next--;
      return fail(`expected '(' after ${word}`);
    }
    next++;
    const args: Expr[] = [];
    if (peek()?.type === ')') {
      next++;
      return { kind: 'call', fn: word.toUpperCase(), args };
    }
    for (;;) {
      args.push(parseNode());
      const separator = tokens[next++];
      if (separator?.type === ')') return { kind: 'call', fn: word.toUpperCase(), args };
      if (separator?.type !== ',') {
        next--;
        return fail(`expected ',' or ')' in ${word}(...)`);
      }
    }
  };

  const expr = parseNode();
  if (next < tokens.length) fail('unexpected trailing input');
  return expr;
}
