import { completeness, detectHoles } from './hole-detector.js';
import type { IntermediateRepresentation } from './ir.types.js';

function ir(
  overrides: Partial<{
    summary: string;
    parameters: IntermediateRepresentation['signature']['parameters'];
    returns: string | null;
    assertions: string[];
    effects: string[];
  }> = {},
): IntermediateRepresentation {
  return {
    intent: { summary: overrides.summary ?? 'Compute the factorial of a non-negative integer', rationale: null, holes: [] },
    signature: {
      name: 'factorial',
      parameters: overrides.parameters ?? [{ name: 'label', type_hint: 'str', description: '' }],
      returns: 'returns' in overrides ? (overrides.returns ?? null) : 'int',
      holes: [],
    },
    effects: (overrides.effects ?? []).map((description) => ({ description, holes: [] })),
    assertions: (overrides.assertions ?? []).map((predicate) => ({ predicate, rationale: null, holes: [] })),
    constraints: [],
    metadata: { language: 'python', origin: 'prompt' },
  };
}

const ids = (detected: ReturnType<typeof detectHoles>) => detected.holes.map((hole) => hole.identifier);

describe('hole detection rules', () => {
  it('finds nothing in a complete IR', () => {
    const detection = detectHoles(ir(), 'Compute the factorial');
    expect(ids(detection)).toEqual([]);
    expect(completeness(detection)).toBe(1);
  });

  it('flags each parameter without a type as {param}_type', () => {
    const detection = detectHoles(
      ir({
        parameters: [
          { name: 'a', type_hint: null, description: '' },
          { name: 'b', type_hint: 'str', description: '' },
        ],
      }),
      '',
    );
    expect(detection.holes).toEqual([expect.objectContaining({ identifier: 'a_type', kind: 'signature' })]);
  });

  it('flags a missing return type as return_type', () => {
    expect(ids(detectHoles(ir({ returns: null }), ''))).toEqual(['return_type']);
  });

  it('flags a summary under five words as detailed_intent', () => {
    expect(ids(detectHoles(ir({ summary: 'Add two numbers' }), ''))).toEqual(['detailed_intent']);
    expect(ids(detectHoles(ir({ summary: 'Add two numbers together please' }), ''))).toEqual([]);
  });

  it('flags numeric parameters without assertions as input_constraints', () => {
    const numeric = [{ name: 'n', type_hint: 'int', description: '' }];
    expect(detectHoles(ir({ parameters: numeric }), '').holes).toEqual([
      expect.objectContaining({ identifier: 'input_constraints', kind: 'assertion' }),
    ]);
    expect(ids(detectHoles(ir({ parameters: numeric, assertions: ['n >= 0'] }), ''))).toEqual([]);
  });

  it('counts a stated "no constraints" but not a postcondition alone as constraining the inputs', () => {
    const numeric = [{ name: 'n', type_hint: 'int', description: '' }];
    expect(ids(detectHoles(ir({ parameters: numeric, assertions: ['result > 0'] }), ''))).toEqual(['input_constraints']);
    const unconstrained = { ...ir({ parameters: numeric }), constraints: ['No input constraints'] };
    expect(ids(detectHoles(unconstrained, ''))).toEqual([]);
  });

  it.each(['write', 'read', 'modify', 'log', 'send', 'call', 'save', 'load'])(
    'flags a prompt that mentions "%s" without effects as side_effects',
    (verb) => {
      expect(ids(detectHoles(ir(), `Then ${verb} the result`))).toEqual(['side_effects']);
      expect(ids(detectHoles(ir({ effects: ['writes a file'] }), `Then ${verb} the result`))).toEqual([]);
    },
  );

  it('does not treat the request opener "Write a function" as a side effect', () => {
    expect(ids(detectHoles(ir(), 'Write a function that adds'))).toEqual([]);
    expect(ids(detectHoles(ir(), 'Write a function that writes a file'))).toEqual(['side_effects']);
  });

  it('does not treat words that merely contain a verb as side effects', () => {
    expect(ids(detectHoles(ir(), 'Compute the callback-free reloaded overwrite'))).toEqual([]);
  });

  it('scores completeness as the share of applicable rules without a hole', () => {
    const detection = detectHoles(ir({ parameters: [{ name: 'n', type_hint: null, description: '' }], returns: null }), '');
    expect(detection.checks).toBe(3);
    expect(completeness(detection)).toBe(0.333);
  });
});
