import {
  ATTR_DB_COLLECTION_NAME,
  ATTR_DB_OPERATION_NAME,
  ATTR_DB_QUERY_SUMMARY,
  ATTR_DB_QUERY_TEXT,
  ATTR_DB_SYSTEM_NAME,
} from '@opentelemetry/semantic-conventions';
import {
  ATTR_DB_RESPONSE_RETURNED_ROWS,
  ATTR_GEN_AI_OPERATION_NAME,
  ATTR_GEN_AI_PROVIDER_NAME,
  ATTR_GEN_AI_REQUEST_MAX_TOKENS,
  ATTR_GEN_AI_REQUEST_MODEL,
  ATTR_GEN_AI_REQUEST_STREAM,
  ATTR_GEN_AI_RESPONSE_FINISH_REASONS,
  ATTR_GEN_AI_RESPONSE_ID,
  ATTR_GEN_AI_RESPONSE_MODEL,
  ATTR_GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK,
  ATTR_GEN_AI_USAGE_INPUT_TOKENS,
  ATTR_GEN_AI_USAGE_OUTPUT_TOKENS,
} from '@opentelemetry/semantic-conventions/incubating';

/**
 * Every span attribute key lift-sys records, with its value type (plan section 5.3).
 * This is the single place keys are declared: the decorators and span helpers reject any other.
 * Where the OpenTelemetry semantic conventions name an attribute (`gen_ai.*`, `db.*`) their
 * name is used, imported from `@opentelemetry/semantic-conventions`; the plan's names stay
 * where no convention exists (docs/ATTRIBUTE_MAPPING.md). Prompt text is never an attribute;
 * only its length is.
 */
export interface LiftSysSpanAttributes {
  'session.id': string;
  'session.status': string;
  'session.source': string;
  'session.holes_count': number;
  'session.holes_resolved': number;
  'session.prompt_length': number;
  'hole.id': string;
  'hole.kind': string;
  'hole.resolution_type': string;

  'ir.provider': string;
  'ir.provider_route': string;
  'ir.model': string;
  'ir.translation_path': string;
  'ir.attempts': number;
  'ir.completeness': number;
  'ir.constraints_count': number;
  'ir.validation_status': string;
  'ir.version': number;
  'ir.holes_count': number;

  'code.language': string;
  'code.generator': string;
  'code.attempt': number;
  'code.retries': number;
  'code.retry_reason': string;
  'code.success': boolean;
  'code.compilation_success': boolean;
  'code.validation_skipped': boolean;
  'code.toolchain': string;
  'code.lines': number;
  'ast.repairs_applied': number;

  [ATTR_GEN_AI_OPERATION_NAME]: string;
  [ATTR_GEN_AI_PROVIDER_NAME]: string;
  [ATTR_GEN_AI_REQUEST_MODEL]: string;
  [ATTR_GEN_AI_REQUEST_STREAM]: boolean;
  [ATTR_GEN_AI_REQUEST_MAX_TOKENS]: number;
  [ATTR_GEN_AI_RESPONSE_MODEL]: string;
  [ATTR_GEN_AI_RESPONSE_ID]: string;
  [ATTR_GEN_AI_RESPONSE_FINISH_REASONS]: string[];
  [ATTR_GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK]: number;
  [ATTR_GEN_AI_USAGE_INPUT_TOKENS]: number;
  [ATTR_GEN_AI_USAGE_OUTPUT_TOKENS]: number;
  'llm.provider_route': string;
  'llm.purpose': string;
  'llm.cost_usd': number;
  'llm.latency_ms': number;
  'llm.time_to_first_token_ms': number;

  [ATTR_DB_SYSTEM_NAME]: string;
  [ATTR_DB_OPERATION_NAME]: string;
  [ATTR_DB_COLLECTION_NAME]: string;
  [ATTR_DB_QUERY_SUMMARY]: string;
  [ATTR_DB_QUERY_TEXT]: string;
  [ATTR_DB_RESPONSE_RETURNED_ROWS]: number;
  'db.rows_affected': number;

  'robustness.test_type': string;
  'robustness.variant_count': number;
  'robustness.non_equivalent_count': number;
  'robustness.sensitivity': number;

  'dspy.optimizer': string;
  'dspy.signature': string;
  'dspy.metric': string;
  'dspy.examples_count': number;
  'dspy.trials_count': number;
  'dspy.trial': number;
  'dspy.candidate': string;
  'dspy.score': number;
  'dspy.baseline_score': number;
  'dspy.improvement': number;
}

declare module '@lift-sys/observability' {
  // Merging through `extends` keeps the key list in LiftSysSpanAttributes, where the check below can see it.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface SpanAttributeRegistry extends LiftSysSpanAttributes {}
}

/** The same keys at runtime, for validating Honeycomb queries and boards against what the app emits. */
export const LIFT_SYS_ATTRIBUTE_KEYS = [
  'session.id',
  'session.status',
  'session.source',
  'session.holes_count',
  'session.holes_resolved',
  'session.prompt_length',
  'hole.id',
  'hole.kind',
  'hole.resolution_type',
  'ir.provider',
  'ir.provider_route',
  'ir.model',
  'ir.translation_path',
  'ir.attempts',
  'ir.completeness',
  'ir.constraints_count',
  'ir.validation_status',
  'ir.version',
  'ir.holes_count',
  'code.language',
  'code.generator',
  'code.attempt',
  'code.retries',
  'code.retry_reason',
  'code.success',
  'code.compilation_success',
  'code.validation_skipped',
  'code.toolchain',
  'code.lines',
  'ast.repairs_applied',
  ATTR_GEN_AI_OPERATION_NAME,
  ATTR_GEN_AI_PROVIDER_NAME,
  ATTR_GEN_AI_REQUEST_MODEL,
  ATTR_GEN_AI_REQUEST_STREAM,
  ATTR_GEN_AI_REQUEST_MAX_TOKENS,
  ATTR_GEN_AI_RESPONSE_MODEL,
  ATTR_GEN_AI_RESPONSE_ID,
  ATTR_GEN_AI_RESPONSE_FINISH_REASONS,
  ATTR_GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK,
  ATTR_GEN_AI_USAGE_INPUT_TOKENS,
  ATTR_GEN_AI_USAGE_OUTPUT_TOKENS,
  'llm.provider_route',
  'llm.purpose',
  'llm.cost_usd',
  'llm.latency_ms',
  'llm.time_to_first_token_ms',
  ATTR_DB_SYSTEM_NAME,
  ATTR_DB_OPERATION_NAME,
  ATTR_DB_COLLECTION_NAME,
  ATTR_DB_QUERY_SUMMARY,
  ATTR_DB_QUERY_TEXT,
  ATTR_DB_RESPONSE_RETURNED_ROWS,
  'db.rows_affected',
  'robustness.test_type',
  'robustness.variant_count',
  'robustness.non_equivalent_count',
  'robustness.sensitivity',
  'dspy.optimizer',
  'dspy.signature',
  'dspy.metric',
  'dspy.examples_count',
  'dspy.trials_count',
  'dspy.trial',
  'dspy.candidate',
  'dspy.score',
  'dspy.baseline_score',
  'dspy.improvement',
] as const satisfies readonly (keyof LiftSysSpanAttributes)[];

type ListedKey = (typeof LIFT_SYS_ATTRIBUTE_KEYS)[number];
type UnlistedKey = Exclude<keyof LiftSysSpanAttributes, ListedKey>;
// Fails to compile, naming the key, when a declared key is missing from the runtime list.
export const ATTRIBUTE_LIST_IS_COMPLETE: [UnlistedKey] extends [never] ? true : UnlistedKey = true;
