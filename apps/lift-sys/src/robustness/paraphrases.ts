/** Meaning-preserving rewrites in the spirit of TokDrift: wording, casing and order change, the request does not. */
const REWRITES: ReadonlyArray<(prompt: string) => string> = [
  (prompt) => prompt.replace(/^Write\b/i, 'Create'),
  (prompt) => prompt.replace(/\btakes\b/gi, 'accepts'),
  (prompt) => prompt.replace(/\breturns\b/gi, 'gives back'),
  (prompt) => prompt.replace(/\binteger\b/gi, 'int'),
  (prompt) => `Please ${prompt[0]?.toLowerCase() ?? ''}${prompt.slice(1)}`,
  (prompt) => prompt.replace(/\bfunction\b/gi, 'routine'),
  (prompt) => prompt.replace(/\s+and returns\b/i, '. It returns'),
  (prompt) => prompt.replace(/\bcalled\b/gi, 'named'),
  (prompt) => prompt.replace(/\s+/g, '  '),
  (prompt) => prompt.toUpperCase(),
];

export const MAX_VARIANTS = REWRITES.length;

/** Up to `count` distinct variants that differ from the prompt. */
export function paraphrase(prompt: string, count: number): string[] {
  const variants: string[] = [];
  for (const rewrite of REWRITES) {
    const variant = rewrite(prompt);
    if (variant !== prompt && !variants.includes(variant)) variants.push(variant);
    if (variants.length === count) break;
  }
  return variants;
}
