import { InvalidInputError } from '../http/domain-error.js';
import { applyResolution } from './hole-resolution.js';
import { IRValidator } from './ir-validator.js';
import { allHoles } from './ir.types.js';
import { parsePrompt } from './rule-based-parser.js';

const PROMPT = 'Write a function called total that takes n and a float rate and returns, then log the result.';
const validator = new IRValidator();
const start = () => validator.validate(parsePrompt(PROMPT, 'python'), PROMPT);
const resolve = (ir: ReturnType<typeof start>['ir'], id: string, text: string) => {
  const hole = allHoles(ir).find((candidate) => candidate.identifier === id);
  if (!hole) throw new Error(`no hole ${id}`);
  return validator.validate(applyResolution(ir, hole, text), PROMPT);
};

describe('resolving holes and validating the IR', () => {
  it('starts incomplete with the holes the rules find', () => {
    const validation = start();
    expect(validation.status).toBe('incomplete');
    expect(validation.holes.map((hole) => hole.identifier).sort()).toEqual([
      'input_constraints',
      'n_type',
      'return_type',
      'side_effects',
    ]);
  });

  it('becomes valid once every hole is resolved', () => {
    let validation = start();
    validation = resolve(validation.ir, 'n_type', 'integer');
    validation = resolve(validation.ir, 'return_type', 'float');
    validation = resolve(validation.ir, 'input_constraints', 'n must be positive and rate >= 0');
    validation = resolve(validation.ir, 'side_effects', 'Writes the total to the application log');
    expect(validation).toMatchObject({ status: 'valid', holes: [], completeness: 1 });
    expect(validation.ir.assertions.map((assertion) => assertion.predicate)).toEqual(['n > 0', 'rate >= 0']);
  });

  it('marks contradicting constraints contradictory', () => {
    const validation = resolve(start().ir, 'input_constraints', 'n > 10; n < 5');
    expect(validation.status).toBe('contradictory');
    expect(validation.contradictions).toEqual(["'n > 10' contradicts 'n < 5'"]);
  });

  it.each([
    ['n_type', 'a wibble password=hunter2'],
    ['input_constraints', 'n should be reasonable password=hunter2'],
  ])('rejects an answer that cannot fill %s, without quoting it', (id, text) => {
    expect(() => resolve(start().ir, id, text)).toThrow(InvalidInputError);
    expect(() => resolve(start().ir, id, text)).not.toThrow(/hunter2/);
  });

  it('shows the accepted forms when constraints cannot be read', () => {
    const failure = (() => {
      try {
        resolve(start().ir, 'input_constraints', 'keep it sane');
      } catch (error) {
        return error as InvalidInputError;
      }
    })();
    expect(failure?.message).toMatch(/^could not read the constraints; write them like: "n > 0", .*"none"$/);
    expect(failure?.details.accepted_forms).toEqual(expect.arrayContaining(['inputs are non-negative integers', 'none']));
  });

  it.each(['none', 'No constraints.'])('resolves input_constraints with "%s", adding no assertion', (answer) => {
    const validation = resolve(start().ir, 'input_constraints', answer);
    expect(validation.holes.map((hole) => hole.identifier)).not.toContain('input_constraints');
    expect(validation.ir.assertions).toEqual([]);
    expect(validation.ir.constraints).toContain('No input constraints');
  });

  it('reads plain-language constraints for every input at once', () => {
    let validation = resolve(start().ir, 'n_type', 'int');
    validation = resolve(validation.ir, 'input_constraints', 'inputs are non-negative integers');
    expect(validation.ir.assertions.map((assertion) => assertion.predicate)).toEqual(['n >= 0', 'rate >= 0']);
  });

  it('does not take a postcondition alone for input constraints', () => {
    const validation = resolve(start().ir, 'input_constraints', 'the result must be positive');
    expect(validation.holes.map((hole) => hole.identifier)).toContain('input_constraints');
  });
});
