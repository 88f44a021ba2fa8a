// A separate process that traces one request across two services with the OpenTelemetry SDK and
// exports it with the SDK's OTLP/HTTP protobuf exporter to the URL given as the first argument.
// Prints the trace id. The failing span carries the attribute given as the second argument.
import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';

const [endpoint, untrusted = 'plain text'] = process.argv.slice(2);

const provider = (service) =>
  new BasicTracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: service }),
    spanProcessors: [new SimpleSpanProcessor(new OTLPTraceExporter({ url: `${endpoint}/v1/traces` }))],
  });
const api = provider('checkout-api');
const inference = provider('inference-service');
const under = (span) => trace.setSpan(context.active(), span);

const root = api.getTracer('e2e').startSpan('POST /checkout', { kind: SpanKind.SERVER });
const call = api.getTracer('e2e').startSpan('POST /v1/chat/completions', { kind: SpanKind.CLIENT }, under(root));
const handler = inference
  .getTracer('e2e')
  .startSpan(
    'chat.completions',
    { kind: SpanKind.SERVER, attributes: { 'gen_ai.request.model': 'tiny-model', 'user.note': untrusted } },
    under(call),
  );
const failure = new RangeError('the model ran out of tokens');
handler.recordException(failure);
handler.setStatus({ code: SpanStatusCode.ERROR, message: failure.message });
handler.end();
call.end();
const db = api
  .getTracer('e2e')
  .startSpan('db.query', { kind: SpanKind.CLIENT, links: [{ context: handler.spanContext() }] }, under(root));
db.end();
root.end();

await Promise.all([api.shutdown(), inference.shutdown()]);
console.log(root.spanContext().traceId);
