/** Canonical type hints (Python-style, as lift-sys uses them) for the words people write in prompts. */
const TYPE_WORDS: Readonly<Record<string, string>> = {
  int: 'int',
  integer: 'int',
  integers: 'list[int]',
  number: 'float',
  numbers: 'list[float]',
  float: 'float',
  decimal: 'float',
  str: 'str',
  string: 'str',
  strings: 'list[str]',
  text: 'str',
  bool: 'bool',
  boolean: 'bool',
  list: 'list[str]',
};

export const NUMERIC_TYPE_HINTS: ReadonlySet<string> = new Set(['int', 'float']);

/** The canonical hint for a type word or an already canonical hint such as `list[int]`; undefined if unknown. */
export function normalizeTypeHint(text: string): string | undefined {
  const word = text
    .trim()
    .toLowerCase()
    .replace(/^(an?|the)\s+/, '');
  if (TYPE_WORDS[word] !== undefined) return TYPE_WORDS[word];
  const list = /^list\[(\w+)\]$/.exec(word);
  if (list) {
    const inner = normalizeTypeHint(list[1]);
    return inner && !inner.startsWith('list') ? `list[${inner}]` : undefined;
  }
  return undefined;
}

export function typeWordPattern(): string {
  return Object.keys(TYPE_WORDS)
    .sort((a, b) => b.length - a.length)
    .join('|');
}
