import { HONEYCOMB_BUILTIN_COLUMNS } from '../spec/columns.js';
import type { HoneycombDefinitions } from '../spec/definitions.js';
import { checkDerivedExpression, checkQueryColumns } from './column-rules.js';
import { atPath, InvalidDefinitionsError, type Problem } from './problems.js';
import { checkQuery } from './query-rules.js';
import { checkReferences } from './reference-rules.js';
import { checkBurnAlert, checkSlo } from './slo-rules.js';
import { checkTrigger } from './trigger-rules.js';

export interface ValidationOptions {
  /**
   * The attribute keys the app declares. With them, every column a definition names must be one of
   * these, a Honeycomb built-in column or a derived column defined alongside; without, columns are not checked.
   */
  declaredColumns?: Iterable<string>;
}

/** Every problem in the definitions, as `path: message`; an empty list means Honeycomb should accept them. */
export function validateDefinitions(defs: HoneycombDefinitions, options: ValidationOptions = {}): Problem[] {
  const derived = defs.derivedColumns ?? [];
  const known = options.declaredColumns
    ? new Set([...options.declaredColumns, ...HONEYCOMB_BUILTIN_COLUMNS, ...derived.map((d) => d.alias)])
    : undefined;
  const columnsOf = (query: Parameters<typeof checkQueryColumns>[0]): string[] => (known ? checkQueryColumns(query, known) : []);
  const slosByName = new Map((defs.slos ?? []).map((s) => [s.name, s]));

  return [
    ...derived.flatMap((d) => {
      const shadows = HONEYCOMB_BUILTIN_COLUMNS.includes(d.alias) ? [`alias ${d.alias} shadows a Honeycomb column`] : [];
      return atPath(`derived column "${d.alias}"`, [...shadows, ...checkDerivedExpression(d.expression, known)]);
    }),
    ...(defs.queries ?? []).flatMap((q) => atPath(`query "${q.name}"`, [...checkQuery(q.query), ...columnsOf(q.query)])),
    ...(defs.slos ?? []).flatMap((s) => atPath(`SLO "${s.name}"`, checkSlo(s))),
    ...(defs.burnAlerts ?? []).flatMap((b) =>
      atPath(`burn alert "${b.description}"`, checkBurnAlert(b, slosByName.get(b.slo.name))),
    ),
    ...(defs.triggers ?? []).flatMap((t) => atPath(`trigger "${t.name}"`, [...checkTrigger(t), ...columnsOf(t.query)])),
    ...checkReferences(defs),
  ];
}

/** Throws one error listing every problem, or returns the definitions unchanged. */
export function assertValidDefinitions<T extends HoneycombDefinitions>(defs: T, options: ValidationOptions = {}): T {
  const problems = validateDefinitions(defs, options);
  if (problems.length > 0) throw new InvalidDefinitionsError(problems);
  return defs;
}
