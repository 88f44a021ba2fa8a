import { asc, avg, count, countDistinct, desc, having, heatmap, max, min, p50, p95, sum, where } from '../spec/builders.js';
import { MINUTE, seededRandom, spanEvent, T0 } from '../testing/fixtures.js';
import { runQuery } from './run-query.js';
import type { SpanEvent } from './span-event.js';

const run = (query: Parameters<typeof runQuery>[0], events: SpanEvent[], derivedColumns = []) =>
  runQuery(query, events, { now: T0, derivedColumns });

describe('runQuery: slowest requests per user (acceptance test 3)', () => {
  it('matches a brute-force computation', () => {
    const random = seededRandom(42);
    const events: SpanEvent[] = [];
    for (let i = 0; i < 3000; i++) {
      events.push(
        spanEvent({
          'user.id': `user-${Math.floor(random() * 20)}`,
          'trace.trace_id': `trace-${Math.floor(random() * 150)}`,
          duration_ms: random() * 10_000,
          timestamp: T0 - Math.floor(random() * 60) * MINUTE,
        }),
      );
    }
    const result = run(
      {
        calculations: [p95('duration_ms')],
        breakdowns: ['user.id', 'trace.trace_id'],
        orders: [desc(p95('duration_ms'))],
        limit: 20,
        time_range: 7200,
      },
      events,
    );

    const groups = new Map<string, number[]>();
    for (const e of events) {
      const k = `${e['user.id']}|${e['trace.trace_id']}`;
      groups.set(k, [...(groups.get(k) ?? []), e['duration_ms'] as number]);
    }
    const expected = [...groups]
      .map(([k, durations]) => {
        const sorted = [...durations].sort((a, b) => a - b);
        const [user, trace] = k.split('|');
        return { user, trace, p95: sorted[Math.ceil(0.95 * sorted.length) - 1] };
      })
      .sort((a, b) => b.p95! - a.p95!)
      .slice(0, 20);

    expect(
      result.rows.map((r) => ({ user: r.group['user.id'], trace: r.group['trace.trace_id'], p95: r.values['P95(duration_ms)'] })),
    ).toEqual(expected);
  });
});

