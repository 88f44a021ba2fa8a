import { Injectable } from '@nestjs/common';
import type { IntermediateRepresentation } from '../ir/ir.types.js';
import { CodeGenerator } from './code-generator.js';
import { listElement, numericGuards, snakeCase, specificationLines } from './render-helpers.js';
import type { ToolchainCheck } from './toolchain.js';

const TYPES: Readonly<Record<string, string>> = { int: 'std::int64_t', float: 'double', str: 'std::string', bool: 'bool' };

function typeName(hint: string | null): string {
  const element = listElement(hint);
  if (element !== undefined) return `std::vector<${TYPES[element] ?? 'std::string'}>`;
  return (hint !== null ? TYPES[hint] : undefined) ?? 'std::string';
}

@Injectable()
export class CppGenerator extends CodeGenerator {
  readonly language = 'cpp';
  readonly toolchain: ToolchainCheck = { kind: 'command', binary: 'g++', args: (file) => ['-fsyntax-only', '-std=c++17', file] };

  render(ir: IntermediateRepresentation): string {
    const name = snakeCase(ir.signature.name);
    const parameters = ir.signature.parameters.map(
      (parameter) => `${typeName(parameter.type_hint)} ${snakeCase(parameter.name)}`,
    );
    const guards = numericGuards(ir).map(
      (guard) =>
        `  if (!(${snakeCase(guard.parameter)} ${guard.comparison} ${guard.value})) throw std::invalid_argument("requires ${guard.predicate}");`,
    );
    return [
      '#include <cstdint>',
      '#include <stdexcept>',
      '#include <string>',
      '#include <vector>',
      '',
      ...specificationLines(ir).map((line) => `// ${line}`),
      `${typeName(ir.signature.returns)} ${name}(${parameters.join(', ')}) {`,
      ...guards,
      `  throw std::logic_error("not implemented: ${name}");`,
      '}',
      '',
    ].join('\n');
  }

  fileName(): string {
    return 'generated.cpp';
  }
}
