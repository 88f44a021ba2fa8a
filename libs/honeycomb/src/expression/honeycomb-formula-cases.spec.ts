import { SPAN_CLOCK } from '../engine/column-resolver.js';
import type { SpanEvent } from '../engine/span-event.js';
import { compileExpression } from './compile.js';
import type { Value } from './values.js';

/**
 * Honeycomb's calculated-field language, case by case. Every row names where the fact comes from:
 * a page of docs.honeycomb.io (quoted), or a file of honeycombio/honeycomb-derived-column-validator,
 * Honeycomb's published grammar and function table. Where the docs are silent the engine's choice is
 * in docs/HONEYCOMB_QUERY_ENGINE.md and tested in compile.spec.ts, not here.
 */
interface FormulaCase {
  formula: string;
  event?: SpanEvent;
  /** The value the formula computes, or the error Honeycomb's parser or checker would give. */
  expected: Value | RegExp;
  source: string;
}

const DOCS = 'https://docs.honeycomb.io/reference/calculated-field-formula';
const SYNTAX = `${DOCS}/syntax`;
const CONDITIONAL = `${DOCS}/conditional`;
const COMPARISON = `${DOCS}/comparison`;
const LOGICAL = `${DOCS}/logical`;
const MATH = `${DOCS}/math`;
const CAST = `${DOCS}/cast`;
const STRING = `${DOCS}/string`;
const TIME = `${DOCS}/time`;
const VALIDATOR = 'honeycombio/honeycomb-derived-column-validator';
const GRAMMAR = `${VALIDATOR} pkg/parser/HCDC.g4`;
const LOOKUP = `${VALIDATOR} pkg/parser/parser.go lookupOp`;
const LISTENER = `${VALIDATOR} pkg/parser/antlr_parser.go`;
const PROMPT = `${VALIDATOR} examples/LLM_PROMPT.md`;
const VALIDATOR_TESTS = `${VALIDATOR} main_test.go`;
const GOOD_EXAMPLE = `${VALIDATOR} examples/derived_columns/good/beeline_or_otel_language.dc`;

/** 2017-07-20T11:22:44.888Z, a Thursday: the timestamp of the time docs' example. */
const AT = { timestamp: 1500549764888, duration_ms: 1500 };

/** 2017-07-20T00:30:00Z: 11:30 on a Thursday in Sydney (UTC+11 in the formula's DST window). */
const SYDNEY_MORNING_MS = Date.UTC(2017, 6, 20, 0, 30);

const BEELINE_OR_OTEL = `COALESCE(
  IF(CONTAINS($request.header.user_agent, "beeline"), REG_VALUE($request.header.user_agent, "libhoney-([a-z]*)")),
  IF(EQUALS($app.telemetry.sdk.language, "python"), "py"),
  IF(EQUALS($app.telemetry.sdk.language, "nodejs"), "js"),
  $app.telemetry.sdk.language,
  $app.honeycomb.distro.language
)`;

const SYDNEY_SLI = `IF(
  OR(NOT(EXISTS($trace.trace_id)), EXISTS($trace.parent_id)),
  null,
  IF(
    IF(
      AND(GTE(INT(FORMAT_TIME("%m%d", EVENT_TIMESTAMP())), 406), LT(INT(FORMAT_TIME("%m%d", EVENT_TIMESTAMP())), 1005)),
      AND(
        GTE(MOD(SUM(INT(FORMAT_TIME("%H", EVENT_TIMESTAMP())), 11), 24), 9),
        LT(MOD(SUM(INT(FORMAT_TIME("%H", EVENT_TIMESTAMP())), 11), 24), 17),
        NOT(IN(FORMAT_TIME("%A", SUM(EVENT_TIMESTAMP(), MUL(11, 3600))), "Saturday", "Sunday"))
      ),
      AND(
        GTE(MOD(SUM(INT(FORMAT_TIME("%H", EVENT_TIMESTAMP())), 10), 24), 9),
        LT(MOD(SUM(INT(FORMAT_TIME("%H", EVENT_TIMESTAMP())), 10), 24), 17),
        NOT(IN(FORMAT_TIME("%A", SUM(EVENT_TIMESTAMP(), MUL(10, 3600))), "Saturday", "Sunday"))
      )
    ),
    LT($duration_ms, 450),
    null
  )
)`;

