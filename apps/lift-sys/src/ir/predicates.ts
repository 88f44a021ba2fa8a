import type { AssertClause, Parameter } from './ir.types.js';
import { NUMERIC_TYPE_HINTS } from './type-hints.js';

type Comparison = '>' | '>=' | '<' | '<=' | '==' | '!=';

interface Bound {
  variable: string;
  comparison: Comparison;
  value: number;
}

/** The variable a postcondition names: "the result must be positive" reads as `result > 0`. */
export const RESULT_VARIABLE = 'result';

/** Marks, in the IR's constraints, that the user said the inputs have no constraints. */
export const NO_INPUT_CONSTRAINTS = 'No input constraints';

/** What a 400 shows when an answer cannot be read, so the user can rephrase. */
export const ACCEPTED_CONSTRAINT_FORMS: readonly string[] = [
  'n > 0',
  'n >= 1 and n <= 100',
  'n must be positive',
  'n is at least 1',
  'n must be between 1 and 10',
  'inputs are non-negative integers',
  'result must be positive',
  'none',
];

const NUMBER = '(-?\\d+(?:\\.\\d+)?)';
const KIND = '(?:\\s+(?:whole\\s+)?(?:integer|number|value|int|float)s?)?';
/** "must be", "is", "are", "should always be", "has to be", ... */
const COPULA =
  '(?:(?:must|should|shall|will|has to|have to|needs? to)(?:\\s+always)?\\s+be|is|are|(?:must|should)\\s+(?:stay|remain))';
const BOUNDS: ReadonlyArray<[RegExp, (value: string, upper?: string) => string[]]> = [
  [new RegExp(`^(?:an?\\s+)?(?:strictly\\s+)?positive${KIND}$`, 'i'), () => ['> 0']],
  [new RegExp(`^(?:an?\\s+)?(?:non-?negative|not\\s+negative)${KIND}$`, 'i'), () => ['>= 0']],
  [new RegExp(`^(?:an?\\s+)?negative${KIND}$`, 'i'), () => ['< 0']],
  [new RegExp(`^(?:an?\\s+)?(?:non-?zero|not\\s+zero)${KIND}$`, 'i'), () => ['!= 0']],
  [new RegExp(`^(?:greater|more|larger|bigger)\\s+than\\s+or\\s+equal\\s+to\\s+${NUMBER}$`, 'i'), (n) => [`>= ${n}`]],
  [new RegExp(`^(?:less|smaller)\\s+than\\s+or\\s+equal\\s+to\\s+${NUMBER}$`, 'i'), (n) => [`<= ${n}`]],
  [new RegExp(`^(?:greater|more|larger|bigger)\\s+than\\s+${NUMBER}$`, 'i'), (n) => [`> ${n}`]],
  [new RegExp(`^(?:less|smaller|fewer)\\s+than\\s+${NUMBER}$`, 'i'), (n) => [`< ${n}`]],
  [new RegExp(`^(?:at\\s+least|no\\s+less\\s+than|not\\s+less\\s+than)\\s+${NUMBER}$`, 'i'), (n) => [`>= ${n}`]],
  [
    new RegExp(`^(?:at\\s+most|no\\s+more\\s+than|not\\s+more\\s+than|no\\s+greater\\s+than)\\s+${NUMBER}$`, 'i'),
    (n) => [`<= ${n}`],
  ],
  [new RegExp(`^${NUMBER}\\s+or\\s+(?:more|greater|above)$`, 'i'), (n) => [`>= ${n}`]],
  [new RegExp(`^${NUMBER}\\s+or\\s+(?:less|fewer|below)$`, 'i'), (n) => [`<= ${n}`]],
  [new RegExp(`^(?:equal\\s+to|exactly)\\s+${NUMBER}$`, 'i'), (n) => [`== ${n}`]],
  [new RegExp(`^between\\s+${NUMBER}\\s+and\\s+${NUMBER}(?:\\s+inclusive)?$`, 'i'), (low, high) => [`>= ${low}`, `<= ${high}`]],
];
const STATEMENT = new RegExp(`^(.+?)\\s+${COPULA}\\s+(.+)$`, 'i');
const SYMBOLIC = /^(\w+)\s*(>=|<=|==|!=|>|<|≥|≤)\s*(-?\d+(?:\.\d+)?)$/;
/** Subjects that stand for every parameter that may be numeric. */
const EVERY_INPUT =
  /^(?:all\s+(?:the\s+)?|the\s+|both\s+|every\s+|each\s+)?(?:inputs?|parameters?|arguments?|args|numbers|values)$|^(?:all|both)$/i;
