import { LIGHT_ROUTE, type AppMode, type Route } from '../http/http-result.js';
import { METHOD_KINDS, type MethodKind, type Variant } from '../micro/targets/bench-target.js';
import type { MicroResult } from '../micro/micro-result.js';
import { nodeMajor } from '../support/environment.js';
import type { Estimate } from '../support/stats.js';
import type { HttpAnalysis } from './http-analysis.js';
import { fixed, ratioWithInterval, signedWithInterval } from './markdown.js';
import { findRow, type MicroRow } from './micro-analysis.js';

/** What to profile: `@Traced` (or a traced app) and what it is compared with. */
export type ProfileRequest = MicroProfileRequest | AppProfileRequest;
export interface MicroProfileRequest {
  type: 'micro';
  tracing: 'enabled' | 'disabled';
  kind: MethodKind;
  baseline: Variant;
  /** The Node major version the profile runs on (the decorator targets name more than one). */
  node: number;
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
  /** The estimate and its 95% interval. */
  measured: string;
  met: boolean;
  /** Whether the whole interval lies on the same side of the limit as the estimate. */
  decisive: boolean;
  /** The profiles that show where the measured cost goes (both stacks' for a comparison between them). */
  explainedBy: ProfileRequest[];
}

const MB = 2 ** 20;
/** The two tracing stacks the light fixture compares, each profiled against the disabled app. */
const LIGHT_STACKS = ['light-library', 'light-otel'] as const satisfies readonly AppMode[];

/** Tracing-enabled micro results per Node version, the tracing-disabled one, and the HTTP analysis. */
export interface TargetInput {
  enabled: { result: MicroResult; rows: MicroRow[] }[];
  disabled: { result: MicroResult; rows: MicroRow[] };
  http: HttpAnalysis;
}

/** Every target from the issue, judged on the estimate; `decisive` says whether its interval agrees. */
export function checkTargets({ enabled, disabled, http }: TargetInput): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const atMost = (
    target: string,
    limit: number,
    estimate: Estimate | undefined,
    show: (e: Estimate) => string,
    { unit = '', explainedBy = [] }: { unit?: string; explainedBy?: ProfileRequest[] } = {},
  ) => {
    const value = estimate ?? { value: Number.NaN, low: Number.NaN, high: Number.NaN, n: 0 };
    checks.push({
      target,
      limit: `≤ ${fixed(limit, unit === '' ? 3 : 1)}${unit === '' ? 'x' : unit}`,
      measured: show(value),
      met: value.value <= limit,
      decisive: value.value <= limit ? value.high <= limit : value.low > limit,
      explainedBy,
    });
  };
  const atLeast = (target: string, limit: number, estimate: Estimate) =>
    checks.push({
      target,
      limit: `≥ ${fixed(limit, 3)}x`,
      measured: ratioWithInterval(estimate),
      met: estimate.value >= limit,
      decisive: estimate.value >= limit ? estimate.low >= limit : estimate.high < limit,
      explainedBy: [],
    });

  for (const { result, rows } of enabled) {
    for (const [kind, limit] of [
      ['sync', 1.05],
      ['async', 1.1],
    ] as const) {
      atMost(
        `\`@Traced\` / manual span, ${kind}, Node ${result.node}`,
        limit,
        findRow(rows, 'traced', kind)?.vsManual,
        ratioWithInterval,
        { explainedBy: [{ type: 'micro', tracing: 'enabled', kind, baseline: 'manual', node: nodeMajor(result.node) }] },
      );
    }
  }
  const newest = enabled.at(-1);
  if (newest !== undefined) {
    atMost(
      `\`@Traced\` / nestjs-otel \`@Span\`, async, Node ${newest.result.node}`,
      0.8,
      findRow(newest.rows, 'traced', 'async')?.vsNestjsOtel,
      ratioWithInterval,
    );
  }
  for (const kind of ['sync', 'async'] as const) {
    atMost(
      `tracing disabled: ns added per \`@Traced\` call, ${kind}`,
      25,
      findRow(disabled.rows, 'traced', kind)?.addedNs,
      (e) => `${signedWithInterval(e)} ns`,
      { unit: ' ns' },
    );
  }
  for (const row of http.overhead.filter((entry) => entry.mode === 'healthy')) {
    atMost(`CPU per request traced / disabled, ${row.route}`, 1.05, row.cpu, ratioWithInterval, {
      explainedBy: [{ type: 'app', mode: 'healthy', route: row.route, baseline: 'disabled' }],
    });
  }
  atMost(
    'light fixture: CPU added per request, this library / standard OpenTelemetry stack',
    0.6,
    http.addedVsOtel,
    ratioWithInterval,
    {
      explainedBy: LIGHT_STACKS.map((mode): ProfileRequest => ({
        type: 'app',
        mode,
        route: LIGHT_ROUTE,
        baseline: 'light-disabled',
      })),
    },
  );
  for (const row of http.outage) {
    atLeast(`outage (${row.mode}) throughput capacity / healthy (from CPU per request), ${row.route}`, 0.95, row.capacity);
  }
  for (const entry of http.memory) {
    if (entry.settledHeapVsHealthy === undefined) continue;
    const inMegabytes = ({ value, low, high, n }: Estimate): Estimate => ({
      value: value / MB,
      low: low / MB,
      high: high / MB,
      n,
    });
    atMost(
      `outage (${entry.mode}) settled heap − healthy settled heap`,
      10,
      inMegabytes(entry.settledHeapVsHealthy),
      (e) => `${signedWithInterval(e)} MB`,
      { unit: ' MB' },
    );
  }
  return checks;
}

/** A profile to take, and why. */
export interface PlannedProfile {
  request: ProfileRequest;
  reason: string;
}

/**
 * A full run profiles every decorated-method case against the hand-written span on each Node
 * version the decorator targets name (`nodes`), and every traced app against its baseline.
 */
export function fullProfiles(nodes: readonly number[]): PlannedProfile[] {
  return [
    ...nodes.flatMap((node) =>
      METHOD_KINDS.map((kind): PlannedProfile => ({
        request: { type: 'micro', tracing: 'enabled', kind, baseline: 'manual', node },
        reason: 'hot path of the decorator',
      })),
    ),
    ...(
      [
        ['healthy', 'POST /api/spec-sessions', 'disabled'],
        ['healthy', 'GET /api/spec-sessions/:id', 'disabled'],
        ...LIGHT_STACKS.map((mode) => [mode, LIGHT_ROUTE, 'light-disabled'] as const),
      ] as const
    ).map(([mode, route, baseline]): PlannedProfile => ({
      request: { type: 'app', mode, route, baseline },
      reason: 'per-request cost of tracing',
    })),
  ];
}

/** Quick mode profiles a fixed pair (the method on the run's own Node), so the profiling code always runs. */
export function quickProfiles(node: number): PlannedProfile[] {
  return [
    { request: { type: 'micro', tracing: 'enabled', kind: 'async', baseline: 'manual', node }, reason: 'quick-mode sample' },
    {
      request: { type: 'app', mode: 'healthy', route: 'GET /api/spec-sessions/:id', baseline: 'disabled' },
      reason: 'quick-mode sample',
    },
  ];
}

/** Whether two requests name the same profile. */
export function sameProfile(a: ProfileRequest, b: ProfileRequest): boolean {
  if (a.type === 'micro' && b.type === 'micro') {
    return a.tracing === b.tracing && a.kind === b.kind && a.baseline === b.baseline && a.node === b.node;
  }
  return a.type === 'app' && b.type === 'app' && a.mode === b.mode && a.route === b.route && a.baseline === b.baseline;
}
