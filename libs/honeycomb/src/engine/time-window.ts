import { DEFAULT_TIME_RANGE_SECONDS } from '../spec/columns.js';
import type { QuerySpec } from '../spec/query.js';

export interface TimeWindow {
  /** Inclusive, ms since the epoch. */
  startMs: number;
  /** Exclusive, ms since the epoch. */
  endMs: number;
}

/** The half-open window a query covers; a bare time_range ends at `nowMs`. */
export function resolveTimeWindow(query: QuerySpec, nowMs: number): TimeWindow {
  const range = (query.time_range ?? DEFAULT_TIME_RANGE_SECONDS) * 1000;
  const { start_time: start, end_time: end } = query;
  if (start !== undefined && end !== undefined) return { startMs: start * 1000, endMs: end * 1000 };
  if (start !== undefined) {
    const endMs = query.time_range === undefined ? nowMs : start * 1000 + range;
    return { startMs: start * 1000, endMs };
  }
  const endMs = end !== undefined ? end * 1000 : nowMs;
  return { startMs: endMs - range, endMs };
}
