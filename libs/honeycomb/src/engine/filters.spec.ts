import type { Filter, QuerySpec } from '../spec/query.js';
import { createColumnResolver } from './column-resolver.js';
import { compileFilter, compileWhere } from './filters.js';
import type { SpanEvent } from './span-event.js';

/**
 * The filter ops of Honeycomb's query specification, each row citing its source. Where the sources are
 * silent (negated ops on events that lack the column) the engine's choice is in
 * docs/HONEYCOMB_QUERY_ENGINE.md and cited as such.
 */
const QUERY_SPEC = 'https://docs.honeycomb.io/api/query-specification';
const PROVIDER = 'honeycombio/terraform-provider-honeycombio client/query_spec.go';
const TYPED_VALUES =
  'https://newreleases.io/project/github/honeycombio/terraform-provider-honeycombio/release/v0.0.9 "ensure the type of the value matches the type of the column, otherwise the filter will not function properly"';
const ENGINE = 'docs/HONEYCOMB_QUERY_ENGINE.md (the sources are silent)';

const resolve = createColumnResolver([{ alias: 'dc.slow', expression: 'GT($duration_ms, 100)' }]);

const CASES: Array<[Filter, SpanEvent, boolean, string]> = [
  [{ column: 'code', op: '=', value: 200 }, { code: 200 }, true, `${PROVIDER} FilterOpEquals "="`],
  [{ column: 'code', op: '=', value: 200 }, { code: '200' }, false, TYPED_VALUES],
  [{ column: 'code', op: '=', value: '200' }, { code: 200 }, false, TYPED_VALUES],
  [
    { column: 'error', op: '=', value: true },
    { error: true },
    true,
    `${PROVIDER} "all other ops: value could be a string, int, bool or float"`,
  ],
  [
    { column: 'error', op: '=', value: true },
    {},
    false,
    `${QUERY_SPEC} "the filters with which to restrict the considered events"`,
  ],
  [{ column: 'error', op: '!=', value: true }, { error: false }, true, `${PROVIDER} FilterOpNotEquals "!="`],
  [{ column: 'error', op: '!=', value: true }, {}, true, ENGINE],
  [{ column: 'd', op: '>', value: 10 }, { d: 10.5 }, true, `${PROVIDER} FilterOpGreaterThan ">"`],
  [{ column: 'd', op: '>', value: 10 }, { d: 10 }, false, `${PROVIDER} FilterOpGreaterThan ">"`],
  [{ column: 'd', op: '>', value: 10 }, { d: '11' }, false, TYPED_VALUES],
  [{ column: 'd', op: '>=', value: 10 }, { d: 10 }, true, `${PROVIDER} FilterOpGreaterThanOrEqual ">="`],
  [{ column: 'd', op: '<', value: 10 }, {}, false, `${QUERY_SPEC} filters restrict the considered events`],
  [{ column: 'd', op: '<', value: 10 }, { d: 9.99 }, true, `${PROVIDER} FilterOpSmallerThan "<"`],
  [{ column: 'd', op: '<=', value: 10 }, { d: 10 }, true, `${PROVIDER} FilterOpSmallerThanOrEqual "<="`],
  [{ column: 'v', op: '<', value: 'b' }, { v: 'a' }, true, `${PROVIDER} comparison ops take "a string, int, bool or float"`],
  [
    { column: 'name', op: 'starts-with', value: 'db.' },
    { name: 'db.insert' },
    true,
    `${PROVIDER} FilterOpStartsWith; IsString "acts on strings"`,
  ],
  [{ column: 'name', op: 'starts-with', value: '4' }, { name: 404 }, false, `${PROVIDER} IsString: string ops "act on strings"`],
  [
    { column: 'name', op: 'does-not-start-with', value: 'db.' },
    { name: 'llm.call' },
    true,
    `${PROVIDER} FilterOpDoesNotStartWith`,
  ],
  [{ column: 'name', op: 'does-not-start-with', value: 'db.' }, {}, true, ENGINE],
  [
    { column: 'route', op: 'ends-with', value: '/finalize' },
    { route: '/sessions/:id/finalize' },
    true,
    `${PROVIDER} FilterOpEndsWith "ends-with"`,
  ],
  [
    { column: 'route', op: 'ends-with', value: '/finalize' },
    { route: '/finalize/x' },
    false,
    `${PROVIDER} FilterOpEndsWith "ends-with"`,
  ],
  [
    { column: 'route', op: 'does-not-end-with', value: '.json' },
    { route: '/a.json' },
    false,
    `${PROVIDER} FilterOpDoesNotEndWith "does-not-end-with"`,
  ],
  [
    { column: 'route', op: 'does-not-end-with', value: '.json' },
    { route: '/a.yaml' },
    true,
    `${PROVIDER} FilterOpDoesNotEndWith "does-not-end-with"`,
  ],
  [{ column: 'name', op: 'contains', value: 'gen' }, { name: 'code.generate' }, true, `${PROVIDER} FilterOpContains`],
  [
    { column: 'name', op: 'does-not-contain', value: 'gen' },
    { name: 'code.generate' },
    false,
    `${PROVIDER} FilterOpDoesNotContain`,
  ],
  [{ column: 'cost', op: 'exists' }, { cost: 0 }, true, `${PROVIDER} "'exists' and 'does-not-exist': value should be nil"`],
  [{ column: 'cost', op: 'does-not-exist' }, { cost: 0 }, false, `${PROVIDER} FilterOpDoesNotExist`],
  [{ column: 'cost', op: 'does-not-exist' }, {}, true, `${PROVIDER} FilterOpDoesNotExist`],
  [{ column: 'p', op: 'in', value: ['a', 'b'] }, { p: 'b' }, true, `${PROVIDER} "'in' and 'not-in': value should be a []string"`],
  [{ column: 'p', op: 'in', value: ['a', 'b'] }, { p: 'c' }, false, `${PROVIDER} FilterOpIn`],
  [{ column: 'p', op: 'in', value: ['200'] }, { p: 200 }, false, TYPED_VALUES],
  [{ column: 'p', op: 'not-in', value: ['a', 'b'] }, { p: 'c' }, true, `${PROVIDER} FilterOpNotIn`],
  [{ column: 'p', op: 'not-in', value: ['a', 'b'] }, {}, true, ENGINE],
  [
    { column: 'dc.slow', op: '=', value: true },
    { duration_ms: 150 },
    true,
    `https://docs.honeycomb.io/reference/calculated-field-formula/syntax "produces a new Calculated Field attached to that event"`,
  ],
];

