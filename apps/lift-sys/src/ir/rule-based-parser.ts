import type { AssertClause, IntermediateRepresentation, Parameter } from './ir.types.js';
import { constrainableInputs, parseConstraint, splitPredicates } from './predicates.js';
import { normalizeTypeHint, typeWordPattern } from './type-hints.js';

/** Heuristics an optimizer may switch on; both off is lift-sys's plain fallback parser. */
export interface ParseHints {
  inferParameterTypes?: boolean;
  inferReturnType?: boolean;
}

const TYPE_WORD = typeWordPattern();
const NAME_PATTERN = /\b(?:called|named)\s+`?([A-Za-z_]\w*)`?/i;
const PARAMETERS_PATTERN = /\b(?:takes|accepts|receives|given)\s+(.+?)(?=\s+and\s+returns?\b|\s*[.;]|\s+where\b|$)/i;
const RETURN_PATTERN = new RegExp(`\\breturns?\\s+(?:an?\\s+|the\\s+)?(${TYPE_WORD})\\b`, 'i');
const RETURN_PHRASE = /\breturns?\s+(.+?)(?:[.;]|$)/i;
const CONDITION_PATTERN = /\b(?:where|such that|assuming)\s+(.+?)(?:[.;]|$)/i;
const PARAMETER_ITEM = new RegExp(`^(?:(?:an?|the)\\s+)?(?:(${TYPE_WORD})\\s+)?\`?([A-Za-z_]\\w*)\`?$`, 'i');
const NAME_STOPWORDS = new Set([
  'write',
  'create',
  'make',
  'implement',
  'build',
  'a',
  'an',
  'the',
  'function',
  'method',
  'that',
  'which',
  'to',
]);
const INFERRED_TYPES: Readonly<Record<string, string>> = {
  n: 'int',
  count: 'int',
  index: 'int',
  size: 'int',
  k: 'int',
  x: 'float',
  y: 'float',
  value: 'float',
  name: 'str',
  text: 'str',
  label: 'str',
  path: 'str',
};

/** lift-sys's deterministic prompt-to-IR fallback: a small English grammar, no model involved. */
export function parsePrompt(prompt: string, language: string, hints: ParseHints = {}): IntermediateRepresentation {
  const text = prompt.replace(/\s+/g, ' ').trim();
  const sentences = text.split(/(?<=[.!?])\s+/);
  const parameters = parseParameters(text, hints);
  return {
    intent: {
      summary: (sentences[0] ?? '').replace(/[.!?]$/, ''),
      rationale: sentences.find((sentence) => /\b(so that|because)\b/i.test(sentence)) ?? null,
      holes: [],
    },
    signature: {
      name: functionName(text, sentences[0] ?? ''),
      parameters,
      returns: returnType(text, parameters, hints),
      holes: [],
    },
    effects: [],
    assertions: parseAssertions(text, sentences, parameters),
    constraints: sentences.filter(
      (sentence) => /\bmust\b/i.test(sentence) && parseConstraint(sentence, constrainableInputs(parameters)) === undefined,
    ),
    metadata: { language, origin: 'prompt' },
  };
}

function functionName(text: string, firstSentence: string): string {
  const named = NAME_PATTERN.exec(text);
  if (named) return named[1];
  const words = firstSentence
    .toLowerCase()
    .replace(/[^a-z\s]/g, '')
    .split(/\s+/)
    .filter((word) => word && !NAME_STOPWORDS.has(word));
  return words.slice(0, 3).join('_') || 'generated_function';
}

function parseParameters(text: string, hints: ParseHints): Parameter[] {
  const list = PARAMETERS_PATTERN.exec(text);
  if (!list) return [];
  const parameters: Parameter[] = [];
  for (const item of list[1].split(/,\s*(?:and\s+)?|\s+and\s+/)) {
    const match = PARAMETER_ITEM.exec(item.trim());
    if (!match || parameters.some((parameter) => parameter.name === match[2])) continue;
    const stated = match[1] === undefined ? undefined : normalizeTypeHint(match[1]);
    const inferred = hints.inferParameterTypes ? INFERRED_TYPES[match[2].toLowerCase()] : undefined;
    parameters.push({ name: match[2], type_hint: stated ?? inferred ?? null, description: item.trim() });
  }
  return parameters;
}

function returnType(text: string, parameters: readonly Parameter[], hints: ParseHints): string | null {
  const stated = RETURN_PATTERN.exec(text);
  if (stated) return normalizeTypeHint(stated[1]) ?? null;
  const phrase = RETURN_PHRASE.exec(text)?.[1];
  if (!hints.inferReturnType || phrase === undefined) return null;
  if (/^(whether|true if)\b/i.test(phrase)) return 'bool';
  const types = new Set(parameters.map((parameter) => parameter.type_hint));
  const [only] = types;
  return /\b(sum|product|total|max|maximum|min|minimum|difference)\b/i.test(phrase) && types.size === 1 && only ? only : null;
}

/**
 * Bounds stated in the prompt: in a `where` / `such that` clause, or as sentences of their own after
 * the first ("Inputs are non-negative integers. The result must be positive.").
 */
function parseAssertions(text: string, sentences: readonly string[], parameters: readonly Parameter[]): AssertClause[] {
  const condition = CONDITION_PATTERN.exec(text)?.[1];
  const statements = [...(condition ? splitPredicates(condition) : []), ...sentences.slice(1).flatMap(splitPredicates)];
  const inputs = constrainableInputs(parameters);
  const predicates = new Set(statements.flatMap((statement) => parseConstraint(statement, inputs) ?? []));
  return [...predicates].map((predicate) => ({ predicate, rationale: 'stated in the prompt', holes: [] }));
}
