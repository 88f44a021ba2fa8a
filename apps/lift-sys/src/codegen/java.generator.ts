import { Injectable } from '@nestjs/common';
import type { IntermediateRepresentation } from '../ir/ir.types.js';
import { CodeGenerator } from './code-generator.js';
import { camelCase, listElement, numericGuards, pascalCase, specificationLines } from './render-helpers.js';
import type { ToolchainCheck } from './toolchain.js';

const TYPES: Readonly<Record<string, string>> = { int: 'long', float: 'double', str: 'String', bool: 'boolean' };
const BOXED: Readonly<Record<string, string>> = { int: 'Long', float: 'Double', str: 'String', bool: 'Boolean' };

function typeName(hint: string | null): string {
  const element = listElement(hint);
  if (element !== undefined) return `java.util.List<${BOXED[element] ?? 'Object'}>`;
  return (hint !== null ? TYPES[hint] : undefined) ?? 'Object';
}

@Injectable()
export class JavaGenerator extends CodeGenerator {
  readonly language = 'java';
  readonly toolchain: ToolchainCheck = {
    kind: 'command',
    binary: 'javac',
    args: (file, directory) => ['-proc:none', '-d', `${directory}/classes`, file],
  };

  render(ir: IntermediateRepresentation): string {
    const className = pascalCase(ir.signature.name);
    const method = camelCase(ir.signature.name);
    const parameters = ir.signature.parameters.map(
      (parameter) => `${typeName(parameter.type_hint)} ${camelCase(parameter.name)}`,
    );
    const guards = numericGuards(ir).flatMap((guard) => [
      `        if (!(${camelCase(guard.parameter)} ${guard.comparison} ${guard.value})) {`,
      `            throw new IllegalArgumentException("requires ${guard.predicate}");`,
      '        }',
    ]);
    return [
      ...specificationLines(ir).map((line) => `// ${line}`),
      `public final class ${className} {`,
      `    private ${className}() {}`,
      '',
      `    public static ${typeName(ir.signature.returns)} ${method}(${parameters.join(', ')}) {`,
      ...guards,
      `        throw new UnsupportedOperationException("not implemented: ${method}");`,
      '    }',
      '}',
      '',
    ].join('\n');
  }

  /** javac requires a public class to live in a file of the same name. */
  fileName(ir: IntermediateRepresentation): string {
    return `${pascalCase(ir.signature.name)}.java`;
  }
}
