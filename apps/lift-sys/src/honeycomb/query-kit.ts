import { ATTR_DB_SYSTEM_NAME } from '@opentelemetry/semantic-conventions';
import { where, type NamedQuery, type QuerySpec } from '@lift-sys/honeycomb';

/** Boards look back a day in hourly buckets; saved queries look back a day as tables. */
export const DAY = 86_400;
export const HOUR = 3_600;

export const requests = where('span.kind', '=', 'server');
export const spanNamed = (name: string) => where('name', '=', name);
export const failed = where('error', '=', true);
/** Database spans are named by their query summary (`SELECT sessions`), so they are found by `db.system.name`. */
export const dbSpans = where(ATTR_DB_SYSTEM_NAME, 'exists');

export function timeSeries(name: string, description: string, query: QuerySpec): NamedQuery {
  return { name, description, query: { time_range: DAY, granularity: HOUR, ...query } };
}

export function table(name: string, description: string, query: QuerySpec): NamedQuery {
  return { name, description, query: { time_range: DAY, ...query } };
}
