import type { BenchTarget, MethodKind } from './targets/bench-target.js';

/** Runs `iterations` calls (a multiple of the chunk size) and returns the CPU nanoseconds they took. */
export type TimedLoop = (target: BenchTarget, iterations: number) => Promise<number>;

/** The string argument every call receives. */
const LABEL = 'order-42';

const CALLS: Record<MethodKind, string> = {
  sync: 'acc += target.syncWork(label, i);',
  async: 'acc += await target.asyncWork(label, i);',
  observable: 'target.observableWork(label, i).subscribe(observer);',
};

let blackHole = 0;
const consume = (value: number): void => {
  blackHole = (blackHole + value) | 0;
};
/**
 * The process's CPU time in nanoseconds (microsecond resolution, ample for a case run of
 * milliseconds): unlike the wall clock it does not count time the process spent descheduled, so
 * other load on a shared machine does not inflate one case and not another.
 */
const now = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) * 1e3;
};

/**
 * Compiles a separate timing loop for one case, so each case has its own call site and its own
 * type feedback: a loop shared by all cases would turn megamorphic and penalize whichever ran
 * last. The case id is part of the source, which also keeps V8's eval cache from sharing code.
 * Every `chunk` calls the loop yields to microtasks, so the BatchSpanProcessor's export promise
 * settles as it would in a server, instead of the queue growing for the whole loop.
 */
export function compileTimedLoop(caseId: string, kind: MethodKind, chunk: number): TimedLoop {
  const name = `timedLoop_${caseId.replace(/[^A-Za-z0-9]/g, '_')}`;
  const source = `
    return async function ${name}(target, iterations) {
      let acc = 0;
      ${kind === 'observable' ? 'const observer = { next: (value) => { acc += value; } };' : ''}
      const start = now();
      for (let done = 0; done < iterations; done += ${chunk}) {
        for (let i = 0; i < ${chunk}; i++) {
          ${CALLS[kind]}
        }
        await undefined;
      }
      const elapsed = now() - start;
      consume(acc);
      return elapsed;
    };`;
  const factory = new Function('now', 'consume', 'label', source) as (
    nowFn: typeof now,
    consumeFn: typeof consume,
    label: string,
  ) => TimedLoop;
  return factory(now, consume, LABEL);
}
