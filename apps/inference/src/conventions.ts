/**
 * The span attributes the inference service records: OpenTelemetry's GenAI semantic conventions
 * (https://opentelemetry.io/docs/specs/semconv/gen-ai/gen-ai-spans/), declared for the library's
 * typed attribute API.
 */
export interface InferenceSpanAttributes {
  'gen_ai.request.model': string;
  'gen_ai.usage.input_tokens': number;
  'gen_ai.usage.output_tokens': number;
}

declare module '@lift-sys/observability' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface SpanAttributeRegistry extends InferenceSpanAttributes {}
}
