import type { Expr } from '../ast.js';
import { compileRe2 } from '../re2.js';
import { formatValue, type Value } from '../values.js';
import { binary, eager, literalOf, unary, type FunctionDef, type Reader } from './define.js';

/** docs .../string: STARTS_WITH, ENDS_WITH, CONTAINS "Returns false if either argument is not a string." */
const stringTest = (test: (s: string, part: string) => boolean): FunctionDef =>
  binary((s, part) => typeof s === 'string' && typeof part === 'string' && test(s, part));

const utf8 = new TextEncoder();

/**
 * LENGTH(string[, "bytes"]) (LLM_PROMPT.md: "Returns length (default: characters, or "bytes")").
 * Characters are code points, as Go counts runes. Non-strings have no length (null).
 */
const LENGTH: FunctionDef = {
  minArgs: 1,
  maxArgs: 2,
  checkArgs: (args) =>
    args.length === 2 && typeof literalOf(args[1]) !== 'string' ? ['LENGTH mode must be a string literal such as "bytes"'] : [],
  compile: <E>([read]: ReadonlyArray<Reader<E>>, exprs: readonly Expr[]) => {
    const bytes = literalOf(exprs[1]) === 'bytes';
    return (event: E): Value => {
      const value = read!(event);
      if (typeof value !== 'string') return null;
      return bytes ? utf8.encode(value).length : [...value].length;
    };
  },
};

/**
 * REG_MATCH / REG_VALUE / REG_COUNT: "The provided regex must be a string literal containing a valid
 * regular expression" (Go's RE2 syntax; see re2.ts for how it maps onto JavaScript's).
 */
const regexFunction = (apply: (text: string, pattern: RegExp) => Value, notAString: Value, global = false): FunctionDef => ({
  minArgs: 2,
  maxArgs: 2,
  checkArgs: ([, pattern]) => {
    const source = literalOf(pattern);
    if (typeof source !== 'string') return ['the regular expression must be a string literal'];
    try {
      compileRe2(source);
      return [];
    } catch (error) {
      return [(error as Error).message];
    }
  },
  compile: <E>([read]: ReadonlyArray<Reader<E>>, exprs: readonly Expr[]) => {
    const pattern = compileRe2(literalOf(exprs[1]) as string, global);
    return (event: E): Value => {
      const text = read!(event);
      return typeof text === 'string' ? apply(text, pattern) : notAString;
    };
  },
});

export const TEXT_FUNCTIONS = {
  /** "Concatenates string representations of all arguments ... empty arguments are ignored." */
  CONCAT: eager(1, Infinity, (values) =>
    values
      .filter((v) => v !== null)
      .map(formatValue)
      .join(''),
  ),
  STARTS_WITH: stringTest((s, prefix) => s.startsWith(prefix)),
  ENDS_WITH: stringTest((s, suffix) => s.endsWith(suffix)),
  CONTAINS: stringTest((s, part) => s.includes(part)),
  /** "Converts an input string to be all lower-case", code point by code point as Go's strings.ToLower. */
  TO_LOWER: unary((value) => (typeof value === 'string' ? Array.from(value, (ch) => ch.toLowerCase()).join('') : value)),
  LENGTH,
  /** "False if the first argument is not a string or is empty." */
  REG_MATCH: regexFunction((text, pattern) => text !== '' && pattern.test(text), false),
  /** "the first ... submatch found ... an empty value if the first argument contains no matches or is not a string." */
  REG_VALUE: regexFunction((text, pattern) => {
    const match = pattern.exec(text);
    const value = match ? (match.length > 1 ? match[1] : match[0]) : undefined;
    return value === undefined || value === '' ? null : value;
  }, null),
  /** "the number of non-overlapping successive matches ... 0 if ... no matches or is not a string." */
  REG_COUNT: regexFunction(countMatches, 0, true),
};

/** Go's FindAll: "Empty matches abutting a preceding match are ignored." */
function countMatches(text: string, pattern: RegExp): number {
  let count = 0;
  let previousEnd = -1;
  for (const match of text.matchAll(pattern)) {
    if (match[0] === '' && match.index === previousEnd) continue;
    count++;
    previousEnd = match.index + match[0].length;
  }
  return count;
}
