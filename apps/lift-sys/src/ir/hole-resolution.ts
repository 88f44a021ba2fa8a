import { InvalidInputError } from '../http/domain-error.js';
import type { IntermediateRepresentation, TypedHole } from './ir.types.js';
import { parsePredicate, splitPredicates } from './predicates.js';
import { normalizeTypeHint } from './type-hints.js';

/** Fills a hole with the user's answer; throws InvalidInputError when the answer cannot fill it. */
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
      return {
        ...ir,
        assertions: [
          ...ir.assertions,
          ...predicates(text).map((predicate) => ({ predicate, rationale: 'resolved by user', holes: [] })),
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
  if (hint === undefined) throw new InvalidInputError(`'${text}' is not a known type; use int, float, str, bool or list[<type>]`);
  return hint;
}

function predicates(text: string): string[] {
  const parts = splitPredicates(text);
  const parsed = parts.map((part) => ({ part, predicate: parsePredicate(part) }));
  const unparsed = parsed.filter(({ predicate }) => predicate === undefined).map(({ part }) => part);
  if (parts.length === 0 || unparsed.length > 0) {
    throw new InvalidInputError(
      `could not read constraint(s): ${unparsed.join('; ') || text}; write e.g. "n > 0" or "n must be positive"`,
    );
  }
  return parsed.map(({ predicate }) => predicate as string);
}
