/** Deepest nesting any request body may have; deeper JSON is refused before anything recurses into it. */
export const MAX_BODY_DEPTH = 32;

/**
 * C0 controls other than tab, line feed and carriage return, and DEL. NUL in particular cannot be
 * stored in a PostgreSQL text or jsonb value, and none of these belong in a prompt or an id.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
/** A UTF-16 surrogate without its partner: not a Unicode character, and not encodable as UTF-8. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export interface InputProblem {
  /** Where in the input, e.g. `metadata.tags[2]` or `id`. */
  field: string;
  problem: string;
}

/** What is wrong with one string, if anything. */
export function textProblem(text: string): string | undefined {
  const control = CONTROL_CHARACTER.exec(text);
  if (control) return `contains the control character U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  if (LONE_SURROGATE.test(text)) return 'contains an unpaired UTF-16 surrogate (not valid Unicode)';
  return undefined;
}

/**
 * The first problem in a parsed JSON value (a body, a parameter), or undefined: nesting deeper than
 * `maxDepth`, or a string or object key with a control character or a lone surrogate. Walks with an
 * explicit stack, so hostile nesting cannot overflow the call stack here.
 */
export function findInputProblem(value: unknown, root: string, maxDepth = MAX_BODY_DEPTH): InputProblem | undefined {
  const pending: { value: unknown; path: string; depth: number }[] = [{ value, path: root, depth: 0 }];
  for (let item = pending.pop(); item !== undefined; item = pending.pop()) {
    const { path, depth } = item;
    if (typeof item.value === 'string') {
      const problem = textProblem(item.value);
      if (problem) return { field: path, problem };
      continue;
    }
    if (typeof item.value !== 'object' || item.value === null) continue;
    if (depth >= maxDepth) return { field: topField(path), problem: `is nested deeper than ${maxDepth} levels` };
    if (Array.isArray(item.value)) {
      item.value.forEach((element, index) => pending.push({ value: element, path: `${path}[${index}]`, depth: depth + 1 }));
      continue;
    }
    for (const [key, element] of Object.entries(item.value)) {
      const keyProblem = textProblem(key);
      if (keyProblem) return { field: path, problem: `has a key that ${keyProblem}` };
      pending.push({ value: element, path: path ? `${path}.${key}` : key, depth: depth + 1 });
    }
  }
  return undefined;
}

/** `metadata.a.b.c[3]` -> `metadata`: the field a client sent, not a path a thousand levels long. */
function topField(path: string): string {
  return /^[^.[]*/.exec(path)?.[0] || path;
}
