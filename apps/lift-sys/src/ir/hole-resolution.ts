import { InvalidInputError } from '../http/domain-error.js';
import type { IntermediateRepresentation, TypedHole } from './ir.types.js';
import {
  ACCEPTED_CONSTRAINT_FORMS,
  constrainableInputs,
  NO_INPUT_CONSTRAINTS,
  parseConstraint,
  saysNoConstraints,
  splitPredicates,
} from './predicates.js';
import { normalizeTypeHint } from './type-hints.js';

/**
 * Fills a hole with the user's answer; throws InvalidInputError when the answer cannot fill it. The
 * error never quotes the answer: it is user text, and may hold anything (a password, say).
 */
export function applyResolution(ir: IntermediateRepresentation, hole: TypedHole, answer: string): IntermediateRepresentation {
  const text = answer.trim();
  if (hole.identifier === 'return_type') return { ...ir, signature: { ...ir.signature, returns: typeHint(text) } };
  if (hole.identifier.endsWith('_type') && hole.kind === 'signature') {
    const name = hole.identifier.slice(0, -'_type'.length);
    const hint = typeHint(text);
    const parameters = ir.signature.parameters.map((parameter) =>
      parameter.name === name ? { ...parameter, type_hint: hint } : parameter,
    );
    return { ...ir, signature: { ...ir.signature, parameters } };
  }
  switch (hole.identifier) {
    case 'detailed_intent':
      return { ...ir, intent: { ...ir.intent, summary: text.replace(/[.!?]$/, '') } };
    case 'input_constraints':
      if (saysNoConstraints(text)) return { ...ir, constraints: [...ir.constraints, NO_INPUT_CONSTRAINTS] };
      return {
        ...ir,
        assertions: [
          ...ir.assertions,
          ...predicates(text, constrainableInputs(ir.signature.parameters)).map((predicate) => ({
            predicate,
            rationale: 'resolved by user',
            holes: [],
          })),
        ],
      };
    case 'side_effects':
      return { ...ir, effects: [...ir.effects, { description: text, holes: [] }] };
    default:
      throw new InvalidInputError(`hole '${hole.identifier}' cannot be resolved by text`);
  }
}

function typeHint(text: string): string {
  const hint = normalizeTypeHint(text);
  if (hint === undefined)
    throw new InvalidInputError('the answer is not a known type; use int, float, str, bool or list[<type>]');
  return hint;
}

function predicates(text: string, inputs: readonly string[]): string[] {
  const parsed = splitPredicates(text).map((part) => parseConstraint(part, inputs));
  if (parsed.length === 0 || parsed.some((predicates) => predicates === undefined)) {
    throw new InvalidInputError(
      `could not read the constraints; write them like: ${ACCEPTED_CONSTRAINT_FORMS.map((form) => `"${form}"`).join(', ')}`,
      {
        accepted_forms: ACCEPTED_CONSTRAINT_FORMS,
      },
    );
  }
  return parsed.flatMap((predicates) => predicates ?? []);
}
