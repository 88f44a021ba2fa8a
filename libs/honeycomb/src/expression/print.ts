import type { Expr } from './ast.js';
import type { Value } from './values.js';

const BARE_COLUMN = /^[\p{L}\p{Nd}_./:=+?-]+$/u;
const ESCAPES: Readonly<Record<string, string>> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * The canonical text of a formula: every operator as its function, columns bare where the grammar
 * allows it, strings double-quoted. `parseExpression(printExpression(e))` gives `e` back.
 */
export function printExpression(expr: Expr): string {
  switch (expr.kind) {
    case 'column':
      return BARE_COLUMN.test(expr.name) ? `$${expr.name}` : `$${quote(expr.name)}`;
    case 'literal':
      return printLiteral(expr.value);
    case 'call':
      return `${expr.fn}(${expr.args.map(printExpression).join(', ')})`;
  }
}

function printLiteral(value: Value): string {
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number') {
    if (Object.is(value, -0)) return '-0';
    // Integer digits beyond int64 are not an INT literal Honeycomb accepts; the exponent form is a FLOAT.
    return Math.abs(value) >= 2 ** 63 && Number.isInteger(value) ? value.toExponential() : String(value);
  }
  return String(value);
}

function quote(text: string): string {
  const escaped = text.replace(/["\\\p{Cc}]/gu, (ch) => ESCAPES[ch] ?? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `"${escaped}"`;
}
