import { PerformanceObserver } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

/** Heap in use after two full collections. */
export function settledHeap(): number {
  collect();
  collect();
  return process.memoryUsage().heapUsed;
}

export function heapNow(): number {
  return process.memoryUsage().heapUsed;
}

/** Records when the garbage collector ran, so a measurement window can be shown to be free of it. */
export class GcWatch {
  private readonly starts: number[] = [];
  private readonly observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) this.starts.push(entry.startTime);
  });

  constructor() {
    this.observer.observe({ entryTypes: ['gc'] });
  }

  /** Whether any collection started between two `performance.now()` readings; waits for pending entries first. */
  async ranBetween(from: number, to: number): Promise<boolean> {
    await new Promise((resolve) => setTimeout(resolve, 5));
    return this.starts.some((start) => start >= from && start <= to);
  }

  stop(): void {
    this.observer.disconnect();
  }
}