describe('compileFilter', () => {
  it.each(CASES)('%j on %j is %s (%s)', (filter, event, expected) => {
    expect(compileFilter(filter, resolve)(event)).toBe(expected);
  });

  it('covers every filter op of the query specification', () => {
    const ops = new Set(CASES.map(([filter]) => filter.op));
    expect([...ops].sort()).toEqual(
      ['=', '!=', '>', '>=', '<', '<=', 'starts-with', 'does-not-start-with', 'ends-with', 'does-not-end-with']
        .concat(['exists', 'does-not-exist', 'contains', 'does-not-contain', 'in', 'not-in'])
        .sort(),
    );
  });

  it('refuses an op it does not know instead of matching nothing', () => {
    expect(() => compileFilter({ column: 'a', op: 'like' as Filter['op'], value: 'x' }, resolve)).toThrow(
      /unknown operator like/,
    );
  });
});

describe('compileWhere', () => {
  const events: SpanEvent[] = [{ a: 1 }, { b: 1 }, { a: 1, b: 1 }, {}];
  const count = (query: QuerySpec) => events.filter(compileWhere(query, resolve)).length;
  const filters: Filter[] = [
    { column: 'a', op: 'exists' },
    { column: 'b', op: 'exists' },
  ];

  it(`combines filters with AND by default (${QUERY_SPEC} filter_combination "Defaults to "AND"")`, () => {
    expect(count({ filters })).toBe(1);
  });

  it(`matches ANY filter with OR (${QUERY_SPEC} "set to "OR" to match ANY filter in the filter list")`, () => {
    expect(count({ filters, filter_combination: 'OR' })).toBe(3);
  });

  it('keeps every event without filters', () => {
    expect(count({})).toBe(4);
  });
});
