import { ExpressionSyntaxError, type Expr } from './ast.js';
import { tokenize, type Token } from './tokenize.js';

/**
 * Binary operators by binding power, highest first as HCDC.g4 lists them (its `expr` rule "in
 * precedence order"): `* / %`, then `-`, then `+`, then `< <= > >=`, then `= !=`, then AND, then OR.
 * All are left-associative. Each maps to the function Honeycomb's lookupOp gives it.
 */
const BINARY: Readonly<Record<string, { power: number; fn: string }>> = {
  '*': { power: 7, fn: 'MUL' },
  '/': { power: 7, fn: 'DIV' },
  '%': { power: 7, fn: 'MOD' },
  '-': { power: 6, fn: 'SUB' },
  '+': { power: 5, fn: 'SUM' },
  '<': { power: 4, fn: 'LT' },
  '<=': { power: 4, fn: 'LTE' },
  '>': { power: 4, fn: 'GT' },
  '>=': { power: 4, fn: 'GTE' },
  '=': { power: 3, fn: 'EQUALS' },
  '!=': { power: 3, fn: 'EQUALS' },
  AND: { power: 2, fn: 'AND' },
  OR: { power: 1, fn: 'OR' },
};
/** The prefix `!` binds tighter than every binary operator: `!$a = $b` is NOT($a) = $b. */
const PREFIX_POWER = 8;

/** Parses a Honeycomb calculated-field formula; throws ExpressionSyntaxError naming the position. */
export function parseExpression(source: string): Expr {
  const tokens = tokenize(source);
  if (tokens.length === 0) throw new ExpressionSyntaxError('empty expression', 0);
  let next = 0;

  const peek = (): Token | undefined => tokens[next];
  const describe = (token: Token | undefined): string =>
    !token ? 'the end of the formula' : 'value' in token ? `'${token.value}'` : `'${token.type}'`;
  const fail = (message: string, token = peek()): never => {
    throw new ExpressionSyntaxError(`${message}, found ${describe(token)}`, token?.pos ?? source.length);
  };
  const binary = (token: Token | undefined) =>
    token?.type === 'op' && Object.hasOwn(BINARY, token.value) ? BINARY[token.value]! : undefined;

  const parseExpr = (minPower: number): Expr => {
    let left = parsePrefix();
    for (let op = binary(peek()); op && op.power >= minPower; op = binary(peek())) {
      const token = tokens[next++] as Token & { value: string };
      const right = parseExpr(op.power + 1);
      const call: Expr = { kind: 'call', fn: op.fn, args: [left, right] };
      left = token.value === '!=' ? { kind: 'call', fn: 'NOT', args: [call] } : call;
    }
    return left;
  };

  const parsePrefix = (): Expr => {
    const token = peek();
    if (token?.type === 'op' && token.value === '!') {
      next++;
      return { kind: 'call', fn: 'NOT', args: [parseExpr(PREFIX_POWER)] };
    }
    return parsePrimary();
  };

  const parsePrimary = (): Expr => {
    const token = peek();
    if (!token) return fail('expected a value');
    next++;
    switch (token.type) {
      case 'column':
        return { kind: 'column', name: token.value };
      case 'string':
      case 'number':
      case 'literal':
        return { kind: 'literal', value: token.value };
      case '(': {
        const inner = parseExpr(0);
        if (peek()?.type !== ')') fail("expected ')'");
        next++;
        return inner;
      }
      case 'word':
        return parseCall(token);
      case 'op':
        // HCDC.g4 literal: OP_MATH_MINUS? INT | OP_MATH_MINUS? FLOAT; AND and OR are also function names.
        if (token.value === '-' && peek()?.type === 'number') {
          const magnitude = tokens[next++] as Token & { type: 'number' };
          return { kind: 'literal', value: -magnitude.value };
        }
        if (token.value === 'AND' || token.value === 'OR') return parseCall(token);
        return fail('expected a value', token);
      default:
        return fail('expected a value', token);
    }
  };

  /** HCDC.g4 fun: funcname '(' (params ','?)? ')' — a trailing comma is allowed. */
  const parseCall = (name: Token & { value: string }): Expr => {
    if (peek()?.type !== '(') fail(`expected '(' after ${name.value}`);
    next++;
    const args: Expr[] = [];
    while (peek()?.type !== ')') {
      args.push(parseExpr(0));
      if (peek()?.type === ',') next++;
      else if (peek()?.type !== ')') fail(`expected ',' or ')' in ${name.value}(...)`);
    }
    next++;
    return { kind: 'call', fn: name.value, args };
  };

  const expr = parseExpr(0);
  if (next < tokens.length) fail('expected an operator or the end of the formula');
  return expr;
}
