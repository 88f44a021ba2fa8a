import type { Filter } from '../spec/query.js';
import { createColumnResolver } from './column-resolver.js';
import { compileFilter } from './filters.js';

const resolve = createColumnResolver();
const matches = (filter: Filter, event: Record<string, string | number | boolean>) => compileFilter(filter, resolve)(event);

describe('compileFilter', () => {
  it.each<[Filter, Record<string, string | number | boolean>, boolean]>([
    [{ column: 'code', op: '=', value: 200 }, { code: 200 }, true],
    [{ column: 'code', op: '=', value: 200 }, { code: '200' }, true],
    [{ column: 'error', op: '=', value: true }, { error: true }, true],
    [{ column: 'error', op: '=', value: true }, {}, false],
    [{ column: 'error', op: '!=', value: true }, {}, true],
    [{ column: 'd', op: '>', value: 10 }, { d: 10.5 }, true],
    [{ column: 'd', op: '>', value: 10 }, { d: 10 }, false],
    [{ column: 'd', op: '>=', value: 10 }, { d: 10 }, true],
    [{ column: 'd', op: '<', value: 10 }, {}, false],
    [{ column: 'd', op: '<=', value: 10 }, { d: 9 }, true],
    [{ column: 'name', op: 'starts-with', value: 'db.' }, { name: 'db.insert' }, true],
    [{ column: 'name', op: 'does-not-start-with', value: 'db.' }, { name: 'llm.call' }, true],
    [{ column: 'name', op: 'does-not-start-with', value: 'db.' }, {}, true],
    [{ column: 'name', op: 'contains', value: 'gen' }, { name: 'code.generate' }, true],
    [{ column: 'name', op: 'does-not-contain', value: 'gen' }, { name: 'code.generate' }, false],
    [{ column: 'cost', op: 'exists' }, { cost: 0 }, true],
    [{ column: 'cost', op: 'does-not-exist' }, { cost: 0 }, false],
    [{ column: 'p', op: 'in', value: ['a', 'b'] }, { p: 'b' }, true],
    [{ column: 'p', op: 'in', value: ['a', 'b'] }, { p: 'c' }, false],
    [{ column: 'p', op: 'not-in', value: ['a', 'b'] }, { p: 'c' }, true],
  ])('%j on %j is %s', (filter, event, expected) => {
    expect(matches(filter, event)).toBe(expected);
  });
});
