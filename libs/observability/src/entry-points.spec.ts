import * as root from './index.js';
import * as sdk from './sdk/index.js';
import * as testing from './testing/index.js';

/** The public surface is a promise to users: a name added or removed here is a deliberate change. */
describe('entry points', () => {
  it('keeps the root to what a service author uses', () => {
    expect(Object.keys(root).sort()).toEqual([
      'DEFAULT_REDACTED_KEYS',
      'NoTrace',
      'ObservabilityConfigurationError',
      'ObservabilityModule',
      'ObservabilityService',
      'SpanAttr',
      'Traced',
      'addSpanEvent',
      'closeGracefullyOnSignals',
      'currentObservability',
      'getActiveSpan',
      'getTraceId',
      'readSpanAttribute',
      'registerSecret',
      'scrubSecrets',
      'setSpanAttribute',
      'setSpanAttributes',
      'setupObservability',
    ]);
  });

  it('offers the SDK pieces at ./sdk, and nothing there shadows a root name', () => {
    expect(Object.keys(sdk)).toEqual(
      expect.arrayContaining([
        'resolveConfig',
        'DeterministicSampler',
        'TailSamplingProcessor',
        'JsonlFileExporter',
        'ExportGuard',
        'HttpContextInterceptor',
        'LIBRARY_ATTRIBUTE_KEYS',
        'toAttributeValue',
        'OBSERVABILITY_HANDLE',
      ]),
    );
    expect(Object.keys(sdk).filter((name) => name in root)).toEqual([]);
    expect(Object.keys(testing).sort()).toEqual(['buildSpanForest', 'expectTrace', 'formatSpanForest', 'setupTestObservability']);
  });
});
