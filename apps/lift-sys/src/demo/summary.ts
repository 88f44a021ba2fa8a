import { SpanStatusCode } from '@opentelemetry/api';
import { hrTimeToMilliseconds } from '@opentelemetry/core';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { ATTR_GEN_AI_PROVIDER_NAME } from '@opentelemetry/semantic-conventions/incubating';
import { renderTable } from '@lift-sys/honeycomb';
import type { Evaluation } from '../honeycomb/evaluate-definitions.js';
import { buildSpanForest, type SpanNode } from '@lift-sys/observability/testing';

function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? 0;
}

const table = (header: string[], rows: string[][]): string => renderTable(header, rows).join('\n');

/** p50/p95 duration and error count per span name. */
export function latencyTable(spans: readonly ReadableSpan[]): string {
  const byName = new Map<string, ReadableSpan[]>();
  for (const span of spans) byName.set(span.name, [...(byName.get(span.name) ?? []), span]);
  const rows = [...byName.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, group]) => {
      const durations = group.map((span) => hrTimeToMilliseconds(span.duration)).sort((a, b) => a - b);
      const errors = group.filter((span) => span.status.code === SpanStatusCode.ERROR).length;
      return [
        name,
        String(group.length),
        percentile(durations, 0.5).toFixed(1),
        percentile(durations, 0.95).toFixed(1),
        String(errors),
      ];
    });
  return table(['span', 'count', 'p50 ms', 'p95 ms', 'errors'], rows);
}

/** LLM cost summed per code language (llm.call under code.generate) and per provider. */
export function costTables(spans: readonly ReadableSpan[]): string {
  const perLanguage = new Map<string, number>();
  const perProvider = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, cost: number) => map.set(key, (map.get(key) ?? 0) + cost);
  const visit = (node: SpanNode, language: string | undefined): void => {
    const own = node.span.attributes['code.language'];
    const current = node.span.name === 'code.generate' && typeof own === 'string' ? own : language;
    const cost = node.span.attributes['llm.cost_usd'];
    if (node.span.name === 'llm.call' && typeof cost === 'number') {
      add(perProvider, String(node.span.attributes[ATTR_GEN_AI_PROVIDER_NAME]), cost);
      if (current !== undefined) add(perLanguage, current, cost);
    }
    for (const child of node.children) visit(child, current);
  };
  for (const root of buildSpanForest(spans)) visit(root, undefined);
  const rows = (map: Map<string, number>) =>
    [...map.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, cost]) => [key, `$${cost.toFixed(6)}`]);
  return `${table(['language', 'llm cost'], rows(perLanguage))}\n\n${table(['provider', 'llm cost'], rows(perProvider))}`;
}

/** One line per saved query, trigger and SLO, with what the local engine found. */
export function boardPanels(evaluations: readonly Evaluation[]): string {
  return table(
    ['kind', 'name', 'result'],
    evaluations.map((evaluation) => [
      evaluation.kind,
      evaluation.name,
      evaluation.hasData ? evaluation.summary : `EMPTY: ${evaluation.summary}`,
    ]),
  );
}
