import type { Expr } from './ast.js';
import { FUNCTIONS, TIMESERIES_FUNCTIONS } from './functions.js';

/**
 * What Honeycomb would reject in a parsed formula, as readable messages naming the function: unknown
 * functions, wrong argument counts, and arguments that must be literals.
 */
export function checkExpression(expr: Expr): string[] {
  const problems: string[] = [];
  const visit = (node: Expr): void => {
    if (node.kind !== 'call') return;
    const def = FUNCTIONS.get(node.fn);
    if (!def) {
      problems.push(unknownFunction(node.fn));
    } else if (node.args.length < def.minArgs || node.args.length > def.maxArgs) {
      problems.push(`${node.fn} takes ${arityText(def.minArgs, def.maxArgs)}, got ${node.args.length}`);
    } else {
      problems.push(...(def.checkArgs?.(node.args) ?? []).map((p) => `${node.fn}: ${p}`));
    }
    node.args.forEach(visit);
  };
  visit(expr);
  return problems;
}

function unknownFunction(name: string): string {
  if (TIMESERIES_FUNCTIONS.has(name)) {
    return `${name} is a time-series function for metrics datasets; the local engine evaluates span events only`;
  }
  const upper = name.toUpperCase();
  const hint = FUNCTIONS.has(upper) ? ` (function names are upper case: ${upper})` : '';
  return `unknown function ${name}${hint}`;
}

function arityText(min: number, max: number): string {
  const count = (n: number): string => `${n} argument${n === 1 ? '' : 's'}`;
  if (max === Infinity) return `at least ${count(min)}`;
  return min === max ? count(min) : `${min} to ${count(max)}`;
}
