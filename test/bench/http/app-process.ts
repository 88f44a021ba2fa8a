import { fork, type ChildProcess } from 'node:child_process';
import { benchFile } from '../support/child.js';
import { APP_DIST_ENV, type AppCommand, type AppReply, type AppStats } from './app-protocol.js';

/** A sample-app process started by the benchmark, driven over IPC. */
export class AppProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
  ) {}

  /** Starts the app with exactly `env` (plus the build location) and waits until it listens. */
  static start(appDist: string, env: NodeJS.ProcessEnv): Promise<AppProcess> {
    const child = fork(benchFile('http/app-main.js'), [], {
      env: { ...env, [APP_DIST_ENV]: appDist },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    return new Promise((resolve, reject) => {
      const onExit = (code: number | null): void => reject(new Error(`the app exited with code ${code} before listening`));
      child.once('exit', onExit);
      child.once('message', (reply: AppReply) => {
        child.off('exit', onExit);
        if (reply.type === 'ready') resolve(new AppProcess(child, reply.port));
        else reject(new Error(`unexpected first message from the app: ${reply.type}`));
      });
    });
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Exports every span the app has queued. */
  async flush(): Promise<void> {
    await this.ask({ type: 'flush' }, 'flushed');
  }

  /** Marks the start of the measured rounds for the memory figures. */
  async markBaseline(): Promise<void> {
    await this.ask({ type: 'baseline' }, 'baseline-set');
  }

  async stats(): Promise<AppStats> {
    return (await this.ask({ type: 'stats' }, 'stats')).stats;
  }

  /** Profiles the app's CPU from now until `stopProfile`. */
  async startProfile(): Promise<void> {
    await this.ask({ type: 'profile-start' }, 'profile-started');
  }

  async stopProfile(file: string): Promise<void> {
    await this.ask({ type: 'profile-stop', file }, 'profile-written');
  }

  /** Asks the app to exit and waits for it. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.send({ type: 'stop' } satisfies AppCommand);
    await exited;
  }

  private ask<K extends AppReply['type']>(command: AppCommand, answer: K): Promise<Extract<AppReply, { type: K }>> {
    return new Promise((resolve, reject) => {
      const onExit = (code: number | null): void =>
        reject(new Error(`the app exited with code ${code} while asked to ${command.type}`));
      const listener = (reply: AppReply): void => {
        if (reply.type !== answer) return;
        this.child.off('message', listener);
        this.child.off('exit', onExit);
        resolve(reply as Extract<AppReply, { type: K }>);
      };
      this.child.on('message', listener);
      this.child.once('exit', onExit);
      this.child.send(command);
    });
  }
}
