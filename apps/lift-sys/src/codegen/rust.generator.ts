import { Injectable } from '@nestjs/common';
import type { IntermediateRepresentation } from '../ir/ir.types.js';
import { CodeGenerator } from './code-generator.js';
import { listElement, numericGuards, snakeCase, specificationLines, type Guard } from './render-helpers.js';
import type { ToolchainCheck } from './toolchain.js';

const TYPES: Readonly<Record<string, string>> = { int: 'i64', float: 'f64', str: 'String', bool: 'bool' };

function typeName(hint: string | null): string {
  const element = listElement(hint);
  if (element !== undefined) return `Vec<${TYPES[element] ?? 'String'}>`;
  return (hint !== null ? TYPES[hint] : undefined) ?? 'String';
}

/** Rust does not compare f64 with an integer literal, so float bounds get a decimal point. */
function literal(guard: Guard): string {
  return guard.isFloat && !guard.value.includes('.') ? `${guard.value}.0` : guard.value;
}

@Injectable()
export class RustGenerator extends CodeGenerator {
  readonly language = 'rust';
  readonly toolchain: ToolchainCheck = {
    kind: 'command',
    binary: 'rustc',
    args: (file, directory) => [
      '--edition',
      '2021',
      '--crate-type',
      'lib',
      '--emit',
      'metadata',
      '-o',
      `${directory}/generated.rmeta`,
      file,
    ],
  };

  render(ir: IntermediateRepresentation): string {
    const name = snakeCase(ir.signature.name);
    const parameters = ir.signature.parameters.map(
      (parameter) => `${snakeCase(parameter.name)}: ${typeName(parameter.type_hint)}`,
    );
    const guards = numericGuards(ir).map(
      (guard) =>
        `    assert!(${snakeCase(guard.parameter)} ${guard.comparison} ${literal(guard)}, "requires ${guard.predicate}");`,
    );
    return [
      ...specificationLines(ir).map((line) => `/// ${line}`),
      '#[allow(unused_variables)]',
      `pub fn ${name}(${parameters.join(', ')}) -> ${typeName(ir.signature.returns)} {`,
      ...guards,
      `    unimplemented!("${name}")`,
      '}',
      '',
    ].join('\n');
  }

  fileName(): string {
    return 'generated.rs';
  }
}
