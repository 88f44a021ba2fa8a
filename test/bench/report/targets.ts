import type { AppMode, Route } from '../http/http-result.js';
import type { MethodKind, Variant } from '../micro/targets/bench-target.js';
import type { HttpAnalysis } from './http-analysis.js';
import { fixed, ratio, signed } from './markdown.js';
import { findRow, type MicroRow } from './micro-analysis.js';

/** What to profile when a target is missed: `@Traced` (or a traced app) and what it was compared with. */
export type ProfileRequest = MicroProfileRequest | AppProfileRequest;
export interface MicroProfileRequest {
  type: 'micro';
  tracing: 'enabled' | 'disabled';
  kind: MethodKind;
  baseline: Variant;
}
export interface AppProfileRequest {
  type: 'app';
  mode: AppMode;
  route: Route;
  baseline: AppMode;
}

export interface TargetCheck {
  target: string;
  limit: string;
  measured: string;
  met: boolean;
  profile: ProfileRequest | undefined;
}

const MB = 2 ** 20;

/** Every target from the issue, judged on medians of paired per-round values. */
export function checkTargets(enabled: MicroRow[], disabled: MicroRow[], http: HttpAnalysis): TargetCheck[] {
  const traced = (rows: MicroRow[], kind: MethodKind): MicroRow | undefined => findRow(rows, 'traced', kind);
  const atMost = (value: number | undefined, limit: number): boolean => value !== undefined && value <= limit;
  const checks: TargetCheck[] = [];
  const micro = (
    target: string,
    limit: number,
    value: number | undefined,
    format: (v: number) => string,
    profile: ProfileRequest,
  ) =>
    checks.push({
      target,
      limit: `≤ ${format(limit)}`,
      measured: format(value ?? Number.NaN),
      met: atMost(value, limit),
      profile,
    });

  const manual = (kind: MethodKind): ProfileRequest => ({ type: 'micro', tracing: 'enabled', kind, baseline: 'manual' });
  micro('`@Traced` / manual span, sync', 1.05, traced(enabled, 'sync')?.vsManual, ratio, manual('sync'));
  micro('`@Traced` / manual span, async', 1.1, traced(enabled, 'async')?.vsManual, ratio, manual('async'));
  micro('`@Traced` / nestjs-otel `@Span`, async', 0.8, traced(enabled, 'async')?.vsNestjsOtel, ratio, {
    type: 'micro',
    tracing: 'enabled',
    kind: 'async',
    baseline: 'nestjs-otel',
  });
  for (const kind of ['sync', 'async'] as const) {
    const ns = (v: number): string => `${fixed(v, 1)} ns`;
    micro(`tracing disabled: ns added per \`@Traced\` call, ${kind}`, 25, traced(disabled, kind)?.addedNs, ns, {
      type: 'micro',
      tracing: 'disabled',
      kind,
      baseline: 'plain',
    });
  }
  for (const row of http.overhead.filter((entry) => entry.mode === 'healthy')) {
    checks.push({
      target: `HTTP throughput traced / disabled, ${row.route}`,
      limit: '≥ 0.950x',
      measured: ratio(row.throughputRatio),
      met: row.throughputRatio >= 0.95,
      profile: { type: 'app', mode: 'healthy', route: row.route, baseline: 'disabled' },
    });
  }
  for (const row of http.outage) {
    checks.push({
      target: `outage (${row.mode}) throughput / healthy, ${row.route}`,
      limit: '≥ 0.950x',
      measured: ratio(row.throughputRatio),
      met: row.throughputRatio >= 0.95,
      profile: { type: 'app', mode: row.mode, route: row.route, baseline: 'healthy' },
    });
  }
  for (const entry of http.memory.filter((row) => row.mode === 'refused' || row.mode === 'hanging')) {
    checks.push({
      target: `outage (${entry.mode}) peak RSS − healthy peak RSS`,
      limit: '≤ +10.0 MB',
      measured: `${signed(entry.peakVsHealthyBytes / MB)} MB`,
      met: entry.peakVsHealthyBytes <= 10 * MB,
      profile: undefined,
    });
  }
  return checks;
}

/** A profile to take, and why. */
export interface PlannedProfile {
  request: ProfileRequest;
  reason: string;
}

/** One profile per missed micro case, and one per app mode (on its first missed route). */
export function profilesFor(checks: TargetCheck[]): PlannedProfile[] {
  const wanted = new Map<string, PlannedProfile>();
  for (const { met, profile, target } of checks) {
    if (met || profile === undefined) continue;
    const key = profile.type === 'micro' ? `micro-${profile.tracing}-${profile.kind}-${profile.baseline}` : `app-${profile.mode}`;
    const planned = wanted.get(key);
    if (planned === undefined) wanted.set(key, { request: profile, reason: `missed: ${target}` });
    else planned.reason += `; ${target}`;
  }
  return [...wanted.values()];
}

/** Quick mode profiles a fixed pair, whatever the (meaningless) verdicts, so the profiling code always runs. */
export const QUICK_PROFILES: PlannedProfile[] = [
  { request: { type: 'micro', tracing: 'enabled', kind: 'async', baseline: 'manual' }, reason: 'quick-mode sample' },
  {
    request: { type: 'app', mode: 'healthy', route: 'GET /api/spec-sessions/:id', baseline: 'disabled' },
    reason: 'quick-mode sample',
  },
];
