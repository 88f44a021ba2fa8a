import { strftime } from '../strftime.js';
import { parseNumber, type Value } from '../values.js';
import { binary, unary, type EventClock, type FunctionDef } from './define.js';

/** Go's time.RFC3339 layout, which also accepts fractional seconds when parsing. */
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|([+-])(\d{2}):(\d{2}))$/;

/**
 * docs.honeycomb.io/reference/calculated-field-formula/time, UNIX_TIMESTAMP: "Converts a date string in
 * RFC3339 format (for example, 2017-07-20T11:22:44.888Z) to a Unix timestamp (1500549764.888)".
 * Anything that is not such a string is null.
 */
export function parseRfc3339(value: Value): number | null {
  const m = typeof value === 'string' ? RFC3339.exec(value) : null;
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  const date = new Date(ms);
  const valid =
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    hour < 24 &&
    minute < 60 &&
    second < 60;
  if (!valid) return null;
  const offset = m[8] === 'Z' ? 0 : (m[9] === '-' ? -1 : 1) * (Number(m[10]) * 3600 + Number(m[11]) * 60);
  return ms / 1000 - offset + (m[7] ? Number(`0${m[7]}`) : 0);
}

const clockReader = (which: keyof EventClock<unknown>): FunctionDef => ({
  minArgs: 0,
  maxArgs: 0,
  compile: (_args, _exprs, clock) => clock[which],
});

export const TIME_FUNCTIONS = {
  UNIX_TIMESTAMP: unary(parseRfc3339),
  /** "Returns the Unix timestamp ... of the current event as a float ... This function takes no arguments." */
  EVENT_TIMESTAMP: clockReader('eventTimestamp'),
  /** "... indicating when Honeycomb's servers received the current event, as a float". */
  INGEST_TIMESTAMP: clockReader('ingestTimestamp'),
  /**
   * FORMAT_TIME(format, timestamp) "Formats timestamp using strftime syntax" (LLM_PROMPT.md), e.g.
   * FORMAT_TIME("%A", EVENT_TIMESTAMP()); a timestamp that is not a number is null.
   */
  FORMAT_TIME: binary((format, timestamp) => {
    const seconds = typeof timestamp === 'number' ? timestamp : typeof timestamp === 'string' ? parseNumber(timestamp) : null;
    if (typeof format !== 'string' || seconds === null || Number.isNaN(new Date(seconds * 1000).getTime())) return null;
    return strftime(format, seconds);
  }),
};
