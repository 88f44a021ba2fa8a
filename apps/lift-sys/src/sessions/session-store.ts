import { Injectable } from '@nestjs/common';
import { NotFoundError } from '../http/domain-error.js';
import { DraftRepository } from '../storage/repositories/draft.repository.js';
import { ResolutionRepository } from '../storage/repositories/resolution.repository.js';
import { RevisionRepository } from '../storage/repositories/revision.repository.js';
import { SessionRepository } from '../storage/repositories/session.repository.js';
import type { HoleResolution, IRDraft, PromptSession, SessionRecord, SessionRevision } from './session.types.js';

/** Reads a whole session (record, drafts, revisions, resolutions) for its owner. */
@Injectable()
export class SessionStore {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly drafts: DraftRepository,
    private readonly revisions: RevisionRepository,
    private readonly resolutions: ResolutionRepository,
  ) {}

  async load(sessionId: string, userId: string): Promise<PromptSession> {
    const record = await this.sessions.findForUser(sessionId, userId);
    if (record === undefined) throw new NotFoundError('session', sessionId);
    return this.complete(record);
  }

  /** The rest of a session whose record the caller has already read. */
  async complete(record: SessionRecord): Promise<PromptSession> {
    const sessionId = record.session_id;
    const [drafts, revisions, resolutions] = [
      await this.drafts.listForSession(sessionId),
      await this.revisions.listForSession(sessionId),
      await this.resolutions.listForSession(sessionId),
    ];
    return assembleSession(record, drafts, revisions, resolutions);
  }
}

/** A whole session from its parts, as read or as just written (writes return what they stored). */
export function assembleSession(
  record: SessionRecord | undefined,
  drafts: IRDraft[],
  revisions: SessionRevision[],
  resolutions: HoleResolution[],
): PromptSession {
  if (record === undefined) throw new Error('the session disappeared while it was being written');
  const current = drafts.find((draft) => draft.version === record.current_draft_version);
  if (current === undefined) throw new Error(`session ${record.session_id} has no draft version ${record.current_draft_version}`);
  return { ...record, current_draft: current, drafts, revisions, resolutions };
}
