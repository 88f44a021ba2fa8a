import { fork, type ChildProcess } from 'node:child_process';
import { benchFile } from '../support/child.js';
import type { AppCommand, AppMemory, AppReply, AppStats, AppWindow } from './app-protocol.js';

/** An app process started by the benchmark (the sample app or the light fixture), driven over IPC. */
export class AppProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
  ) {}

  /** Starts `entry` (relative to `dist/bench`) with exactly `env` and waits until it listens. */
  static start(entry: string, env: NodeJS.ProcessEnv): Promise<AppProcess> {
    const child = fork(benchFile(entry), [], { env, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
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

  /** Starts a measured window: CPU time and finished requests from now on. */
  async startWindow(): Promise<void> {
    await this.ask({ type: 'window-start' }, 'window-started');
  }

  /** Ends the window once no request is in flight (and, with `flush`, once every span is exported). */
  async stopWindow(flush: boolean): Promise<AppWindow> {
    return (await this.ask({ type: 'window-stop', flush }, 'window')).window;
  }

  /** Heap and RSS after full collections. */
  async memory(): Promise<AppMemory> {
    return (await this.ask({ type: 'memory' }, 'memory')).memory;
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

  /**
   * Stops the process from running (SIGSTOP) until `resume`: an app that is not being measured
   * must not take CPU from the apps that are (timers, retried exports, collections).
   */
  pause(): void {
    if (this.child.exitCode === null) this.child.kill('SIGSTOP');
  }

  resume(): void {
    if (this.child.exitCode === null) this.child.kill('SIGCONT');
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
