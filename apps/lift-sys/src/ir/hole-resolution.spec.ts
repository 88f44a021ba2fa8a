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
    ['n_type', 'a wibble'],
    ['input_constraints', 'n should be reasonable'],
  ])('rejects an answer that cannot fill %s', (id, text) => {
    expect(() => resolve(start().ir, id, text)).toThrow(InvalidInputError);
  });
});
