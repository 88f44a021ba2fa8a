import { of, type Observable } from 'rxjs';
import type { BenchTarget } from './bench-target.js';

/** The undecorated baseline: the same bodies every other variant wraps. */
export class PlainTarget implements BenchTarget {
  syncWork(label: string, n: number): number {
    return label.length + n;
  }

  async asyncWork(label: string, n: number): Promise<number> {
    return label.length + n;
  }

  observableWork(label: string, n: number): Observable<number> {
    return of(label.length + n);
  }
}
