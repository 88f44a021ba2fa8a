import { settledHeap } from '../memory/heap.js';
import type { AppStats } from './app-protocol.js';

type Sample = NodeJS.MemoryUsage;

/** Samples the app's memory every 100 ms, keeping the sample with the highest RSS since the baseline. */
export class MemoryWatch {
  private baseline: Sample = process.memoryUsage();
  private peak: Sample = this.baseline;

  constructor() {
    setInterval(() => {
      const sample = process.memoryUsage();
      if (sample.rss > this.peak.rss) this.peak = sample;
    }, 100).unref();
  }

  /** Start of the measured rounds: peaks from start-up and warm-up no longer count. */
  markBaseline(): void {
    this.baseline = process.memoryUsage();
    this.peak = this.baseline;
  }

  stats(): Omit<AppStats, 'warnings' | 'firstWarning'> {
    return {
      baselineRssBytes: this.baseline.rss,
      peakRssBytes: this.peak.rss,
      peakHeapTotalBytes: this.peak.heapTotal,
      peakExternalBytes: this.peak.external,
      highWaterMarkBytes: process.resourceUsage().maxRSS * 1024,
      settledHeapBytes: settledHeap(),
    };
  }
}
