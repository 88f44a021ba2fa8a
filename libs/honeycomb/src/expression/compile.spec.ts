import type { SpanEvent } from '../engine/span-event.js';
import { compileExpression } from './compile.js';

const evaluate = (source: string, event: SpanEvent = {}) =>
  compileExpression<SpanEvent>(source, (name) => (e) => e[name] ?? null)(event);

describe('compiled derived-column expressions', () => {
  it.each([
    ['IF(EXISTS($error), 1, 0)', { error: true }, 1],
    ['IF(EXISTS($error), 1, 0)', {}, 0],
    ['IF(EQUALS($kind, "server"), true)', { kind: 'client' }, null],
    ['IF(EQUALS($n, 1), "one", EQUALS($n, 2), "two", "many")', { n: 2 }, 'two'],
    ['AND(GT($d, 10), LT($d, 20))', { d: 15 }, true],
    ['OR(GTE($d, 20), LTE($d, 10))', { d: 15 }, false],
    ['NOT(BOOL($error))', {}, true],
    ['EQUALS($code, 200)', { code: '200' }, true],
    ['EQUALS($code, 200)', { code: 201 }, false],
    ['STARTS_WITH($name, "db.")', { name: 'db.query' }, true],
    ['CONTAINS($name, "llm")', { name: 'call.llm.x' }, true],
    ['CONTAINS($n, "1")', { n: 1 }, false],
    ['COALESCE($a, $b, "fallback")', { b: 'b' }, 'b'],
    ['COALESCE($a, "fallback")', { a: '' }, 'fallback'],
    ['INT($x)', { x: '7.9' }, 7],
    ['FLOAT($x)', { x: '7.5' }, 7.5],
    ['MUL($x, 2, 3)', { x: 2 }, 12],
    ['DIV($x, 4)', { x: 10 }, 2.5],
    ['DIV($x, 0)', { x: 10 }, null],
    ['SUM($x, $y, 1)', { x: 1, y: 2 }, 4],
    ['SUB($x, $y)', { x: 1 }, null],
    ['LT($s, "b")', { s: 'a' }, true],
    ['GT($missing, 1)', {}, false],
  ])('%s over %j is %j', (source, event, expected) => {
    expect(evaluate(source, event as SpanEvent)).toEqual(expected);
  });

  it('refuses unknown functions by name', () => {
    expect(() => evaluate('LOWER($name)')).toThrow(/unknown function LOWER/);
  });
});
