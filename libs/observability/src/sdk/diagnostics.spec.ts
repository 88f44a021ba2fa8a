import { diag } from '@opentelemetry/api';
import { forwardDiagnostics } from './diagnostics.js';

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

  it('ignores info and debug messages', () => {
    diag.info('starting');
    diag.debug('details');
    expect(lines).toEqual([]);
  });
});
