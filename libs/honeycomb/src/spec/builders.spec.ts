import { queryPanel, sloPanel, textPanel } from './board.js';
import { asc, count, desc, having, heatmap, p001, p95, p999, where } from './builders.js';
import { calcKey, effectiveCalculations, type QuerySpec } from './query.js';

describe('query builders', () => {
  it('build calculations with the API field names', () => {
    expect(p95('duration_ms')).toEqual({ op: 'P95', column: 'duration_ms' });
    expect(p001('duration_ms')).toEqual({ op: 'P001', column: 'duration_ms' });
    expect(p999('duration_ms')).toEqual({ op: 'P999', column: 'duration_ms' });
    expect(heatmap('duration_ms')).toEqual({ op: 'HEATMAP', column: 'duration_ms' });
    expect(count()).toEqual({ op: 'COUNT' });
  });

  it('build filters with and without values', () => {
    expect(where('name', '=', 'llm.call')).toEqual({ column: 'name', op: '=', value: 'llm.call' });
    expect(where('llm.cost_usd', 'exists')).toEqual({ column: 'llm.cost_usd', op: 'exists' });
    expect(where('llm.provider', 'in', ['anthropic', 'openai'])).toEqual({
      column: 'llm.provider',
      op: 'in',
      value: ['anthropic', 'openai'],
    });
  });

  it('build orders on calculations and on breakdown columns', () => {
    expect(desc(p95('duration_ms'))).toEqual({ op: 'P95', column: 'duration_ms', order: 'descending' });
    expect(desc(count())).toEqual({ op: 'COUNT', order: 'descending' });
    expect(asc('user.id')).toEqual({ column: 'user.id', order: 'ascending' });
  });

  it('build havings', () => {
    expect(having(count(), '>', 10)).toEqual({ calculate_op: 'COUNT', op: '>', value: 10 });
    expect(having(p95('duration_ms'), '>=', 5)).toEqual({ calculate_op: 'P95', column: 'duration_ms', op: '>=', value: 5 });
  });

  it('keep the plain object form equivalent and JSON-serializable as is', () => {
    const built: QuerySpec = {
      calculations: [p95('duration_ms')],
      filters: [where('name', 'starts-with', 'db.')],
      orders: [desc(p95('duration_ms'))],
    };
    const plain: QuerySpec = JSON.parse(
      '{"calculations":[{"op":"P95","column":"duration_ms"}],"filters":[{"column":"name","op":"starts-with","value":"db."}],"orders":[{"op":"P95","column":"duration_ms","order":"descending"}]}',
    );
    expect(built).toEqual(plain);
  });

  it('build board panels', () => {
    expect(queryPanel('Error Rate')).toEqual({ type: 'query', query_panel: { query: 'Error Rate', query_style: 'graph' } });
    expect(sloPanel('Request Success')).toEqual({ type: 'slo', slo_panel: { slo: 'Request Success' } });
    expect(textPanel('# Hi')).toEqual({ type: 'text', text_panel: { content: '# Hi' } });
  });
});

describe('calcKey and effectiveCalculations', () => {
  it('label calculations the way Honeycomb does', () => {
    expect(calcKey(count())).toBe('COUNT');
    expect(calcKey(p95('duration_ms'))).toBe('P95(duration_ms)');
  });

  it('treat a query without calculations as COUNT', () => {
    expect(effectiveCalculations({})).toEqual([{ op: 'COUNT' }]);
    expect(effectiveCalculations({ calculations: [p95('x')] })).toEqual([{ op: 'P95', column: 'x' }]);
  });
});
