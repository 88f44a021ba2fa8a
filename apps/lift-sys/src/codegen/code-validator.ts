import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import { setSpanAttributes, SpanAttr, Traced } from '@lift-sys/observability';
import { AppConfig } from '../config/app-config.js';
import type { Language } from './languages.js';
import { findExecutable, runCommand, type ToolchainCheck } from './toolchain.js';

const MAX_DIAGNOSTIC_CHARACTERS = 2000;

export interface ValidationOutcome {
  skipped: boolean;
  /** The checker used, or why none was (`gofmt not on PATH`, `javac timed out`). */
  toolchain: string;
}

/** The code does not compile (or parse); the diagnostics are fed back to the model on retry. */
export class CodeValidationError extends Error {
  override readonly name = 'CodeValidationError';

  constructor(
    readonly language: Language,
    readonly diagnostics: string,
  ) {
    super(`${language} code failed validation: ${diagnostics.split('\n')[0]}`);
  }
}

/** A real syntax/compile check with the language's toolchain; skipped when it is not installed. */
@Injectable()
export class CodeValidator {
  constructor(private readonly config: AppConfig) {}

  @Traced('code.validate', {
    result: (outcome: ValidationOutcome) => ({
      'code.validation_skipped': outcome.skipped,
      'code.toolchain': outcome.toolchain,
      ...(outcome.skipped ? {} : { 'code.compilation_success': true }),
    }),
  })
  async validate(
    @SpanAttr('code.language') language: Language,
    code: string,
    check: ToolchainCheck,
    fileName: string,
  ): Promise<ValidationOutcome> {
    if (check.kind === 'in_process') return this.fail(language, check.name, check.diagnose(code).join('\n'));
    const executable = findExecutable(check.binary, this.config.toolchainSearchPath);
    if (executable === undefined) return { skipped: true, toolchain: `${check.binary} not on PATH` };
    const directory = await mkdtemp(join(tmpdir(), 'lift-sys-validate-'));
    try {
      const file = join(directory, fileName);
      await writeFile(file, code, 'utf8');
      const outcome = await runCommand(executable, check.args(file, directory), directory, this.config.toolchainTimeoutMs);
      if (outcome.timedOut) return { skipped: true, toolchain: `${check.binary} timed out` };
      return this.fail(language, check.binary, outcome.exitCode === 0 ? '' : outcome.output.replaceAll(directory, '.'));
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  }

  /** Passes when there are no diagnostics; otherwise records the failure on the span and throws. */
  private fail(language: Language, toolchain: string, diagnostics: string): ValidationOutcome {
    if (diagnostics.trim() === '') return { skipped: false, toolchain };
    setSpanAttributes({ 'code.validation_skipped': false, 'code.toolchain': toolchain, 'code.compilation_success': false });
    throw new CodeValidationError(language, diagnostics.slice(0, MAX_DIAGNOSTIC_CHARACTERS));
  }
}
