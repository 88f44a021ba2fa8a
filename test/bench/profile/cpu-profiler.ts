import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { benchFile } from '../support/child.js';

/**
 * V8's sampling CPU profiler (the one behind `node --cpu-prof`), driven through the inspector so
 * a profile covers only the window that matters (not module loading, start-up or warm-up), and
 * several windows can be taken in one process.
 */
export class CpuProfiler {
  private session: Session | undefined;

  /** Starts sampling every `intervalMicros` µs. */
  async start(intervalMicros: number): Promise<void> {
    if (this.session === undefined) {
      this.session = new Session();
      this.session.connect();
      await this.session.post('Profiler.enable');
    }
    await this.session.post('Profiler.setSamplingInterval', { interval: intervalMicros });
    await this.session.post('Profiler.start');
  }

  /** Stops and writes a `.cpuprofile` file (loadable in Chrome DevTools). */
  async stop(file: string): Promise<void> {
    if (this.session === undefined) throw new Error('the profiler was not started');
    const { profile } = await this.session.post('Profiler.stop');
    writeFileSync(file, JSON.stringify(profile));
  }
}

/** Where a profile named `name` is written: `dist/bench/profiles/<name>.cpuprofile`. */
export function profileFile(name: string): string {
  const dir = benchFile('profiles');
  mkdirSync(dir, { recursive: true });
  return join(dir, `${name}.cpuprofile`);
}
