import { Injectable } from '@nestjs/common';
import { getTraceId } from '@lift-sys/observability';
import { InvalidStateError } from '../http/domain-error.js';
import { FIXTURE_FAULTS, type FixtureFault } from '../providers/llm.types.js';
import { SessionStore } from '../sessions/session-store.js';
import { ExecutionHistoryRepository } from '../storage/repositories/execution-history.repository.js';
import { CodeGenerationFailedError, type CodeGenerator, type GeneratedCode } from './code-generator.js';
import { CppGenerator } from './cpp.generator.js';
import { GoGenerator } from './go.generator.js';
import { JavaGenerator } from './java.generator.js';
import type { Language } from './languages.js';
import { PythonGenerator } from './python.generator.js';
import { RustGenerator } from './rust.generator.js';
import { TypeScriptGenerator } from './typescript.generator.js';
import { ZigGenerator } from './zig.generator.js';

/** Code for a finalized session in one language, with each run recorded in execution_history. */
@Injectable()
export class CodeGenerationService {
  private readonly generators: ReadonlyMap<Language, CodeGenerator>;

  constructor(
    private readonly store: SessionStore,
    private readonly history: ExecutionHistoryRepository,
    typescript: TypeScriptGenerator,
    rust: RustGenerator,
    go: GoGenerator,
    java: JavaGenerator,
    python: PythonGenerator,
    zig: ZigGenerator,
    cpp: CppGenerator,
  ) {
    this.generators = new Map([typescript, rust, go, java, python, zig, cpp].map((generator) => [generator.language, generator]));
  }

  async generate(sessionId: string, userId: string, language: Language): Promise<GeneratedCode> {
    const session = await this.store.load(sessionId, userId);
    if (session.status !== 'finalized')
      throw new InvalidStateError(`session is ${session.status}; finalize it before generating code`);
    const generator = this.generators.get(language);
    if (generator === undefined) throw new Error(`no generator registered for ${language}`);
    const fault = session.metadata.fixture_fault;
    const started = performance.now();
    const record = { sessionId, userId, pipeline: 'code.generate', language, traceId: getTraceId() ?? null };
    try {
      const generated = await generator.generate(session.current_draft.ir, {
        fixtureFault:
          typeof fault === 'string' && (FIXTURE_FAULTS as readonly string[]).includes(fault)
            ? (fault as FixtureFault)
            : undefined,
      });
      await this.history.insert({ ...record, status: 'success', durationMs: performance.now() - started, ...generated.usage });
      return generated;
    } catch (error) {
      if (error instanceof CodeGenerationFailedError) {
        await this.history.insert({ ...record, status: 'failure', durationMs: performance.now() - started, ...error.usage });
      }
      throw error;
    }
  }
}
