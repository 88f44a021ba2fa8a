import { CAST_FUNCTIONS } from './library/cast.js';
import { CONDITIONAL_FUNCTIONS } from './library/conditional.js';
import type { FunctionDef } from './library/define.js';
import { LOGIC_FUNCTIONS } from './library/logic.js';
import { MATH_FUNCTIONS } from './library/math.js';
import { TEXT_FUNCTIONS } from './library/text.js';
import { TIME_FUNCTIONS } from './library/time.js';

/**
 * Every function of Honeycomb's calculated-field language: the names its parser accepts
 * (honeycomb-derived-column-validator pkg/parser/parser.go, lookupOp), which match the function
 * list of docs.honeycomb.io/reference/calculated-field-formula. Names are case-sensitive there.
 */
export const FUNCTIONS: ReadonlyMap<string, FunctionDef> = new Map(
  Object.entries({
    ...CONDITIONAL_FUNCTIONS,
    ...LOGIC_FUNCTIONS,
    ...MATH_FUNCTIONS,
    ...CAST_FUNCTIONS,
    ...TEXT_FUNCTIONS,
    ...TIME_FUNCTIONS,
  }),
);

/**
 * Time-series functions Honeycomb accepts only in formulas over metrics datasets
 * (parser.go, lookupTimeseriesOp); the local engine evaluates span events, so it rejects them.
 */
export const TIMESERIES_FUNCTIONS: ReadonlySet<string> = new Set(['RAW_METRIC', 'LAST', 'SUMMARIZE', 'INCREASE', 'RATE']);
