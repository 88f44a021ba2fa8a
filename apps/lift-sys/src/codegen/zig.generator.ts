import { Injectable } from '@nestjs/common';
import type { IntermediateRepresentation } from '../ir/ir.types.js';
import { CodeGenerator } from './code-generator.js';
import { camelCase, listElement, numericGuards, specificationLines } from './render-helpers.js';
import type { ToolchainCheck } from './toolchain.js';

const TYPES: Readonly<Record<string, string>> = { int: 'i64', float: 'f64', str: '[]const u8', bool: 'bool' };

function typeName(hint: string | null): string {
  const element = listElement(hint);
  if (element !== undefined) return `[]const ${TYPES[element] ?? '[]const u8'}`;
  return (hint !== null ? TYPES[hint] : undefined) ?? '[]const u8';
}

@Injectable()
export class ZigGenerator extends CodeGenerator {
  readonly language = 'zig';
  readonly toolchain: ToolchainCheck = { kind: 'command', binary: 'zig', args: (file) => ['ast-check', file] };

  render(ir: IntermediateRepresentation): string {
    const name = camelCase(ir.signature.name);
    const guards = numericGuards(ir);
    const guarded = new Set(guards.map((guard) => guard.parameter));
    const parameters = ir.signature.parameters.map(
      (parameter) => `${camelCase(parameter.name)}: ${typeName(parameter.type_hint)}`,
    );
    return [
      ...specificationLines(ir).map((line) => `/// ${line}`),
      `pub fn ${name}(${parameters.join(', ')}) ${typeName(ir.signature.returns)} {`,
      // ast-check rejects unused parameters; the skeleton does not use the unguarded ones yet.
      ...ir.signature.parameters
        .filter((parameter) => !guarded.has(parameter.name))
        .map((parameter) => `    _ = ${camelCase(parameter.name)};`),
      ...guards.map(
        (guard) =>
          `    if (!(${camelCase(guard.parameter)} ${guard.comparison} ${guard.value})) @panic("requires ${guard.predicate}");`,
      ),
      `    @panic("not implemented: ${name}");`,
      '}',
      '',
    ].join('\n');
  }

  fileName(): string {
    return 'generated.zig';
  }
}
