import { diag, DiagLogLevel } from '@opentelemetry/api';
import { forgetSecrets, registerSecret } from '../core/secret-scrubber.js';
import { diagnosticsLevel, forwardDiagnostics } from './diagnostics.js';
import { currentObservability, setupObservability } from './setup-observability.js';

describe('forwardDiagnostics', () => {
  let now = 0;
  const lines: string[] = [];
  let stop: () => void;

  beforeEach(() => {
    lines.length = 0;
    stop = forwardDiagnostics({ info: () => {}, warn: (line) => lines.push(line) }, () => now);
  });
  afterEach(() => stop());

  it('reports one line per burst of the same kind of message, counting the repeats', () => {
    now = 0;
    diag.warn('Dropped 12 spans because maxQueueSize reached');
    now = 1000;
    diag.warn('Dropped 340 spans because maxQueueSize reached');
    diag.error('export failed', new Error('connect ECONNREFUSED 127.0.0.1:4318'));
    now = 31_000;
    diag.warn('Dropped 7 spans because maxQueueSize reached');
    expect(lines).toEqual([
      '[observability] Dropped 12 spans because maxQueueSize reached',
      '[observability] export failed: connect ECONNREFUSED 127.0.0.1:4318',
      '[observability] Dropped 7 spans because maxQueueSize reached (repeated 1 more times)',
    ]);
  });

  it('scrubs registered secrets from the line, arguments included', () => {
    registerSecret('hcaik_secret_key_0123456789');
    diag.error('Export failed to hcaik_secret_key_0123456789', new Error('echoed: x-honeycomb-team=hcaik_secret_key_0123456789'));
    forgetSecrets();
    expect(lines).toEqual(['[observability] Export failed to [REDACTED]: echoed: x-honeycomb-team=[REDACTED]']);
  });

  it('ignores info and debug messages', () => {
    diag.info('starting');
    diag.debug('details');
    expect(lines).toEqual([]);
  });
});

describe('OTEL_LOG_LEVEL', () => {
  afterEach(async () => {
    await currentObservability()?.shutdown();
  });

  it('reads the levels of the OpenTelemetry SDK configuration, case-insensitively, WARN by default', () => {
    expect(diagnosticsLevel(undefined)).toEqual({ level: DiagLogLevel.WARN });
    expect(diagnosticsLevel('debug')).toEqual({ level: DiagLogLevel.DEBUG });
    expect(diagnosticsLevel('NONE')).toEqual({ level: DiagLogLevel.NONE });
    expect(diagnosticsLevel('loud')).toEqual({
      level: DiagLogLevel.WARN,
      problem: expect.stringContaining('OTEL_LOG_LEVEL="loud"'),
    });
  });

  const setUpWith = (level: string): string[] => {
    const lines: string[] = [];
    setupObservability({
      exporter: 'none',
      logger: { info: (line) => lines.push(`INFO ${line}`), warn: (line) => lines.push(`WARN ${line}`) },
      env: { OTEL_LOG_LEVEL: level },
    });
    lines.length = 0;
    diag.debug('debug detail');
    diag.info('info detail');
    diag.warn('a warning');
    diag.error('an error');
    return lines;
  };

  it('DEBUG forwards debug and info lines as info, warnings and errors as warnings', () => {
    expect(setUpWith('debug')).toEqual([
      'INFO [observability] debug detail',
      'INFO [observability] info detail',
      'WARN [observability] a warning',
      'WARN [observability] an error',
    ]);
  });

  it('ERROR keeps only errors, NONE nothing', async () => {
    expect(setUpWith('error')).toEqual(['WARN [observability] an error']);
    await currentObservability()?.shutdown();
    expect(setUpWith('none')).toEqual([]);
  });

  it('an unknown level is reported and means WARN', () => {
    const lines: string[] = [];
    setupObservability({
      exporter: 'none',
      logger: { info: () => {}, warn: (line) => lines.push(line) },
      env: { OTEL_LOG_LEVEL: 'loud' },
    });
    expect(lines).toEqual([
      expect.stringContaining('OTEL_LOG_LEVEL="loud" is not one of NONE, ERROR, WARN, INFO, DEBUG, VERBOSE, ALL'),
    ]);
  });
});
