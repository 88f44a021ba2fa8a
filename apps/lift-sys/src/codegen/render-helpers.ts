import type { IntermediateRepresentation } from '../ir/ir.types.js';

/** Splits `sum_of_squares` or `sumOfSquares` into lower-case words. */
function words(identifier: string): string[] {
  return identifier
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .split(/[_\W]+/)
    .filter((word) => word.length > 0)
    .map((word) => word.toLowerCase());
}

export function camelCase(identifier: string): string {
  return words(identifier)
    .map((word, index) => (index === 0 ? word : word[0].toUpperCase() + word.slice(1)))
    .join('');
}

export function pascalCase(identifier: string): string {
  const camel = camelCase(identifier);
  return camel[0].toUpperCase() + camel.slice(1);
}

export function snakeCase(identifier: string): string {
  return words(identifier).join('_');
}

/**
 * The IR's intent, effects and assertions as plain comment lines (no comment markers). Line breaks
 * and backslashes are removed: they could end a line comment (U+2028 in TypeScript, `\\` line
 * splicing in C++, `\\u000a` in Java) and turn the rest of the text into code.
 */
export function specificationLines(ir: IntermediateRepresentation): string[] {
  return [
    ir.intent.summary,
    ...(ir.intent.rationale ? [`Rationale: ${ir.intent.rationale}`] : []),
    ...ir.effects.map((effect) => `Effect: ${effect.description}`),
    ...ir.assertions.map((assertion) => `Requires: ${assertion.predicate}`),
    ...ir.constraints.map((constraint) => `Constraint: ${constraint}`),
  ].map((line) => line.replace(/[\r\n\u2028\u2029]+/g, ' ').replace(/\\/g, '/'));
}

/** `list[int]` → `int`; undefined for scalar hints. */
export function listElement(hint: string | null): string | undefined {
  return hint === null ? undefined : /^list\[(\w+)\]$/.exec(hint)?.[1];
}

/** Parameters' numeric bounds from the IR's assertions, to render as runtime checks. */
export interface Guard {
  parameter: string;
  isFloat: boolean;
  comparison: string;
  value: string;
  predicate: string;
}

export function numericGuards(ir: IntermediateRepresentation): Guard[] {
  const guards: Guard[] = [];
  for (const assertion of ir.assertions) {
    const match = /^(\w+) (>=|<=|==|!=|>|<) (-?\d+(?:\.\d+)?)$/.exec(assertion.predicate);
    const parameter = match && ir.signature.parameters.find((candidate) => candidate.name === match[1]);
    if (!match || !parameter || (parameter.type_hint !== 'int' && parameter.type_hint !== 'float')) continue;
    if (parameter.type_hint === 'int' && match[3].includes('.')) continue;
    guards.push({
      parameter: parameter.name,
      isFloat: parameter.type_hint === 'float',
      comparison: match[2],
      value: match[3],
      predicate: assertion.predicate,
    });
  }
  return guards;
}
