import type { ParseHints } from '../ir/rule-based-parser.js';

export interface Candidate {
  name: string;
  hints: ParseHints;
}

export const BASELINE: Candidate = { name: 'baseline', hints: {} };
const INSTRUCTIONS: readonly Candidate[] = [
  { name: 'infer_parameter_types', hints: { inferParameterTypes: true } },
  { name: 'infer_return_type', hints: { inferReturnType: true } },
];

/** MIPROv2 proposes instruction sets and evaluates them; here: each instruction, then all of them together. */
export function miprov2Proposals(): Candidate[] {
  return [...INSTRUCTIONS, combine(INSTRUCTIONS)];
}

/**
 * COPRO refines instructions by coordinate ascent: try adding each instruction to the best set so
 * far and keep it when the score improves. `evaluate` runs one trial.
 */
export async function coproSearch(
  baselineScore: number,
  evaluate: (candidate: Candidate) => Promise<number>,
  maxTrials: number,
): Promise<void> {
  let best: Candidate[] = [];
  let bestScore = baselineScore;
  let trials = 0;
  for (const instruction of INSTRUCTIONS) {
    if (trials >= maxTrials) return;
    const candidate = combine([...best, instruction]);
    const score = await evaluate(candidate);
    trials += 1;
    if (score > bestScore) {
      best = [...best, instruction];
      bestScore = score;
    }
  }
}

function combine(parts: readonly Candidate[]): Candidate {
  return {
    name: parts.map((part) => part.name).join('+') || BASELINE.name,
    hints: Object.assign({}, ...parts.map((part) => part.hints)) as ParseHints,
  };
}
