import { HONEYCOMB_BUILTIN_COLUMNS } from '../spec/columns.js';
import type { HoneycombDefinitions, NamedQuery } from '../spec/definitions.js';
import { QUERY_ANNOTATION_DESCRIPTION_MAX, QUERY_ANNOTATION_NAME_MAX } from '../spec/limits.js';
import { recipientLabel } from '../spec/recipient.js';
import { checkDerivedExpression, checkQueryColumns } from './column-rules.js';
import { atPath, InvalidDefinitionsError, type Problem } from './problems.js';
import { checkBoard } from './board-rules.js';
import { checkQuery } from './query-rules.js';
import { checkRecipient } from './recipient-rules.js';
import { checkReferences } from './reference-rules.js';
import { checkBurnAlert, checkSlo } from './slo-rules.js';
import { checkDescription, checkName } from './text-rules.js';
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
    ...(defs.recipients ?? []).flatMap((r) => atPath(`recipient ${recipientLabel(r)}`, checkRecipient(r))),
    ...derived.flatMap((d) => {
      const shadows = HONEYCOMB_BUILTIN_COLUMNS.includes(d.alias) ? [`alias ${d.alias} shadows a Honeycomb column`] : [];
      return atPath(`derived column "${d.alias}"`, [...shadows, ...checkDerivedExpression(d.expression, known)]);
    }),
    ...(defs.queries ?? []).flatMap((q) =>
      atPath(`query "${q.name}"`, [...checkAnnotation(q), ...checkQuery(q.query), ...columnsOf(q.query)]),
    ),
    ...(defs.slos ?? []).flatMap((s) => atPath(`SLO "${s.name}"`, checkSlo(s))),
    ...(defs.burnAlerts ?? []).flatMap((b) =>
      atPath(`burn alert "${b.description}"`, checkBurnAlert(b, slosByName.get(b.slo.name))),
    ),
    ...(defs.triggers ?? []).flatMap((t) => atPath(`trigger "${t.name}"`, [...checkTrigger(t), ...columnsOf(t.query)])),
    ...(defs.boards ?? []).flatMap((b) => atPath(`board "${b.name}"`, checkBoard(b))),
    ...checkReferences(defs),
  ];
}

/** A saved query's name and description become a query annotation's. */
const checkAnnotation = (q: NamedQuery): string[] => [
  ...checkName(q.name, QUERY_ANNOTATION_NAME_MAX),
  ...checkDescription(q.description, QUERY_ANNOTATION_DESCRIPTION_MAX),
];

/** Throws one error listing every problem, or returns the definitions unchanged. */
export function assertValidDefinitions<T extends HoneycombDefinitions>(defs: T, options: ValidationOptions = {}): T {
  const problems = validateDefinitions(defs, options);
  if (problems.length > 0) throw new InvalidDefinitionsError(problems);
  return defs;
}
