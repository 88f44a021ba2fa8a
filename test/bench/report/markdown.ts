import type { Estimate } from '../support/stats.js';

const NUMERIC = /^[-+]?(\d[\d.]*|n\/a)(x| ns| MB| µs)?( \([-+]?[\d.]+ – [-+]?[\d.]+\))?$/;

/** A GitHub-flavoured Markdown table: numeric columns right-aligned, text columns left-aligned. */
export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const numeric = (column: number): boolean => rows.every((row) => row[column] === '' || NUMERIC.test(row[column]));
  const align = headers.map((_, i) => (i > 0 && numeric(i) ? '--:' : ':--'));
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  return [line(headers), line(align), ...rows.map(line)].join('\n');
}

export function fixed(value: number, digits = 1): string {
  return Number.isFinite(value) ? value.toFixed(digits) : 'n/a';
}

export function ratio(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(3)}x` : 'n/a';
}

export function signed(value: number, digits = 1): string {
  if (!Number.isFinite(value)) return 'n/a';
  return `${value >= 0 ? '+' : ''}${value.toFixed(digits)}`;
}

export function megabytes(bytes: number): string {
  return fixed(bytes / 2 ** 20, 1);
}

export function range([low, high]: readonly [number, number], digits = 1): string {
  return `${fixed(low, digits)} – ${fixed(high, digits)}`;
}

/** `1 round`, `4 rounds`. */
export function count(value: number, noun: string): string {
  return `${value} ${noun}${value === 1 ? '' : 's'}`;
}

/** `1.034x (1.021 – 1.047)`: an estimate with its 95% interval. */
export function ratioWithInterval(estimate: Estimate): string {
  return `${ratio(estimate.value)} (${fixed(estimate.low, 3)} – ${fixed(estimate.high, 3)})`;
}

/** `+412.3 (398.0 – 426.5)`. */
export function signedWithInterval(estimate: Estimate, digits = 1): string {
  return `${signed(estimate.value, digits)} (${signed(estimate.low, digits)} – ${signed(estimate.high, digits)})`;
}

export function verdict(met: boolean): string {
  return met ? '**met**' : '**not met**';
}
