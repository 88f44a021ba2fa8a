import { Injectable } from '@nestjs/common';
import { setSpanAttributes, Traced } from '@lift-sys/observability';
import { AppConfig } from '../config/app-config.js';
import { DomainError } from '../http/domain-error.js';
import type { IntermediateRepresentation } from '../ir/ir.types.js';
import { addUsage, NO_USAGE, type FixtureFault, type TokenUsage } from '../providers/llm.types.js';
import { ProviderRouter } from '../providers/provider-router.js';
import { AstRepairer } from './ast-repair.js';
import { CodeValidationError, CodeValidator, type ValidationOutcome } from './code-validator.js';
import type { Language } from './languages.js';
import type { ToolchainCheck } from './toolchain.js';

export interface GeneratedCode {
  language: Language;
  generator: string;
  code: string;
  lines: number;
  retries: number;
  validation: ValidationOutcome;
  usage: TokenUsage;
}

export interface GenerationOptions {
  fixtureFault?: FixtureFault;
}

/** Every attempt failed validation; answered as 422 with the last diagnostics. */
export class CodeGenerationFailedError extends DomainError {
  constructor(
    language: Language,
    retries: number,
    diagnostics: string,
    readonly usage: TokenUsage,
  ) {
    super(422, 'code_validation_failed', `generated ${language} code failed validation after ${retries} retries`, {
      language,
      retries,
      diagnostics,
    });
  }
}

/**
 * IR to code for one language: the provider writes it (streamed), `ast.repair` tidies it,
 * `code.validate` checks it with the real toolchain; a failed check is retried with the
 * diagnostics as feedback, up to CODEGEN_MAX_RETRIES times.
 */
@Injectable()
export abstract class CodeGenerator {
  abstract readonly language: Language;
  abstract readonly toolchain: ToolchainCheck;

  constructor(
    private readonly router: ProviderRouter,
    private readonly repairer: AstRepairer,
    private readonly validator: CodeValidator,
    private readonly config: AppConfig,
  ) {}

  /** The deterministic rendering of the IR: the reference answer, and what the fixture provider returns. */
  abstract render(ir: IntermediateRepresentation): string;

  abstract fileName(ir: IntermediateRepresentation): string;

  @Traced('code.generate', {
    result: (generated: GeneratedCode) => ({
      'code.retries': generated.retries,
      'code.success': true,
      'code.lines': generated.lines,
      'code.validation_skipped': generated.validation.skipped,
      ...(generated.validation.skipped ? {} : { 'code.compilation_success': true }),
    }),
  })
  async generate(ir: IntermediateRepresentation, options: GenerationOptions = {}): Promise<GeneratedCode> {
    setSpanAttributes({ 'code.language': this.language, 'code.generator': this.constructor.name });
    let usage = NO_USAGE;
    let feedback = '';
    for (let attempt = 1; ; attempt++) {
      setSpanAttributes({ 'code.attempt': attempt, 'code.retries': attempt - 1 });
      const stream = this.router.stream({
        purpose: 'code',
        structuredOutput: false,
        system: `You write ${this.language} code from lift-sys IR. Answer with the code only.`,
        prompt: JSON.stringify(ir) + (feedback ? `\n\nThe previous attempt failed to compile:\n${feedback}` : ''),
        maxTokens: 4096,
        reference: this.render(ir),
        attempt,
        fixtureFault: options.fixtureFault,
      });
      const completion = await ProviderRouter.collect(stream);
      usage = addUsage(usage, completion);
      const { code } = this.repairer.repair(this.language, completion.text);
      try {
        const validation = await this.validator.validate(this.language, code, this.toolchain, this.fileName(ir));
        return {
          language: this.language,
          generator: this.constructor.name,
          code,
          lines: code.split('\n').length - 1,
          retries: attempt - 1,
          validation,
          usage,
        };
      } catch (error) {
        if (!(error instanceof CodeValidationError)) throw error;
        feedback = error.diagnostics;
        setSpanAttributes({ 'code.retry_reason': error.message, 'code.success': false });
        if (attempt > this.config.codegenMaxRetries) {
          throw new CodeGenerationFailedError(this.language, attempt - 1, error.diagnostics, usage);
        }
      }
    }
  }
}
