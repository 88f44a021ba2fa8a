import {
  calcKey,
  effectiveCalculations,
  evaluateBurnAlert,
  evaluateSlo,
  evaluateTrigger,
  runQuery,
  type HoneycombDefinitions,
  type ResultRow,
  type SpanEvent,
} from '@lift-sys/honeycomb';

export interface Evaluation {
  kind: 'query' | 'trigger' | 'slo' | 'burn alert';
  name: string;
  /** False for an empty panel: no rows, or nothing but nulls and zero counts. */
  hasData: boolean;
  /** One line: the leading row of a query, a trigger's value, an SLO's compliance. */
  summary: string;
}

const show = (value: number | null | undefined): string =>
  value === null || value === undefined ? '-' : Number.isInteger(value) ? String(value) : value.toFixed(4);

/** Runs every saved query, trigger, SLO and burn alert over span events with the local engine. */
export function evaluateDefinitions(definitions: HoneycombDefinitions, events: readonly SpanEvent[], now: number): Evaluation[] {
  const derived = definitions.derivedColumns ?? [];
  const queries = (definitions.queries ?? []).map(({ name, query }): Evaluation => {
    const keys = effectiveCalculations(query).map(calcKey);
    const { rows } = runQuery(query, events, { now, derivedColumns: derived });
    const hasData = rows.some((row) => keys.some((key) => meaningful(key, row)));
    return {
      kind: 'query',
      name,
      hasData,
      summary: rows.length ? describeRow(rows[0], query.breakdowns ?? [], keys) : 'no rows',
    };
  });
  const triggers = (definitions.triggers ?? []).map((trigger): Evaluation => {
    const { fired, value } = evaluateTrigger(trigger, events, now, derived);
    return {
      kind: 'trigger',
      name: trigger.name,
      hasData: value !== null,
      summary: `${fired ? 'FIRING' : 'ok'} (value ${show(value)})`,
    };
  });
  const slos = (definitions.slos ?? []).map((slo): Evaluation => {
    const { eligible, compliance, budgetRemaining } = evaluateSlo(slo, derived, events, now);
    const summary = `compliance ${(compliance * 100).toFixed(1)}% of ${eligible} requests, budget left ${(budgetRemaining * 100).toFixed(0)}%`;
    return { kind: 'slo', name: slo.name, hasData: eligible > 0, summary };
  });
  const burnAlerts = (definitions.burnAlerts ?? []).map((alert): Evaluation => {
    const slo = (definitions.slos ?? []).find((candidate) => candidate.name === alert.slo.name);
    if (slo === undefined)
      return { kind: 'burn alert', name: alert.description, hasData: false, summary: `no SLO named ${alert.slo.name}` };
    const { fired, value } = evaluateBurnAlert(alert, slo, derived, events, now);
    return {
      kind: 'burn alert',
      name: alert.description,
      hasData: !Number.isNaN(value),
      summary: `${fired ? 'FIRING' : 'ok'} (${show(value)})`,
    };
  });
  return [...queries, ...triggers, ...slos, ...burnAlerts];
}

function meaningful(key: string, row: ResultRow): boolean {
  const value = row.values[key];
  if (value === null || value === undefined) return false;
  return !(value === 0 && (key === 'COUNT' || key.startsWith('SUM(')));
}

function describeRow(row: ResultRow, breakdowns: readonly string[], keys: readonly string[]): string {
  const group = breakdowns.map((column) => `${column}=${row.group[column] ?? '-'}`).join(' ');
  const values = keys.map((key) => `${key}=${show(row.values[key])}`).join(' ');
  return group ? `${group}: ${values}` : values;
}