const CASES: FormulaCase[] = [
  // Field names and literals.
  {
    formula: '$durationMs',
    event: { durationMs: 12 },
    expected: 12,
    source: `${SYNTAX} "Reference fields ... by prefixing their name with a dollar sign"; ${LISTENER} handleValueAtRoot (a bare value is a formula)`,
  },
  {
    formula: '$"1stToken"',
    event: { '1stToken': 'a' },
    expected: 'a',
    source: `${SYNTAX} "Field names that start with a number or contain spaces must be enclosed in double quotes"`,
  },
  {
    formula: '$"Context Key Length"',
    event: { 'Context Key Length': 3 },
    expected: 3,
    source: `${SYNTAX} example $"Context Key Length"`,
  },
  { formula: '$`raw name`', event: { 'raw name': 1 }, expected: 1, source: `${GRAMMAR} column: '$' RAWSTRING` },
  { formula: '$http.status_code', event: { 'http.status_code': 404 }, expected: 404, source: `${GRAMMAR} COLRUNE includes '.'` },
  {
    formula: '$a/b:c=d?e-f',
    event: { 'a/b:c=d?e-f': 'x' },
    expected: 'x',
    source: `${GRAMMAR} COLRUNE: letters, digits, '_' '.' '/' ':' '=' '+' '?' '-'`,
  },
  {
    formula: '$a+1',
    event: { a: 1, 'a+1': 'column' },
    expected: 'column',
    source: `${GRAMMAR} COLRUNE includes '+', so $a+1 is one column name`,
  },
  {
    formula: '$a=1',
    event: { a: 1, 'a=1': 'column' },
    expected: 'column',
    source: `${GRAMMAR} COLRUNE includes '=', so $a=1 is one column name`,
  },
  { formula: '$Name', event: { name: 'lower' }, expected: null, source: `${PROMPT} "Column names are case-sensitive"` },
  { formula: '"a string"', expected: 'a string', source: `${SYNTAX} literal "a string"` },
  {
    formula: '`raw \\n string`',
    expected: 'raw \\n string',
    source: `${SYNTAX} "Raw string literals ... any character may appear except a back quote"`,
  },
  { formula: '10', expected: 10, source: `${SYNTAX} literal 10 (integer)` },
  { formula: '-3', expected: -3, source: `${SYNTAX} literal -3 (negative integer)` },
  { formula: '12.02', expected: 12.02, source: `${SYNTAX} literal 12.02 (float)` },
  { formula: '-4.82', expected: -4.82, source: `${SYNTAX} literal -4.82 (negative float)` },
  { formula: '4e+2', expected: 400, source: `${SYNTAX} "4e+2 # scientific E notation"` },
  { formula: '4e-2', expected: 0.04, source: `${SYNTAX} "4e-2 # scientific E notation"` },
  { formula: '.5', expected: 0.5, source: `${GRAMMAR} FLOAT "Support leading decimal"` },
  { formula: '- 5', expected: -5, source: `${GRAMMAR} literal: OP_MATH_MINUS? INT (the sign is its own token)` },
  { formula: 'true', expected: true, source: `${SYNTAX} literal true` },
  { formula: 'false', expected: false, source: `${SYNTAX} literal false` },
  { formula: 'null', expected: null, source: `${SYNTAX} literal null` },
  { formula: 'TRUE', expected: /expected '\(' after TRUE/, source: `${GRAMMAR} TRUE: 'true' (upper case is a function name)` },
  {
    formula: '-$a',
    expected: /expected a value, found '-'/,
    source: `${GRAMMAR} the minus sign of a literal precedes only INT or FLOAT`,
  },
  {
    formula: '99999999999999999999',
    expected: /out of range/,
    source: `${LISTENER} ExitLiteral: strconv.ParseInt(text, 10, 64)`,
  },
  // String escapes.
  { formula: '"say \\"hi\\""', expected: 'say "hi"', source: `${SYNTAX} "Special characters are escaped with a backslash"` },
  { formula: '"tab\\there"', expected: 'tab\there', source: `${GRAMMAR} ESCAPED_VALUE [abfnrtv\\\\'"]` },
  { formula: '"\\u00e9"', expected: 'é', source: `${GRAMMAR} ESCAPED_VALUE 'u' HEX_DIGIT x4` },
  { formula: '"\\U0001F600"', expected: '😀', source: `${GRAMMAR} ESCAPED_VALUE 'U' HEX_DIGIT x8` },
  { formula: '"\\x41\\101"', expected: 'AA', source: `${GRAMMAR} ESCAPED_VALUE 'x' HEX HEX and OCTAL x3` },
  { formula: '"\\xc3\\xa9"', expected: 'é', source: `${LISTENER} strconv.Unquote: \\x escapes are bytes of the UTF-8 string` },
  { formula: '"\\q"', expected: /unknown escape sequence \\q/, source: `${GRAMMAR} ESCAPED_VALUE lists the only escapes` },
  {
    formula: '"it\\\'s"',
    expected: /unknown escape sequence/,
    source: `${LISTENER} strconv.Unquote rejects \\' in a double-quoted string`,
  },
  { formula: '"line\nbreak"', expected: /newline in string/, source: `${SYNTAX} "any character may appear except newline"` },
  { formula: '"open', expected: /unterminated string/, source: `${GRAMMAR} STRING: '"' ... '"'` },
  // Grammar shape, from the validator's own tests.
  { formula: '', expected: /empty expression/, source: `${VALIDATOR_TESTS} "empty expression"` },
  {
    formula: 'IF(1,2',
    expected: /expected ',' or '\)'/,
    source: `${VALIDATOR_TESTS} "invalid expression (mismatched parenthesis)"`,
  },
  { formula: 'IF(1,2)', expected: 2, source: `${VALIDATOR_TESTS} "valid expression"` },
  { formula: '$a + 1', event: { a: 2 }, expected: 3, source: `${VALIDATOR_TESTS} "infix expression"` },
  {
    formula: '$"0"-5-$"1"--5',
    event: { '0': 10, '1': 3 },
    expected: 7,
    source: `${VALIDATOR_TESTS} "degenerate infix expression"`,
  },
  {
    formula: '$foo AND AND($bar AND $baz, $quux)',
    event: { foo: true, bar: true, baz: 1, quux: 'true' },
    expected: true,
    source: `${VALIDATOR_TESTS} "and is a func and an op"`,
  },
  { formula: 'DECREASE(1)', expected: /unknown function DECREASE/, source: `${VALIDATOR_TESTS} "invalid function: DECREASE"` },
  {
    formula: 'RATE(LAST(1))',
    expected: /time-series function/,
    source: `${VALIDATOR_TESTS} timeseries functions; parser.go lookupTimeseriesOp (metrics only)`,
  },
  { formula: 'IF(1, 2,)', expected: 2, source: `${GRAMMAR} fun: "Support trailing comma"` },
  { formula: 'IF(,)', expected: /expected a value, found ','/, source: `${GRAMMAR} params: expr (',' params)?` },
  {
    formula: 'if(true, 1)',
    expected: /unknown function if \(function names are upper case: IF\)/,
    source: `${LOOKUP} matches upper-case names only`,
  },
  { formula: 'TO_UPPER($a)', expected: /unknown function TO_UPPER/, source: `${LOOKUP} has TO_LOWER and no TO_UPPER` },
  // Operator precedence (HCDC.g4 expr: "List operators in precedence order").
  { formula: '2 + 3 * 4', expected: 14, source: `${GRAMMAR} OP_MATH_HIGH (* / %) binds tighter than OP_MATH_PLUS` },
  { formula: '(2 + 3) * 4', expected: 20, source: `${GRAMMAR} '(' expr ')'` },
  { formula: '10 - 4 - 3', expected: 3, source: `${GRAMMAR} binary operators are left-associative` },
  { formula: '7 % 4 * 2', expected: 6, source: `${GRAMMAR} OP_MATH_HIGH: '*' | '/' | '%' share one level` },
  { formula: '1 + 2 < 4', expected: true, source: `${GRAMMAR} OP_MATH_* before OP_COMPARE` },
  { formula: '1 < 2 = true', expected: true, source: `${GRAMMAR} OP_COMPARE before OP_EQUAL` },
  { formula: 'true OR false AND false', expected: true, source: `${GRAMMAR} OP_AND before OP_OR` },
  { formula: '!$a + 1', event: { a: 0 }, expected: 1, source: `${GRAMMAR} op=OP_NOT expr is the first (tightest) alternative` },
  {
    formula: '$a != 1',
    event: { a: '1' },
    expected: true,
    source: `${LOOKUP} "!=" is D_NOT_IN; ${COMPARISON} different types are not equal`,
  },
  // Logical functions and truthiness.
  {
    formula: '$roundtrip_ms >= 100 AND $method = "POST"',
    event: { roundtrip_ms: 150, method: 'POST' },
    expected: true,
    source: `${LOGICAL} AND infix example`,
  },
  {
    formula: '!IN($method, "GET", "DELETE") AND EXISTS($batch)',
    event: { method: 'PUT', batch: 2 },
    expected: true,
    source: `${LOGICAL} AND infix example`,
  },
  {
    formula: 'AND(EQUALS($api_version, "v3"), OR(LT($request_ms, 30), GT($request_ms, 300)))',
    event: { api_version: 'v3', request_ms: 500 },
    expected: true,
    source: `${LOGICAL} AND function example`,
  },
  {
    formula: '$company = "acme" OR $priority >= 5',
    event: { company: 'globex', priority: 5 },
    expected: true,
    source: `${LOGICAL} OR infix example`,
  },
  {
    formula: '$mysql_latency_ms >= 20 OR ($s3_latency_ms >= 100 AND $method = "GET")',
    event: { mysql_latency_ms: 5, s3_latency_ms: 150, method: 'GET' },
    expected: true,
    source: `${LOGICAL} OR infix example`,
  },
  { formula: 'NOT(EXISTS($batch))', event: {}, expected: true, source: `${LOGICAL} NOT example` },
  {
    formula: '!IN($build_id, "175", "176")',
    event: { build_id: 175 },
    expected: true,
    source: `${LOGICAL} NOT example; ${COMPARISON} the integer 200 and the string "200" are not equal`,
  },
  {
    formula: 'IN($build_id, "175", "176")',
    event: { build_id: '175' },
    expected: true,
    source: `${LOGICAL} "IN ... true if the first provided argument is equal to any of the subsequent arguments"`,
  },
  {
    formula: 'AND(1, "true", true)',
    expected: true,
    source: `${CONDITIONAL} "All non-zero numbers, as well as the string true, evaluate to true"`,
  },
  { formula: 'OR(0, "yes", false, null)', expected: false, source: `${CAST} BOOL table: string (anything else) false` },
  { formula: 'NOT("TRUE")', expected: true, source: `${CAST} BOOL table: only the string "true" is true` },
  {
    formula: 'EXISTS($a)',
    event: { a: 0 },
    expected: true,
    source: `${LOGICAL} EXISTS "True when the supplied argument has a defined value"`,
  },
  { formula: 'EXISTS($a)', event: {}, expected: false, source: `${LOGICAL} EXISTS "false where it does not"` },
  // Comparison functions.
  {
    formula: 'EQUALS($status, 200)',
    event: { status: '200' },
    expected: false,
    source: `${COMPARISON} "the integer 200 and the string "200", are not considered equal"`,
  },
  {
    formula: 'EQUALS($status, 200)',
    event: { status: 200 },
    expected: true,
    source: `${COMPARISON} EQUALS "True if the two provided arguments are equal"`,
  },
  {
    formula: '$status = "200"',
    event: { status: 200 },
    expected: false,
    source: `${LOOKUP} "=" is EQUALS (D_IN); ${COMPARISON} types must match`,
  },
  {
    formula: 'EQUALS($error, true)',
    event: { error: true },
    expected: true,
    source: `${VALIDATOR} README example IF(EQUALS($http.response.status_code, 200), 1)`,
  },
  {
    formula: 'LT($roundtrip_us, 500)',
    event: { roundtrip_us: 400 },
    expected: true,
    source: `${COMPARISON} LT "If both arguments are numbers"`,
  },
  { formula: '$roundtrip_us < 500', event: { roundtrip_us: 500 }, expected: false, source: `${COMPARISON} LT infix example` },
  {
    formula: 'LT("10", "9")',
    expected: true,
    source: `${COMPARISON} "If both arguments are strings ... falls lexicographically before"`,
  },
  {
    formula: 'LT($a, 500)',
    event: { a: '400' },
    expected: false,
    source: `${COMPARISON} "Always false ... if the types of the columns do not match"`,
  },
  {
    formula: 'LT($missing, 500)',
    event: {},
    expected: false,
    source: `${COMPARISON} "Always false if either argument is empty"`,
  },
  { formula: '$roundtrip_ms <= 0.5', event: { roundtrip_ms: 0.5 }, expected: true, source: `${COMPARISON} LTE infix example` },
  { formula: 'LTE("b", "b")', expected: true, source: `${COMPARISON} LTE "is the same as, or falls lexicographically before"` },
  { formula: 'GT($payload_size_kb, 300)', event: { payload_size_kb: 301 }, expected: true, source: `${COMPARISON} GT example` },
  { formula: 'GTE($a, $b)', event: { a: 5, b: 5 }, expected: true, source: `${COMPARISON} GTE "greater than or equal to"` },
  // Conditional functions.
  {
    formula: 'IF(CONTAINS($team_name, "acme"), "important-customer", "everyone else")',
    event: { team_name: 'acme corp' },
    expected: 'important-customer',
    source: `${CONDITIONAL} IF example`,
  },
  { formula: 'IF(GTE($http_status, 400), 1, 0)', event: { http_status: 503 }, expected: 1, source: `${CONDITIONAL} IF example` },
  {
    formula: 'IF(GTE($duration_ms, 500), "slow")',
    event: { duration_ms: 100 },
    expected: null,
    source: `${CONDITIONAL} "If else-val is not specified, evaluates to null"`,
  },
  {
    formula: 'IF(EQUALS($path,"/login"),"login", CONTAINS($path,"/browse/"),"browsing", "other")',
    event: { path: '/browse/x' },
    expected: 'browsing',
    source: `${CONDITIONAL} multiple-value IF example`,
  },
  {
    formula: 'IF(EQUALS($path,"/login"),"login", CONTAINS($path,"/browse/"),"browsing", "other")',
    event: { path: '/cart' },
    expected: 'other',
    source: `${CONDITIONAL} "Otherwise evaluates to else-val"`,
  },
  { formula: 'IF(-1, "yes", "no")', expected: 'yes', source: `${CONDITIONAL} "All non-zero numbers ... evaluate to true"` },
  { formula: 'IF(0, "yes", "no")', expected: 'no', source: `${CAST} BOOL table: int 0 false` },
  { formula: 'IF("yes", "yes", "no")', expected: 'no', source: `${CONDITIONAL} only "the string true" is true` },
  {
    formula: 'SWITCH($env, "prod", 1, "staging", 0.5, "dev", 0.1, 0)',
    event: { env: 'staging' },
    expected: 0.5,
    source: `${PROMPT} SWITCH example`,
  },
  {
    formula: 'SWITCH($env, "prod", 1, "staging", 0.5, "dev", 0.1, 0)',
    event: { env: 'qa' },
    expected: 0,
    source: `${PROMPT} SWITCH "[default]"`,
  },
  {
    formula: 'SWITCH($env, "prod", 1)',
    event: { env: 'qa' },
    expected: null,
    source: `${PROMPT} SWITCH default is optional; ${CONDITIONAL} (as IF) no default is null`,
  },
  {
    formula: 'SWITCH($code, "200", "ok", "other")',
    event: { code: 200 },
    expected: 'other',
    source: `${CONDITIONAL} "SWITCH ... tested for strict equality"`,
  },
  {
    formula: 'SWITCH($env, $other, 1)',
    expected: /SWITCH cases must be string literals/,
    source: `${PROMPT} "Cases must be string literals (not expressions)"`,
  },
  {
    formula: 'COALESCE($user_id, $anonymous_id, "unknown")',
    event: { anonymous_id: 'anon' },
    expected: 'anon',
    source: `${PROMPT} COALESCE example`,
  },
  {
    formula: 'COALESCE($user_id, "unknown")',
    event: { user_id: '' },
    expected: 'unknown',
    source: `${PROMPT} "Returns the first non-null, non-empty argument"`,
  },
  // Math functions.
  { formula: 'SUM(1.0, 5, "2.3")', expected: 8.3, source: `${MATH} SUM example; "Strings are parsed into numbers if possible"` },
  { formula: '1.0 + 5 + "2.3"', expected: 8.3, source: `${MATH} SUM infix example` },
  { formula: 'SUM("abc", true, 2)', expected: 2, source: `${MATH} "unparseable strings or other values evaluate to zero"` },
  {
    formula: '$total_ms - ($local_ms + $merge_ms + $serialize_ms)',
    event: { total_ms: 100, local_ms: 10, merge_ms: 20, serialize_ms: 30 },
    expected: 40,
    source: `${MATH} SUB infix example`,
  },
  { formula: 'SUB($serialization_ms, 100)', event: { serialization_ms: 250 }, expected: 150, source: `${MATH} SUB example` },
  {
    formula: '100 * ($json_decode_ms / $total_ms)',
    event: { json_decode_ms: 5, total_ms: 20 },
    expected: 25,
    source: `${MATH} MUL infix example`,
  },
  {
    formula: 'MUL($count, $time_per_item)',
    event: { count: 3, time_per_item: 1.5 },
    expected: 4.5,
    source: `${MATH} MUL example`,
  },
  { formula: 'DIV("10", "4")', expected: 2.5, source: `${MATH} DIV "Divides the first argument by the second"` },
  { formula: 'DIV($a, 0)', event: { a: 1 }, expected: null, source: `${MATH} "A division by zero evaluates to null"` },
  { formula: 'MOD($user_id, 10)', event: { user_id: 1234 }, expected: 4, source: `${PROMPT} MOD example "for sampling"` },
  { formula: '$a % 3', event: { a: 10 }, expected: 1, source: `${LOOKUP} "%" is D_MOD` },
  {
    formula: 'MIN($memory_inuse_local, $memory_inuse_merge, $memory_inuse_fetch)',
    event: { memory_inuse_local: 5, memory_inuse_merge: 2, memory_inuse_fetch: 9 },
    expected: 2,
    source: `${MATH} MIN example`,
  },
  {
    formula: 'MIN($missing, "b", "a", 1)',
    event: {},
    expected: 'a',
    source: `${MATH} "the smallest argument of the same type as the first non-empty argument"`,
  },
  {
    formula: 'MAX(1, DIV($total_volume, $count))',
    event: { total_volume: 10, count: 4 },
    expected: 2.5,
    source: `${MATH} MAX example`,
  },
  { formula: 'MAX("apple", "pear")', expected: 'pear', source: `${MATH} "Largest means ... lexicographically last, if string"` },
  { formula: 'LOG10(1000)', expected: 3, source: `${MATH} LOG10 "Computes the base-10 logarithm"` },
  { formula: 'LOG10("100")', expected: 2, source: `${MATH} LOG10 "Strings are parsed into numbers if possible"` },
  { formula: 'LOG10(0)', expected: null, source: `${MATH} LOG10 "arguments less than or equal to 0, evaluate to null"` },
  { formula: 'LOG10("abc")', expected: null, source: `${MATH} LOG10 "Unparseable strings ... evaluate to null"` },
  {
    formula: 'BUCKET($v, 10, 0, 30)',
    event: { v: 5 },
    expected: '0 - 10',
    source: `${MATH} BUCKET "BUCKET( $column, 10, 0, 30) will return groups named < 0, 0 - 10, 10 - 20, 20 - 30, and > 30"`,
  },
  {
    formula: 'BUCKET($v, 10, 0, 30)',
    event: { v: 10 },
    expected: '0 - 10',
    source: `${MATH} BUCKET "points on the boundary between two bins will fall into the lower bin"`,
  },
  { formula: 'BUCKET($v, 10, 0, 30)', event: { v: -1 }, expected: '< 0', source: `${MATH} BUCKET groups "< 0"` },
  { formula: 'BUCKET($v, 10, 0, 30)', event: { v: 31 }, expected: '> 30', source: `${MATH} BUCKET groups "> 30"` },
  {
    formula: 'BUCKET($v, 10)',
    event: { v: 25 },
    expected: '20 - 30',
    source: `${MATH} BUCKET "if neither a min nor max is specified ... starting from a bucket 0 - size"`,
  },
  {
    formula: 'BUCKET($v, 10, 0)',
    event: { v: 1000 },
    expected: '990 - 1000',
    source: `${MATH} BUCKET "If only the min is specified ... without an upper bound"`,
  },
  {
    formula: 'BUCKET($v, 10)',
    event: { v: '25' },
    expected: null,
    source: `${MATH} BUCKET "If the column is not a float value, the function returns null"`,
  },
  {
    formula: 'BUCKET($v, $size)',
    expected: /number literals/,
    source: `${MATH} BUCKET "The size, min, and max may not be columns"`,
  },
  // Casts.
  {
    formula: 'INT($price_dollars)',
    event: { price_dollars: 3.99 },
    expected: 3,
    source: `${CAST} INT "truncating the value if necessary"`,
  },
  { formula: 'INT("7.9")', expected: 7, source: `${CAST} INT "The argument is first coerced to a float if possible"` },
  { formula: 'INT("abc")', expected: 0, source: `${CAST} INT "Non-numeric values return 0"` },
  { formula: 'INT(DIV($seconds, 3600))', event: { seconds: 7300 }, expected: 2, source: `${CAST} INT example` },
  { formula: 'FLOAT("3.1415926535")', expected: 3.1415926535, source: `${CAST} FLOAT example` },
  { formula: 'FLOAT("abc")', expected: 0, source: `${CAST} FLOAT "Non-numeric values return 0.0"` },
  { formula: 'BOOL(0)', expected: false, source: `${CAST} BOOL table: int 0 false` },
  { formula: 'BOOL(7)', expected: true, source: `${CAST} BOOL table: int (anything else) true` },
  { formula: 'BOOL(0.5)', expected: true, source: `${CAST} BOOL table: float (anything else) true` },
  { formula: 'BOOL("true")', expected: true, source: `${CAST} BOOL table: string "true" true` },
  { formula: 'BOOL("")', expected: false, source: `${CAST} BOOL example BOOL("") # false` },
  { formula: 'BOOL(false)', expected: false, source: `${CAST} BOOL table: bool false false` },
  { formula: 'BOOL($missing)', event: {}, expected: false, source: `${CAST} BOOL table: nil false` },
  { formula: 'STRING(true)', expected: 'true', source: `${CAST} STRING example STRING(true) # "true"` },
  {
    formula: 'STRING($price_dollars)',
    event: { price_dollars: 300.5 },
    expected: '300.5',
    source: `${CAST} STRING example # "300.5"`,
  },
  { formula: 'STRING($empty_column)', event: {}, expected: '', source: `${CAST} STRING example STRING($empty_column) # ""` },
  // String functions.
  {
    formula: 'CONCAT($api_version, $sdk)',
    event: { api_version: 'v3', sdk: 'js' },
    expected: 'v3js',
    source: `${STRING} CONCAT example`,
  },
  {
    formula: 'CONCAT("a", 1, true, $missing)',
    event: {},
    expected: 'a1true',
    source: `${STRING} "Non-string arguments are converted to strings, empty arguments are ignored"`,
  },
  {
    formula: 'IF($is_batch, CONCAT($url, "-batch"), $url)',
    event: { is_batch: true, url: '/x' },
    expected: '/x-batch',
    source: `${STRING} CONCAT example`,
  },
  {
    formula: 'TO_LOWER($service.name)',
    event: { 'service.name': 'API-Gateway' },
    expected: 'api-gateway',
    source: `${STRING} TO_LOWER "Converts an input string to be all lower-case"`,
  },
  { formula: 'STARTS_WITH($url, "https")', event: { url: 'https://x' }, expected: true, source: `${STRING} STARTS_WITH example` },
  {
    formula: 'STARTS_WITH($n, "1")',
    event: { n: 123 },
    expected: false,
    source: `${STRING} STARTS_WITH "Returns false if either argument is not a string"`,
  },
  {
    formula: 'ENDS_WITH($filename, ".json")',
    event: { filename: 'a.json' },
    expected: true,
    source: `${STRING} ENDS_WITH example`,
  },
  {
    formula: 'ENDS_WITH($n, "5")',
    event: { n: 15 },
    expected: false,
    source: `${STRING} ENDS_WITH "Returns false if either argument is not a string"`,
  },
  {
    formula: 'CONTAINS($email, "@honeycomb.io")',
    event: { email: 'me@honeycomb.io' },
    expected: true,
    source: `${STRING} CONTAINS example`,
  },
  {
    formula: 'IF(CONTAINS($url, "/v1/"), "api_v1", "api_v2")',
    event: { url: '/v2/x' },
    expected: 'api_v2',
    source: `${STRING} CONTAINS example`,
  },
  { formula: 'LENGTH($message)', event: { message: 'héllo' }, expected: 5, source: `${PROMPT} LENGTH "default: characters"` },
  {
    formula: 'LENGTH($payload, "bytes")',
    event: { payload: 'héllo' },
    expected: 6,
    source: `${PROMPT} LENGTH($payload, "bytes")`,
  },
  {
    formula: 'REG_MATCH($email, `^[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\\.[a-zA-Z]{2,}$`)',
    event: { email: 'me@honeycomb.io' },
    expected: true,
    source: `${PROMPT} REG_MATCH example`,
  },
  {
    formula: 'REG_MATCH($n, `\\d`)',
    event: { n: 5 },
    expected: false,
    source: `${STRING} REG_MATCH "Returns false if the first argument is not a string"`,
  },
  { formula: 'REG_MATCH($s, `.*`)', event: { s: '' }, expected: false, source: `${STRING} REG_MATCH "... or is empty"` },
  {
    formula: 'REG_VALUE($email, `@(.+)$`)',
    event: { email: 'me@honeycomb.io' },
    expected: 'honeycomb.io',
    source: `${PROMPT} REG_VALUE "Extract domain from email"`,
  },
  {
    formula: 'REG_VALUE($log_line, `error code: ([0-9]+)`)',
    event: { log_line: 'failed, error code: 42' },
    expected: '42',
    source: `${PROMPT} REG_VALUE example`,
  },
  {
    formula: 'REG_VALUE($s, `x(\\d)`)',
    event: { s: 'abc' },
    expected: null,
    source: `${STRING} REG_VALUE "an empty value if the first argument contains no matches"`,
  },
  {
    formula: 'REG_COUNT($text, `\\berror\\b`)',
    event: { text: 'error, error; terror' },
    expected: 2,
    source: `${PROMPT} REG_COUNT "Counts non-overlapping regex matches"`,
  },
  {
    formula: 'REG_COUNT($n, `\\d`)',
    event: { n: 55 },
    expected: 0,
    source: `${STRING} REG_COUNT "Returns 0 if the first argument ... is not a string"`,
  },
  {
    formula: 'REG_MATCH($a, $pattern)',
    expected: /must be a string literal/,
    source: `${STRING} "The provided regex must be a string literal"`,
  },
  {
    formula: 'REG_MATCH($a, "(")',
    expected: /invalid regular expression/,
    source: `${STRING} "... containing a valid regular expression"`,
  },
  {
    formula: 'REG_MATCH($a, `(?=x)`)',
    expected: /RE2 has no look-around/,
    source: `${STRING} regex is a Golang (RE2) regular expression, which has no look-around`,
  },
  {
    formula: 'REG_VALUE($ua, `(?P<lang>[a-z]+)-\\d`)',
    event: { ua: 'ruby-3' },
    expected: 'ruby',
    source: `${STRING} Golang regular expression syntax: (?P<name>re) named group`,
  },
  // Time functions.
  {
    formula: 'UNIX_TIMESTAMP($timestamp)',
    event: { timestamp: '2017-07-20T11:22:44.888Z' },
    expected: 1500549764.888,
    source: `${TIME} "2017-07-20T11:22:44.888Z to a Unix timestamp (1500549764.888)"`,
  },
  {
    formula: 'UNIX_TIMESTAMP("2017-07-20T13:22:44+02:00")',
    expected: 1500549764,
    source: `${TIME} UNIX_TIMESTAMP "a date string in RFC3339 format"`,
  },
  {
    formula: 'EVENT_TIMESTAMP()',
    event: AT,
    expected: 1500549764.888,
    source: `${TIME} EVENT_TIMESTAMP "of the current event as a float (1500549764.888, for example)"`,
  },
  {
    formula: 'EVENT_TIMESTAMP(1)',
    expected: /EVENT_TIMESTAMP takes 0 arguments/,
    source: `${TIME} EVENT_TIMESTAMP "This function takes no arguments"`,
  },
  {
    formula: 'INGEST_TIMESTAMP(1)',
    expected: /INGEST_TIMESTAMP takes 0 arguments/,
    source: `${TIME} INGEST_TIMESTAMP "This function takes no arguments"`,
  },
  {
    formula: 'FORMAT_TIME("%Y-%m-%d", EVENT_TIMESTAMP())',
    event: AT,
    expected: '2017-07-20',
    source: `${PROMPT} FORMAT_TIME example`,
  },
  {
    formula: 'FORMAT_TIME("%A", $order_timestamp)',
    event: { order_timestamp: 1500549764 },
    expected: 'Thursday',
    source: `${PROMPT} FORMAT_TIME("%A", $order_timestamp) // day name`,
  },
  {
    formula: 'INT(FORMAT_TIME("%m%d", EVENT_TIMESTAMP()))',
    event: AT,
    expected: 720,
    source: `${PROMPT} "FORMAT_TIME("%m%d") to get date as MMDD integer"`,
  },
  {
    formula:
      'AND(GTE(INT(FORMAT_TIME("%H", EVENT_TIMESTAMP())), 9), LT(INT(FORMAT_TIME("%H", EVENT_TIMESTAMP())), 17), NOT(IN(FORMAT_TIME("%A", EVENT_TIMESTAMP()), "Saturday", "Sunday")))',
    event: AT,
    expected: true,
    source: `${PROMPT} "Business hours detection"`,
  },
  // Whole formulas Honeycomb publishes.
  {
    formula: 'IF(AND(NOT(EXISTS($trace.parent_id)), EXISTS($duration_ms)), LTE($duration_ms, 300))',
    event: { duration_ms: 250 },
    expected: true,
    source: `${PROMPT} "Latency SLI (true if under 300ms)"`,
  },
  {
    formula: 'IF(AND(NOT(EXISTS($trace.parent_id)), EXISTS($duration_ms)), LTE($duration_ms, 300))',
    event: { duration_ms: 250, 'trace.parent_id': 'p' },
    expected: null,
    source: `${PROMPT} latency SLI: child spans are not eligible (null)`,
  },
  { formula: BEELINE_OR_OTEL, event: { 'app.telemetry.sdk.language': 'nodejs' }, expected: 'js', source: GOOD_EXAMPLE },
  {
    formula: BEELINE_OR_OTEL,
    event: { 'request.header.user_agent': 'libhoney-go/1 beeline' },
    expected: 'go',
    source: GOOD_EXAMPLE,
  },
  {
    formula: SYDNEY_SLI,
    event: { ...AT, 'trace.trace_id': 't', duration_ms: 400 },
    expected: null,
    source: `${PROMPT} Sydney SLI: "outside business hours ... Return null" (11:22 UTC is 22:22 in Sydney)`,
  },
  {
    formula: SYDNEY_SLI,
    event: { timestamp: SYDNEY_MORNING_MS, 'trace.trace_id': 't', duration_ms: 400 },
    expected: true,
    source: `${PROMPT} Sydney SLI: "If duration_ms < 450 → Return true"`,
  },
  {
    formula: SYDNEY_SLI,
    event: { timestamp: SYDNEY_MORNING_MS, 'trace.trace_id': 't', duration_ms: 450 },
    expected: false,
    source: `${PROMPT} Sydney SLI: "If duration_ms ≥ 450 → Return false"`,
  },
];

const run = (formula: string, event: SpanEvent = {}): Value =>
  compileExpression<SpanEvent>(formula, (name) => (e) => e[name] ?? null, SPAN_CLOCK)(event);

describe("Honeycomb's documented formula language", () => {
  it('has at least 100 cases, each citing its source', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(100);
    for (const c of CASES) expect(c.source).toMatch(/docs\.honeycomb\.io|honeycombio\//);
  });

  it.each(CASES)('$formula → $expected ($source)', ({ formula, event, expected }) => {
    if (expected instanceof RegExp) expect(() => run(formula, event)).toThrow(expected);
    else if (typeof expected === 'number') expect(run(formula, event)).toBeCloseTo(expected, 6);
    else expect(run(formula, event)).toEqual(expected);
  });
});
