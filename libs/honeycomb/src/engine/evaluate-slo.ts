import type { Reader } from '../expression/compile.js';
import type { DerivedColumn } from '../spec/derived-column.js';
import type { Slo } from '../spec/slo.js';
import { createColumnResolver } from './column-resolver.js';
import type { SpanEvent } from './span-event.js';

export interface SloEvaluation {
  /** Events whose SLI is true or false. */
  eligible: number;
  good: number;
  bad: number;
  /** good / eligible, 0..1 (1 when nothing was eligible). */
  compliance: number;
  /** target_per_million / 1e6. */
  target: number;
  /** Fraction of the error budget left: 1 untouched, 0 exhausted, negative when overspent. */
  budgetRemaining: number;
}

const DAY_MS = 86_400_000;

/** SLO compliance over [now − time_period_days, now): SLI true is good, false bad, anything else not eligible. */
export function evaluateSlo(
  slo: Slo,
  derivedColumns: readonly DerivedColumn[],
  events: readonly SpanEvent[],
  now: number,
): SloEvaluation {
  const sli = sliReader(slo, derivedColumns);
  const { good, bad } = countSli(sli, events, now - slo.time_period_days * DAY_MS, now);
  const eligible = good + bad;
  const target = slo.target_per_million / 1e6;
  const compliance = eligible === 0 ? 1 : good / eligible;
  return { eligible, good, bad, compliance, target, budgetRemaining: budgetRemaining(bad, allowedBad(slo, eligible)) };
}

export function sliReader(slo: Slo, derivedColumns: readonly DerivedColumn[]): Reader<SpanEvent> {
  if (!derivedColumns.some((d) => d.alias === slo.sli.alias)) {
    throw new Error(`SLO "${slo.name}": SLI derived column ${slo.sli.alias} is not defined`);
  }
  return createColumnResolver(derivedColumns)(slo.sli.alias);
}

export function countSli(
  sli: Reader<SpanEvent>,
  events: readonly SpanEvent[],
  startMs: number,
  endMs: number,
): { good: number; bad: number } {
  let good = 0;
  let bad = 0;
  for (const event of events) {
    const ts = event['timestamp'];
    if (typeof ts !== 'number' || ts < startMs || ts >= endMs) continue;
    const verdict = sli(event);
    if (verdict === true) good++;
    else if (verdict === false) bad++;
  }
  return { good, bad };
}

/** The error budget: the bad events the target allows, (1 − target) × eligible, in exact per-million arithmetic. */
export const allowedBad = (slo: Slo, eligible: number): number => ((1_000_000 - slo.target_per_million) * eligible) / 1_000_000;

export function budgetRemaining(bad: number, allowed: number): number {
  if (allowed === 0) return bad === 0 ? 1 : -Infinity;
  return 1 - bad / allowed;
}
