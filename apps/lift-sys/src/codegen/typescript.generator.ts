import { Injectable } from '@nestjs/common';
import ts from 'typescript';
import type { IntermediateRepresentation } from '../ir/ir.types.js';
import { CodeGenerator } from './code-generator.js';
import { camelCase, listElement, numericGuards, specificationLines } from './render-helpers.js';
import type { ToolchainCheck } from './toolchain.js';

const TYPES: Readonly<Record<string, string>> = { int: 'number', float: 'number', str: 'string', bool: 'boolean' };

function typeName(hint: string | null): string {
  const element = listElement(hint);
  if (element !== undefined) return `${TYPES[element] ?? 'unknown'}[]`;
  return (hint !== null ? TYPES[hint] : undefined) ?? 'unknown';
}

/** Syntactic diagnostics from the TypeScript compiler, in process. */
function diagnose(code: string): string[] {
  const output = ts.transpileModule(code, {
    reportDiagnostics: true,
    fileName: 'generated.ts',
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
  });
  return (output.diagnostics ?? []).map((diagnostic) => {
    const where =
      diagnostic.file && diagnostic.start !== undefined
        ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start)
        : undefined;
    const position = where ? `generated.ts:${where.line + 1}:${where.character + 1} ` : '';
    return `${position}TS${diagnostic.code}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
  });
}

@Injectable()
export class TypeScriptGenerator extends CodeGenerator {
  readonly language = 'typescript';
  readonly toolchain: ToolchainCheck = { kind: 'in_process', name: `typescript ${ts.version}`, diagnose };

  render(ir: IntermediateRepresentation): string {
    const name = camelCase(ir.signature.name);
    const parameters = ir.signature.parameters.map(
      (parameter) => `${camelCase(parameter.name)}: ${typeName(parameter.type_hint)}`,
    );
    const guards = numericGuards(ir).map(
      (guard) =>
        `  if (!(${camelCase(guard.parameter)} ${guard.comparison} ${guard.value})) throw new RangeError('requires ${guard.predicate}');`,
    );
    return [
      ...specificationLines(ir).map((line) => `// ${line}`),
      `export function ${name}(${parameters.join(', ')}): ${typeName(ir.signature.returns)} {`,
      ...guards,
      `  throw new Error('not implemented: ${name}');`,
      '}',
      '',
    ].join('\n');
  }

  fileName(): string {
    return 'generated.ts';
  }
}
