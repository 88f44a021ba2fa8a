import type { IntermediateRepresentation, ValidationStatus } from '../ir/ir.types.js';

export type SessionStatus = 'active' | 'finalized' | 'abandoned';
export type SessionSource = 'prompt' | 'reverse_mode';
export const RESOLUTION_TYPES = ['clarify_intent', 'refine_signature', 'add_constraint', 'specify_effect'] as const;
export type ResolutionType = (typeof RESOLUTION_TYPES)[number];

export interface IRDraft {
  version: number;
  ir: IntermediateRepresentation;
  validation_status: ValidationStatus;
  /** Identifiers of the holes still open in this draft. */
  ambiguities: string[];
  created_at: string;
}

export interface SessionRevision {
  revision_number: number;
  revision_type: 'initial' | 'hole_resolution';
  content: string;
  created_at: string;
}

export interface HoleResolution {
  hole_id: string;
  resolution_text: string;
  resolution_type: string;
  draft_version: number;
  created_at: string;
}

export interface SessionRecord {
  session_id: string;
  user_id: string;
  status: SessionStatus;
  source: SessionSource;
  original_input: string;
  current_draft_version: number;
  metadata: Record<string, unknown>;
  created_at: string;
  updated_at: string;
  finalized_at: string | null;
}

export interface PromptSession extends SessionRecord {
  current_draft: IRDraft;
  drafts: IRDraft[];
  revisions: SessionRevision[];
  resolutions: HoleResolution[];
}
