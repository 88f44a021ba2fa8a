import { count, p95, where } from '../spec/builders.js';
import type { HoneycombDefinitions } from '../spec/definitions.js';
import { DECLARED_COLUMNS, sampleDefinitions } from '../testing/fixtures.js';
import { InvalidDefinitionsError, formatProblem } from './problems.js';
import { assertValidDefinitions, validateDefinitions } from './validate-definitions.js';

const messages = (defs: HoneycombDefinitions, declared: string[] | undefined = DECLARED_COLUMNS) =>
  validateDefinitions(defs, { declaredColumns: declared }).map(formatProblem);

describe('validateDefinitions', () => {
  it('accepts the sample definitions', () => {
    expect(messages(sampleDefinitions())).toEqual([]);
  });

  it('prefixes each problem with the object it is about', () => {
    const defs = sampleDefinitions();
    defs.triggers![0]!.frequency = 90;
    defs.triggers![0]!.query.time_range = 180;
    expect(messages(defs)).toEqual(['trigger "High Error Rate": frequency 90 is not a multiple of 60']);
  });

  it('reports columns that are neither declared, built in nor derived', () => {
    const defs = sampleDefinitions();
    defs.queries!.push({
      name: 'Typos',
      query: {
        calculations: [p95('duration_ms'), count()],
        filters: [where('user.idd', '=', 'u1')],
        breakdowns: ['name', 'llm.modle'],
      },
    });
    expect(messages(defs)).toEqual([
      'query "Typos": unknown column user.idd (not a declared attribute, a Honeycomb column or a derived column)',
      'query "Typos": unknown column llm.modle (not a declared attribute, a Honeycomb column or a derived column)',
    ]);
  });

  it('accepts derived column aliases and built-ins as columns, and skips the check without declared columns', () => {
    const defs = sampleDefinitions();
    defs.queries!.push({
      name: 'Derived',
      query: { filters: [where('is_error', '=', true)], breakdowns: ['status_message', 'trace.parent_id'] },
    });
    defs.queries!.push({ name: 'Anything', query: { breakdowns: ['not.declared'] } });
    expect(messages(defs)).toEqual([
      'query "Anything": unknown column not.declared (not a declared attribute, a Honeycomb column or a derived column)',
    ]);
    expect(validateDefinitions(defs)).toEqual([]);
  });

  it('checks the columns and functions of derived-column expressions', () => {
    const defs = sampleDefinitions();
    defs.derivedColumns!.push({ alias: 'bad', expression: 'IF(LOWER($usr.id), 1, 0)' });
    defs.derivedColumns!.push({ alias: 'name', expression: 'BOOL($error)' });
    expect(messages(defs)).toEqual([
      'derived column "bad": expression IF(LOWER($usr.id), 1, 0): unknown function LOWER',
      'derived column "bad": unknown column usr.id (not a declared attribute, a Honeycomb column or a derived column)',
      'derived column "name": alias name shadows a Honeycomb column',
    ]);
  });

  it('checks trigger query columns too', () => {
    const defs = sampleDefinitions();
    defs.triggers![0]!.query.filters = [where('llm.cost', '>', 1)];
    expect(messages(defs)).toEqual([
      'trigger "High Error Rate": unknown column llm.cost (not a declared attribute, a Honeycomb column or a derived column)',
    ]);
  });

  it('checks references between definitions and duplicate names', () => {
    const defs = sampleDefinitions();
    defs.slos![0]!.sli.alias = 'missing_sli';
    defs.triggers![0]!.recipients = [{ type: 'email', target: 'ops@example.com' }];
    defs.boards![0]!.panels.push({ type: 'query', query_panel: { query: 'Nope' } });
    defs.boards!.push({ ...defs.boards![0]!, panels: [] });
    expect(messages(defs)).toEqual([
      'board "Request Overview": is defined more than once',
      'SLO "Request Success": SLI missing_sli is not a derived column in these definitions',
      'trigger "High Error Rate": recipient email:ops@example.com is not declared in recipients',
      'board "Request Overview": query panel names query "Nope", which is not defined',
    ]);
  });

  it("applies Honeycomb's limits on names, tags and recipients, naming secret targets only by hash", () => {
    const defs = sampleDefinitions();
    defs.queries![0]!.name = 'q'.repeat(81);
    defs.boards![0]!.panels = [];
    defs.boards![0]!.tags = [{ key: 'Team', value: 'lift' }];
    defs.recipients![1] = { type: 'pagerduty', target: 'short-key' };
    defs.triggers![0]!.recipients = [defs.recipients![0]!];
    defs.recipients!.push({
      type: 'webhook',
      target: 'ftp://hooks.example.com/t0ken',
      name: 'see ftp://hooks.example.com/t0ken',
    });
    const problems = messages(defs);
    expect(problems).toEqual([
      expect.stringMatching(/^recipient pagerduty:#[0-9a-f]{8}: a PagerDuty integration key has 32 characters, this one 9$/),
      expect.stringMatching(/^recipient webhook:#[0-9a-f]{8} "see .*": a webhook target must be an http\(s\) URL$/),
      expect.stringMatching(/^recipient webhook:#[0-9a-f]{8} "see .*": the name would show the secret target in Honeycomb/),
      `query "${'q'.repeat(81)}": name is 81 characters; Honeycomb allows at most 80`,
      'board "Request Overview": tag key "Team" must be 1 to 32 lowercase letters',
    ]);
    expect(problems.slice(0, 1).join()).not.toContain('short-key');
  });

  it('assertValidDefinitions throws one error listing every problem', () => {
    const defs = sampleDefinitions();
    defs.triggers![0]!.frequency = 90;
    defs.queries![0]!.query.limit = 5000;
    let thrown: unknown;
    try {
      assertValidDefinitions(defs, { declaredColumns: DECLARED_COLUMNS });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidDefinitionsError);
    expect((thrown as InvalidDefinitionsError).problems).toHaveLength(2);
    expect((thrown as Error).message).toContain('query "Slowest Operations": limit 5000 must be a whole number from 1 to 1000');
    expect((thrown as Error).message).toContain('trigger "High Error Rate": frequency 90 is not a multiple of 60');
    expect(assertValidDefinitions(sampleDefinitions(), { declaredColumns: DECLARED_COLUMNS })).toBeDefined();
  });
});
