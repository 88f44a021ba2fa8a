import { referencedColumns, referencedFunctions } from './ast.js';
import { checkExpression } from './check.js';
import { parseExpression } from './parse.js';

describe('parseExpression', () => {
  it('parses calls, column references and literals', () => {
    expect(parseExpression('IF(GT($duration_ms, 1000.5), "slow", false)')).toEqual({
      kind: 'call',
      fn: 'IF',
      args: [
        {
          kind: 'call',
          fn: 'GT',
          args: [
            { kind: 'column', name: 'duration_ms' },
            { kind: 'literal', value: 1000.5 },
          ],
        },
        { kind: 'literal', value: 'slow' },
        { kind: 'literal', value: false },
      ],
    });
  });

  it('reads dotted and quoted column names and escaped strings', () => {
    const expr = parseExpression('COALESCE($http.status_code, $"odd name", "say \\"hi\\"", -3)');
    expect(referencedColumns(expr)).toEqual(['http.status_code', 'odd name']);
    expect(expr).toMatchObject({ args: [{}, {}, { value: 'say "hi"' }, { value: -3 }] });
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
    ['IF($a, 1', /expected ',' or '\)'/],
    ['$', /column name after \$/],
    ['EQUALS($a, "open)', /unterminated string/],
    ['foo', /expected '\(' after foo/],
    ['BOOL($a) $b', /trailing input/],
    ['BOOL($a) # x', /unexpected character '#'/],
  ])('rejects %s', (source, message) => {
    expect(() => parseExpression(source)).toThrow(message);
  });
});

describe('checkExpression', () => {
  it('names unknown functions', () => {
    expect(checkExpression(parseExpression('IF(REG_MATCH($name, "x"), 1, 0)'))).toEqual(['unknown function REG_MATCH']);
  });

  it('checks argument counts', () => {
    expect(checkExpression(parseExpression('NOT($a, $b)'))).toEqual(['NOT takes 1 argument(s), got 2']);
    expect(checkExpression(parseExpression('AND()'))).toEqual(['AND takes at least 1 argument(s), got 0']);
    expect(checkExpression(parseExpression('IF(EXISTS($a), 1, 0)'))).toEqual([]);
  });
});
