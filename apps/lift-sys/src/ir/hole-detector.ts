import type { IntermediateRepresentation, TypedHole } from './ir.types.js';
import { isPostcondition, NO_INPUT_CONSTRAINTS } from './predicates.js';
import { NUMERIC_TYPE_HINTS } from './type-hints.js';

export const MIN_SUMMARY_WORDS = 5;
/** "Write a function ..." is how requests start, not a side effect. */
const REQUEST_OPENER = /\bwrite\s+(?:a|an|the)\s+(?:function|method|program|routine)\b/gi;
const SIDE_EFFECT_VERBS = /\b(write|writes|read|reads|modify|modifies|log|logs|send|sends|call|calls|save|saves|load|loads)\b/i;

export interface HoleDetection {
  holes: TypedHole[];
  /** How many rules applied to this IR; completeness is the share of them without a hole. */
  checks: number;
}

/** lift-sys's ambiguity rules, evaluated on the IR's current state and the original prompt. */
export function detectHoles(ir: IntermediateRepresentation, prompt: string): HoleDetection {
  const holes: TypedHole[] = [];
  let checks = 0;
  for (const parameter of ir.signature.parameters) {
    checks += 1;
    if (parameter.type_hint === null) {
      holes.push({
        identifier: `${parameter.name}_type`,
        type_hint: 'type',
        description: `Type of parameter '${parameter.name}' is not specified`,
        kind: 'signature',
      });
    }
  }
  checks += 1;
  if (ir.signature.returns === null) {
    holes.push({ identifier: 'return_type', type_hint: 'type', description: 'Return type is not specified', kind: 'signature' });
  }
  checks += 1;
  if (countWords(ir.intent.summary) < MIN_SUMMARY_WORDS) {
    holes.push({
      identifier: 'detailed_intent',
      type_hint: 'str',
      description: `Intent is too brief (fewer than ${MIN_SUMMARY_WORDS} words); describe what the function should do`,
      kind: 'intent',
    });
  }
  if (ir.signature.parameters.some((parameter) => parameter.type_hint !== null && NUMERIC_TYPE_HINTS.has(parameter.type_hint))) {
    checks += 1;
    const constrained =
      ir.assertions.some((assertion) => !isPostcondition(assertion)) || ir.constraints.includes(NO_INPUT_CONSTRAINTS);
    if (!constrained) {
      holes.push({
        identifier: 'input_constraints',
        type_hint: 'predicate',
        description: 'Numeric parameters have no constraints (e.g. "n > 0", or "none")',
        kind: 'assertion',
      });
    }
  }
  if (SIDE_EFFECT_VERBS.test(prompt.replace(REQUEST_OPENER, ''))) {
    checks += 1;
    if (ir.effects.length === 0) {
      holes.push({
        identifier: 'side_effects',
        type_hint: 'effect',
        description: 'The prompt mentions I/O or external calls but no side effects are specified',
        kind: 'effect',
      });
    }
  }
  return { holes, checks };
}

/** Places each hole on the clause it belongs to: signature holes on the signature, the rest on the intent. */
export function withHoles(ir: IntermediateRepresentation, holes: readonly TypedHole[]): IntermediateRepresentation {
  return {
    ...ir,
    intent: { ...ir.intent, holes: holes.filter((hole) => hole.kind !== 'signature') },
    signature: { ...ir.signature, holes: holes.filter((hole) => hole.kind === 'signature') },
    effects: ir.effects.map((effect) => ({ ...effect, holes: [] })),
    assertions: ir.assertions.map((assertion) => ({ ...assertion, holes: [] })),
  };
}

export function completeness(detection: HoleDetection): number {
  return detection.checks === 0 ? 1 : Number(((detection.checks - detection.holes.length) / detection.checks).toFixed(3));
}

function countWords(text: string): number {
  return text.split(/\s+/).filter((word) => word.length > 0).length;
}
