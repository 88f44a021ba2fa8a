import type { HoneycombDefinitions } from '../spec/definitions.js';
import type { HoneycombClient } from './client.js';
import { apiPaths } from './paths.js';

export interface AuthInfo {
  type?: string;
  team?: { name?: string; slug?: string };
  environment?: { name?: string; slug?: string };
  api_key_access?: Record<string, boolean>;
}

/** The `api_key_access` flag and permission name each managed kind needs. */
const ACCESS: Array<[keyof HoneycombDefinitions, string, string]> = [
  ['recipients', 'recipients', 'Manage Recipients'],
  ['derivedColumns', 'columns', 'Manage Queries and Columns'],
  ['queries', 'queries', 'Manage Queries and Columns'],
  ['slos', 'slos', 'Manage SLOs'],
  ['burnAlerts', 'slos', 'Manage SLOs'],
  ['triggers', 'triggers', 'Manage Triggers'],
  ['boards', 'boards', 'Manage Public Boards'],
];

/** Checks the key first: a wrong key or missing permission is one clear line before any other call. */
export async function checkAuth(client: HoneycombClient, defs: HoneycombDefinitions): Promise<AuthInfo> {
  const auth = await client.get<AuthInfo>(apiPaths.auth);
  if (auth.type && auth.type !== 'configuration') {
    throw new Error(`HONEYCOMB_CONFIG_KEY is a ${auth.type} key; the Configuration API needs a configuration key`);
  }
  const access = auth.api_key_access;
  if (access) {
    const missing = ACCESS.filter(([kind, flag]) => defs[kind] && access[flag] === false).map(([, , permission]) => permission);
    if (missing.length > 0) throw new Error(`the configuration key lacks permission: ${[...new Set(missing)].join(', ')}`);
  }
  return auth;
}
