export { setupTestObservability, type TestObservability } from './test-observability.js';
export { expectTrace, type ExpectedSpan, type ExpectedValue } from './expect-trace.js';
export { buildSpanForest, formatSpanForest, type FormatOptions, type SpanNode } from '../tree/span-tree.js';
