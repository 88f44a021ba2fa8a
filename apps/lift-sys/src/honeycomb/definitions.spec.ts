import { formatProblem, validateDefinitions } from '@lift-sys/honeycomb';
import { declaredColumns, liftSysDefinitions } from './definitions.js';

describe('lift-sys Honeycomb definitions', () => {
  const definitions = liftSysDefinitions({
    HONEYCOMB_ALERT_SLACK_CRITICAL: '#alerts',
    HONEYCOMB_ALERT_SLACK_COST: '#cost-alerts',
  });

  it('pass Honeycomb’s rules and name only columns the app emits', () => {
    expect(validateDefinitions(definitions, { declaredColumns })).toEqual([]);
  });

  it('cover the plan: four boards, five triggers, two SLOs with burn alerts', () => {
    expect(definitions.boards?.map((board) => board.name)).toEqual([
      'lift-sys Request Overview',
      'lift-sys Performance',
      'lift-sys Errors',
      'lift-sys Business Metrics',
    ]);
    expect(definitions.triggers?.map((trigger) => trigger.name)).toEqual([
      'High Error Rate',
      'Slow Requests',
      'LLM Provider Failure',
      'Database Failure',
      'LLM Cost Spike',
    ]);
    expect(definitions.slos?.map((slo) => slo.sli.alias)).toEqual(['sli.request_success', 'sli.request_latency']);
    expect(definitions.burnAlerts?.length).toBeGreaterThanOrEqual(2);
  });

  it('route alerts from configuration, not hard-coded channels', () => {
    expect(definitions.triggers?.[0].recipients).toEqual([{ type: 'slack', target: '#alerts' }]);
    expect(liftSysDefinitions({}).recipients).toEqual([]);
  });

  it('reject a query naming an attribute no span carries', () => {
    const broken = liftSysDefinitions({});
    broken.queries?.push({ name: 'typo', query: { calculations: [{ op: 'AVG', column: 'llm.cost_usdd' }] } });
    expect(validateDefinitions(broken, { declaredColumns }).map(formatProblem)).toEqual([
      expect.stringMatching(/^query "typo".*llm\.cost_usdd/),
    ]);
  });
});
