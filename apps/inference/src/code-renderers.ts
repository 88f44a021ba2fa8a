import { CppGenerator } from '../../lift-sys/src/codegen/cpp.generator.js';
import { GoGenerator } from '../../lift-sys/src/codegen/go.generator.js';
import { JavaGenerator } from '../../lift-sys/src/codegen/java.generator.js';
import type { Language } from '../../lift-sys/src/codegen/languages.js';
import { PythonGenerator } from '../../lift-sys/src/codegen/python.generator.js';
import { RustGenerator } from '../../lift-sys/src/codegen/rust.generator.js';
import { TypeScriptGenerator } from '../../lift-sys/src/codegen/typescript.generator.js';
import { ZigGenerator } from '../../lift-sys/src/codegen/zig.generator.js';
import type { IntermediateRepresentation } from '../../lift-sys/src/ir/ir.types.js';

/**
 * lift-sys's deterministic rendering of IR per language: the reference answer its generators
 * compare against and the fixture provider returns. `render` is a pure function of the IR (it reads
 * no injected collaborator), so it runs here without the generators' validation pipeline.
 */
export const CODE_RENDERERS: Readonly<Record<Language, (ir: IntermediateRepresentation) => string>> = {
  typescript: (ir) => TypeScriptGenerator.prototype.render(ir),
  rust: (ir) => RustGenerator.prototype.render(ir),
  go: (ir) => GoGenerator.prototype.render(ir),
  java: (ir) => JavaGenerator.prototype.render(ir),
  python: (ir) => PythonGenerator.prototype.render(ir),
  zig: (ir) => ZigGenerator.prototype.render(ir),
  cpp: (ir) => CppGenerator.prototype.render(ir),
};
