import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const POSTGRES_BIN = process.env.POSTGRES_BIN ?? '/usr/lib/postgresql/15/bin';
export const postgresAvailable = (): boolean =>
  existsSync(join(POSTGRES_BIN, 'initdb')) && existsSync(join(POSTGRES_BIN, 'pg_ctl'));

/** initdb refuses to run as root: as root, the server runs as the `postgres` OS user. */
const asServerUser = (command: string, args: string[]): [string, string[]] =>
  process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];

/**
 * A PostgreSQL server of the test's own, in a temporary directory on a free port of 127.0.0.1, that
 * the test may stop and start at will (never the shared server). Commands run asynchronously so the
 * app under test keeps serving while the server goes down.
 */
export class TemporaryPostgres {
  private readonly directory = mkdtempSync(join(tmpdir(), 'lift-sys-pg-'));
  private readonly dataDir = join(this.directory, 'data');
  port = 0;

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  async init(): Promise<void> {
    if (process.getuid?.() === 0) {
      const id = async (flag: string): Promise<number> => Number((await run('id', [flag, 'postgres'])).stdout.trim());
      chownSync(this.directory, await id('-u'), await id('-g'));
    }
    await this.pgCommand('initdb', ['-D', this.dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
    this.port = await freePort();
  }

  async start(): Promise<void> {
    const options = `-p ${this.port} -c listen_addresses=127.0.0.1 -k ${this.directory} -c fsync=off`;
    await this.pgCommand('pg_ctl', ['-D', this.dataDir, '-o', options, '-l', join(this.directory, 'server.log'), '-w', 'start']);
  }

  /** `fast` ends sessions and shuts down cleanly; `immediate` kills the server as a crash would. */
  async stop(mode: 'fast' | 'immediate'): Promise<void> {
    await this.pgCommand('pg_ctl', ['-D', this.dataDir, '-m', mode, '-w', 'stop']);
  }

  async destroy(): Promise<void> {
    await this.stop('immediate').catch(() => undefined);
    rmSync(this.directory, { recursive: true, force: true });
  }

  private async pgCommand(name: string, args: string[]): Promise<void> {
    const [command, fullArgs] = asServerUser(join(POSTGRES_BIN, name), args);
    await run(command, fullArgs, { cwd: this.directory });
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
