import { Injectable } from '@nestjs/common';
import type { IntermediateRepresentation } from '../ir/ir.types.js';
import { CodeGenerator } from './code-generator.js';
import { numericGuards, snakeCase, specificationLines } from './render-helpers.js';
import type { ToolchainCheck } from './toolchain.js';

const KNOWN_HINTS = /^(int|float|str|bool|list\[(int|float|str|bool)\])$/;

function typeName(hint: string | null): string {
  return hint !== null && KNOWN_HINTS.test(hint) ? hint : 'object';
}

@Injectable()
export class PythonGenerator extends CodeGenerator {
  readonly language = 'python';
  readonly toolchain: ToolchainCheck = { kind: 'command', binary: 'python3', args: (file) => ['-m', 'py_compile', file] };

  render(ir: IntermediateRepresentation): string {
    const name = snakeCase(ir.signature.name);
    const parameters = ir.signature.parameters.map(
      (parameter) => `${snakeCase(parameter.name)}: ${typeName(parameter.type_hint)}`,
    );
    const guards = numericGuards(ir).flatMap((guard) => [
      `    if not (${snakeCase(guard.parameter)} ${guard.comparison} ${guard.value}):`,
      `        raise ValueError("requires ${guard.predicate}")`,
    ]);
    return [
      ...specificationLines(ir).map((line) => `# ${line}`),
      `def ${name}(${parameters.join(', ')}) -> ${typeName(ir.signature.returns)}:`,
      ...guards,
      `    raise NotImplementedError("${name}")`,
      '',
    ].join('\n');
  }

  fileName(): string {
    return 'generated.py';
  }
}
