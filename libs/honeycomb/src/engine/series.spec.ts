import { concurrency, count, max, rateSum } from '../spec/builders.js';
import { MINUTE, spanEvent, T0 } from '../testing/fixtures.js';
import { runQuery } from './run-query.js';

const at = (minutesAgo: number, fields = {}) => spanEvent({ timestamp: T0 - minutesAgo * MINUTE, ...fields });

describe('time series', () => {
  it('buckets events from the query start at the granularity, per group', () => {
    const events = [at(10, { name: 'a' }), at(9.5, { name: 'a' }), at(8, { name: 'b' }), at(1, { name: 'a' })];
    const result = runQuery({ calculations: [count()], breakdowns: ['name'], time_range: 600, granularity: 120 }, events, {
      now: T0,
    });
    expect(result.series!.map((b) => b.time)).toEqual([0, 1, 2, 3, 4].map((i) => T0 - 10 * MINUTE + i * 2 * MINUTE));
    expect(result.series!.map((b) => b.rows.map((r) => [r.group['name'], r.values['COUNT']]))).toEqual([
      [
        ['a', 2],
        ['b', 0],
      ],
      [
        ['a', 0],
        ['b', 1],
      ],
      [
        ['a', 0],
        ['b', 0],
      ],
      [
        ['a', 0],
        ['b', 0],
      ],
      [
        ['a', 1],
        ['b', 0],
      ],
    ]);
    expect(result.rows.map((r) => r.values['COUNT'])).toEqual([3, 1]);
  });

  it('computes RATE_SUM as the per-bucket difference of SUM', () => {
    const events = [at(9, { v: 10 }), at(7, { v: 15 }), at(5, { v: 12 }), at(3, { v: 20 })];
    const result = runQuery({ calculations: [rateSum('v'), max('v')], time_range: 600, granularity: 120 }, events, { now: T0 });
    expect(result.series!.map((b) => b.rows[0]!.values['RATE_SUM(v)'])).toEqual([null, 5, -3, 8, null]);
    expect(result.rows[0]!.values['RATE_SUM(v)']).toBeCloseTo(10 / 3);
  });

  it('counts spans carried over from earlier buckets in CONCURRENCY', () => {
    const events = [
      at(10, { duration_ms: 5 * MINUTE }),
      at(9, { duration_ms: 30_000 }),
      at(8.9, { duration_ms: 1000 }),
      at(6, { duration_ms: 1000 }),
      at(1, { duration_ms: 1000 }),
    ];
    const result = runQuery({ calculations: [concurrency()], time_range: 600, granularity: 120 }, events, { now: T0 });
    expect(result.series!.map((b) => b.rows[0]!.values['CONCURRENCY'])).toEqual([3, 1, 2, 0, 1]);
    expect(result.rows[0]!.values['CONCURRENCY']).toBe(3);
  });

  it('has no series without granularity', () => {
    expect(runQuery({}, [at(1)], { now: T0 }).series).toBeUndefined();
  });
});
