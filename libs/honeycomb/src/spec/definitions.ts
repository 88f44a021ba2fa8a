import type { Board } from './board.js';
import type { DerivedColumn } from './derived-column.js';
import type { QuerySpec } from './query.js';
import type { Recipient } from './recipient.js';
import type { BurnAlert, Slo } from './slo.js';
import type { Trigger } from './trigger.js';

/** A saved query: a Honeycomb query plus the query annotation that names it. */
export interface NamedQuery {
  name: string;
  description?: string;
  query: QuerySpec;
}

/** Everything one dataset's Honeycomb configuration is made of. */
export interface HoneycombDefinitions {
  recipients?: Recipient[];
  derivedColumns?: DerivedColumn[];
  queries?: NamedQuery[];
  slos?: Slo[];
  burnAlerts?: BurnAlert[];
  triggers?: Trigger[];
  boards?: Board[];
}

/** What a definitions module exports: the definitions and the attribute keys the app declares. */
export interface DefinitionsModule {
  definitions: HoneycombDefinitions;
  declaredColumns?: Iterable<string>;
}
