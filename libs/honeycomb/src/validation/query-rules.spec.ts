import { count, desc, having, p95, where } from '../spec/builders.js';
import type { QuerySpec } from '../spec/query.js';
import { checkQuery } from './query-rules.js';

const base: QuerySpec = { calculations: [count(), p95('duration_ms')], breakdowns: ['name'], time_range: 3600 };

describe('checkQuery', () => {
  it('accepts a well-formed query', () => {
    expect(
      checkQuery({
        ...base,
        filters: [where('name', 'starts-with', 'db.'), where('error', 'exists'), where('llm.provider', 'in', ['a'])],
        orders: [desc(p95('duration_ms')), desc('name')],
        havings: [having(count(), '>', 5)],
        limit: 1000,
        granularity: 60,
      }),
    ).toEqual([]);
  });

  it('needs a column for column calculations and none for COUNT', () => {
    expect(checkQuery({ calculations: [{ op: 'P95' }] })).toEqual(['P95 needs a column']);
    expect(checkQuery({ calculations: [{ op: 'COUNT', column: 'x' }] })).toEqual(['COUNT takes no column']);
    expect(checkQuery({ calculations: [{ op: 'P42' as 'P95', column: 'x' }] })).toEqual(['unknown calculation P42']);
  });

  it('checks filter values against the operator', () => {
    expect(checkQuery({ filters: [{ column: 'error', op: 'exists', value: true }] })).toEqual([
      'filter on error: exists takes no value',
    ]);
    expect(checkQuery({ filters: [{ column: 'x', op: 'in', value: 'a' }] })).toEqual([
      'filter on x: in takes a non-empty array of values',
    ]);
    expect(checkQuery({ filters: [{ column: 'x', op: '=', value: ['a'] }] })).toEqual(['filter on x: = takes a single value']);
    expect(checkQuery({ filters: [{ column: 'x', op: '~' as '=', value: 1 }] })).toEqual(['filter on x: unknown operator ~']);
  });

  it('requires orders to name a calculation of the query or a breakdown', () => {
    expect(checkQuery({ ...base, orders: [desc({ op: 'P99', column: 'duration_ms' })] })).toEqual([
      'order by P99(duration_ms) names a calculation the query does not have',
    ]);
    expect(checkQuery({ ...base, orders: [desc('user.id')] })).toEqual([
      'order by user.id names a column that is not a breakdown',
    ]);
    expect(checkQuery({ orders: [desc(count())] })).toEqual([]);
  });

  it('caps limit at 1000', () => {
    expect(checkQuery({ ...base, limit: 1001 })).toEqual(['limit 1001 must be a whole number from 1 to 1000']);
    expect(checkQuery({ ...base, limit: 1000 })).toEqual([]);
  });

  it('requires havings to refer to calculations present', () => {
    expect(checkQuery({ ...base, havings: [having({ op: 'AVG', column: 'duration_ms' }, '>', 1)] })).toEqual([
      'having on AVG(duration_ms) names a calculation the query does not have',
    ]);
  });

  it('bounds granularity by time_range/1000 and time_range/10', () => {
    expect(checkQuery({ time_range: 3600, granularity: 360 })).toEqual([]);
    expect(checkQuery({ time_range: 3600, granularity: 3.6 })).toEqual([]);
    expect(checkQuery({ time_range: 3600, granularity: 361 })).toEqual([
      'granularity 361 must be between time_range/1000 (3.6) and time_range/10 (360)',
    ]);
    expect(checkQuery({ time_range: 3600, granularity: 3 })).toHaveLength(1);
    expect(checkQuery({ start_time: 0, end_time: 600, granularity: 61 })).toHaveLength(1);
  });

  it('rejects contradictory time settings', () => {
    expect(checkQuery({ time_range: 60, start_time: 1, end_time: 61 })).toContain(
      'time_range, start_time and end_time cannot all be set',
    );
    expect(checkQuery({ start_time: 100, end_time: 50 })).toContain('end_time 50 must be after start_time 100');
  });
});
