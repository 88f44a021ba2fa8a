import { findContradictions, parseConstraint, parsePredicate, saysNoConstraints, splitPredicates } from './predicates.js';

const asserts = (...predicates: string[]) => predicates.map((predicate) => ({ predicate, rationale: null, holes: [] }));

describe('predicates', () => {
  it.each([
    ['n > 0', 'n > 0'],
    ['n>=1', 'n >= 1'],
    ['n must be positive', 'n > 0'],
    ['x is non-negative.', 'x >= 0'],
    ['size should be less than 100', 'size < 100'],
    ['k must be at least -2.5', 'k >= -2.5'],
  ])('reads "%s" as %s', (text, predicate) => {
    expect(parsePredicate(text)).toBe(predicate);
  });

  it.each([
    ['inputs are non-negative integers', ['a >= 0', 'b >= 0']],
    ['All inputs must be positive numbers.', ['a > 0', 'b > 0']],
    ['both must be at most 10', ['a <= 10', 'b <= 10']],
    ['Result must be positive.', ['result > 0']],
    ['the return value is non-negative', ['result >= 0']],
    ['n must be between 1 and 10', ['n >= 1', 'n <= 10']],
    ['n has to be greater than or equal to 3', ['n >= 3']],
    ['n should always be 5 or more', ['n >= 5']],
    ['rate is a non-negative float', ['rate >= 0']],
    ['d must be non-zero', ['d != 0']],
    ['n ≥ 2', ['n >= 2']],
  ])('reads the plain-language "%s" as %j', (text, predicates) => {
    expect(parseConstraint(text, ['a', 'b'])).toEqual(predicates);
  });

  it('does not take "inputs" to mean anything when there are no inputs to constrain', () => {
    expect(parseConstraint('inputs are positive', [])).toBeUndefined();
  });

  it.each([
    'none',
    'None.',
    'no constraints',
    'No input constraints',
    'n/a',
    'any value',
    'all inputs are fine',
    'unconstrained',
  ])('takes "%s" to say the inputs need no constraints', (text) => {
    expect(saysNoConstraints(text)).toBe(true);
  });

  it.each(['n > 0', 'no idea', 'none of your business, n > 0'])('does not take "%s" to say "none"', (text) => {
    expect(saysNoConstraints(text)).toBe(false);
  });

  it('rejects text that is not a bound', () => {
    expect(parsePredicate('n should be nice')).toBeUndefined();
  });

  it('splits on and, commas and semicolons', () => {
    expect(splitPredicates('n > 0 and n < 10; m >= 1, k != 3')).toEqual(['n > 0', 'n < 10', 'm >= 1', 'k != 3']);
    expect(splitPredicates('n must be between 1 and 10 and m > 0')).toEqual(['n must be between 1 and 10', 'm > 0']);
  });

  it('finds bounds no value satisfies', () => {
    expect(findContradictions(asserts('n > 10', 'n < 5'))).toEqual(["'n > 10' contradicts 'n < 5'"]);
    expect(findContradictions(asserts('n == 3', 'n != 3'))).toHaveLength(1);
    expect(findContradictions(asserts('n >= 5', 'n <= 5', 'm > 0'))).toEqual([]);
    expect(findContradictions(asserts('n > 10', 'm < 5'))).toEqual([]);
  });
});
