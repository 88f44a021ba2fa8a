import { fork, type ChildProcess } from 'node:child_process';
import { benchFile } from '../support/child.js';
import type { LoadRequest, LoadResult } from './load-result.js';

/** The autocannon process, started once and handed one fixed-load run at a time. */
export class LoadGenerator {
  private readonly child: ChildProcess = fork(benchFile('http/load-main.js'), [], {
    env: { PATH: process.env.PATH ?? '' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });

  run(request: LoadRequest): Promise<LoadResult> {
    return new Promise((resolve, reject) => {
      const onExit = (code: number | null): void => reject(new Error(`the load generator exited with code ${code}`));
      this.child.once('exit', onExit);
      this.child.once('message', (result: LoadResult) => {
        this.child.off('exit', onExit);
        resolve(result);
      });
      this.child.send(request);
    });
  }

  close(): void {
    this.child.disconnect();
  }
}
