import { Injectable } from '@nestjs/common';
import type { IntermediateRepresentation } from '../ir/ir.types.js';
import { CodeGenerator } from './code-generator.js';
import { camelCase, listElement, numericGuards, pascalCase, specificationLines } from './render-helpers.js';
import type { ToolchainCheck } from './toolchain.js';

const TYPES: Readonly<Record<string, string>> = { int: 'int64', float: 'float64', str: 'string', bool: 'bool' };

function typeName(hint: string | null): string {
  const element = listElement(hint);
  if (element !== undefined) return `[]${TYPES[element] ?? 'any'}`;
  return (hint !== null ? TYPES[hint] : undefined) ?? 'any';
}

@Injectable()
export class GoGenerator extends CodeGenerator {
  readonly language = 'go';
  /** gofmt -e reports every syntax error without needing a module or the go command. */
  readonly toolchain: ToolchainCheck = { kind: 'command', binary: 'gofmt', args: (file) => ['-e', file] };

  render(ir: IntermediateRepresentation): string {
    const name = pascalCase(ir.signature.name);
    const parameters = ir.signature.parameters.map(
      (parameter) => `${camelCase(parameter.name)} ${typeName(parameter.type_hint)}`,
    );
    const guards = numericGuards(ir).flatMap((guard) => [
      `\tif !(${camelCase(guard.parameter)} ${guard.comparison} ${guard.value}) {`,
      `\t\tpanic("requires ${guard.predicate}")`,
      '\t}',
    ]);
    return [
      'package liftsys',
      '',
      ...specificationLines(ir).map((line, index) => `// ${index === 0 ? `${name}: ` : ''}${line}`),
      `func ${name}(${parameters.join(', ')}) ${typeName(ir.signature.returns)} {`,
      ...guards,
      `\tpanic("not implemented: ${name}")`,
      '}',
      '',
    ].join('\n');
  }

  fileName(): string {
    return 'generated.go';
  }
}
