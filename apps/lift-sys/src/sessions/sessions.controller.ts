import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { CodeGenerationService } from '../codegen/code-generation.service.js';
import type { GeneratedCode } from '../codegen/code-generator.js';
import { CurrentUser } from '../http/current-user.js';
import { CreateSessionDto } from './dto/create-session.dto.js';
import { GenerateCodeDto } from './dto/generate-code.dto.js';
import { ResolveHoleDto } from './dto/resolve-hole.dto.js';
import { HoleIdPipe, SessionIdPipe } from './session-id.pipe.js';
import { SessionManager } from './session-manager.js';
import type { PromptSession } from './session.types.js';

/** lift-sys's spec-session API; `/api/sessions` is kept as an alias. */
@Controller(['api/spec-sessions', 'api/sessions'])
export class SessionsController {
  constructor(
    private readonly sessions: SessionManager,
    private readonly codegen: CodeGenerationService,
  ) {}

  @Post()
  create(@Body() body: CreateSessionDto, @CurrentUser() userId: string): Promise<PromptSession> {
    return this.sessions.create(body.prompt, userId, body.metadata ?? {});
  }

  @Get()
  list(@CurrentUser() userId: string): Promise<PromptSession[]> {
    return this.sessions.listActive(userId);
  }

  @Get(':id')
  get(@Param('id', SessionIdPipe) id: string, @CurrentUser() userId: string): Promise<PromptSession> {
    return this.sessions.get(id, userId);
  }

  @Post(':id/holes/:holeId/resolve')
  @HttpCode(200)
  resolve(
    @Param('id', SessionIdPipe) id: string,
    @Param('holeId', HoleIdPipe) holeId: string,
    @Body() body: ResolveHoleDto,
    @CurrentUser() userId: string,
  ): Promise<PromptSession> {
    return this.sessions.resolveHole(id, userId, holeId, body.resolution_text, body.resolution_type);
  }

  @Post(':id/finalize')
  @HttpCode(200)
  finalize(@Param('id', SessionIdPipe) id: string, @CurrentUser() userId: string): Promise<PromptSession> {
    return this.sessions.finalize(id, userId);
  }

  @Post(':id/generate')
  @HttpCode(200)
  generate(
    @Param('id', SessionIdPipe) id: string,
    @Body() body: GenerateCodeDto,
    @CurrentUser() userId: string,
  ): Promise<GeneratedCode> {
    return this.codegen.generate(id, userId, body.target_language);
  }

  @Delete(':id')
  @HttpCode(204)
  async abandon(@Param('id', SessionIdPipe) id: string, @CurrentUser() userId: string): Promise<void> {
    await this.sessions.abandon(id, userId);
  }
}
