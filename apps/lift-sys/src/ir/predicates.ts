import type { AssertClause } from './ir.types.js';

type Comparison = '>' | '>=' | '<' | '<=' | '==' | '!=';

interface Bound {
  variable: string;
  comparison: Comparison;
  value: number;
}

const NATURAL_FORMS: ReadonlyArray<[RegExp, (variable: string, value?: string) => string]> = [
  [/^(\w+) (?:must be|is|should be) (?:strictly )?positive$/i, (v) => `${v} > 0`],
  [/^(\w+) (?:must be|is|should be) non-negative$/i, (v) => `${v} >= 0`],
  [/^(\w+) (?:must be|is|should be) negative$/i, (v) => `${v} < 0`],
  [/^(\w+) (?:must be|is|should be) (?:greater|more) than (-?\d+(?:\.\d+)?)$/i, (v, n) => `${v} > ${n}`],
  [/^(\w+) (?:must be|is|should be) (?:less|smaller) than (-?\d+(?:\.\d+)?)$/i, (v, n) => `${v} < ${n}`],
  [/^(\w+) (?:must be|is|should be) at least (-?\d+(?:\.\d+)?)$/i, (v, n) => `${v} >= ${n}`],
  [/^(\w+) (?:must be|is|should be) at most (-?\d+(?:\.\d+)?)$/i, (v, n) => `${v} <= ${n}`],
];
const SYMBOLIC = /^(\w+)\s*(>=|<=|==|!=|>|<)\s*(-?\d+(?:\.\d+)?)$/;

/** Turns `n > 0` or `n must be positive` into a canonical predicate; undefined when it is neither. */
export function parsePredicate(text: string): string | undefined {
  const trimmed = text.trim().replace(/\.$/, '');
  const symbolic = SYMBOLIC.exec(trimmed);
  if (symbolic) return `${symbolic[1]} ${symbolic[2]} ${symbolic[3]}`;
  for (const [pattern, build] of NATURAL_FORMS) {
    const match = pattern.exec(trimmed);
    if (match) return build(match[1], match[2]);
  }
  return undefined;
}

/** Splits "n > 0 and n < 100; m >= 1" into its predicates. */
export function splitPredicates(text: string): string[] {
  return text
    .split(/;|,|\band\b/i)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

/** Pairs of assertions that no value can satisfy together, as readable messages. */
export function findContradictions(assertions: readonly AssertClause[]): string[] {
  const bounds = assertions
    .map((assertion) => toBound(assertion.predicate))
    .filter((bound): bound is Bound => bound !== undefined);
  const contradictions: string[] = [];
  for (let i = 0; i < bounds.length; i++) {
    for (let j = i + 1; j < bounds.length; j++) {
      if (bounds[i].variable === bounds[j].variable && !satisfiableTogether(bounds[i], bounds[j])) {
        contradictions.push(`'${describe(bounds[i])}' contradicts '${describe(bounds[j])}'`);
      }
    }
  }
  return contradictions;
}

function toBound(predicate: string): Bound | undefined {
  const match = SYMBOLIC.exec(predicate.trim());
  return match ? { variable: match[1], comparison: match[2] as Comparison, value: Number(match[3]) } : undefined;
}

/** Checks candidate values around both bounds: enough for two one-variable linear constraints. */
function satisfiableTogether(a: Bound, b: Bound): boolean {
  const candidates = [a.value, b.value].flatMap((value) => [value - 1, value - 0.5, value, value + 0.5, value + 1]);
  candidates.push((a.value + b.value) / 2);
  return candidates.some((value) => holds(a, value) && holds(b, value));
}

function holds(bound: Bound, value: number): boolean {
  switch (bound.comparison) {
    case '>':
      return value > bound.value;
    case '>=':
      return value >= bound.value;
    case '<':
      return value < bound.value;
    case '<=':
      return value <= bound.value;
    case '==':
      return value === bound.value;
    case '!=':
      return value !== bound.value;
  }
}

function describe(bound: Bound): string {
  return `${bound.variable} ${bound.comparison} ${bound.value}`;
}
