import { findContradictions, parsePredicate, splitPredicates } from './predicates.js';

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

  it('rejects text that is not a bound', () => {
    expect(parsePredicate('n should be nice')).toBeUndefined();
  });

  it('splits on and, commas and semicolons', () => {
    expect(splitPredicates('n > 0 and n < 10; m >= 1, k != 3')).toEqual(['n > 0', 'n < 10', 'm >= 1', 'k != 3']);
  });

  it('finds bounds no value satisfies', () => {
    expect(findContradictions(asserts('n > 10', 'n < 5'))).toEqual(["'n > 10' contradicts 'n < 5'"]);
    expect(findContradictions(asserts('n == 3', 'n != 3'))).toHaveLength(1);
    expect(findContradictions(asserts('n >= 5', 'n <= 5', 'm > 0'))).toEqual([]);
    expect(findContradictions(asserts('n > 10', 'm < 5'))).toEqual([]);
  });
});
