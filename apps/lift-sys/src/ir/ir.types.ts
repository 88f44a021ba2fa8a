export const HOLE_KINDS = ['intent', 'signature', 'effect', 'assertion', 'implementation'] as const;
export type HoleKind = (typeof HOLE_KINDS)[number];

export interface TypedHole {
  identifier: string;
  type_hint: string;
  description: string;
  kind: HoleKind;
}

export interface Parameter {
  name: string;
  /** Null until the prompt or a resolution says what type it is. */
  type_hint: string | null;
  description: string;
}

export interface IntentClause {
  summary: string;
  rationale: string | null;
  holes: TypedHole[];
}

export interface SigClause {
  name: string;
  parameters: Parameter[];
  returns: string | null;
  holes: TypedHole[];
}

export interface EffectClause {
  description: string;
  holes: TypedHole[];
}

export interface AssertClause {
  predicate: string;
  rationale: string | null;
  holes: TypedHole[];
}

export interface IRMetadata {
  language: string;
  origin: string;
}

export interface IntermediateRepresentation {
  intent: IntentClause;
  signature: SigClause;
  effects: EffectClause[];
  assertions: AssertClause[];
  constraints: string[];
  metadata: IRMetadata;
}

export const VALIDATION_STATUSES = ['pending', 'valid', 'contradictory', 'incomplete'] as const;
export type ValidationStatus = (typeof VALIDATION_STATUSES)[number];

/** Every hole of an IR, wherever it is attached. */
export function allHoles(ir: IntermediateRepresentation): TypedHole[] {
  return [
    ...ir.intent.holes,
    ...ir.signature.holes,
    ...ir.effects.flatMap((effect) => effect.holes),
    ...ir.assertions.flatMap((assertion) => assertion.holes),
  ];
}
