import type { Reader } from '../expression/compile.js';
import { calcKey, type Calculation } from '../spec/query.js';
import type { Accumulator, AccumulatorFactory } from './accumulators.js';
import type { GroupValue, ResultRow } from './result.js';
import type { SpanEvent } from './span-event.js';

export interface GroupState {
  /** The group's first event; breakdown values are read from it only for the rows returned. */
  first: SpanEvent;
  accs: Accumulator[];
}

const NULL_PART = '\u0000';
const SEPARATOR = '\u0001';
/** Values of different types are different groups (200 is not "200"); strings, the common case, stay bare. */
const NUMBER_MARK = '\u0002';
const BOOLEAN_MARK = '\u0003';

/** Joins the breakdown values into a Map key; one breakdown needs no join. */
export function groupKey(event: SpanEvent, readers: readonly Reader<SpanEvent>[]): string {
  if (readers.length === 0) return '';
  if (readers.length === 1) return keyPart(readers[0]!(event));
  let key = keyPart(readers[0]!(event));
  for (let i = 1; i < readers.length; i++) key += SEPARATOR + keyPart(readers[i]!(event));
  return key;
}

function keyPart(value: GroupValue): string {
  if (typeof value === 'string') return value;
  if (value === null) return NULL_PART;
  return (typeof value === 'number' ? NUMBER_MARK : BOOLEAN_MARK) + String(value);
}

/** Groups and their accumulators for one time span (the whole query or one bucket). */
export class GroupTable {
  readonly groups = new Map<string, GroupState>();

  constructor(private readonly factories: readonly AccumulatorFactory[]) {}

  add(key: string, event: SpanEvent): void {
    let state = this.groups.get(key);
    if (!state) {
      state = { first: event, accs: this.factories.map((make) => make()) };
      this.groups.set(key, state);
    }
    for (const acc of state.accs) acc.add(event);
  }

  /** A query without breakdowns always has its one group, even over no events (COUNT = 0). */
  ensureEmptyGroup(): void {
    if (!this.groups.has('')) this.groups.set('', { first: {}, accs: this.factories.map((make) => make()) });
  }
}

/** A group with its calculation results in calculation order, before it becomes a ResultRow. */
export interface GroupResult {
  key: string;
  state: GroupState;
  values: Array<number | null>;
}

export function toRow(
  result: GroupResult,
  breakdowns: readonly string[],
  breakdownReaders: readonly Reader<SpanEvent>[],
  calcs: readonly Calculation[],
): ResultRow {
  const group: Record<string, GroupValue> = {};
  breakdowns.forEach((column, i) => (group[column] = breakdownReaders[i]!(result.state.first)));
  const values: Record<string, number | null> = {};
  let heatmaps: ResultRow['heatmaps'];
  calcs.forEach((calc, i) => {
    const key = calcKey(calc);
    values[key] = result.values[i]!;
    const acc = result.state.accs[i]!;
    if (acc.buckets) (heatmaps ??= {})[key] = acc.buckets();
  });
  return heatmaps ? { group, values, heatmaps } : { group, values };
}
