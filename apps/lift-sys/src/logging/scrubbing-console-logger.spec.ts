import { registerSecret } from '@lift-sys/observability';
import { ScrubbingConsoleLogger } from './scrubbing-console-logger.js';

const SECRET = 'sk-test-logger-secret-0123456789';

describe('ScrubbingConsoleLogger', () => {
  let written: string;
  let restore: () => void;

  beforeAll(() => registerSecret(SECRET));
  beforeEach(() => {
    written = '';
    const capture = (chunk: string | Uint8Array): boolean => {
      written += String(chunk);
      return true;
    };
    const { stdout, stderr } = process;
    const [out, err] = [stdout.write, stderr.write];
    stdout.write = capture as typeof stdout.write;
    stderr.write = capture as typeof stderr.write;
    restore = () => {
      stdout.write = out;
      stderr.write = err;
    };
  });
  afterEach(() => restore());

  it('scrubs registered secrets from messages and stack traces', () => {
    const error = new Error(`401 invalid key ${SECRET}`);
    new ScrubbingConsoleLogger().error(error.message, error.stack, 'ExceptionsHandler');
    expect(written).toContain('401 invalid key [REDACTED]');
    expect(written).toContain('Error: 401 invalid key [REDACTED]\n    at ');
    expect(written).not.toContain(SECRET);
  });

  it('logs an error without a stack, as Nest often does', () => {
    expect(() => new ScrubbingConsoleLogger().error(`failed with ${SECRET}`)).not.toThrow();
    expect(written).toContain('failed with [REDACTED]');
  });

  it('scrubs JSON log lines too', () => {
    new ScrubbingConsoleLogger({ json: true }).warn(`key ${SECRET}`);
    expect(JSON.parse(written.trim())).toMatchObject({ level: 'warn', message: 'key [REDACTED]' });
  });
});
