import { SpanStatusCode } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { buildSpanForest, formatSpanForest, type SpanNode } from '../tree/span-tree.js';

/** An expected attribute value: a literal compared with `===` (arrays element-wise) or a predicate. */
export type ExpectedValue = string | number | boolean | readonly (string | number | boolean)[] | ((value: unknown) => boolean);

export interface ExpectedSpan {
  name: string;
  attributes?: Record<string, ExpectedValue>;
  /** Attributes that must not be present. */
  absentAttributes?: string[];
  status?: 'error' | 'unset' | 'ok';
  /** All children, in any order. Omit to leave children unchecked. */
  children?: ExpectedSpan[];
}

/**
 * Asserts that `spans` contain a trace shaped like `expected`: a root with that name whose
 * children match exactly (names, nesting, selected attributes, status). Throws an error showing
 * the problems and the actual tree.
 */
export function expectTrace(spans: readonly ReadableSpan[], expected: ExpectedSpan): void {
  const roots = buildSpanForest(spans).filter((root) => root.span.name === expected.name);
  const attempts = roots.map((root) => compareNode(root, expected, expected.name));
  if (attempts.some((problems) => problems.length === 0)) return;
  const best = attempts.sort((a, b) => a.length - b.length)[0] ?? [`no root span named "${expected.name}"`];
  const actual = formatSpanForest(buildSpanForest(spans), { durations: false });
  throw new Error(`Trace does not match:\n  - ${best.join('\n  - ')}\n\nActual spans:\n${actual || '(none)'}`);
}

function compareNode(node: SpanNode, expected: ExpectedSpan, path: string): string[] {
  const problems: string[] = [];
  const { span } = node;
  for (const [key, want] of Object.entries(expected.attributes ?? {})) {
    const got = span.attributes[key];
    if (!valueMatches(got, want)) {
      problems.push(`${path}: attribute ${key} is ${JSON.stringify(got)}, expected ${describeExpected(want)}`);
    }
  }
  for (const key of expected.absentAttributes ?? []) {
    if (key in span.attributes)
      problems.push(`${path}: attribute ${key} should be absent but is ${JSON.stringify(span.attributes[key])}`);
  }
  if (expected.status !== undefined && statusName(span) !== expected.status) {
    problems.push(`${path}: status is ${statusName(span)}, expected ${expected.status}`);
  }
  if (expected.children !== undefined) problems.push(...compareChildren(node.children, expected.children, path));
  return problems;
}

/** Matches expected children to actual ones (any order), each actual child used once. */
function compareChildren(actual: readonly SpanNode[], expected: readonly ExpectedSpan[], path: string): string[] {
  const problems: string[] = [];
  const unused = [...actual];
  for (const want of expected) {
    const childPath = `${path} > ${want.name}`;
    const candidates = unused.filter((child) => child.span.name === want.name);
    if (candidates.length === 0) {
      problems.push(`${childPath}: missing (children are: ${actual.map((c) => c.span.name).join(', ') || 'none'})`);
      continue;
    }
    const scored = candidates.map((child) => ({ child, problems: compareNode(child, want, childPath) }));
    const best = scored.sort((a, b) => a.problems.length - b.problems.length)[0];
    unused.splice(unused.indexOf(best.child), 1);
    problems.push(...best.problems);
  }
  for (const extra of unused) problems.push(`${path}: unexpected child ${extra.span.name}`);
  return problems;
}

function valueMatches(got: unknown, want: ExpectedValue): boolean {
  if (typeof want === 'function') return want(got);
  if (Array.isArray(want)) return Array.isArray(got) && got.length === want.length && want.every((item, i) => got[i] === item);
  return got === want;
}

function describeExpected(want: ExpectedValue): string {
  return typeof want === 'function' ? `a value satisfying ${want.name || 'the predicate'}` : JSON.stringify(want);
}

function statusName(span: ReadableSpan): 'error' | 'unset' | 'ok' {
  return span.status.code === SpanStatusCode.ERROR ? 'error' : span.status.code === SpanStatusCode.OK ? 'ok' : 'unset';
}
