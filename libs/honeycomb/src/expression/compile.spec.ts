import fc from 'fast-check';
import { SPAN_CLOCK } from '../engine/column-resolver.js';
import type { SpanEvent } from '../engine/span-event.js';
import type { Expr } from './ast.js';
import { compileExpression } from './compile.js';
import { FUNCTIONS } from './functions.js';
import { printExpression } from './print.js';

const evaluate = (source: string, event: SpanEvent = {}) =>
  compileExpression<SpanEvent>(source, (name) => (e) => e[name] ?? null, SPAN_CLOCK)(event);

/** What the engine does where Honeycomb's docs are silent (docs/HONEYCOMB_QUERY_ENGINE.md). */
describe('formula behaviour the docs leave open', () => {
  it.each([
    ['EQUALS(1, 1.0)', {}, true],
    ['EQUALS($a, null)', {}, true],
    ['EQUALS($a, null)', { a: '' }, false],
    ['GT(true, false)', {}, false],
    ['SUB($x, $y)', { x: 1 }, null],
    ['SUM($x, 1)', {}, null],
    ['INT($missing)', {}, 0],
    ['INT(true)', {}, 0],
    ['MOD(-7, 3)', {}, -1],
    ['MOD(7, 0)', {}, null],
    ['MIN(true, false)', {}, false],
    ['STRING(0.00001)', {}, '1e-05'],
    ['STRING(1e21)', {}, '1e+21'],
    ['TO_LOWER(12)', {}, 12],
    ['LENGTH(12)', {}, null],
    ['LENGTH("😀", "chars")', {}, 1],
    ['BUCKET($v, 10, 0, 30)', { v: 0 }, '< 0'],
    ['BUCKET($v, 10, 0, 25)', { v: 24 }, '20 - 25'],
    ['BUCKET($v, 10)', { v: 0 }, '-10 - 0'],
    ['REG_VALUE("abc", `b`)', {}, 'b'],
    ['REG_COUNT("aaa", `a*`)', {}, 1],
    ['REG_COUNT("abc", `x*`)', {}, 4],
    ['REG_MATCH("A", `(?i)a`)', {}, true],
    ['REG_MATCH("a-b", `a\\-b`)', {}, true],
    ['REG_MATCH("x1", `^[[:alpha:]][[:digit:]]$`)', {}, true],
    ['REG_MATCH("ab", `\\Aab\\z`)', {}, true],
    ['REG_MATCH("a.b-c", `^\\Qa.b-c\\E$`)', {}, true],
    ['REG_MATCH("{", `^[[:punct:]]$`)', {}, true],
    ['REG_MATCH("é α", `^\\pL \\p{Greek}$`)', {}, true],
    ['REG_MATCH("x]}", `^\\x{78}[]]}$`)', {}, true],
    ['UNIX_TIMESTAMP("2017-02-30T00:00:00Z")', {}, null],
    ['UNIX_TIMESTAMP(1500549764)', {}, null],
    ['FORMAT_TIME("%j %U %W %V %u %p %I %e %%", 1500549764)', {}, '201 29 29 29 4 AM 11 20 %'],
    ['FORMAT_TIME("%A", "nope")', {}, null],
    ['EVENT_TIMESTAMP()', {}, null],
    ['SUB(INGEST_TIMESTAMP(), EVENT_TIMESTAMP())', { timestamp: 1_000, duration_ms: 1_500 }, 1.5],
    ['LT("\u{1F600}", "\uFF01")', {}, false],
  ])('%s over %j is %j', (source, event, expected) => {
    expect(evaluate(source, event as SpanEvent)).toEqual(expected);
  });

  it.each([
    ['REG_MATCH($a, `(?U)a+`)', /the U flag is not supported/],
    ['REG_MATCH($a, `a(?i)b`)', /only a leading inline flag group/],
    ['REG_MATCH($a, `(a)\\1`)', /backreferences/],
    ['REG_MATCH($a, `a{1001}`)', /repeat count above 1000/],
    ['LENGTH($a, $mode)', /LENGTH mode must be a string literal/],
    ['BUCKET($a, 0)', /BUCKET size must be positive/],
    ['BUCKET($a, 10, 30, 0)', /BUCKET max must not be below min/],
  ])('rejects %s', (source, message) => {
    expect(() => evaluate(source)).toThrow(message);
  });

  it('evaluates only the branch IF takes, and reads each column through the supplied reader', () => {
    const reads: string[] = [];
    const read = compileExpression<SpanEvent>('IF(EXISTS($a), $b, $c)', (name) => (e) => {
      reads.push(name);
      return e[name] ?? null;
    });
    expect(read({ a: 1, b: 'b' })).toBe('b');
    expect(reads).toEqual(['a', 'b']);
  });
});

describe('any well-formed formula over any event', () => {
  const scalar = fc.oneof(
    fc.string({ maxLength: 6 }),
    fc.double({ noNaN: true }),
    fc.integer(),
    fc.boolean(),
    fc.constant('true'),
  );
  const columns = ['a', 'b', 'c'];
  /** Calls of every function whose arguments need no particular literal, with an allowed argument count. */
  const callable = [...FUNCTIONS].filter(([, def]) => !def.checkArgs);
  const formula: fc.Arbitrary<Expr> = fc.letrec<{ expr: Expr }>((tie) => ({
    expr: fc.oneof(
      { depthSize: 'small' },
      fc.constantFrom(...columns).map((name): Expr => ({ kind: 'column', name })),
      fc.oneof(scalar, fc.constant(null)).map((value): Expr => ({ kind: 'literal', value })),
      fc
        .constantFrom(...callable)
        .chain(([fn, def]) =>
          fc
            .array(tie('expr'), { minLength: def.minArgs, maxLength: Math.min(def.maxArgs, def.minArgs + 3) })
            .map((args): Expr => ({ kind: 'call', fn, args })),
        ),
    ),
  })).expr;
  const event = fc.record(
    { a: scalar, b: scalar, c: scalar, timestamp: fc.integer({ min: 0, max: 4e12 }) },
    { requiredKeys: ['timestamp'] },
  );

  it('evaluates to a string, number, boolean or null without throwing', () => {
    fc.assert(
      fc.property(formula, event, (expr, e) => {
        const value = evaluate(printExpression(expr), e as SpanEvent);
        expect(value === null || ['string', 'number', 'boolean'].includes(typeof value)).toBe(true);
      }),
      { seed: 20261129, numRuns: 1000 },
    );
  });
});
