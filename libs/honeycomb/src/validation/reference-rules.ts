import type { HoneycombDefinitions } from '../spec/definitions.js';
import { recipientKey, recipientLabel, type RecipientRef } from '../spec/recipient.js';
import { atPath, type Problem } from './problems.js';

/** Names that must be unique per kind, and references that must point at objects in the same definitions. */
export function checkReferences(defs: HoneycombDefinitions): Problem[] {
  const problems: Problem[] = [
    ...duplicates(
      'recipient',
      (defs.recipients ?? []).map((r) => recipientLabel({ type: r.type, target: r.target })),
    ),
    ...duplicates(
      'derived column',
      (defs.derivedColumns ?? []).map((d) => d.alias),
    ),
    ...duplicates(
      'query',
      (defs.queries ?? []).map((q) => q.name),
    ),
    ...duplicates(
      'SLO',
      (defs.slos ?? []).map((s) => s.name),
    ),
    ...duplicates(
      'burn alert',
      (defs.burnAlerts ?? []).map((b) => `${b.description}" of SLO "${b.slo.name}`),
    ),
    ...duplicates(
      'trigger',
      (defs.triggers ?? []).map((t) => t.name),
    ),
    ...duplicates(
      'board',
      (defs.boards ?? []).map((b) => b.name),
    ),
  ];
  const recipients = new Set((defs.recipients ?? []).map(recipientKey));
  const aliases = new Set((defs.derivedColumns ?? []).map((d) => d.alias));
  const queries = new Set((defs.queries ?? []).map((q) => q.name));
  const slos = new Set((defs.slos ?? []).map((s) => s.name));
  const undeclared = (refs: readonly RecipientRef[] | undefined): string[] =>
    (refs ?? [])
      .filter((r) => !recipients.has(recipientKey(r)))
      .map((r) => `recipient ${recipientLabel(r)} is not declared in recipients`);

  for (const slo of defs.slos ?? []) {
    if (slo.sli?.alias && !aliases.has(slo.sli.alias)) {
      problems.push({ path: `SLO "${slo.name}"`, message: `SLI ${slo.sli.alias} is not a derived column in these definitions` });
    }
  }
  for (const alert of defs.burnAlerts ?? []) {
    const path = `burn alert "${alert.description}"`;
    if (!slos.has(alert.slo.name)) problems.push({ path, message: `SLO "${alert.slo.name}" is not defined` });
    problems.push(...atPath(path, undeclared(alert.recipients)));
  }
  for (const trigger of defs.triggers ?? [])
    problems.push(...atPath(`trigger "${trigger.name}"`, undeclared(trigger.recipients)));
  for (const board of defs.boards ?? []) {
    for (const panel of board.panels) {
      if (panel.type === 'query' && !queries.has(panel.query_panel.query)) {
        problems.push({
          path: `board "${board.name}"`,
          message: `query panel names query "${panel.query_panel.query}", which is not defined`,
        });
      }
      if (panel.type === 'slo' && !slos.has(panel.slo_panel.slo)) {
        problems.push({
          path: `board "${board.name}"`,
          message: `SLO panel names SLO "${panel.slo_panel.slo}", which is not defined`,
        });
      }
    }
  }
  return problems;
}

function duplicates(kind: string, names: readonly string[]): Problem[] {
  const seen = new Set<string>();
  const repeated = new Set(names.filter((name) => seen.has(name) || !seen.add(name)));
  return [...repeated].map((name) => ({ path: `${kind} "${name}"`, message: 'is defined more than once' }));
}
