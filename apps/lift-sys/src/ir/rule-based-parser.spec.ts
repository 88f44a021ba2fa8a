import { parsePrompt } from './rule-based-parser.js';

describe('rule-based prompt parser', () => {
  it('reads name, typed parameters, return type and bounds', () => {
    const ir = parsePrompt(
      'Write a function called clamp_value that takes an integer n and a string label and returns an integer, where n > 0 and n < 100.',
      'python',
    );
    expect(ir.signature).toEqual({
      name: 'clamp_value',
      parameters: [
        { name: 'n', type_hint: 'int', description: 'an integer n' },
        { name: 'label', type_hint: 'str', description: 'a string label' },
      ],
      returns: 'int',
      holes: [],
    });
    expect(ir.assertions.map((assertion) => assertion.predicate)).toEqual(['n > 0', 'n < 100']);
    expect(ir.intent.summary).toBe(
      'Write a function called clamp_value that takes an integer n and a string label and returns an integer, where n > 0 and n < 100',
    );
    expect(ir.metadata).toEqual({ language: 'python', origin: 'prompt' });
  });

  it('leaves unstated types null', () => {
    const ir = parsePrompt('Write a function called add that takes a and b and returns their sum.', 'go');
    expect(ir.signature.parameters.map((parameter) => parameter.type_hint)).toEqual([null, null]);
    expect(ir.signature.returns).toBeNull();
  });

  it('infers types from names and return phrases only when hinted', () => {
    const prompt = 'Write a function called add that takes n and count and returns their sum.';
    expect(parsePrompt(prompt, 'python', { inferParameterTypes: true, inferReturnType: true }).signature).toMatchObject({
      parameters: [{ type_hint: 'int' }, { type_hint: 'int' }],
      returns: 'int',
    });
  });

  it('derives a name from the summary when none is given', () => {
    expect(parsePrompt('Sort customer records by date.', 'python').signature.name).toBe('sort_customer_records');
  });

  it('reads constraints stated in sentences of their own, for the inputs and for the result', () => {
    const ir = parsePrompt(
      'Write a function called total that takes an integer a and an integer b and returns an integer. Inputs are non-negative integers. Result must be positive.',
      'python',
    );
    expect(ir.assertions.map((assertion) => assertion.predicate)).toEqual(['a >= 0', 'b >= 0', 'result > 0']);
    expect(ir.constraints).toEqual([]);
  });
});
