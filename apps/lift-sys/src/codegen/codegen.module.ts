import { Module } from '@nestjs/common';
import { SessionsCoreModule } from '../sessions/sessions-core.module.js';
import { AstRepairer } from './ast-repair.js';
import { CodeGenerationService } from './code-generation.service.js';
import { CodeValidator } from './code-validator.js';
import { CppGenerator } from './cpp.generator.js';
import { GoGenerator } from './go.generator.js';
import { JavaGenerator } from './java.generator.js';
import { PythonGenerator } from './python.generator.js';
import { RustGenerator } from './rust.generator.js';
import { TypeScriptGenerator } from './typescript.generator.js';
import { ZigGenerator } from './zig.generator.js';

@Module({
  imports: [SessionsCoreModule],
  providers: [
    AstRepairer,
    CodeValidator,
    TypeScriptGenerator,
    RustGenerator,
    GoGenerator,
    JavaGenerator,
    PythonGenerator,
    ZigGenerator,
    CppGenerator,
    CodeGenerationService,
  ],
  exports: [CodeGenerationService],
})
export class CodegenModule {}
