import { Injectable } from '@nestjs/common';
import { Traced } from '@lift-sys/observability';
import { completeness, detectHoles, withHoles } from './hole-detector.js';
import type { IntermediateRepresentation, TypedHole, ValidationStatus } from './ir.types.js';
import { findContradictions } from './predicates.js';

export interface IrValidation {
  /** The IR with its holes re-detected and attached. */
  ir: IntermediateRepresentation;
  status: Exclude<ValidationStatus, 'pending'>;
  holes: TypedHole[];
  contradictions: string[];
  completeness: number;
}

/** Re-detects holes and checks assertions for contradictions; holes make an IR incomplete. */
@Injectable()
export class IRValidator {
  @Traced('ir.validate', {
    result: (validation: IrValidation) => ({
      'ir.validation_status': validation.status,
      'ir.holes_count': validation.holes.length,
      'ir.completeness': validation.completeness,
      'ir.constraints_count': validation.ir.assertions.length + validation.ir.constraints.length,
    }),
  })
  validate(ir: IntermediateRepresentation, prompt: string): IrValidation {
    const detection = detectHoles(ir, prompt);
    const contradictions = findContradictions(ir.assertions);
    const status = contradictions.length > 0 ? 'contradictory' : detection.holes.length > 0 ? 'incomplete' : 'valid';
    return {
      ir: withHoles(ir, detection.holes),
      status,
      holes: detection.holes,
      contradictions,
      completeness: completeness(detection),
    };
  }
}
