/** One thing wrong with a definition; `path` names the object, e.g. `trigger "High Error Rate"`. */
export interface Problem {
  path: string;
  message: string;
}

export const formatProblem = (problem: Problem): string => `${problem.path}: ${problem.message}`;

export class InvalidDefinitionsError extends Error {
  constructor(readonly problems: readonly Problem[]) {
    super(
      `${problems.length} problem(s) in the Honeycomb definitions:\n${problems.map((p) => `  - ${formatProblem(p)}`).join('\n')}`,
    );
    this.name = 'InvalidDefinitionsError';
  }
}

export const atPath = (path: string, messages: readonly string[]): Problem[] => messages.map((message) => ({ path, message }));
