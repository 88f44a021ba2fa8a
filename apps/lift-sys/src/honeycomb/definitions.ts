import type { HoneycombDefinitions } from '@lift-sys/honeycomb';
import { LIBRARY_ATTRIBUTE_KEYS } from '@lift-sys/observability/sdk';
import { LIFT_SYS_ATTRIBUTE_KEYS } from '../observability/conventions.js';
import { businessQueries, errorQueries, overviewQueries, performanceQueries } from './board-queries.js';
import { boards } from './boards.js';
import { derivedColumns } from './derived-columns.js';
import { alertRoutesFrom } from './recipients.js';
import { savedQueries } from './saved-queries.js';
import { burnAlerts, slos } from './slos.js';
import { triggers } from './triggers.js';

/** lift-sys's Honeycomb configuration as code: boards, saved queries, triggers and SLOs of the plan's sections 7 and 8. */
export function liftSysDefinitions(env: NodeJS.ProcessEnv = process.env): HoneycombDefinitions {
  const routes = alertRoutesFrom(env);
  const recipients = [...routes.critical, ...routes.performance, ...routes.cost];
  return {
    recipients: recipients.filter(
      (recipient, index) => recipients.findIndex((other) => other.target === recipient.target) === index,
    ),
    derivedColumns,
    queries: [...overviewQueries, ...performanceQueries, ...errorQueries, ...businessQueries, ...savedQueries],
    slos,
    burnAlerts: burnAlerts(routes),
    triggers: triggers(routes),
    boards,
  };
}

/** Every column the app's spans can carry: its own conventions plus what the library writes. */
export const declaredColumns: readonly string[] = [...LIFT_SYS_ATTRIBUTE_KEYS, ...LIBRARY_ATTRIBUTE_KEYS];

export const definitions = liftSysDefinitions();
