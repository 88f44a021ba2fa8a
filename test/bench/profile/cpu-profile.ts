import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { originalPosition } from './source-position.js';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

interface CpuProfile {
  nodes: { id: number; callFrame: CallFrame }[];
  samples: number[];
  timeDeltas: number[];
}

export const LIBRARY_AREA = '@lift-sys/observability';

export interface FunctionTime {
  name: string;
  /** Source position for library code (through its source map), else the file as loaded. */
  location: string;
  area: string;
  selfMillis: number;
}

export interface ProfileSummary {
  /** Sampled time outside `(idle)`. */
  busyMillis: number;
  /** Self time per area (the library, a package, Node, V8, GC), largest first. */
  areas: { area: string; selfMillis: number }[];
  /** Self time per function, largest first. */
  functions: FunctionTime[];
}

/** Self time per function and per package from a `.cpuprofile` file, idle time left out. */
export function summarizeProfile(file: string, repoRoot: string): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const selfMicros = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    selfMicros.set(profile.samples[i], (selfMicros.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i + 1] ?? 0));
  }
  const functions = new Map<string, FunctionTime>();
  const areas = new Map<string, number>();
  let busy = 0;
  for (const [id, micros] of selfMicros) {
    const frame = frames.get(id);
    if (frame === undefined || frame.functionName === '(idle)') continue;
    busy += micros;
    const area = areaOf(frame);
    const location = area === LIBRARY_AREA ? originalPosition(frame, repoRoot) : shortLocation(frame, repoRoot);
    const name = frame.functionName || '(anonymous)';
    const key = `${name}@${location}`;
    const entry = functions.get(key) ?? { name, location, area, selfMillis: 0 };
    entry.selfMillis += micros / 1000;
    functions.set(key, entry);
    areas.set(area, (areas.get(area) ?? 0) + micros / 1000);
  }
  return toSummary(busy / 1000, areas, functions);
}

/** Adds up summaries of several profiles (the slices of one interleaved comparison). */
export function mergeSummaries(summaries: ProfileSummary[]): ProfileSummary {
  const areas = new Map<string, number>();
  const functions = new Map<string, FunctionTime>();
  for (const summary of summaries) {
    for (const { area, selfMillis } of summary.areas) areas.set(area, (areas.get(area) ?? 0) + selfMillis);
    for (const entry of summary.functions) {
      const key = `${entry.name}@${entry.location}`;
      const merged = functions.get(key) ?? { ...entry, selfMillis: 0 };
      merged.selfMillis += entry.selfMillis;
      functions.set(key, merged);
    }
  }
  return toSummary(
    summaries.reduce((sum, summary) => sum + summary.busyMillis, 0),
    areas,
    functions,
  );
}

function toSummary(busyMillis: number, areas: Map<string, number>, functions: Map<string, FunctionTime>): ProfileSummary {
  return {
    busyMillis,
    areas: [...areas].map(([area, selfMillis]) => ({ area, selfMillis })).sort((a, b) => b.selfMillis - a.selfMillis),
    functions: [...functions.values()].sort((a, b) => b.selfMillis - a.selfMillis),
  };
}

/** Which code a frame belongs to: the library, a package by name, the app, Node, or V8. */
function areaOf({ url, functionName }: CallFrame): string {
  if (url.includes('/libs/observability/')) return LIBRARY_AREA;
  const packagePath = url.split('/node_modules/').at(-1);
  if (packagePath !== undefined && packagePath !== url) {
    const [scope, name] = packagePath.split('/');
    return scope.startsWith('@') ? `${scope}/${name}` : scope;
  }
  if (url.includes('/dist/apps/')) return 'lift-sys app';
  if (url.includes('/dist/bench/') || functionName.startsWith('timedLoop_')) return 'benchmark harness';
  if (url.startsWith('wasm://')) return 'WebAssembly';
  if (url.startsWith('node:')) return 'Node.js internals';
  if (functionName === '(garbage collector)') return 'garbage collector';
  return url === '' ? 'V8 / native' : 'other';
}

function shortLocation(frame: CallFrame, repoRoot: string): string {
  if (frame.url === '') return '';
  const path = frame.url.startsWith('file:') ? relative(repoRoot, fileURLToPath(frame.url)) : frame.url;
  return `${path}:${frame.lineNumber + 1}`;
}
