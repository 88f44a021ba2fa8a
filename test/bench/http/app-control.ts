import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { settledHeap } from '../memory/heap.js';
import { CpuProfiler } from '../profile/cpu-profiler.js';
import type { AppCommand, AppReply, AppWindow } from './app-protocol.js';

/** Coarser than the micro-benchmark's 100 µs: finer sampling slows the app down noticeably. */
const APP_PROFILE_INTERVAL_MICROS = 500;
const RSS_SAMPLE_MILLIS = 50;

/** What an app process under benchmark hands to the control loop. */
export interface BenchApp {
  server: Server;
  /** Exports every queued span (a no-op without tracing). */
  flush(): Promise<void>;
  warnings(): { warnings: number; firstWarning: string | undefined };
}

/**
 * In an app process started by the benchmark: answers its IPC commands. A measured window reads
 * `process.cpuUsage()` at its start and, once the load has stopped and every request in flight has
 * finished (and, when asked, every queued span has been exported), at its end: the CPU the app
 * spent, divided by the responses it finished, is its cost per request, whatever else runs on the
 * machine.
 */
export function serveBenchControl(app: BenchApp): void {
  const profiler = new CpuProfiler();
  let inFlight = 0;
  let finished = 0;
  const idleWaiters: (() => void)[] = [];
  app.server.on('request', (_request, response) => {
    inFlight++;
    response.once('close', () => {
      inFlight--;
      finished++;
      if (inFlight === 0) for (const wake of idleWaiters.splice(0)) wake();
    });
  });
  const idle = (): Promise<void> => (inFlight === 0 ? Promise.resolve() : new Promise((resolve) => idleWaiters.push(resolve)));

  let window: { cpu: NodeJS.CpuUsage; finished: number; peakRss: number; sampler: NodeJS.Timeout } | undefined;
  const startWindow = (): void => {
    // Every window starts from a collected heap, so whether a major collection falls inside it
    // depends on the window's own allocations, not on garbage left by the run before.
    settledHeap();
    const sampler = setInterval(() => {
      if (window !== undefined) window.peakRss = Math.max(window.peakRss, process.memoryUsage.rss());
    }, RSS_SAMPLE_MILLIS);
    window = { cpu: process.cpuUsage(), finished, peakRss: process.memoryUsage.rss(), sampler };
  };
  // Under an export outage a flush fails (refused, timed out, or the exporter's in-flight limit
  // reached): that is the condition being measured, so it ends the flush without ending the app.
  const flushSettled = (): Promise<void> => app.flush().catch(() => undefined);
  const stopWindow = async (flush: boolean): Promise<AppWindow> => {
    if (window === undefined) throw new Error('window-stop without window-start');
    await idle();
    if (flush) await flushSettled();
    const cpu = process.cpuUsage(window.cpu);
    clearInterval(window.sampler);
    const result = { cpuMicros: cpu.user + cpu.system, requests: finished - window.finished, peakRssBytes: window.peakRss };
    window = undefined;
    return result;
  };

  const send = (reply: AppReply): void => {
    process.send?.(reply);
  };
  process.on('message', (command: AppCommand) => {
    switch (command.type) {
      case 'flush':
        void flushSettled().then(() => send({ type: 'flushed' }));
        return;
      case 'window-start':
        startWindow();
        send({ type: 'window-started' });
        return;
      case 'window-stop':
        void stopWindow(command.flush).then((result) => send({ type: 'window', window: result }));
        return;
      case 'memory':
        send({ type: 'memory', memory: { settledHeapBytes: settledHeap(), settledRssBytes: process.memoryUsage.rss() } });
        return;
      case 'stats':
        send({ type: 'stats', stats: app.warnings() });
        return;
      case 'profile-start':
        void profiler.start(APP_PROFILE_INTERVAL_MICROS).then(() => send({ type: 'profile-started' }));
        return;
      case 'profile-stop':
        void profiler.stop(command.file).then(() => send({ type: 'profile-written' }));
        return;
      case 'stop':
        process.exit(0);
    }
  });
  process.on('disconnect', () => process.exit(0));
  send({ type: 'ready', port: (app.server.address() as AddressInfo).port });
}

/** Counts the library's warning lines (export failures, dropped spans) for the report. */
export function warningCounter(): { logger: { info(): void; warn(line: string): void }; read: BenchApp['warnings'] } {
  let warnings = 0;
  let firstWarning: string | undefined;
  return {
    logger: {
      info: () => {},
      warn: (line) => {
        warnings++;
        firstWarning ??= line;
      },
    },
    read: () => ({ warnings, firstWarning }),
  };
}