const RESULT = /^(?:the\s+)?(?:result|return(?:ed)?\s+value|output|answer)$/i;
const NO_CONSTRAINTS =
  /^(?:none|no|n\/a|nothing|unconstrained|any(?:thing)?|no\s+(?:input\s+)?(?:constraints?|restrictions?|limits?|bounds?|preconditions?)(?:\s+on\s+(?:the\s+)?inputs?)?|(?:any|all)\s+(?:inputs?|values?)(?:\s+(?:are|is)\s+(?:fine|ok|allowed|valid))?)$/i;

/** Whether an answer says the inputs need no constraints ("none", "no constraints", "any value"). */
export function saysNoConstraints(text: string): boolean {
  return NO_CONSTRAINTS.test(normalize(text));
}

/**
 * Reads one constraint statement into canonical predicates: `n > 0`, `n must be positive`,
 * `n must be between 1 and 10` (two predicates), `inputs are non-negative integers` (one per name
 * in `inputs`), `the result must be positive` (on RESULT_VARIABLE). Undefined when it is none of these.
 */
export function parseConstraint(text: string, inputs: readonly string[] = []): string[] | undefined {
  const statement = normalize(text);
  const symbolic = SYMBOLIC.exec(statement);
  if (symbolic) return [`${symbolic[1]} ${symbolic[2].replace('≥', '>=').replace('≤', '<=')} ${symbolic[3]}`];
  const match = STATEMENT.exec(statement);
  if (!match) return undefined;
  const subjects = RESULT.test(match[1])
    ? [RESULT_VARIABLE]
    : EVERY_INPUT.test(match[1])
      ? inputs
      : /^[A-Za-z_]\w*$/.test(match[1])
        ? [match[1]]
        : [];
  if (subjects.length === 0) return undefined;
  for (const [pattern, build] of BOUNDS) {
    const bound = pattern.exec(match[2]);
    if (bound) return subjects.flatMap((subject) => build(bound[1], bound[2]).map((tail) => `${subject} ${tail}`));
  }
  return undefined;
}

/** The parameters "inputs" stands for: the numeric ones, and those whose type is not known yet. */
export function constrainableInputs(parameters: readonly Parameter[]): string[] {
  return parameters
    .filter((parameter) => parameter.type_hint === null || NUMERIC_TYPE_HINTS.has(parameter.type_hint))
    .map((parameter) => parameter.name);
}

/** Whether an assertion bounds the result (a postcondition) rather than an input. */
export function isPostcondition(assertion: AssertClause): boolean {
  return assertion.predicate.startsWith(`${RESULT_VARIABLE} `);
}

/** Turns `n > 0` or `n must be positive` into a canonical predicate; undefined when it is neither. */
export function parsePredicate(text: string): string | undefined {
  const predicates = parseConstraint(text);
  return predicates?.length === 1 ? predicates[0] : undefined;
}

/** Splits "n > 0 and n < 100; m >= 1" into its statements, keeping "between 1 and 10" whole. */
export function splitPredicates(text: string): string[] {
  return text
    .split(/;|,|(?<!\bbetween\s+-?\d+(?:\.\d+)?\s+)\band\b/i)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

function normalize(text: string): string {
  return text.trim().replace(/\s+/g, ' ').replace(/[.!]$/, '');
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
