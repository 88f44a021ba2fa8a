export * from './spec/query.js';
export * from './spec/builders.js';
export * from './spec/board.js';
export * from './spec/columns.js';
export type * from './spec/definitions.js';
export type * from './spec/derived-column.js';
export * from './spec/recipient.js';
export type * from './spec/slo.js';
export * from './spec/trigger.js';

export * from './validation/problems.js';
export { validateDefinitions, assertValidDefinitions, type ValidationOptions } from './validation/validate-definitions.js';

export { parseExpression } from './expression/parse.js';
export { compileExpression } from './expression/compile.js';

export type { SpanEvent } from './engine/span-event.js';
export type * from './engine/result.js';
export { runQuery, type RunOptions } from './engine/run-query.js';
export { evaluateTrigger, type TriggerEvaluation } from './engine/evaluate-trigger.js';
export { evaluateSlo, type SloEvaluation } from './engine/evaluate-slo.js';
export { evaluateBurnAlert, type BurnAlertEvaluation } from './engine/evaluate-burn-alert.js';

export { flattenReadableSpan, flattenReadableSpans } from './flatten/readable-span.js';
export { flattenKeyValues, flattenOtlpRequest, nanosToMs, otlpSpanKindName, otlpStatusCode } from './flatten/otlp-json.js';
export type * from './flatten/otlp-json-types.js';
export { readTracesDir, DEFAULT_TRACES_DIR } from './flatten/traces-dir.js';

export { HoneycombClient, type ClientOptions } from './api/client.js';
export { HoneycombApiError } from './api/errors.js';
export { computePlan, type Plan } from './api/plan.js';
export { fetchRemoteState } from './api/remote-state.js';
export { ApplyError, applyPlan } from './api/apply-plan.js';
export { MANAGED_MARKER } from './api/managed-marker.js';
export { formatPlanItem, summarizePlan, type PlanItem } from './api/plan-item.js';

export { samplingPolicyFrom, type SamplingOptions, type SamplingPolicy } from './refinery/sampling-policy.js';
export { refineryConfig, refineryRules, type RefineryDocument } from './refinery/refinery-files.js';
export { checkRefineryConfig, checkRefineryRules } from './refinery/validate-refinery.js';

export { renderTable } from './cli/table.js';
export { exportDefinitions, renderDefinitionFiles } from './cli/export-definitions.js';
