import fc from 'fast-check';
import { ExpressionSyntaxError, referencedColumns, referencedFunctions, type Expr } from './ast.js';
import { checkExpression } from './check.js';
import { parseExpression } from './parse.js';
import { printExpression } from './print.js';

const call = (fn: string, ...args: Expr[]): Expr => ({ kind: 'call', fn, args });
const col = (name: string): Expr => ({ kind: 'column', name });
const lit = (value: string | number | boolean | null): Expr => ({ kind: 'literal', value });

describe('parseExpression', () => {
  it('parses calls, column references and literals', () => {
    expect(parseExpression('IF(GT($duration_ms, 1000.5), "slow", false)')).toEqual(
      call('IF', call('GT', col('duration_ms'), lit(1000.5)), lit('slow'), lit(false)),
    );
  });

  it('turns infix operators into the functions they stand for, by precedence', () => {
    expect(parseExpression('!$a AND $b + 2 * $c >= 3 OR $d != "x"')).toEqual(
      call(
        'OR',
        call('AND', call('NOT', col('a')), call('GTE', call('SUM', col('b'), call('MUL', lit(2), col('c'))), lit(3))),
        call('NOT', call('EQUALS', col('d'), lit('x'))),
      ),
    );
  });

  it('reads dotted, quoted and raw column names and escaped strings', () => {
    const expr = parseExpression('COALESCE($http.status_code, $"odd name", $`raw name`, "say \\"hi\\"", -3)');
    expect(referencedColumns(expr)).toEqual(['http.status_code', 'odd name', 'raw name']);
    expect(expr).toMatchObject({ args: [{}, {}, {}, { value: 'say "hi"' }, { value: -3 }] });
  });

  it('lists the functions an expression calls', () => {
    expect(referencedFunctions(parseExpression('AND(EXISTS($a), NOT(EQUALS($b, 1)))'))).toEqual([
      'AND',
      'EXISTS',
      'NOT',
      'EQUALS',
    ]);
  });

  it.each([
    ['IF($a, 1', /expected ',' or '\)' in IF\(\.\.\.\), found the end of the formula at position 8/],
    ['$', /column name after \$ at position 0/],
    ['EQUALS($a, "open)', /unterminated string at position 11/],
    ['foo', /expected '\(' after foo/],
    ['BOOL($a) $b', /expected an operator or the end of the formula, found 'b' at position 9/],
    ['BOOL($a) # x', /unexpected character '#' at position 9/],
    ['', /empty expression/],
  ])('rejects %s', (source, message) => {
    expect(() => parseExpression(source)).toThrow(message);
  });
});

describe('checkExpression', () => {
  it('names unknown functions, with a hint for lower-case names', () => {
    expect(checkExpression(parseExpression('IF(LOWER($name), 1, 0)'))).toEqual(['unknown function LOWER']);
    expect(checkExpression(parseExpression('if(true, 1)'))).toEqual(['unknown function if (function names are upper case: IF)']);
  });

  it('checks argument counts and literal arguments', () => {
    expect(checkExpression(parseExpression('NOT($a, $b)'))).toEqual(['NOT takes 1 argument, got 2']);
    expect(checkExpression(parseExpression('AND()'))).toEqual(['AND takes at least 1 argument, got 0']);
    expect(checkExpression(parseExpression('BUCKET($a, $b)'))).toEqual([
      'BUCKET: BUCKET size, min and max must be number literals',
    ]);
    expect(checkExpression(parseExpression('IF(EXISTS($a), 1, 0)'))).toEqual([]);
  });
});

/** Formula trees of every node kind, with literals the grammar can spell. */
const exprArbitrary: fc.Arbitrary<Expr> = fc.letrec<{ expr: Expr }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.oneof(
      fc.string({ unit: 'grapheme', minLength: 1 }).map(col),
      fc
        .oneof(
          fc.string({ unit: 'grapheme' }),
          fc.double({ noNaN: true, noDefaultInfinity: true }),
          fc.integer(),
          fc.boolean(),
          fc.constant(null),
        )
        .map(lit),
    ),
    fc
      .tuple(
        fc.constantFrom('IF', 'SUM', 'AND', 'CONCAT', 'EQUALS', 'NOT', 'EVENT_TIMESTAMP'),
        fc.array(tie('expr'), { maxLength: 4 }),
      )
      .map(([fn, args]) => call(fn, ...args)),
  ),
})).expr;

describe('formula text properties', () => {
  const seed = 20261129;

  it('parses the printed form of any formula back to the same formula', () => {
    fc.assert(
      fc.property(exprArbitrary, (expr) => {
        expect(parseExpression(printExpression(expr))).toEqual(expr);
      }),
      { seed, numRuns: 500 },
    );
  });

  it('answers any text with a formula or a syntax error naming a position inside it', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'$"`\\()-!=<>*,.0e1aAND OR_tru%/ ') }), (source) => {
        try {
          parseExpression(source);
        } catch (error) {
          expect(error).toBeInstanceOf(ExpressionSyntaxError);
          expect((error as ExpressionSyntaxError).position).toBeLessThanOrEqual(source.length);
        }
      }),
      { seed, numRuns: 2000 },
    );
  });
});