describe('runQuery', () => {
  const events = [
    spanEvent({ name: 'llm.call', 'llm.provider': 'anthropic', duration_ms: 100, 'llm.cost_usd': 0.02 }),
    spanEvent({ name: 'llm.call', 'llm.provider': 'anthropic', duration_ms: 300, error: true, 'llm.cost_usd': 0.04 }),
    spanEvent({ name: 'llm.call', 'llm.provider': 'openai', duration_ms: 200, 'llm.cost_usd': 0.01 }),
    spanEvent({ name: 'db.query', duration_ms: 5, 'user.id': 'u1' }),
    spanEvent({ name: 'db.query', duration_ms: 7, 'user.id': 'u2', timestamp: T0 - 3 * 3600_000 }),
  ];

  it('returns one row with COUNT 0 for a query without breakdowns over no events', () => {
    expect(run({ calculations: [count(), avg('duration_ms')] }, []).rows).toEqual([
      { group: {}, values: { COUNT: 0, 'AVG(duration_ms)': null } },
    ]);
  });

  it('only counts events inside the time window', () => {
    expect(run({}, events).rows[0]!.values['COUNT']).toBe(4);
    expect(run({ time_range: 4 * 3600 }, events).rows[0]!.values['COUNT']).toBe(5);
    const fixed = { start_time: (T0 - 3 * 3600_000) / 1000, end_time: (T0 - 3 * 3600_000 + 1) / 1000 };
    expect(run(fixed, events).rows[0]!.values['COUNT']).toBe(1);
  });

  it('computes SUM, AVG, MIN, MAX and COUNT_DISTINCT per group', () => {
    const result = run(
      {
        calculations: [
          sum('llm.cost_usd'),
          avg('duration_ms'),
          min('duration_ms'),
          max('duration_ms'),
          countDistinct('trace.trace_id'),
        ],
        filters: [where('name', '=', 'llm.call')],
        breakdowns: ['llm.provider'],
        orders: [asc('llm.provider')],
      },
      events,
    );
    expect(result.rows).toEqual([
      {
        group: { 'llm.provider': 'anthropic' },
        values: {
          'SUM(llm.cost_usd)': 0.06,
          'AVG(duration_ms)': 200,
          'MIN(duration_ms)': 100,
          'MAX(duration_ms)': 300,
          'COUNT_DISTINCT(trace.trace_id)': 2,
        },
      },
      {
        group: { 'llm.provider': 'openai' },
        values: {
          'SUM(llm.cost_usd)': 0.01,
          'AVG(duration_ms)': 200,
          'MIN(duration_ms)': 200,
          'MAX(duration_ms)': 200,
          'COUNT_DISTINCT(trace.trace_id)': 1,
        },
      },
    ]);
  });

  it('averages a boolean derived column as the fraction of true', () => {
    const derived = [{ alias: 'is_error', expression: 'BOOL($error)' }];
    const result = runQuery({ calculations: [avg('is_error')], breakdowns: ['name'], orders: [asc('name')] }, events, {
      now: T0,
      derivedColumns: derived,
    });
    expect(result.rows.map((r) => [r.group['name'], r.values['AVG(is_error)']])).toEqual([
      ['db.query', 0],
      ['llm.call', 1 / 3],
    ]);
  });

  it('orders by the first calculation descending by default, nulls last, and applies the limit', () => {
    const result = run({ calculations: [p95('llm.cost_usd')], breakdowns: ['name'] }, events);
    expect(result.rows.map((r) => [r.group['name'], r.values['P95(llm.cost_usd)']])).toEqual([
      ['llm.call', 0.04],
      ['db.query', null],
    ]);
    expect(run({ breakdowns: ['name'], limit: 1 }, events).rows).toEqual([{ group: { name: 'llm.call' }, values: { COUNT: 3 } }]);
  });

  it('groups events missing a breakdown column under null', () => {
    const result = run({ breakdowns: ['user.id'], orders: [asc('user.id')] }, events);
    expect(result.rows.map((r) => [r.group['user.id'], r.values['COUNT']])).toEqual([
      ['u1', 1],
      [null, 3],
    ]);
  });

  it('keeps values of different types in different groups, as Honeycomb never equates 200 and "200"', () => {
    const mixed = [spanEvent({ code: 200 }), spanEvent({ code: '200' }), spanEvent({ code: 200 }), spanEvent({ code: true })];
    const result = run({ breakdowns: ['code'] }, mixed);
    expect(result.rows.map((r) => [r.group['code'], r.values['COUNT']])).toEqual([
      [200, 2],
      [true, 1],
      ['200', 1],
    ]);
  });

  it('filters groups with havings', () => {
    const result = run(
      { calculations: [count(), p50('duration_ms')], breakdowns: ['name'], havings: [having(count(), '>', 1)] },
      events,
    );
    expect(result.rows.map((r) => r.group['name'])).toEqual(['llm.call']);
  });

  it('combines filters with OR', () => {
    const query = {
      filters: [where('llm.provider', '=', 'openai'), where('user.id', 'exists')],
      filter_combination: 'OR' as const,
    };
    expect(run(query, events).rows[0]!.values['COUNT']).toBe(2);
    expect(run({ ...query, filter_combination: 'AND' }, events).rows[0]!.values['COUNT']).toBe(0);
  });

  it('returns HEATMAP bucket counts', () => {
    const spread = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((d) => spanEvent({ duration_ms: d * 10 }));
    const row = run({ calculations: [heatmap('duration_ms')] }, spread).rows[0]!;
    const buckets = row.heatmaps!['HEATMAP(duration_ms)']!;
    expect(row.values['HEATMAP(duration_ms)']).toBe(11);
    expect(buckets[0]).toEqual({ lower: 0, upper: 5, count: 1 });
    expect(buckets.at(-1)).toEqual({ lower: 95, upper: 100, count: 1 });
    expect(buckets.reduce((n, b) => n + b.count, 0)).toBe(11);
  });
});
