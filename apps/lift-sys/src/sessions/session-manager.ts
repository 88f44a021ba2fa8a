import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { getTraceId, setSpanAttributes, SpanAttr, Traced } from '@lift-sys/observability';
import { InvalidInputError, InvalidStateError, NotFoundError } from '../http/domain-error.js';
import { applyResolution } from '../ir/hole-resolution.js';
import { IRTranslator } from '../ir/ir-translator.js';
import { IRValidator } from '../ir/ir-validator.js';
import { allHoles } from '../ir/ir.types.js';
import { Database } from '../storage/database.js';
import { DraftRepository } from '../storage/repositories/draft.repository.js';
import { ExecutionHistoryRepository } from '../storage/repositories/execution-history.repository.js';
import { ResolutionRepository } from '../storage/repositories/resolution.repository.js';
import { RevisionRepository } from '../storage/repositories/revision.repository.js';
import { SessionRepository } from '../storage/repositories/session.repository.js';
import { assembleSession, SessionStore } from './session-store.js';
import type { PromptSession, ResolutionType } from './session.types.js';

const describeSession = (session: PromptSession) => ({
  'session.id': session.session_id,
  'session.status': session.status,
  'session.source': session.source,
  'session.holes_count': session.current_draft.ambiguities.length,
  'session.holes_resolved': session.resolutions.length,
  'ir.version': session.current_draft.version,
  'ir.validation_status': session.current_draft.validation_status,
});

/** Prompt sessions: create from a prompt, resolve holes one draft at a time, finalize, abandon. */
@Injectable()
export class SessionManager {
  constructor(
    private readonly translator: IRTranslator,
    private readonly validator: IRValidator,
    private readonly database: Database,
    private readonly store: SessionStore,
    private readonly sessions: SessionRepository,
    private readonly drafts: DraftRepository,
    private readonly revisions: RevisionRepository,
    private readonly resolutions: ResolutionRepository,
    private readonly history: ExecutionHistoryRepository,
  ) {}

  @Traced('session.create', { attributes: { 'session.source': 'prompt' }, result: describeSession })
  async create(
    @SpanAttr('session.prompt_length', 'length') prompt: string,
    @SpanAttr('user.id') userId: string,
    metadata: Record<string, unknown>,
  ): Promise<PromptSession> {
    const started = performance.now();
    const translation = await this.translator.translate(prompt, { language: stringOr(metadata.language, 'python') });
    const { validation } = translation;
    const sessionId = randomUUID();
    setSpanAttributes({ 'session.id': sessionId });
    // Every write returns what it stored, so the new session is assembled without reading it back.
    return this.database.transaction(async (tx) => {
      const record = await this.sessions.insert({ id: sessionId, userId, source: 'prompt', originalInput: prompt, metadata }, tx);
      const revision = await this.revisions.insert(
        sessionId,
        { revision_number: 1, revision_type: 'initial', content: prompt },
        tx,
      );
      const draft = await this.drafts.insert(
        sessionId,
        {
          version: 1,
          ir: validation.ir,
          validation_status: validation.status,
          ambiguities: validation.holes.map((hole) => hole.identifier),
        },
        tx,
      );
      await this.history.insert(
        {
          sessionId,
          userId,
          pipeline: 'session.create',
          language: null,
          status: 'success',
          durationMs: performance.now() - started,
          traceId: getTraceId() ?? null,
          ...translation.usage,
        },
        tx,
      );
      return assembleSession(record, [draft], [revision], []);
    });
  }

  @Traced('session.update', { result: describeSession })
  async resolveHole(
    @SpanAttr('session.id') sessionId: string,
    @SpanAttr('user.id') userId: string,
    @SpanAttr('hole.id') holeId: string,
    resolutionText: string,
    @SpanAttr('hole.resolution_type') resolutionType: ResolutionType,
  ): Promise<PromptSession> {
    const session = await this.store.load(sessionId, userId);
    if (session.status !== 'active')
      throw new InvalidStateError(`session is ${session.status}; only active sessions accept resolutions`);
    const draft = session.current_draft;
    const hole = allHoles(draft.ir).find((candidate) => candidate.identifier === holeId);
    if (hole === undefined) throw new NotFoundError('hole', holeId);
    setSpanAttributes({ 'hole.kind': hole.kind });
    const validation = this.validator.validate(applyResolution(draft.ir, hole, resolutionText), session.original_input);
    if (validation.holes.some((remaining) => remaining.identifier === holeId)) {
      throw new InvalidInputError(`the resolution does not resolve '${holeId}': ${hole.description}`);
    }
    const version = draft.version + 1;
    return this.database.transaction(async (tx) => {
      const newDraft = await this.drafts.insert(
        sessionId,
        {
          version,
          ir: validation.ir,
          validation_status: validation.status,
          ambiguities: validation.holes.map((open) => open.identifier),
        },
        tx,
      );
      const resolution = await this.resolutions.insert(
        sessionId,
        { hole_id: holeId, resolution_text: resolutionText, resolution_type: resolutionType, draft_version: version },
        tx,
      );
      const revision = await this.revisions.insert(
        sessionId,
        { revision_number: session.revisions.length + 1, revision_type: 'hole_resolution', content: resolutionText },
        tx,
      );
      const record = await this.sessions.updateDraftVersion(sessionId, version, tx);
      return assembleSession(
        record,
        [...session.drafts, newDraft],
        [...session.revisions, revision],
        [...session.resolutions, resolution],
      );
    });
  }

  @Traced('session.finalize', { result: describeSession })
  async finalize(@SpanAttr('session.id') sessionId: string, @SpanAttr('user.id') userId: string): Promise<PromptSession> {
    const session = await this.store.load(sessionId, userId);
    if (session.status !== 'active')
      throw new InvalidStateError(`session is ${session.status}; only active sessions can be finalized`);
    const draft = session.current_draft;
    if (draft.validation_status !== 'valid') {
      const validation = this.validator.validate(draft.ir, session.original_input);
      throw new InvalidStateError(`cannot finalize: the IR is ${draft.validation_status}`, {
        unresolved_holes: draft.ambiguities,
        contradictions: validation.contradictions,
      });
    }
    const record = await this.sessions.updateStatus(sessionId, 'finalized');
    return assembleSession(record, session.drafts, session.revisions, session.resolutions);
  }

  @Traced('session.update', { attributes: { 'session.status': 'abandoned' } })
  async abandon(@SpanAttr('session.id') sessionId: string, @SpanAttr('user.id') userId: string): Promise<void> {
    const session = await this.store.load(sessionId, userId);
    if (session.status === 'abandoned') throw new InvalidStateError('session is already abandoned');
    await this.sessions.updateStatus(sessionId, 'abandoned');
  }

  @Traced('session.list')
  async listActive(@SpanAttr('user.id') userId: string): Promise<PromptSession[]> {
    const records = await this.sessions.listActive(userId);
    return Promise.all(records.map((record) => this.store.complete(record)));
  }

  @Traced('session.get', { result: describeSession })
  get(@SpanAttr('session.id') sessionId: string, @SpanAttr('user.id') userId: string): Promise<PromptSession> {
    return this.store.load(sessionId, userId);
  }
}

function stringOr(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}
