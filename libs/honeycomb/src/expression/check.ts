import type { Expr } from './ast.js';
import { FUNCTIONS } from './functions.js';

/** Unknown functions and wrong argument counts, as readable messages. */
export function checkExpression(expr: Expr): string[] {
  const problems: string[] = [];
  const visit = (node: Expr): void => {
    if (node.kind !== 'call') return;
    const def = FUNCTIONS[node.fn];
    if (!def) {
      problems.push(`unknown function ${node.fn}`);
    } else if (node.args.length < def.minArgs || node.args.length > def.maxArgs) {
      const expected = def.maxArgs === Infinity ? `at least ${def.minArgs}` : rangeText(def.minArgs, def.maxArgs);
      problems.push(`${node.fn} takes ${expected} argument(s), got ${node.args.length}`);
    }
    node.args.forEach(visit);
  };
  visit(expr);
  return problems;
}

const rangeText = (min: number, max: number): string => (min === max ? `${min}` : `${min} to ${max}`);
