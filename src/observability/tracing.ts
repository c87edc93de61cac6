import { type Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';

/** Plugboard's tracer. Without the SDK started (no OTLP endpoint) its spans record nothing and cost next to nothing. */
export const tracer = trace.getTracer('plugboard');

/**
 * Starts OpenTelemetry tracing (the Node SDK, spans exported over OTLP/HTTP) when an endpoint
 * is configured; every other setting comes from the standard OTEL_* variables. Returns how to
 * flush and stop it, or undefined when tracing is off. Loaded only when on: the SDK is large.
 */
export async function startTracing(
  enabled: boolean,
  serviceVersion: string,
): Promise<(() => Promise<void>) | undefined> {
  if (!enabled) return undefined;
  const [{ NodeSDK, resources }, { OTLPTraceExporter }] = await Promise.all([
    import('@opentelemetry/sdk-node'),
    import('@opentelemetry/exporter-trace-otlp-http'),
  ]);
  const sdk = new NodeSDK({
    // The name and version, plus OTEL_RESOURCE_ATTRIBUTES; not the host and process detectors,
    // which would export the command line.
    resource: resources.resourceFromAttributes({
      'service.name': process.env.OTEL_SERVICE_NAME || 'plugboard',
      'service.version': serviceVersion,
    }),
    autoDetectResources: true,
    resourceDetectors: [resources.envDetector],
    traceExporter: new OTLPTraceExporter(),
    // Plugboard makes its own spans (requests, GraphQL operations, store calls, test steps);
    // library auto-instrumentation would add spans carrying URLs and queries it does not vet.
    instrumentations: [],
  });
  sdk.start();
  return () => sdk.shutdown();
}

/** Ends a span as failed with a code (never a message: messages may carry a provider's text). */
export function endFailed(span: Span, code: string): void {
  span.setAttribute('plugboard.error.code', code);
  span.setStatus({ code: SpanStatusCode.ERROR, message: code });
  span.end();
}

/**
 * Runs `work` in a span of its own (a child of whatever span is active), ending it when the
 * promise settles. A failure ends it with the code `codeOf` gives, or the error's name.
 */
export async function inSpan<T>(
  name: string,
  attributes: Record<string, string | number | boolean>,
  work: (span: Span) => Promise<T>,
  codeOf: (error: unknown) => string = (error) => (error instanceof Error ? error.name : 'Error'),
  kind: SpanKind = SpanKind.INTERNAL,
): Promise<T> {
  return tracer.startActiveSpan(name, { kind, attributes }, async (span) => {
    try {
      const result = await work(span);
      span.end();
      return result;
    } catch (error) {
      endFailed(span, codeOf(error));
      throw error;
    }
  });
}
